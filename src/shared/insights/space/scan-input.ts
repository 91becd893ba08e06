import { InsightsInputError } from '../errors.ts';
import type { Period, Region } from '../types.ts';

/** How expected counts are formed under the null hypothesis of no cluster. */
export type ScanBaseline =
  /** e[r][t] = n[r]·n[t]/N: each region's share of cases is constant over time (the default). */
  | { kind: 'margins' }
  /** e[r][t] = n[t]·pop[r]/Σpop: each period's cases spread in proportion to population. */
  | { kind: 'population'; population: readonly number[] }
  /** Given expected counts (any positive scale), rescaled so that they sum to N. */
  | { kind: 'expected'; expected: readonly (readonly number[])[] };

export interface ScanInput {
  regions: readonly Region[];
  periods: readonly Period[];
  /** counts[r][t]: whole numbers ≥ 0, one row per region, one column per period. */
  counts: readonly (readonly number[])[];
  baseline?: ScanBaseline;
  /** Monte Carlo replications (default 999). */
  replications?: number;
  /** Seed of the replicas' generator (default fixed: results are reproducible). */
  seed?: number;
  /** Largest zone in regions (default min(10, half the regions)). */
  maxRegions?: number;
  /** Largest zone as a share of the expected total (default 0.5, SaTScan's default). */
  maxPopulationShare?: number;
  /** Longest time window in periods (default min(12, half the periods)). */
  maxPeriods?: number;
  /** Secondary clusters are reported when p ≤ alpha (default 0.05); the most likely always. */
  alpha?: number;
}

/** The input checked, with expected counts and every default filled in. */
export interface ScanProblem {
  regions: readonly Region[];
  periods: readonly Period[];
  /** counts[r·T + t]. */
  counts: Float64Array;
  /** expected[r·T + t], summing to `total`. */
  expected: Float64Array;
  total: number;
  replications: number;
  seed: number;
  maxRegions: number;
  maxPopulationShare: number;
  maxPeriods: number;
  alpha: number;
}

/** SaTScan's default number of replications (User Guide v10, "Inference"). */
export const DEFAULT_REPLICATIONS = 999;
export const DEFAULT_SEED = 1997;
/** Cases beyond this would make the c·ln c table (8 bytes a case) unreasonably large. */
export const MAX_SCAN_TOTAL = 2 ** 26;
const MAX_REPLICATIONS = 99_999;

const fail = (message: string, field: string): never => {
  throw new InsightsInputError(message, undefined, field);
};

function wholeOption(value: number | undefined, field: string, min: number, max: number) {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(`${field} must be a whole number from ${min} to ${max} (got ${value})`, field);
  }
  return value;
}

function shareOption(value: number | undefined, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(value > 0 && value <= 1)) fail(`${field} must be above 0 and at most 1`, field);
  return value;
}

function checkRegionsAndPeriods(regions: readonly Region[], periods: readonly Period[]) {
  if (regions.length === 0) fail('at least one region is needed', 'regions');
  if (periods.length === 0) fail('at least one period is needed', 'periods');
  const ids = new Set<string>();
  regions.forEach((r, i) => {
    if (typeof r.id !== 'string' || r.id === '') fail(`region ${i + 1} has no id`, 'regions');
    if (ids.has(r.id)) fail(`region ${r.id} is listed twice`, 'regions');
    ids.add(r.id);
    const ok =
      Number.isFinite(r.latitude) &&
      Number.isFinite(r.longitude) &&
      Math.abs(r.latitude) <= 90 &&
      Math.abs(r.longitude) <= 360;
    if (!ok) fail(`region ${r.id} has no valid latitude and longitude`, 'regions');
  });
  const seen = new Set<string>();
  for (const p of periods) {
    if (seen.has(p)) fail(`period ${p} is listed twice`, 'periods');
    seen.add(p);
  }
}

/** A regions × periods table of finite numbers ≥ 0 (whole when `whole`), flattened. */
function table(
  rows: readonly (readonly number[])[],
  input: Pick<ScanInput, 'regions' | 'periods'>,
  field: string,
  whole: boolean,
): Float64Array {
  const R = input.regions.length;
  const T = input.periods.length;
  if (!Array.isArray(rows) || rows.length !== R) {
    fail(`${field} must have one row per region (${R}), not ${rows?.length ?? 0}`, field);
  }
  const out = new Float64Array(R * T);
  rows.forEach((row, r) => {
    const id = input.regions[r]!.id;
    if (!Array.isArray(row) || row.length !== T) {
      fail(`${field} for region ${id} must have one value per period (${T})`, field);
    }
    row.forEach((x, t) => {
      const ok = whole ? Number.isInteger(x) && x >= 0 : Number.isFinite(x) && x >= 0;
      if (!ok) {
        const what = whole ? 'a whole number ≥ 0' : 'a finite number ≥ 0';
        fail(`${field} for region ${id} in ${input.periods[t]} must be ${what} (got ${x})`, field);
      }
      out[r * T + t] = x;
    });
  });
  return out;
}

function expectedCounts(
  input: ScanInput,
  counts: Float64Array,
  total: number,
  R: number,
  T: number,
): Float64Array {
  const baseline = input.baseline ?? { kind: 'margins' };
  const e = new Float64Array(R * T);
  const byRegion = new Float64Array(R);
  const byPeriod = new Float64Array(T);
  for (let r = 0; r < R; r++) {
    for (let t = 0; t < T; t++) {
      byRegion[r]! += counts[r * T + t]!;
      byPeriod[t]! += counts[r * T + t]!;
    }
  }
  if (baseline.kind === 'margins') {
    if (total === 0) return e;
    for (let r = 0; r < R; r++) {
      for (let t = 0; t < T; t++) e[r * T + t] = (byRegion[r]! * byPeriod[t]!) / total;
    }
  } else if (baseline.kind === 'population') {
    const pop = baseline.population;
    if (!Array.isArray(pop) || pop.length !== R) {
      fail(`population must have one value per region (${R})`, 'baseline.population');
    }
    let sum = 0;
    pop.forEach((x, r) => {
      if (!(Number.isFinite(x) && x > 0)) {
        fail(
          `population of region ${input.regions[r]!.id} must be a number above 0 (got ${x})`,
          'baseline.population',
        );
      }
      sum += x;
    });
    for (let r = 0; r < R; r++) {
      for (let t = 0; t < T; t++) e[r * T + t] = (byPeriod[t]! * pop[r]!) / sum;
    }
  } else if (baseline.kind === 'expected') {
    const given = table(baseline.expected, input, 'baseline.expected', false);
    let sum = 0;
    for (let i = 0; i < given.length; i++) {
      if (given[i] === 0 && counts[i]! > 0) {
        const id = input.regions[Math.floor(i / T)]!.id;
        fail(
          `expected count for region ${id} in ${input.periods[i % T]} is 0 but cases were counted`,
          'baseline.expected',
        );
      }
      sum += given[i]!;
    }
    // A zero sum means zero cases too (a count where the expected count is 0 is refused above).
    if (sum > 0) for (let i = 0; i < given.length; i++) e[i] = (given[i]! * total) / sum;
  } else {
    fail('baseline.kind must be margins, population or expected', 'baseline');
  }
  return e;
}

/** Checks the input (throwing InsightsInputError naming the field) and fills in defaults. */
export function scanProblem(input: ScanInput): ScanProblem {
  checkRegionsAndPeriods(input.regions, input.periods);
  const R = input.regions.length;
  const T = input.periods.length;
  const counts = table(input.counts, input, 'counts', true);
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  if (total > MAX_SCAN_TOTAL) fail(`at most ${MAX_SCAN_TOTAL} cases can be scanned`, 'counts');
  const expected = expectedCounts(input, counts, total, R, T);
  const maxRegions = wholeOption(input.maxRegions, 'maxRegions', 1, Number.MAX_SAFE_INTEGER);
  const maxPeriods = wholeOption(input.maxPeriods, 'maxPeriods', 1, Number.MAX_SAFE_INTEGER);
  return {
    regions: input.regions,
    periods: input.periods,
    counts,
    expected,
    total,
    replications:
      wholeOption(input.replications, 'replications', 0, MAX_REPLICATIONS) ?? DEFAULT_REPLICATIONS,
    seed: wholeOption(input.seed, 'seed', 0, 2 ** 32 - 1) ?? DEFAULT_SEED,
    maxRegions: Math.min(R, maxRegions ?? Math.min(10, Math.max(1, Math.floor(R / 2)))),
    maxPopulationShare: shareOption(input.maxPopulationShare, 'maxPopulationShare', 0.5),
    maxPeriods: Math.min(T, maxPeriods ?? Math.min(12, Math.max(1, Math.floor(T / 2)))),
    alpha: shareOption(input.alpha, 'alpha', 0.05),
  };
}
