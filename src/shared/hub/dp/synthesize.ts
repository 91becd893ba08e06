/**
 * Synthetic microdata from differentially private aggregates alone — never from the records —
 * so the synthetic table inherits the aggregates' guarantee by post-processing (Dwork & Roth
 * 2014, Proposition 2.1). Aggregate-seeded synthesis after the Synthetic Data Showcase
 * (docs/dp/README.md §4): records are grown one attribute at a time, each value drawn in
 * proportion to the released counts of the combinations it would form with the values already
 * drawn, less what earlier synthetic records already used (the showcase's
 * `use_synthetic_counts`), so that the synthetic counts track the released ones.
 * Rules and their limits: docs/differential-privacy.md, "Synthesis".
 */
import type { Table } from '../table.ts';
import type { DpAggregates } from './aggregate.ts';
import type { Rng } from './random.ts';
import { rngFor, uniformInt } from './random.ts';

export interface SynthesizeOptions {
  /** Seed of the sampling (the aggregates are already private: a seed here reveals nothing). */
  seed?: number;
  /** Cell written where a synthetic record has no value (default ''). */
  emptyValue?: string;
  /** Subtract counts already synthesised from the weights (default true). */
  useRemainingCounts?: boolean;
  /** Never draw a value that would form an unreleased combination (default true). */
  strict?: boolean;
  /** Strength of the feedback towards the released single-value counts (default 3; 0: none). */
  rake?: number;
  /** Most sub-records a value is weighed against (sampled beyond; default 16). */
  maxSubsets?: number;
}

export class SynthesizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthesizeError';
  }
}

/**
 * Combinations are keyed by numbers: ids ascending, key = Σ (idⱼ + 1)·Bʲ with B = values + 1,
 * exact in a double while B^L < 2⁵³; the empty combination is 0.
 */
interface Space {
  /** Item ids of each column, ascending; ids ascend with the column. */
  byColumn: number[][];
  values: string[];
  columnOf: number[];
  /** Powers of B. */
  pow: number[];
  counts: Map<number, number>;
}

function spaceOf(aggregates: DpAggregates, L: number): Space {
  const columnIndex = new Map(aggregates.columns.map((c, i) => [c, i]));
  const items = aggregates.combinations
    .filter((c) => c.items.length === 1)
    .map((c) => {
      const item = c.items[0]!;
      const column = columnIndex.get(item.column);
      if (column === undefined)
        throw new SynthesizeError(`released value of unknown column "${item.column}"`);
      return { column, value: item.value };
    })
    .sort((a, b) => a.column - b.column || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const base = items.length + 1;
  if (base ** L >= 2 ** 53)
    throw new SynthesizeError(`too many released values (${items.length}) for length ${L}`);
  const pow = Array.from({ length: L + 1 }, (_, j) => base ** j);
  const idOf = new Map(items.map((it, id) => [`${it.column}\u0000${it.value}`, id]));
  const byColumn = aggregates.columns.map(() => [] as number[]);
  items.forEach((it, id) => byColumn[it.column]!.push(id));
  const counts = new Map<number, number>();
  for (const comb of aggregates.combinations) {
    if (comb.items.length > L) continue;
    const ids = comb.items.map((it) => {
      const id = idOf.get(`${columnIndex.get(it.column) ?? -1}\u0000${it.value}`);
      if (id === undefined)
        throw new SynthesizeError(
          'a released combination uses a value with no released count of its own',
        );
      return id;
    });
    ids.sort((a, b) => a - b);
    counts.set(
      ids.reduce((k, id, j) => k + (id + 1) * pow[j]!, 0),
      comb.count,
    );
  }
  return {
    byColumn,
    values: items.map((it) => it.value),
    columnOf: items.map((it) => it.column),
    pow,
    counts,
  };
}

const binomial = (n: number, k: number): number => {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return k > n ? 0 : r;
};

/**
 * The keys of the m-subsets of `record` (ids ascending): all of them when there are at most
 * `cap`, else `cap` drawn at random.
 */
function subsetKeys(record: number[], m: number, cap: number, pow: number[], rng: Rng): number[] {
  const n = record.length;
  const out: number[] = [];
  if (binomial(n, m) <= cap) {
    const pick = Array.from({ length: m }, (_, i) => i);
    for (;;) {
      let key = 0;
      for (let j = 0; j < m; j++) key += (record[pick[j]!]! + 1) * pow[j]!;
      out.push(key);
      let i = m - 1;
      while (i >= 0 && pick[i] === n - m + i) i--;
      if (i < 0) return out;
      pick[i]!++;
      for (let j = i + 1; j < m; j++) pick[j] = pick[j - 1]! + 1;
    }
  }
  const chosen: number[] = [];
  for (let s = 0; s < cap; s++) {
    chosen.length = 0;
    while (chosen.length < m) {
      const x = uniformInt(rng, n);
      if (!chosen.includes(x)) chosen.push(x);
    }
    chosen.sort((a, b) => a - b);
    let key = 0;
    for (let j = 0; j < m; j++) key += (record[chosen[j]!]! + 1) * pow[j]!;
    out.push(key);
  }
  return out;
}

/** Up to this many (L−1)-subsets of a record, every one is checked for feasibility. */
const EXACT_SUBSETS = 256;

/** At most `n` of `list`, drawn at random (partial Fisher–Yates, in place). */
function keepSome(list: number[], n: number, rng: Rng): number[] {
  if (list.length <= n) return list;
  for (let i = 0; i < n; i++) {
    const j = i + uniformInt(rng, list.length - i);
    const t = list[i]!;
    list[i] = list[j]!;
    list[j] = t;
  }
  list.length = n;
  return list;
}

/** Most released sub-combinations of one synthetic record whose remaining counts are updated. */
const MAX_UPDATES_PER_RECORD = 20_000;

/**
 * A synthetic table with the aggregates' columns and their noisy number of records, drawn from
 * the released counts only. Deterministic for a given seed. Throws `SynthesizeError` when the
 * aggregates are malformed (a combination whose values were not released on their own).
 */
export function synthesize(aggregates: DpAggregates, options: SynthesizeOptions = {}): Table {
  const rng = rngFor(options.seed);
  const empty = options.emptyValue ?? '';
  const useRemaining = options.useRemainingCounts ?? true;
  const strict = options.strict ?? true;
  const rake = options.rake ?? 3;
  const maxSubsets = options.maxSubsets ?? 16;
  const L = Math.max(1, aggregates.length);
  const { byColumn, values, columnOf, pow, counts } = spaceOf(aggregates, L);
  const n = aggregates.records;
  const remaining = new Map(counts);
  remaining.set(0, n);
  const weightOf = (key: number): number =>
    Math.max(0, (useRemaining ? remaining.get(key) : key === 0 ? n : counts.get(key)) ?? 0);

  // Lowers the remaining count of every released sub-combination of the record (depth-first
  // over released combinations only, which are closed under taking subsets).
  const record: number[] = [];
  let budget = 0;
  const consume = (start: number, key: number, depth: number): void => {
    for (let i = start; i < record.length && budget > 0; i++) {
      const next = key + (record[i]! + 1) * pow[depth]!;
      const left = remaining.get(next);
      if (left === undefined) continue;
      remaining.set(next, left - 1);
      budget--;
      if (depth + 1 < L) consume(i + 1, next, depth + 1);
    }
  };

  const rows: string[][] = [];
  const probabilities: number[] = [];
  const feasible: boolean[] = [];
  for (let r = 0; r < n; r++) {
    record.length = 0;
    const progress = Math.max(remaining.get(0)!, 1) / Math.max(n, 1);
    for (const column of byColumn) {
      if (column.length === 0) continue;
      const m = Math.min(record.length, L - 1);
      probabilities.length = 0;
      feasible.length = 0;
      for (let i = 0; i <= column.length; i++) probabilities.push(0);
      for (let i = 0; i < column.length; i++) feasible.push(true);
      let subsets = 0;
      // The value of this column is drawn given the (L−1)-subsets of the values drawn so far:
      // within the released lengths the count of the whole record plus the value is known;
      // beyond them, the conditional frequencies of its sub-records are averaged. The value has
      // the largest id of the combination, so its key adds (id + 1)·B^m to the subset's.
      // Feasibility is checked on every subset while there are at most EXACT_SUBSETS of them,
      // the weights on at most `maxSubsets` of those, drawn at random.
      const exact = binomial(record.length, m) <= EXACT_SUBSETS;
      const keys = subsetKeys(record, m, exact ? EXACT_SUBSETS : maxSubsets, pow, rng);
      if (exact && strict) {
        for (const s of keys)
          column.forEach((id, i) => {
            if (!counts.has(s + (id + 1) * pow[m]!)) feasible[i] = false;
          });
      }
      for (const s of keepSome(keys, maxSubsets, rng)) {
        const base = weightOf(s);
        let taken = 0;
        const w = column.map((id, i) => {
          const key = s + (id + 1) * pow[m]!;
          if (!counts.has(key)) feasible[i] = false;
          const x = weightOf(key);
          taken += x;
          return x;
        });
        const none = Math.max(0, base - taken);
        const sum = taken + none;
        if (sum <= 0) continue;
        subsets++;
        w.forEach((x, i) => (probabilities[i]! += x / sum));
        probabilities[column.length]! += none / sum;
      }
      if (subsets === 0) continue;
      let total = probabilities[column.length]!;
      for (let i = 0; i < column.length; i++) {
        // A value that would form a combination that was not released is not drawn.
        if (!feasible[i] && strict) probabilities[i] = 0;
        else if (rake > 0) {
          // Marginal feedback: a value drawn less often than its released count calls for so
          // far is drawn more often from now on, and the other way round.
          const key = column[i]! + 1;
          const share = Math.max(0, remaining.get(key) ?? 0) / Math.max(counts.get(key) ?? 1, 1);
          probabilities[i]! *= Math.min(4, Math.max(0, share / progress)) ** rake;
        }
        total += probabilities[i]!;
      }
      if (total <= 0) continue;
      let u = rng.next() * total;
      let pick = column.length;
      for (let i = 0; i <= column.length; i++) {
        u -= probabilities[i]!;
        if (u < 0) {
          pick = i;
          break;
        }
      }
      if (pick < column.length) record.push(column[pick]!);
    }
    remaining.set(0, remaining.get(0)! - 1);
    budget = MAX_UPDATES_PER_RECORD;
    consume(0, 0, 0);
    const row = aggregates.columns.map(() => empty);
    for (const id of record) row[columnOf[id]!] = values[id]!;
    rows.push(row);
  }
  // The records were drawn in sequence; shuffle so that row order carries no pattern.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = uniformInt(rng, i + 1);
    const t = rows[i]!;
    rows[i] = rows[j]!;
    rows[j] = t;
  }
  return { columns: [...aggregates.columns], rows };
}
