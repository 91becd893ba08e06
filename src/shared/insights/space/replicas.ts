/** The Monte Carlo replicas of the space-time scan (scan.ts), and the search of each. */
import { type Windows, zoneConstants } from './cylinders.ts';
import { Multinomial } from './multinomial.ts';
import { scanRng } from './random.ts';
import type { ScanProblem } from './scan-input.ts';
import type { Zones } from './zones.ts';

/** Replica cells held at once (Int32, 4 bytes each): replicas are drawn in batches. */
const BATCH_CELLS = 2 ** 24;

/**
 * The largest high-rate LLR (table form) over the windows of one zone, if above `best`: for the
 * pilot replicas, which have no floor yet.
 */
function bestOverWindowsPilot(
  series: Int32Array,
  from: number,
  T: number,
  L: number,
  table: Float64Array,
  e: Float64Array,
  a: Float64Array,
  b: Float64Array,
  best: number,
): number {
  let w = 0;
  for (let s = 0; s < T; s++) {
    const end = from + s + Math.min(L, T - s);
    let c = 0;
    for (let t = from + s; t < end; t++, w++) {
      c += series[t]!;
      const llr = table[c]! - c * a[w]! - b[w]!;
      // The rare comparison first: most windows fall below the best so far.
      if (llr > best && c > e[w]!) best = llr;
    }
  }
  return best;
}

/**
 * For every window, the fewest cases that make its LLR (table form) at least `threshold`: the
 * LLR of a high rate grows with c, so a search over c > e, started from the Poisson
 * approximation c ≈ e + √(2·threshold·e) + 2·threshold/3 and widened by doubling steps. N + 1
 * when even N cases would not do (or the window can hold no high rate).
 */
function casesNeeded(
  threshold: number,
  N: number,
  table: Float64Array,
  e: Float64Array,
  a: Float64Array,
  b: Float64Array,
  out: Int32Array,
): void {
  for (let w = 0; w < out.length; w++) {
    const ew = e[w]!;
    // The LLR at c, less the threshold: ≥ 0 when c cases are enough.
    const bw = b[w]! + threshold;
    const aw = a[w]!;
    const least = Math.floor(ew) + 1;
    if (!(least <= N) || table[N]! - N * aw < bw) {
      out[w] = N + 1;
      continue;
    }
    const approx = Math.round(ew + Math.sqrt(2 * threshold * ew) + (2 * threshold) / 3);
    const guess = Math.min(N, Math.max(least, approx));
    // Bracket the answer in (lo, hi]: hi is enough, lo is not (or lo < least).
    let lo = guess;
    let hi = guess;
    let step = 1;
    if (table[guess]! - guess * aw >= bw) {
      lo = hi - step;
      while (lo >= least && table[lo]! - lo * aw >= bw) {
        hi = lo;
        step *= 2;
        lo = hi - step;
      }
      if (lo < least) lo = least - 1;
    } else {
      hi = Math.min(N, lo + step);
      while (table[hi]! - hi * aw < bw) {
        lo = hi;
        step *= 2;
        hi = Math.min(N, lo + step);
      }
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (table[mid]! - mid * aw >= bw) hi = mid;
      else lo = mid;
    }
    out[w] = hi;
  }
}

/**
 * A test that rules out most zones of a replica at the cost of one pass over its periods. With
 * x_t = c_t − e_t, a window w of length l reaches its `need` only if Σ_w x_t ≥ need_w − e_w,
 * which is at least D_l, the least such margin among windows of length l. Taking a line
 * α + β·l under every D_l (through the shortest possible window, with the least slope to any
 * other), a window that passes has Σ_w (x_t − β) ≥ α, and the largest sum of (x_t − β) over any
 * run of periods (Kadane's algorithm) bounds the left side. Under the null the drift β makes
 * that largest sum small, so the windows need not be looked at. Returns α (+∞ when no window can
 * pass) and fills `shifted` with e_t + β.
 */
function zoneBound(
  zoneExpected: Float64Array,
  N: number,
  L: number,
  e: Float64Array,
  need: Int32Array,
  margin: Float64Array,
  shifted: Float64Array,
): number {
  const T = zoneExpected.length;
  margin.fill(Infinity);
  let w = 0;
  for (let s = 0; s < T; s++) {
    const longest = Math.min(L, T - s);
    for (let l = 1; l <= longest; l++, w++) {
      if (need[w]! <= N) margin[l] = Math.min(margin[l]!, need[w]! - e[w]!);
    }
  }
  let first = 1;
  while (first <= L && margin[first] === Infinity) first++;
  if (first > L) return Infinity;
  let slope = Infinity;
  for (let l = first + 1; l <= L; l++) {
    if (margin[l]! < Infinity) slope = Math.min(slope, (margin[l]! - margin[first]!) / (l - first));
  }
  if (slope === Infinity) slope = 0;
  for (let t = 0; t < T; t++) shifted[t] = zoneExpected[t]! + slope;
  return margin[first]! - slope * first;
}

/** Whether some run of periods has Σ (c_t − shifted_t) ≥ alpha (Kadane's maximum subarray). */
function mayReach(series: Int32Array, from: number, shifted: Float64Array, alpha: number): boolean {
  let run = 0;
  for (let t = 0; t < shifted.length; t++) {
    run = (run > 0 ? run : 0) + series[from + t]! - shifted[t]!;
    if (run >= alpha) return true;
  }
  return false;
}

/** The largest LLR (table form) over the windows of one zone, looked at only where c ≥ need. */
function bestOverWindows(
  series: Int32Array,
  from: number,
  T: number,
  L: number,
  table: Float64Array,
  need: Int32Array,
  a: Float64Array,
  b: Float64Array,
  best: number,
): number {
  let w = 0;
  for (let s = 0; s < T; s++) {
    const end = from + s + Math.min(L, T - s);
    let c = 0;
    for (let t = from + s; t < end; t++, w++) {
      c += series[t]!;
      if (c >= need[w]!) {
        const llr = table[c]! - c * a[w]! - b[w]!;
        if (llr > best) best = llr;
      }
    }
  }
  return best;
}

/** Replicas scanned in full before the floor is set (see `replicaMaxima`). */
const PILOT = 19;

/**
 * The largest LLR of each of `p.replications` datasets drawn under the null, exact wherever it
 * is at least the returned `floor` (below it, only known to be below). A p-value needs the count
 * of replicas at or above an observed LLR, so maxima far below every LLR that matters need not
 * be known: the first PILOT replicas are scanned in full, and the others only in windows with
 * enough cases to reach floor = min(the most likely cluster's LLR, the pilot's lowest maximum).
 * Testing a window then costs one comparison of whole numbers. With `exact`, nothing is skipped.
 */
export function replicaMaxima(
  p: ScanProblem,
  zones: Zones,
  table: Float64Array,
  W: Windows,
  mostLikely: number,
  tolerance: number,
  exact: boolean,
): { maxima: Float64Array; floor: number } {
  const R = p.regions.length;
  const T = p.periods.length;
  const N = p.total;
  const total = p.replications;
  const maxima = new Float64Array(total);
  const largestBatch = Math.max(1, Math.floor(BATCH_CELLS / (R * T)));
  const rng = scanRng(p.seed);
  const multinomial = new Multinomial(p.expected, T);
  const draw = new Int32Array(R * T);
  // data[(r·batch + i)·T + t]: region r's series in replica i, so adding a region to a zone
  // reads one contiguous block for the whole batch.
  const data = new Int32Array(R * Math.min(total, largestBatch) * T);
  const series = new Int32Array(Math.min(total, largestBatch) * T);
  const zoneExpected = new Float64Array(T);
  const [e, a, b] = [0, 1, 2].map(() => new Float64Array(W.count)) as [
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const need = new Int32Array(W.count);
  const L = W.length;
  const margin = new Float64Array(L + 1);
  const shifted = new Float64Array(T);
  // Rounding in sums of expected counts, with room to spare, for `mayReach`.
  const slack = 1e-9 * (N + 1);
  let floor = 0;
  for (let first = 0; first < total;) {
    const pilot = !exact && first === 0 && total > PILOT;
    const n = Math.min(pilot ? PILOT : largestBatch, total - first);
    const scanAll = pilot || exact || floor <= tolerance;
    for (let i = 0; i < n; i++) {
      multinomial.draw(N, rng, draw);
      for (let r = 0; r < R; r++) data.set(draw.subarray(r * T, (r + 1) * T), (r * n + i) * T);
    }
    for (let centre = 0; centre < R; centre++) {
      const order = zones.order[centre]!;
      const sizes = zones.sizes[centre]!;
      series.fill(0, 0, n * T);
      zoneExpected.fill(0);
      let next = 0;
      for (let k = 1; k <= order.length; k++) {
        const r = order[k - 1]!;
        const from = r * n * T;
        for (let j = 0; j < n * T; j++) series[j]! += data[from + j]!;
        for (let t = 0; t < T; t++) zoneExpected[t]! += p.expected[r * T + t]!;
        if (sizes[next] !== k) continue;
        next++;
        zoneConstants(zoneExpected, N, W.length, e, a, b);
        if (scanAll) {
          for (let i = 0; i < n; i++) {
            const m = maxima[first + i]!;
            maxima[first + i] = bestOverWindowsPilot(series, i * T, T, L, table, e, a, b, m);
          }
          continue;
        }
        casesNeeded(floor - 2 * tolerance, N, table, e, a, b, need);
        const alpha = zoneBound(zoneExpected, N, L, e, need, margin, shifted) - slack;
        for (let i = 0; i < n; i++) {
          if (!mayReach(series, i * T, shifted, alpha)) continue;
          const m = maxima[first + i]!;
          maxima[first + i] = bestOverWindows(series, i * T, T, L, table, need, a, b, m);
        }
      }
    }
    if (pilot) floor = Math.min(mostLikely, ...maxima.subarray(0, n));
    first += n;
  }
  return { maxima, floor };
}
