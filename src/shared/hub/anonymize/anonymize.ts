/**
 * k-anonymity (and optionally l-diversity) by full-domain generalisation (global recoding) and
 * local suppression, as ARX does it: every quasi-identifier is generalised to one level of its
 * hierarchy for the whole table, and the records of the classes that still fail are removed,
 * within a suppression limit. The levels are those of least generalisation loss among all that
 * meet the criteria (flash.ts).
 *
 * The release holds every record kept, all columns, the quasi-identifiers generalised, sorted by
 * content so that its order says nothing of the source's. Suppressed records are removed, not
 * starred: every combination of quasi-identifiers in the release occurs at least k times.
 */
import type { Table } from '../table.ts';
import { AnonymizeError } from './anonymize-error.ts';
import { encodeTable } from './encoded.ts';
import { evaluateNode } from './evaluate.ts';
import type { Criteria } from './evaluate.ts';
import { flashSearch } from './flash.ts';
import { rollUp } from './groupify.ts';
import type { Hierarchies, Hierarchy } from './hierarchy.ts';
import type { RiskReport, UtilityReport } from './reports.ts';
import { riskOfClasses, utilityReport } from './reports.ts';

/** ARX's usual suppression limit: at most 5 % of the records may be removed. */
export const DEFAULT_SUPPRESSION_LIMIT = 0.05;

export interface AnonymizeOptions {
  /** The quasi-identifiers: columns an attacker could know from elsewhere. */
  qi: readonly string[];
  /** Every combination of quasi-identifiers released occurs at least k times (k ≥ 2). */
  k: number;
  /** A hierarchy for each quasi-identifier (e.g. `ctdcHierarchies()` or files read with `hierarchyFromCsv`). */
  hierarchies: Hierarchies;
  /** Share of records that may be suppressed, in [0, 1); default 0.05. */
  suppressionLimit?: number;
  /**
   * l-diversity of a sensitive column: each class holds at least `l` distinct values
   * (`distinct`, the default) or values of entropy at least log l (`entropy`).
   */
  l?: { sensitive: string; l: number; variant?: 'distinct' | 'entropy' };
}

export interface AnonymizeResult {
  /** The release: the records kept, quasi-identifiers generalised, suppressed records removed. */
  table: Table;
  k: number;
  /** The generalisation level chosen for each quasi-identifier (0 = unchanged). */
  levels: Record<string, number>;
  /** Records removed by local suppression. */
  suppressed: number;
  /** ARX's generalisation loss of the release (see `UtilityReport.informationLoss`). */
  informationLoss: number;
  /** Prosecutor risk of the release. */
  risk: RiskReport;
  /** Prosecutor risk of the input, for comparison. */
  riskBefore: RiskReport;
  utility: UtilityReport;
  /**
   * The lattice search: its nodes, the nodes checked, its time, and the time to encode the table
   * (values to integers, identical rows grouped) before it.
   */
  search: { nodes: number; checked: number; seconds: number; encodeSeconds: number };
}

function indexOf(table: Table, name: string, what: string): number {
  const i = table.columns.indexOf(name);
  if (i < 0)
    throw new AnonymizeError(
      `unknown ${what} column "${name}" (the table has: ${table.columns.join(', ')})`,
    );
  return i;
}

function criteriaOf(table: Table, opts: AnonymizeOptions): Criteria {
  const { k, l } = opts;
  if (!Number.isInteger(k) || k < 2)
    throw new AnonymizeError(`k must be a whole number of at least 2 (got ${k})`);
  const limit = opts.suppressionLimit ?? DEFAULT_SUPPRESSION_LIMIT;
  if (!Number.isFinite(limit) || limit < 0 || limit >= 1)
    throw new AnonymizeError(`the suppression limit must be at least 0 and below 1 (got ${limit})`);
  if (l) {
    if (!Number.isInteger(l.l) || l.l < 2)
      throw new AnonymizeError(`l must be a whole number of at least 2 (got ${l.l})`);
    if (opts.qi.includes(l.sensitive))
      throw new AnonymizeError(`the sensitive column "${l.sensitive}" is also a quasi-identifier`);
    indexOf(table, l.sensitive, 'sensitive');
  }
  return {
    k,
    // ARX: floor(limit × rows) records at most (a share, never rounded up).
    maxOutliers: Math.floor(limit * table.rows.length + 1e-9),
    l: l ? { l: l.l, variant: l.variant ?? 'distinct' } : null,
  };
}

/**
 * Anonymises `table`: the least-loss full-domain generalisation of `opts.qi` that, after
 * suppressing at most `suppressionLimit` of the records, makes every class hold at least k
 * records (and l-diverse sensitive values when `opts.l` is given).
 * @throws AnonymizeError for k below 2, unknown or repeated columns, a quasi-identifier without a
 *   hierarchy, a value a hierarchy does not cover, or when no generalisation meets the criteria
 *   within the suppression limit: the guarantee is never weakened to produce a release.
 */
export function anonymize(table: Table, opts: AnonymizeOptions): AnonymizeResult {
  const criteria = criteriaOf(table, opts);
  const { qi } = opts;
  if (qi.length === 0) throw new AnonymizeError('name at least one quasi-identifier');
  const repeated = qi.find((c, i) => qi.indexOf(c) !== i);
  if (repeated !== undefined)
    throw new AnonymizeError(`the quasi-identifier "${repeated}" is named twice`);
  const cols = qi.map((name) => indexOf(table, name, 'quasi-identifier'));
  const hs: Hierarchy[] = qi.map((name) => {
    const h = opts.hierarchies.get(name);
    if (!h) throw new AnonymizeError(`no hierarchy for the quasi-identifier "${name}"`);
    return h;
  });
  const sensitive = opts.l ? table.columns.indexOf(opts.l.sensitive) : null;

  const started = performance.now();
  const enc = encodeTable(table.rows, cols, hs, sensitive);
  const encoded = performance.now();
  const found = flashSearch(enc, criteria);
  const seconds = (performance.now() - encoded) / 1000;
  const encodeSeconds = (encoded - started) / 1000;
  if (!found.levels) {
    const what = opts.l ? `${opts.k}-anonymity and ${opts.l.l}-diversity` : `${opts.k}-anonymity`;
    throw new AnonymizeError(
      `no generalisation of ${qi.join(', ')} reaches ${what} with at most ${criteria.maxOutliers} of ${table.rows.length} records suppressed`,
    );
  }
  const levels = found.levels;

  // Build the release at the chosen node.
  const map = new Int32Array(enc.bottom.size);
  const groups = rollUp(enc, enc.bottom, levels, map);
  const ev = evaluateNode(enc, groups, criteria, true);
  const keep = ev.classOk!;
  const released: string[][] = [];
  table.rows.forEach((row, r) => {
    const g = map[enc.rowGroup[r]!]!;
    if (!keep[groups.cls[g]!]) return;
    const out = row.slice();
    cols.forEach((c, d) => {
      const h = hs[d]!;
      const lv = levels[d]!;
      out[c] = h.labels[lv]![h.codes[lv]![enc.bottom.rep[enc.rowGroup[r]! * enc.qi + d]!]!]!;
    });
    released.push(out);
  });
  const release: Table = { columns: [...table.columns], rows: sortRows(released) };
  // Class sizes before (level 0) and after, from the groups rather than by grouping strings again.
  const sizes = new Int32Array(groups.classes);
  for (let g = 0; g < groups.size; g++) sizes[groups.cls[g]!]! += groups.count[g]!;
  const keptSizes = [...sizes].filter((_, c) => keep[c]);
  // The search said so; the release is checked again before it leaves this function.
  if (ev.suppressed > criteria.maxOutliers || keptSizes.some((f) => f < opts.k))
    throw new Error('internal error: the chosen generalisation does not meet k');
  const bottom = rollUp(
    enc,
    enc.bottom,
    enc.heights.map(() => 0),
  );
  const before = new Int32Array(bottom.classes);
  for (let g = 0; g < bottom.size; g++) before[bottom.cls[g]!]! += bottom.count[g]!;
  const levelsByName = Object.fromEntries(qi.map((name, d) => [name, levels[d]!]));
  const utility = utilityReport(
    release,
    {
      qi,
      hierarchies: opts.hierarchies,
      levels: levelsByName,
      suppressed: ev.suppressed,
    },
    keptSizes,
  );
  return {
    table: release,
    k: opts.k,
    levels: levelsByName,
    suppressed: ev.suppressed,
    informationLoss: utility.informationLoss,
    risk: riskOfClasses(keptSizes, opts.k),
    riskBefore: riskOfClasses(before, opts.k),
    utility,
    search: { nodes: found.nodes, checked: found.checked, seconds, encodeSeconds },
  };
}

/** Rows in the order of their content (a row's cells joined by a character no CSV cell holds). */
function sortRows(rows: string[][]): string[][] {
  const keys = rows.map((r) => r.join('\u0000'));
  const order = Array.from(rows, (_, i) => i).sort((a, b) =>
    keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0,
  );
  return order.map((i) => rows[i]!);
}
