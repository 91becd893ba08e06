/**
 * Differentially private aggregates: noisy counts of every combination of up to `length`
 * attribute values, in the manner of Microsoft Research's Synthetic Data Showcase ("DP
 * aggregate-seeded synthesis", github.com/microsoft/synthetic-data-showcase, docs/dp/README.md),
 * with its privacy accounting made exact. The rules and their sources: docs/differential-privacy.md.
 */
import type { Table } from '../table.ts';
import { TableError } from '../table.ts';
import type { EncodedTable } from './items.ts';
import { AggregateError } from './aggregate-error.ts';
import { candidatesFrom, codecFor, parentMinimum } from './candidates.ts';
import { encodeTable, forEachSubset } from './items.ts';
import { gaussianMu, normalQuantile } from './normal.ts';
import type { Rng } from './random.ts';
import { rngFor, standardNormal, uniformInt } from './random.ts';

export interface AggregateOptions {
  /** Total ε of the release (> 0). */
  epsilon: number;
  /** Total δ of the release, in (0, 1); default `DEFAULT_DELTA`. */
  delta?: number;
  /** Longest combination counted, 1..4. */
  length: number;
  /** Columns to aggregate (default: all). */
  columns?: string[];
  /** Seed of the noise — for tests and benchmarks only: a known seed undoes the noise. */
  seed?: number;
  /** Most combinations one record adds to at lengths 2, 3, 4 (default `DEFAULT_BOUNDS`). */
  contributionBounds?: readonly number[];
  /** Most non-empty values of a record used at lengths ≥ 2 (sampled when it has more). */
  maxItemsPerRecord?: number;
  /** Release threshold at lengths 2, 3, 4, in noise standard deviations. */
  thresholds?: readonly number[];
  /** Shares of the privacy budget (μ²) for the record total and lengths 1..4 (normalised). */
  shares?: readonly number[];
  /** Most candidate combinations examined at one length (refused beyond, or stopped). */
  maxCandidates?: number;
  /** When a length has too many candidates: stop there (true) or refuse (false, default). */
  stopWhenTooMany?: boolean;
}

/** One released combination: a set of column=value items and its noisy count. */
export interface DpCombination {
  items: { column: string; value: string }[];
  count: number;
}

export interface DpLengthParameters {
  length: number;
  /** Most combinations of this length any one record contributes to. */
  contributionBound: number;
  /** Standard deviation of the Gaussian noise added to each count. */
  sigma: number;
  /** Noisy counts below this are not released. */
  threshold: number;
  /** Combinations examined (derived from the released shorter ones); not given for length 1. */
  candidates: number | null;
  released: number;
}

export interface DpParameters {
  mechanism: 'gaussian';
  requestedLength: number;
  /** The whole release is μ-GDP (Dong, Roth & Su 2022) apart from partition selection. */
  mu: number;
  deltaGaussian: number;
  deltaPartitionSelection: number;
  recordsSigma: number;
  maxItemsPerRecord: number;
  lengths: DpLengthParameters[];
}

/** A differentially private release: everything in it may be published. */
export interface DpAggregates {
  columns: string[];
  /** The longest length released (less than requested only when stopped for size). */
  length: number;
  /** The noisy number of records. */
  records: number;
  /** Sorted by length, then by column order and value. */
  combinations: DpCombination[];
  epsilon: number;
  delta: number;
  parameters: DpParameters;
}

export { AggregateError };

/** Default δ: far below 1/n for any table the hub holds (Dwork & Roth 2014, §2.3). */
export const DEFAULT_DELTA = 1e-6;
/** Default bounds at lengths 2, 3, 4: all combinations of a record with ≤ 8 non-empty values. */
export const DEFAULT_BOUNDS: readonly number[] = [28, 56, 70];
export const DEFAULT_MAX_ITEMS = 12;
export const DEFAULT_THRESHOLDS: readonly number[] = [1.5, 0.5, 0.05];
/** Budget shares (of μ²) for: the record total, lengths 1, 2, 3, 4. */
export const DEFAULT_SHARES: readonly number[] = [0.005, 0.05, 0.1, 0.25, 0.6];
export const DEFAULT_MAX_CANDIDATES = 2_000_000;
/** Share of δ spent on partition selection of single values; the rest calibrates the noise. */
const PARTITION_SELECTION_SHARE = 0.5;

const binomial = (n: number, k: number): number => {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
};

function validate(o: AggregateOptions): void {
  if (typeof o.epsilon !== 'number' || !Number.isFinite(o.epsilon) || o.epsilon <= 0)
    throw new AggregateError('epsilon must be a finite number above 0');
  const delta = o.delta ?? DEFAULT_DELTA;
  if (!Number.isFinite(delta) || delta <= 0 || delta >= 1)
    throw new AggregateError('delta must be a number above 0 and below 1');
  if (!Number.isInteger(o.length) || o.length < 1 || o.length > 4)
    throw new AggregateError('length must be a whole number from 1 to 4');
  if (o.contributionBounds && !o.contributionBounds.every((x) => Number.isInteger(x) && x >= 1))
    throw new AggregateError('contribution bounds must be whole numbers above 0');
  if (o.thresholds && !o.thresholds.every((x) => Number.isFinite(x) && x >= 0))
    throw new AggregateError('thresholds must be numbers of at least 0');
  if (o.shares && (o.shares.length !== 5 || !o.shares.every((x) => Number.isFinite(x) && x >= 0)))
    throw new AggregateError('shares must be five numbers of at least 0');
  if (
    o.maxItemsPerRecord !== undefined &&
    !(Number.isInteger(o.maxItemsPerRecord) && o.maxItemsPerRecord >= 1)
  )
    throw new AggregateError('maxItemsPerRecord must be a whole number above 0');
}

/** Sampling without replacement: keeps `bound` of `list` in place (partial Fisher–Yates). */
function keepAtMost<T>(list: T[], bound: number, rng: Rng): T[] {
  if (list.length <= bound) return list;
  for (let i = 0; i < bound; i++) {
    const j = i + uniformInt(rng, list.length - i);
    const t = list[i]!;
    list[i] = list[j]!;
    list[j] = t;
  }
  list.length = bound;
  return list;
}

/**
 * Counts every combination of 1..`length` column values with differential privacy and returns
 * what may be published: noisy counts that passed the thresholds, made consistent (a
 * combination's count never exceeds a sub-combination's), the noisy number of records, the
 * parameters, and the (ε, δ) spent. Empty cells ('' and '-99') are not values. Throws
 * `AggregateError` for bad options and `TableError` for unknown columns or an empty table.
 */
export function aggregate(table: Table, options: AggregateOptions): DpAggregates {
  validate(options);
  const epsilon = options.epsilon;
  const delta = options.delta ?? DEFAULT_DELTA;
  const enc: EncodedTable = encodeTable(table, options.columns);
  if (enc.records.length === 0) throw new TableError('the table has no records');
  const rng = rngFor(options.seed);
  const c = enc.columns.length;
  const maxItems = options.maxItemsPerRecord ?? DEFAULT_MAX_ITEMS;
  const bounds = [
    c,
    ...[2, 3, 4].map((k, i) =>
      Math.max(
        1,
        Math.min(
          binomial(Math.min(c, maxItems), k),
          Math.round((options.contributionBounds ?? DEFAULT_BOUNDS)[i] ?? Infinity),
        ),
      ),
    ),
  ];
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const rawShares = options.shares ?? DEFAULT_SHARES;
  const used = [rawShares[0]!, ...rawShares.slice(1, options.length + 1)];
  const total = used.reduce((s, x) => s + x, 0);
  if (!(total > 0) || !(used[0]! > 0) || used.slice(1).some((x) => !(x > 0)))
    throw new AggregateError('every share in use must be above 0');

  // Accounting: the noisy total and the noisy counts of every length together form one
  // adaptive composition of Gaussian mechanisms, which is μ-GDP with μ² = Σ Δᵢ²/σᵢ² (Dong, Roth
  // & Su 2022, Corollary 3.3); its exact (ε, δ) curve is Balle & Wang's (2018, Theorem 8).
  const deltaPs = delta * PARTITION_SELECTION_SHARE;
  const deltaGaussian = delta - deltaPs;
  const mu = gaussianMu(epsilon, deltaGaussian);
  const share = (i: number) => used[i]! / total;
  const recordsSigma = 1 / (mu * Math.sqrt(share(0)));
  const sigmaOf = (k: number) => Math.sqrt(bounds[k - 1]!) / (mu * Math.sqrt(share(k)));

  const records = Math.max(0, Math.round(enc.records.length + recordsSigma * standardNormal(rng)));
  const released: Map<number, number>[] = [];
  const lengths: DpLengthParameters[] = [];

  // Length 1: the values are taken from the data, so a value's mere presence is private.
  // Partition selection: with Gaussian noise σ and each record in ≤ Δ₀ = c partitions, the
  // threshold τ = 1 + σ·Φ⁻¹((1 − δₚ)^(1/Δ₀)) releases a value seen once with probability ≤ δₚ
  // (Wilson et al., "Differentially private SQL with bounded user contribution", PoPETs 2020,
  // §4; Desfontaines, Voss, Gipson & Mandayam, "Differentially private partition selection",
  // PoPETs 2022; the same threshold as the showcase's ρ₁).
  const sigma1 = sigmaOf(1);
  const q = -Math.expm1(Math.log1p(-deltaPs) / bounds[0]!);
  const tau1 = 1 - sigma1 * normalQuantile(q);
  const singleCounts = new Map<number, number>();
  const trueSingles = new Float64Array(enc.items.length);
  for (const r of enc.records) for (const id of r) trueSingles[id]!++;
  for (let id = 0; id < enc.items.length; id++) {
    const noisy = trueSingles[id]! + sigma1 * standardNormal(rng);
    if (noisy < tau1) continue;
    const count = Math.round(Math.min(noisy, records));
    if (count >= 1) singleCounts.set(id, count);
  }
  // From here on values are numbered among the released ones only (`ids`, ascending).
  const ids = [...singleCounts.keys()].sort((a, b) => a - b);
  const compact = new Map(ids.map((id, i) => [id, i]));
  const codec = codecFor(ids.length, options.length);
  const itemColumn = Int32Array.from(ids.map((id) => enc.items[id]!.column));
  const singles = new Map(ids.map((id, i) => [i + 1, singleCounts.get(id)!]));
  released.push(singles);
  lengths.push({
    length: 1,
    contributionBound: bounds[0]!,
    sigma: sigma1,
    threshold: tau1,
    candidates: null,
    released: singles.size,
  });

  // Each record's items restricted to released values, at most `maxItems` of them (sampled).
  const kept = enc.records.map((r) => {
    const list: number[] = [];
    for (const id of r) {
      const c = compact.get(id);
      if (c !== undefined) list.push(c);
    }
    return keepAtMost(list, maxItems, rng).sort((a, b) => a - b);
  });

  let length = 1;
  const limit = options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
  for (let k = 2; k <= options.length; k++) {
    const previous = released[k - 2]!;
    const candidates = candidatesFrom(previous, k, itemColumn, codec, limit);
    if (candidates === null) {
      const message = `more than ${limit.toLocaleString('en')} combinations of length ${k} to examine: choose fewer columns or a shorter length`;
      if (options.stopWhenTooMany) break;
      throw new AggregateError(message);
    }
    const sigma = sigmaOf(k);
    const bound = bounds[k - 1]!;
    const counts = new Map<number, number>();
    for (const key of candidates) counts.set(key, 0);
    const mine: number[] = [];
    for (const r of kept) {
      mine.length = 0;
      forEachSubset(r, k, (s) => {
        const key = codec.encode(s);
        if (counts.has(key)) mine.push(key);
      });
      // Contribution bounding: a record adds to at most `bound` combinations of this length.
      for (const key of keepAtMost(mine, bound, rng)) counts.set(key, counts.get(key)! + 1);
    }
    // Below the threshold nothing is released; since every candidate (also those with a true
    // count of 0) gets noise, this threshold trades suppression against fabrication and costs
    // no privacy (showcase docs/dp/README.md §3.3).
    const threshold = (thresholds[k - 2] ?? thresholds[thresholds.length - 1] ?? 0) * sigma;
    const out = new Map<number, number>();
    for (const [key, count] of counts) {
      const noisy = count + sigma * standardNormal(rng);
      if (noisy < threshold) continue;
      const clamped = Math.round(
        Math.min(noisy, parentMinimum(codec.decode(key), previous, codec)),
      );
      if (clamped >= 1) out.set(key, clamped);
    }
    released.push(out);
    lengths.push({
      length: k,
      contributionBound: bound,
      sigma,
      threshold,
      candidates: candidates.length,
      released: out.size,
    });
    length = k;
  }

  const combinations: DpCombination[] = [];
  for (const level of released) {
    const keys = [...level.keys()]
      .map((key) => ({ key, ids: codec.decode(key) }))
      .sort((a, b) => {
        for (let i = 0; i < a.ids.length; i++)
          if (a.ids[i] !== b.ids[i]) return a.ids[i]! - b.ids[i]!;
        return 0;
      });
    for (const { key, ids: combination } of keys) {
      combinations.push({
        items: combination.map((c) => {
          const item = enc.items[ids[c]!]!;
          return { column: enc.columns[item.column]!, value: item.value };
        }),
        count: level.get(key)!,
      });
    }
  }
  return {
    columns: enc.columns,
    length,
    records,
    combinations,
    epsilon,
    delta,
    parameters: {
      mechanism: 'gaussian',
      requestedLength: options.length,
      mu,
      deltaGaussian,
      deltaPartitionSelection: deltaPs,
      recordsSigma,
      maxItemsPerRecord: maxItems,
      lengths,
    },
  };
}
