import type { ScanCluster } from '../types.ts';
import { entropyTable, type Windows, windowAt, windows, zoneConstants } from './cylinders.ts';
import { replicaMaxima } from './replicas.ts';
import { type ScanInput, type ScanProblem, scanProblem } from './scan-input.ts';
import { buildZones, type Zones } from './zones.ts';

/**
 * Kulldorff's space-time scan statistic with the Poisson model, retrospective (Kulldorff 1997,
 * Commun Stat Theory Methods 26:1481; Kulldorff, Athas, Feuer, Miller & Key 1998, Am J Public
 * Health 88:1377; conventions of the SaTScan User Guide v10). The scanning window is a
 * cylinder: a circular zone (zones.ts) × any run of 1..maxPeriods consecutive periods. For a
 * cylinder with c cases of N and e expected, only high rates count (c > e) and the
 * log-likelihood ratio is
 *   LLR = c·ln(c/e) + (N − c)·ln((N − c)/(N − e)).
 * The most likely cluster has the largest LLR. Its p-value is found by Monte Carlo hypothesis
 * testing (Dwass 1957; Kulldorff 2001, JRSS A 164:61): `replications` datasets drawn under the
 * null with N fixed — a multinomial over the cells with probabilities e/N — are scanned alike,
 * and p = (1 + number of replicas whose largest LLR is at least the observed) / (R + 1).
 * Secondary clusters are the next-best zones (each with its best window) that share no region
 * with a cluster already reported (SaTScan's default, "no geographical overlap"); their p-values
 * come from the same replica maxima, which is conservative (SaTScan does the same).
 *
 * Speed (bench/insights-scan.ts): the expected count of every cylinder is the same in every
 * replica, so per zone the constants of the LLR are computed once per batch of replicas:
 *   LLR = [c·ln c + (N − c)·ln(N − c)] − c·(ln e − ln(N − e)) − N·ln(N − e),
 * where the bracket is a table indexed by the whole number c. Zones are grown one region at a
 * time (zone k is zone k − 1 plus one region), for a whole batch of replicas at once. A p-value
 * only needs to know which replica maxima reach an observed LLR, so after a pilot the replicas
 * are searched only above a floor (`replicaMaxima`): per window, the fewest cases reaching it is
 * computed once per zone, and a one-pass bound (`zoneBound`) rules out most zones of a replica
 * without looking at their windows. Nothing is approximated: every p-value is the one the full
 * search gives (a test checks this), and a full search is run when the floor cannot settle one.
 */
export interface ScanResult {
  /** The most likely cluster first (when any cylinder has more cases than expected), then the
   *  secondary clusters with p ≤ alpha, by decreasing LLR. */
  clusters: ScanCluster[];
  replications: number;
}

/** The window (index) of the best high-rate LLR of one zone, or −1. */
function argBestWindow(
  series: Int32Array,
  T: number,
  L: number,
  table: Float64Array,
  e: Float64Array,
  a: Float64Array,
  b: Float64Array,
): { window: number; llr: number } {
  let best = 0;
  let window = -1;
  let w = 0;
  for (let s = 0; s < T; s++) {
    const end = s + Math.min(L, T - s);
    let c = 0;
    for (let t = s; t < end; t++, w++) {
      c += series[t]!;
      const llr = table[c]! - c * a[w]! - b[w]!;
      if (llr > best && c > e[w]!) [best, window] = [llr, w];
    }
  }
  return { window, llr: best };
}

interface Candidate {
  centre: number;
  size: number;
  window: number;
  /** LLR as the table computes it, comparable with the replicas' maxima. */
  llr: number;
}

/** Each distinct zone's best cylinder on the observed counts. */
function scanObserved(p: ScanProblem, zones: Zones, table: Float64Array, W: Windows): Candidate[] {
  const R = p.regions.length;
  const T = p.periods.length;
  const counts = Int32Array.from(p.counts);
  const series = new Int32Array(T);
  const zoneExpected = new Float64Array(T);
  const [e, a, b] = [0, 1, 2].map(() => new Float64Array(W.count)) as [
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const found: Candidate[] = [];
  for (let centre = 0; centre < R; centre++) {
    const order = zones.order[centre]!;
    const sizes = zones.sizes[centre]!;
    series.fill(0);
    zoneExpected.fill(0);
    let next = 0;
    for (let k = 1; k <= order.length; k++) {
      const r = order[k - 1]!;
      for (let t = 0; t < T; t++) {
        series[t]! += counts[r * T + t]!;
        zoneExpected[t]! += p.expected[r * T + t]!;
      }
      if (sizes[next] !== k) continue;
      next++;
      zoneConstants(zoneExpected, p.total, W.length, e, a, b);
      const best = argBestWindow(series, T, W.length, table, e, a, b);
      if (best.window >= 0) found.push({ centre, size: k, ...best });
    }
  }
  return found;
}

/** The log-likelihood ratio computed directly (for reporting). */
function logLikelihoodRatio(c: number, e: number, N: number): number {
  const inside = c * Math.log(c / e);
  return N > c ? inside + (N - c) * Math.log((N - c) / (N - e)) : inside;
}

function report(
  p: ScanProblem,
  zones: Zones,
  W: Windows,
  candidate: Candidate,
  pValue: number,
): ScanCluster {
  const T = p.periods.length;
  const N = p.total;
  const members = [...zones.order[candidate.centre]!.subarray(0, candidate.size)];
  const { start, length } = windowAt(candidate.window, T, W.length);
  let c = 0;
  let e = 0;
  for (const r of members) {
    for (let t = start; t < start + length; t++) {
      c += p.counts[r * T + t]!;
      e += p.expected[r * T + t]!;
    }
  }
  // SaTScan's relative risk: the rate inside over the rate outside. With no case outside it is
  // unbounded; the observed/expected ratio inside is given instead.
  const relativeRisk = N > c ? c / e / ((N - c) / (N - e)) : c / e;
  return {
    regions: members.map((r) => p.regions[r]!.id),
    start: p.periods[start]!,
    end: p.periods[start + length - 1]!,
    observed: c,
    expected: e,
    relativeRisk,
    logLikelihoodRatio: logLikelihoodRatio(c, e, N),
    p: pValue,
  };
}

/** Scans `input` for space-time clusters of high rates; throws InsightsInputError on bad input. */
export function spaceTimeScan(input: ScanInput): ScanResult {
  const p = scanProblem(input);
  const R = p.regions.length;
  const T = p.periods.length;
  if (p.total === 0) return { clusters: [], replications: p.replications };
  const regionExpected = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    for (let t = 0; t < T; t++) regionExpected[r]! += p.expected[r * T + t]!;
  }
  const zones = buildZones(p.regions, regionExpected, p.maxRegions, p.maxPopulationShare * p.total);
  const W = windows(T, p.maxPeriods);
  const table = entropyTable(p.total);
  const candidates = scanObserved(p, zones, table, W).sort(
    (x, y) => y.llr - x.llr || x.centre - y.centre || x.size - y.size,
  );
  if (candidates.length === 0) return { clusters: [], replications: p.replications };

  // Replicas tie with the observed value when they reach it up to the rounding of the table form.
  const tolerance = 8 * Number.EPSILON * (table[0]! + 1);
  const chosen = nonOverlapping(candidates, zones, R);
  const mostLikely = chosen[0]!.llr;
  let { maxima, floor } = replicaMaxima(p, zones, table, W, mostLikely, tolerance, false);
  let clusters = decide(p, chosen, maxima, floor, tolerance);
  if (clusters === undefined) {
    // A secondary cluster below the floor might still be significant: scan again in full.
    ({ maxima, floor } = replicaMaxima(p, zones, table, W, mostLikely, tolerance, true));
    clusters = decide(p, chosen, maxima, floor, tolerance)!;
  }
  return {
    clusters: clusters.map(([c, pv]) => report(p, zones, W, c, pv)),
    replications: p.replications,
  };
}

/** The candidates in LLR order that share no region with a better one (SaTScan's default). */
function nonOverlapping(candidates: readonly Candidate[], zones: Zones, R: number): Candidate[] {
  const taken = new Uint8Array(R);
  const chosen: Candidate[] = [];
  for (const candidate of candidates) {
    const members = zones.order[candidate.centre]!.subarray(0, candidate.size);
    if (members.some((r) => taken[r] === 1)) continue;
    chosen.push(candidate);
    for (const r of members) taken[r] = 1;
  }
  return chosen;
}

/**
 * The clusters to report with their p-values: the most likely, then the others while p ≤ alpha
 * (p grows as the LLR falls, so once one misses, all after it do). Undefined when a cluster's
 * LLR is below the floor and the maxima known cannot settle whether it is significant.
 */
function decide(
  p: ScanProblem,
  chosen: readonly Candidate[],
  maxima: Float64Array,
  floor: number,
  tolerance: number,
): [Candidate, number][] | undefined {
  const atLeast = (llr: number) => maxima.reduce((n, m) => (m >= llr - tolerance ? n + 1 : n), 0);
  const pValue = (llr: number) => (1 + atLeast(llr)) / (maxima.length + 1);
  const out: [Candidate, number][] = [];
  for (const candidate of chosen) {
    if (candidate.llr < floor && out.length > 0) {
      // Its p is at least that of the floor; if even that misses alpha, so does this cluster.
      return pValue(floor) > p.alpha ? out : undefined;
    }
    const pv = pValue(candidate.llr);
    if (out.length > 0 && pv > p.alpha) break;
    out.push([candidate, pv]);
  }
  return out;
}
