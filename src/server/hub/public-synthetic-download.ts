import type { DownloadFormat } from '../../shared/api/hub.schema.ts';
import { HUB_CONTENT_TYPES } from '../../shared/api/hub.schema.ts';
import { readTable, writeTable } from '../../shared/hub/table.ts';
import { AppError } from '../http/app-error.ts';
import {
  LayoutGuaranteeError,
  syntheticLayoutRefusal,
  toSyntheticRelease,
  type LayoutFacts,
} from './publication-layouts.ts';
import { publicationXlsx } from './publication-xlsx.ts';

/** A file to send: what public-publications.service.ts answers a download with. */
export interface LayoutDownload {
  body: Buffer | string;
  contentType: string;
  filename: string;
}

/**
 * A released file converted to the CTDC synthetic layout (publication-layouts.ts says why the
 * guarantee carries over). A file that cannot be converted is a 400 naming `layout`; a converted
 * file that would not meet its guarantee when checked again is a 409, and nothing is sent.
 * `about` holds the lines of the released file's "about" sheet.
 */
export async function syntheticLayoutDownload(
  p: LayoutFacts & { id: string },
  content: string,
  format: DownloadFormat,
  about: readonly string[],
): Promise<LayoutDownload> {
  const refusal = syntheticLayoutRefusal(p);
  if (refusal !== null) {
    throw new AppError('validation_failed', `layout=synthetic is not available: ${refusal}.`, [
      { path: 'querystring.layout', message: refusal },
    ]);
  }
  let file;
  try {
    file = toSyntheticRelease(readTable(content), p);
  } catch (e) {
    if (e instanceof LayoutGuaranteeError) throw new AppError('conflict', `${e.message}.`);
    throw e;
  }
  const filename = `lantern-${p.kind}-${p.id}-synthetic-layout.${format}`;
  if (format === 'csv') {
    return { body: writeTable(file.table), contentType: HUB_CONTENT_TYPES.csv, filename };
  }
  const g = file.guarantee;
  const body = await publicationXlsx({
    columns: file.table.columns,
    rows: file.table.rows,
    numeric: new Set(),
    about: [
      ...about,
      'Layout: CTDC synthetic layout (27 columns, ISO 3166-1 alpha-3 countries, an empty cell for a missing value), converted from the released file in the CTDC global layout. A value this layout cannot hold (a region for a country, for instance) is an empty cell.',
      ...(g
        ? [
            `Guarantee in this layout: every combination of ${g.qi.join(', ')} occurs at least ${g.k} times` +
              (g.l ? `, with at least ${g.l.l} distinct values of ${g.l.sensitive} in each` : ''),
          ]
        : []),
    ],
  });
  return { body, contentType: HUB_CONTENT_TYPES.xlsx, filename };
}
