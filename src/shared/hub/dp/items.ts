/**
 * A table seen as sets of "combination items": each non-empty cell is the item column=value,
 * numbered so that sorting ids sorts by column (the order of `columns`), then by value. A
 * combination is a set of items from distinct columns, written as its sorted ids joined by ','.
 */
import type { Table } from '../table.ts';
import { TableError, columnIndexes } from '../table.ts';

/**
 * Cells that are not items: blank, and the CTDC code for missing ("-99", CTDC data dictionary).
 * The showcase likewise leaves empty values out of every combination (SDS docs/dp/README.md §2.1).
 */
export const EMPTY_VALUES: ReadonlySet<string> = new Set(['', '-99']);

export interface Item {
  /** Index into `ItemSpace.columns`. */
  column: number;
  value: string;
}

export interface ItemSpace {
  columns: string[];
  /** Item ids are indexes into this list. */
  items: Item[];
}

export interface EncodedTable extends ItemSpace {
  /** Each record's item ids, ascending. */
  records: Int32Array[];
}

/** The key of a combination given its ids in ascending order. */
export const keyOf = (ids: ArrayLike<number>): string => Array.prototype.join.call(ids, ',');

/** The ids of a key. */
export const idsOf = (key: string): number[] => (key === '' ? [] : key.split(',').map(Number));

/** The table's non-empty cells as items, over the chosen columns (all when not given). */
export function encodeTable(table: Table, columns?: readonly string[]): EncodedTable {
  const names = columns ?? table.columns;
  if (names.length === 0) throw new TableError('no columns to aggregate');
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new TableError(`column "${n}" is named twice`);
    seen.add(n);
  }
  const indexes = columnIndexes(table, names);
  const values = names.map(() => new Set<string>());
  for (const row of table.rows) {
    indexes.forEach((ci, j) => {
      const v = row[ci] ?? '';
      if (!EMPTY_VALUES.has(v)) values[j]!.add(v);
    });
  }
  const items: Item[] = [];
  const idByColumn = values.map((set, column) => {
    const map = new Map<string, number>();
    for (const value of [...set].sort()) {
      map.set(value, items.length);
      items.push({ column, value });
    }
    return map;
  });
  const records = table.rows.map((row) => {
    const ids: number[] = [];
    indexes.forEach((ci, j) => {
      const id = idByColumn[j]!.get(row[ci] ?? '');
      if (id !== undefined) ids.push(id);
    });
    return Int32Array.from(ids);
  });
  return { columns: [...names], items, records };
}

/** Calls `visit` with every k-subset of `ids` (ascending ids in, ascending subsets out). */
export function forEachSubset(
  ids: ArrayLike<number>,
  k: number,
  visit: (subset: number[]) => void,
): void {
  const n = ids.length;
  if (k > n || k < 0) return;
  const pick = Array.from({ length: k }, (_, i) => i);
  const subset = new Array<number>(k);
  for (;;) {
    for (let i = 0; i < k; i++) subset[i] = ids[pick[i]!]!;
    visit(subset);
    let i = k - 1;
    while (i >= 0 && pick[i] === n - k + i) i--;
    if (i < 0) return;
    pick[i]!++;
    for (let j = i + 1; j < k; j++) pick[j] = pick[j - 1]! + 1;
  }
}

/** The true count of every combination of length 1..maxLength in the records (no noise). */
export function countCombinations(
  records: readonly ArrayLike<number>[],
  maxLength: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) {
    for (let k = 1; k <= maxLength; k++) {
      forEachSubset(r, k, (s) => {
        const key = keyOf(s);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      });
    }
  }
  return counts;
}
