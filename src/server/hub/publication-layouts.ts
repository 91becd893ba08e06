/**
 * The layouts a released file can be downloaded in (docs/hub.md, "Layouts"): always as released
 * (the CTDC global layout, or the counted columns of aggregates), and, for records carrying every
 * column of the global layout, converted to the CTDC synthetic layout (27 columns, ISO alpha-3)
 * by `toSyntheticLayout`. Pure: the public service reads the file and sends the result.
 *
 * Why the conversion keeps k-anonymity: each quasi-identifier of the converted file is a function
 * of quasi-identifiers of the released one (a country to its alpha-3 code or to the missing cell,
 * an age band renamed, a gender relabelled, a composite flag the OR of flags), so rows that agree
 * on the released quasi-identifiers agree on the converted ones: every equivalence class of the
 * converted file is a union of classes of the released file, each of at least k rows. This is the
 * generalisation property of k-anonymity (Samarati 2001, "Protecting respondents' identities in
 * microdata release", IEEE TKDE 13(6), §4: a generalisation of a k-anonymous table is
 * k-anonymous; LeFevre, DeWitt and Ramakrishnan 2005, "Incognito", SIGMOD, §2.2). A synthetic
 * column merging a quasi-identifier with a column that is not one would break the argument, so
 * such a file is offered in its released layout only. Distinct l-diversity need not survive a
 * merge of sensitive values, so it is checked on the converted file, as k is (guarantee.ts).
 * Differentially private records stay so under any conversion (post-processing: Dwork and Roth
 * 2014, "The algorithmic foundations of differential privacy", proposition 2.1).
 */
import type { HubLayout, PublicationKind, PublicationReport } from '../../shared/api/hub.schema.ts';
import { CTDC_COLUMNS, SYNTHETIC_COLUMNS, toSyntheticLayout } from '../../shared/hub/ctdc/index.ts';
import type { SyntheticColumn } from '../../shared/hub/ctdc/index.ts';
import { SYNTHETIC_MEANS } from '../../shared/hub/ctdc/synthetic-layout.ts';
import type { Table } from '../../shared/hub/table.ts';
import { guaranteeFaults } from './guarantee.ts';

/** What the layouts of a released publication depend on (no content needed). */
export interface LayoutFacts {
  kind: PublicationKind;
  columns: readonly string[];
  report: PublicationReport;
}

/** The global-layout columns a synthetic column is read from (as to-synthetic.ts reads them). */
export function syntheticSources(column: SyntheticColumn): readonly string[] {
  if (column === 'traffickMonths') return []; // the global layout records no duration
  return SYNTHETIC_MEANS[column] ?? [column];
}

/** The synthetic columns made from any of `columns`, in the order of `columns`. */
function syntheticColumnsOf(columns: readonly string[]): SyntheticColumn[] {
  const out: SyntheticColumn[] = [];
  for (const c of columns) {
    for (const s of SYNTHETIC_COLUMNS) {
      if (syntheticSources(s).includes(c) && !out.includes(s)) out.push(s);
    }
  }
  return out;
}

/**
 * Why the file cannot be offered in the synthetic layout, in words for the caller; null when it
 * can. Never names a value, only columns and counts.
 */
export function syntheticLayoutRefusal(p: LayoutFacts): string | null {
  if (p.kind === 'aggregates') {
    return 'an aggregates publication is a table of counts, not records: it is available in its released layout only (layout=global)';
  }
  const missing = CTDC_COLUMNS.filter((c) => !p.columns.includes(c));
  if (missing.length > 0) {
    return `the synthetic layout is made from records with every column of the CTDC global layout; this file lacks ${missing.length} of them (the first: ${missing[0]}): use layout=global`;
  }
  if (p.report.kind === 'microdata') {
    const qi = p.report.qi;
    for (const c of syntheticColumnsOf(qi)) {
      const other = syntheticSources(c).find((s) => !qi.includes(s));
      if (other !== undefined) {
        return `the synthetic column ${c} merges a quasi-identifier with ${other}, which is not one, so k-anonymity would not carry over: use layout=global`;
      }
    }
    const sensitive = p.report.l?.sensitive;
    const merged = sensitive ? syntheticColumnsOf([sensitive]) : [];
    if (merged.some((c) => syntheticSources(c).length > 1)) {
      return `the synthetic layout merges the sensitive column ${sensitive} with other columns (into ${merged.join(', ')}), so l-diversity would not carry over: use layout=global`;
    }
  }
  return null;
}

/** The layouts a released file can be downloaded in: `global` always, `synthetic` when it can. */
export function publicationLayouts(p: LayoutFacts): HubLayout[] {
  return syntheticLayoutRefusal(p) === null ? ['global', 'synthetic'] : ['global'];
}

/** The guarantee of a converted microdata file, stated on the synthetic layout's columns. */
export interface SyntheticGuarantee {
  qi: SyntheticColumn[];
  k: number;
  /** Null when no sensitive column was stated, or the layout does not carry it. */
  l: { sensitive: SyntheticColumn; l: number } | null;
}

export interface SyntheticFile {
  table: Table;
  /** Null for differentially private records (their guarantee does not depend on columns). */
  guarantee: SyntheticGuarantee | null;
}

/** Thrown when the converted file would not meet its stated guarantee: nothing is sent. */
export class LayoutGuaranteeError extends Error {
  constructor(readonly faults: readonly string[]) {
    super(`the synthetic layout of this file would not keep its guarantee: ${faults.join('; ')}`);
    this.name = 'LayoutGuaranteeError';
  }
}

/**
 * The released file (`table`) in the synthetic layout, with its guarantee checked again on the
 * converted file, independently of the argument above. Call only when `syntheticLayoutRefusal`
 * is null (it refuses a sensitive column merged with others, whose l could not be stated).
 * @throws LayoutGuaranteeError when k (or l) does not hold on the converted file.
 */
export function toSyntheticRelease(table: Table, p: LayoutFacts): SyntheticFile {
  const converted = toSyntheticLayout(table);
  if (p.report.kind !== 'microdata') return { table: converted, guarantee: null };
  const r = p.report;
  // A sensitive column the layout carries is carried alone (syntheticLayoutRefusal), or dropped.
  const carried = r.l ? syntheticColumnsOf([r.l.sensitive])[0] : undefined;
  const guarantee: SyntheticGuarantee = {
    qi: syntheticColumnsOf(r.qi),
    k: r.k,
    l: r.l && carried ? { sensitive: carried, l: r.l.l } : null,
  };
  const faults = guaranteeFaults(converted, guarantee.qi, guarantee.k, guarantee.l);
  if (faults.length > 0) throw new LayoutGuaranteeError(faults);
  return { table: converted, guarantee };
}
