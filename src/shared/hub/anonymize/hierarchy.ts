/**
 * Generalisation hierarchies (value generalisation hierarchies, Sweeney 2002, "Achieving
 * k-anonymity privacy protection using generalization and suppression"): for one column, level 0
 * holds the original values (the leaves) and each higher level a coarser value, up to the top
 * (usually `*`). Values are generalised a whole level at a time (full-domain generalisation).
 *
 * The file format is ARX's (https://arx.deidentifier.org, "Hierarchies" in the manual): one row
 * a leaf, `leaf;level1;level2;...;*`, no header.
 */
import { parseCsv } from '../../exchange/csv.ts';
import { AnonymizeError } from './anonymize-error.ts';

/** Values are quoted in messages but cut short: a value is data, and messages go to logs. */
export const quoteValue = (v: string): string =>
  JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

export class Hierarchy {
  /** The leaves (level-0 values), in file order. */
  readonly leaves: readonly string[];
  /** `labels[level]`: the distinct values of that level. */
  readonly labels: readonly (readonly string[])[];
  /** `codes[level][leaf]`: the index in `labels[level]` of the leaf's value at that level. */
  readonly codes: readonly Int32Array[];
  /** `leafCounts[level][label]`: how many leaves the value covers. */
  readonly leafCounts: readonly Int32Array[];
  private readonly leafIndex: ReadonlyMap<string, number>;

  /**
   * @param column the column the hierarchy generalises (named in every error).
   * @param rows one row a leaf: the leaf, then its value at level 1, 2, …; every row as long.
   * @throws AnonymizeError for no rows, rows of different lengths, a repeated leaf, or a value
   *   that generalises to two different values one level up (the levels would not nest).
   */
  constructor(
    readonly column: string,
    rows: readonly (readonly string[])[],
  ) {
    const first = rows[0];
    if (!first || first.length === 0)
      throw new AnonymizeError(`the hierarchy for column "${column}" has no rows`);
    const levels = first.length;
    const labels: string[][] = [];
    const codes: Int32Array[] = [];
    const indexes: Map<string, number>[] = [];
    for (let l = 0; l < levels; l++) {
      labels.push([]);
      codes.push(new Int32Array(rows.length));
      indexes.push(new Map());
    }
    rows.forEach((row, r) => {
      if (row.length !== levels)
        throw new AnonymizeError(
          `the hierarchy for column "${column}": row ${r + 1} has ${row.length} levels, row 1 has ${levels}`,
        );
      if (indexes[0]!.has(row[0]!))
        throw new AnonymizeError(
          `the hierarchy for column "${column}": the value ${quoteValue(row[0]!)} appears twice`,
        );
      for (let l = 0; l < levels; l++) {
        const v = row[l]!;
        let c = indexes[l]!.get(v);
        if (c === undefined) {
          c = labels[l]!.length;
          labels[l]!.push(v);
          indexes[l]!.set(v, c);
        }
        codes[l]![r] = c;
      }
    });
    // The levels must nest: one value of level l has one parent at level l + 1.
    for (let l = 1; l + 1 < levels; l++) {
      const parent = new Int32Array(labels[l]!.length).fill(-1);
      for (let r = 0; r < rows.length; r++) {
        const c = codes[l]![r]!;
        const p = codes[l + 1]![r]!;
        if (parent[c] === -1) parent[c] = p;
        else if (parent[c] !== p)
          throw new AnonymizeError(
            `the hierarchy for column "${column}": ${quoteValue(labels[l]![c]!)} at level ${l} generalises to both ${quoteValue(labels[l + 1]![parent[c]!]!)} and ${quoteValue(labels[l + 1]![p]!)} at level ${l + 1}`,
          );
      }
    }
    this.leaves = labels[0]!;
    this.labels = labels;
    this.codes = codes;
    this.leafCounts = codes.map((level, l) => {
      const counts = new Int32Array(labels[l]!.length);
      for (const c of level) counts[c]!++;
      return counts;
    });
    this.leafIndex = indexes[0]!;
  }

  /** The highest level (0 when the values cannot be generalised, only suppressed). */
  get height(): number {
    return this.labels.length - 1;
  }

  /** The index of a leaf; a value the hierarchy does not cover is an error naming the column. */
  leafOf(value: string): number {
    const i = this.leafIndex.get(value);
    if (i === undefined)
      throw new AnonymizeError(
        `the hierarchy for column "${this.column}" does not cover the value ${quoteValue(value)}`,
      );
    return i;
  }

  /** The value at `level` (0 = the value itself); throws for an uncovered value or a bad level. */
  generalise(value: string, level: number): string {
    this.checkLevel(level);
    return this.labels[level]![this.codes[level]![this.leafOf(value)]!]!;
  }

  /**
   * ARX's generalisation loss of one cell at `level`: (leaves under the generalised value − 1) /
   * (leaves of the hierarchy − 1); 0 at level 0, 1 at a top value covering every leaf
   * (ARX "Loss" metric, after Iyengar 2002, "Transforming data to satisfy privacy constraints").
   */
  loss(value: string, level: number): number {
    this.checkLevel(level);
    return this.lossOfCode(level, this.codes[level]![this.leafOf(value)]!);
  }

  /** The loss of the value with index `label` in `labels[level]`. */
  lossOfCode(level: number, label: number): number {
    const domain = this.leaves.length;
    return domain <= 1 ? 0 : (this.leafCounts[level]![label]! - 1) / (domain - 1);
  }

  private checkLevel(level: number): void {
    if (!Number.isInteger(level) || level < 0 || level > this.height)
      throw new AnonymizeError(
        `the hierarchy for column "${this.column}" has levels 0 to ${this.height}, not ${level}`,
      );
  }
}

/** Hierarchies by column name. */
export type Hierarchies = ReadonlyMap<string, Hierarchy>;

/**
 * Reads one hierarchy in ARX's CSV format (`leaf;level1;...;*`, one row a leaf, no header).
 * Blank lines are skipped and cells trimmed, as `readTable` trims the data's cells.
 * @throws AnonymizeError naming the column and the row for a malformed file.
 */
export function hierarchyFromCsv(column: string, text: string, delimiter: ',' | ';' = ';') {
  const parsed = parseCsv(text, delimiter);
  const fault = parsed.faults[0];
  if (fault)
    throw new AnonymizeError(
      `the hierarchy for column "${column}": row ${fault.row}: ${fault.message}`,
    );
  const rows = parsed.records
    .filter((r) => !(r.cells.length === 1 && r.cells[0]!.trim() === ''))
    .map((r) => r.cells.map((c) => c.trim()));
  return new Hierarchy(column, rows);
}

/**
 * The file name ARX gives a column's hierarchy (`<dataset>_hierarchy_<column>.csv`): the column
 * named by a file name, or null for a file that is not a hierarchy.
 */
export function hierarchyColumnOfFile(fileName: string): string | null {
  const m = /_hierarchy_(.+)\.csv$/i.exec(fileName) ?? /^hierarchy_(.+)\.csv$/i.exec(fileName);
  return m ? m[1]! : null;
}
