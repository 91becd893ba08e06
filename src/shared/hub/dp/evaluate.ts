/**
 * Quality of a release, measured against the original (for evaluation only — the original is
 * never needed to make a release). The definitions follow the showcase's `ErrorReport`
 * (synthetic-data-showcase, packages/lib-pacsynth/samples/utils.py):
 * - mean absolute error: mean of |released − true| over combinations present in both;
 * - suppressed: share of the true combinations (length ≤ L) absent from the release;
 * - fabricated: share of the released combinations absent from the original.
 */
import type { Table } from '../table.ts';
import { TableError } from '../table.ts';
import type { DpAggregates } from './aggregate.ts';
import type { ItemSpace } from './items.ts';
import { countCombinations, encodeTable, keyOf } from './items.ts';

export interface LengthQuality {
  /** Combination length; 0 stands for all lengths together. */
  length: number;
  /** Distinct combinations in the original. */
  trueCombinations: number;
  /** Distinct combinations in the release (or in the synthetic table). */
  releasedCombinations: number;
  /** Mean true count of the original's combinations. */
  meanTrueCount: number;
  /** Mean |released − true| over the combinations present in both. */
  meanAbsoluteError: number;
  /** Percentage of the original's combinations missing from the release. */
  suppressedPercent: number;
  /** Percentage of the release's combinations that do not occur in the original. */
  fabricatedPercent: number;
}

export interface QualityReport {
  /**
   * The longest length evaluated: the one asked for, or less when counting every combination
   * of the original exactly would pass `maxCombinations` (wide tables such as CTDC's).
   */
  evaluatedLength: number;
  /** Per length, 1..evaluatedLength. */
  byLength: LengthQuality[];
  /** All lengths together (the showcase's "All" row). */
  all: LengthQuality;
}

/** Keys of combinations by the original's item numbering; unknown values get fresh ids. */
function keyer(space: ItemSpace): (items: { column: string; value: string }[]) => string {
  const ids = new Map(
    space.items.map((it, id) => [`${space.columns[it.column]}\u0000${it.value}`, id]),
  );
  let next = space.items.length;
  return (items) => {
    const list = items.map((it) => {
      const k = `${it.column}\u0000${it.value}`;
      let id = ids.get(k);
      if (id === undefined) {
        id = next++;
        ids.set(k, id);
      }
      return id;
    });
    return keyOf(list.sort((a, b) => a - b));
  };
}

function compare(
  truth: Map<string, number>,
  released: Map<string, number>,
  maxLength: number,
): QualityReport {
  const lengthOf = (key: string) => key.split(',').length;
  const rows = Array.from({ length: maxLength + 1 }, (_, length) => ({
    length,
    trueCombinations: 0,
    releasedCombinations: 0,
    trueSum: 0,
    errorSum: 0,
    both: 0,
    suppressed: 0,
    fabricated: 0,
  }));
  for (const [key, count] of truth) {
    for (const row of [rows[lengthOf(key)]!, rows[0]!]) {
      row.trueCombinations++;
      row.trueSum += count;
      const r = released.get(key);
      if (r === undefined) row.suppressed++;
      else {
        row.both++;
        row.errorSum += Math.abs(r - count);
      }
    }
  }
  for (const key of released.keys()) {
    const len = lengthOf(key);
    if (len > maxLength) continue;
    for (const row of [rows[len]!, rows[0]!]) {
      row.releasedCombinations++;
      if (!truth.has(key)) row.fabricated++;
    }
  }
  const finish = (r: (typeof rows)[number]): LengthQuality => ({
    length: r.length,
    trueCombinations: r.trueCombinations,
    releasedCombinations: r.releasedCombinations,
    meanTrueCount: r.trueCombinations ? r.trueSum / r.trueCombinations : 0,
    meanAbsoluteError: r.both ? r.errorSum / r.both : 0,
    suppressedPercent: r.trueCombinations ? (100 * r.suppressed) / r.trueCombinations : 0,
    fabricatedPercent: r.releasedCombinations ? (100 * r.fabricated) / r.releasedCombinations : 0,
  });
  return { evaluatedLength: maxLength, byLength: rows.slice(1).map(finish), all: finish(rows[0]!) };
}

/** Default cap on the combinations enumerated in the original (and synthetic) table. */
export const DEFAULT_MAX_EVALUATED = 30_000_000;

const binomial = (n: number, k: number): number => {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return k > n ? 0 : r;
};

/** The longest length ≤ `length` whose exact evaluation enumerates at most `cap` combinations. */
function feasibleLength(
  records: readonly ArrayLike<number>[],
  length: number,
  cap: number,
): number {
  let work = 0;
  for (let k = 1; k <= length; k++) {
    for (const r of records) work += binomial(r.length, k);
    if (work > cap) return k - 1;
  }
  return length;
}

/**
 * Compares released aggregates with the true counts of the original table, over the same
 * columns and lengths 1..`aggregates.length`.
 */
export function evaluateAggregates(
  original: Table,
  aggregates: DpAggregates,
  options: { maxCombinations?: number } = {},
): QualityReport {
  const enc = encodeTable(original, aggregates.columns);
  const length = feasibleLength(
    enc.records,
    aggregates.length,
    options.maxCombinations ?? DEFAULT_MAX_EVALUATED,
  );
  if (length < 1) throw new TableError('the table is too large to evaluate');
  const truth = countCombinations(enc.records, length);
  const key = keyer(enc);
  const released = new Map<string, number>();
  for (const c of aggregates.combinations) released.set(key(c.items), c.count);
  return compare(truth, released, length);
}

/**
 * Compares the combination counts of a synthetic table with those of the original, over the
 * given columns (default: the synthetic table's) and lengths 1..`length`.
 */
export function evaluateSynthetic(
  original: Table,
  synthetic: Table,
  options: { length: number; columns?: string[]; maxCombinations?: number },
): QualityReport {
  if (!Number.isInteger(options.length) || options.length < 1)
    throw new TableError('length must be a whole number of at least 1');
  const columns = options.columns ?? synthetic.columns;
  const enc = encodeTable(original, columns);
  const synth = encodeTable(synthetic, columns);
  const cap = options.maxCombinations ?? DEFAULT_MAX_EVALUATED;
  const length = Math.min(
    feasibleLength(enc.records, options.length, cap),
    feasibleLength(synth.records, options.length, cap),
  );
  if (length < 1) throw new TableError('the table is too large to evaluate');
  const truth = countCombinations(enc.records, length);
  const key = keyer(enc);
  const counted = countCombinations(synth.records, length);
  const released = new Map<string, number>();
  for (const [k, count] of counted) {
    const items = k.split(',').map((id) => {
      const it = synth.items[Number(id)]!;
      return { column: synth.columns[it.column]!, value: it.value };
    });
    released.set(key(items), count);
  }
  return compare(truth, released, length);
}
