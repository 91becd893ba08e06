/**
 * What a release reveals and what it keeps, reported before it is published.
 *
 * Risk follows the prosecutor model (El Emam & Dankar 2008, "Protecting privacy using
 * k-anonymity", JAMIA 15(5); El Emam 2013, "Guide to the De-Identification of Personal Health
 * Information", ch. 16): an attacker who knows a person is in the file and knows their
 * quasi-identifiers picks one record of that person's equivalence class at random, so a record in
 * a class of f records is re-identified with probability 1/f.
 *
 * Utility: ARX's generalisation loss, the discernibility metric and the share suppressed.
 */
import { AnonymizeError } from './anonymize-error.ts';
import type { Hierarchies } from './hierarchy.ts';
import type { Table } from '../table.ts';

export interface RiskReport {
  /** The k the report measures against. */
  k: number;
  records: number;
  /** Equivalence classes: distinct combinations of the quasi-identifiers. */
  classes: number;
  /** Records alone in their class. */
  sampleUniques: number;
  /** Records in classes of fewer than k records. */
  recordsAtRisk: number;
  /** The smallest class (0 for an empty table). */
  smallestClass: number;
  /**
   * Expected re-identifications under the prosecutor model: Σ over records of 1/(class size),
   * which equals the number of classes (each class of f records contributes f × 1/f).
   */
  expectedReidentifications: number;
  /** 1 / the smallest class: the risk of the most exposed record. */
  highestRisk: number;
  /** Expected re-identifications / records: the mean risk of a record. */
  averageRisk: number;
}

/** Quasi-identifier values of each row joined into one key (a separator no CSV cell holds). */
function classSizes(table: Table, qi: readonly string[]): Map<string, number> {
  const idx = qi.map((name) => {
    const i = table.columns.indexOf(name);
    if (i < 0)
      throw new AnonymizeError(
        `unknown column "${name}" (the table has: ${table.columns.join(', ')})`,
      );
    return i;
  });
  const sizes = new Map<string, number>();
  for (const row of table.rows) {
    const key = idx.map((i) => row[i]).join('\u0000');
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
}

/**
 * The prosecutor-model risk of `table` with quasi-identifiers `qi`, counting as "at risk" the
 * records in classes smaller than `k`. Works on any table: the original or a release.
 * @throws AnonymizeError for an unknown column.
 */
export function riskReport(table: Table, qi: readonly string[], k: number): RiskReport {
  return riskOfClasses(classSizes(table, qi).values(), k);
}

/** The risk report from the sizes of the equivalence classes (for callers that know them). */
export function riskOfClasses(sizes: Iterable<number>, k: number): RiskReport {
  let sampleUniques = 0;
  let recordsAtRisk = 0;
  let smallest = Number.POSITIVE_INFINITY;
  let records = 0;
  let classes = 0;
  for (const f of sizes) {
    if (f === 1) sampleUniques++;
    if (f < k) recordsAtRisk += f;
    smallest = Math.min(smallest, f);
    records += f;
    classes++;
  }
  return {
    k,
    records,
    classes,
    sampleUniques,
    recordsAtRisk,
    smallestClass: classes === 0 ? 0 : smallest,
    expectedReidentifications: classes,
    highestRisk: classes === 0 ? 0 : 1 / smallest,
    averageRisk: records === 0 ? 0 : classes / records,
  };
}

export interface UtilityReport {
  /**
   * ARX's generalisation loss: per quasi-identifier cell (leaves under the released value − 1) /
   * (leaves of the hierarchy − 1), a suppressed record's cells counting 1 each; the mean over all
   * cells of the original records. 0 = the data as it was, 1 = nothing left.
   */
  informationLoss: number;
  /**
   * Discernibility metric (Bayardo & Agrawal 2005, "Data privacy through optimal
   * k-anonymization", ICDE): Σ over classes of size², plus records × (original records) for
   * each suppressed record. Lower is better; the original's is at least its record count.
   */
  discernibility: number;
  /** Records removed by suppression. */
  suppressed: number;
  /** suppressed / original records. */
  suppressedShare: number;
  /** Equivalence classes of the release. */
  classes: number;
  /** Released records / classes. */
  averageClassSize: number;
  /** The generalisation level of each quasi-identifier. */
  levels: Record<string, number>;
}

export interface UtilityOptions {
  qi: readonly string[];
  hierarchies: Hierarchies;
  /** The level each quasi-identifier was generalised to. */
  levels: Readonly<Record<string, number>>;
  /** Records removed from the original to make the release. */
  suppressed: number;
}

/**
 * The utility of a release (`released`: the records kept, quasi-identifiers generalised to
 * `levels`; `suppressed` more records were removed).
 * @throws AnonymizeError when a column, hierarchy or level is unknown, or a released value is not
 *   a value of its hierarchy at its level.
 */
export function utilityReport(
  released: Table,
  opts: UtilityOptions,
  /** The sizes of the release's classes, when the caller has them (saves grouping again). */
  sizesOfClasses?: readonly number[],
): UtilityReport {
  const { qi, hierarchies, levels, suppressed } = opts;
  const D = qi.length;
  const kept = released.rows.length;
  const original = kept + suppressed;
  let lossSum = suppressed * D;
  qi.forEach((name) => {
    const col = released.columns.indexOf(name);
    if (col < 0) throw new AnonymizeError(`unknown column "${name}"`);
    const h = hierarchies.get(name);
    if (!h) throw new AnonymizeError(`no hierarchy for column "${name}"`);
    const level = levels[name];
    if (level === undefined || level < 0 || level > h.height)
      throw new AnonymizeError(`no valid generalisation level for column "${name}"`);
    const lossOf = new Map<string, number>();
    h.labels[level]!.forEach((label, c) => lossOf.set(label, h.lossOfCode(level, c)));
    for (const row of released.rows) {
      const loss = lossOf.get(row[col]!);
      if (loss === undefined)
        throw new AnonymizeError(
          `column "${name}" holds a value that is not a level-${level} value of its hierarchy`,
        );
      lossSum += loss;
    }
  });
  const sizes = sizesOfClasses ?? [...classSizes(released, qi).values()];
  let discernibility = suppressed * original;
  for (const f of sizes) discernibility += f * f;
  return {
    informationLoss: original === 0 || D === 0 ? 0 : lossSum / (original * D),
    discernibility,
    suppressed,
    suppressedShare: original === 0 ? 0 : suppressed / original,
    classes: sizes.length,
    averageClassSize: sizes.length === 0 ? 0 : kept / sizes.length,
    levels: Object.fromEntries(qi.map((name) => [name, levels[name]!])),
  };
}
