import type {
  DownloadFormat,
  HubLayout,
  PublicPublication,
  PublicationReport,
} from '../../shared/api/hub.schema.ts';
import { HUB_CONTENT_TYPES } from '../../shared/api/hub.schema.ts';
import { readTable } from '../../shared/hub/table.ts';
import type { Database, Tx } from '../db/database.ts';
import { SYSTEM } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { publicationLayouts } from './publication-layouts.ts';
import { publicationXlsx } from './publication-xlsx.ts';
import { syntheticLayoutDownload } from './public-synthetic-download.ts';
import type { PublicationRow } from './publications.repo.ts';
import {
  enterPublicScope,
  getPublication,
  getPublicationContent,
  listPublications,
} from './publications.repo.ts';

// The public data page: released publications only, read by anyone without a session. Each
// request is one transaction under the app role with no organisation and no user, where
// row-level security shows released publications and nothing else (migration 0016).

/**
 * What the public sees of a report: the measures of the published file, not those computed on
 * the sources (the risk before anonymisation; a DP release's error against the true counts,
 * which is not itself differentially private).
 */
function publicReport(report: PublicationReport): PublicationReport {
  if (report.kind === 'microdata') return { ...report, riskBefore: null };
  return { ...report, quality: null, syntheticQuality: null };
}

function presentPublic(row: PublicationRow): PublicPublication {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    sources: row.sources.map((s) => ({
      kind: s.kind,
      label: s.label,
      layout: s.layout,
      rowCount: s.rowCount,
    })),
    parameters: row.parameters,
    report: publicReport(row.report),
    columns: row.columns,
    rowCount: row.rowCount,
    releasedAt: row.releasedAt!.toISOString(),
    layouts: publicationLayouts(row),
  };
}

function asPublic<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(SYSTEM, async (tx) => {
    await enterPublicScope(tx);
    return fn(tx);
  });
}

export function listPublicPublications(db: Database): Promise<PublicPublication[]> {
  return asPublic(db, async (tx) => (await listPublications(tx, 'released')).map(presentPublic));
}

export function getPublicPublication(db: Database, id: string): Promise<PublicPublication> {
  return asPublic(db, async (tx) => {
    const row = await getPublication(tx, id);
    if (!row || row.status !== 'released') throw AppError.notFound('publication');
    return presentPublic(row);
  });
}

/** One line per fact of the "about" sheet: what anyone needs to use the file correctly. */
function aboutLines(p: PublicPublication): string[] {
  const r = p.report;
  const guarantee =
    r.kind === 'microdata'
      ? `Guarantee: every combination of ${r.qi.join(', ')} occurs at least ${r.k} times` +
        (r.l ? `, with at least ${r.l.l} distinct values of ${r.l.sensitive} in each` : '')
      : `Guarantee: (${r.epsilon}, ${r.delta})-differential privacy; counts of combinations of up to ${r.length} columns`;
  return [
    p.title,
    ...(p.description ? [p.description] : []),
    `Kind: ${p.kind}`,
    `Released: ${p.releasedAt}`,
    guarantee,
    `Sources: ${p.sources.map((s) => `${s.label} (${s.kind}, ${s.rowCount} rows)`).join('; ')}`,
    ...(p.kind === 'aggregates'
      ? ['An empty cell: the count covers every value of that column.']
      : []),
    'Made with Lantern (docs/hub.md).',
  ];
}

export interface Download {
  body: Buffer | string;
  contentType: string;
  filename: string;
}

/**
 * The released file, as stored (CSV) or as a workbook (XLSX); with `layout` synthetic, converted
 * to the CTDC synthetic layout (public-synthetic-download.ts).
 */
export function downloadPublication(
  db: Database,
  id: string,
  format: DownloadFormat,
  layout: HubLayout = 'global',
): Promise<Download> {
  return asPublic(db, async (tx) => {
    const row = await getPublication(tx, id);
    if (!row || row.status !== 'released') throw AppError.notFound('publication');
    const content = (await getPublicationContent(tx, id)) ?? '';
    if (layout === 'synthetic') {
      return syntheticLayoutDownload(row, content, format, aboutLines(presentPublic(row)));
    }
    const filename = `lantern-${row.kind}-${id}.${format}`;
    if (format === 'csv') return { body: content, contentType: HUB_CONTENT_TYPES.csv, filename };
    const table = readTable(content);
    const count = row.kind === 'aggregates' ? table.columns.length - 1 : -1;
    const body = await publicationXlsx({
      columns: table.columns,
      rows: table.rows,
      numeric: new Set(count >= 0 ? [count] : []),
      about: aboutLines(presentPublic(row)),
    });
    return { body, contentType: HUB_CONTENT_TYPES.xlsx, filename };
  });
}
