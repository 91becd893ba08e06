/**
 * Case records → the rows of an HTCDS spreadsheet: the toolkit's two header rows (field names,
 * then labels) and one row per case. Pure; the server turns the rows into CSV or XLSX.
 */
import type { CaseCreateBody } from '../api/cases.schema.ts';
import { HTCDS_COLUMNS } from './htcds-columns.ts';
import { getPath } from './paths.ts';

/** What an export knows of a case: the registration body, and what the system gave it. */
export interface ExchangeRecord extends CaseCreateBody {
  reference: string;
  /** Display name of the case owner. */
  caseOwner: string | null;
}

/** The two header rows: HTCDS field names (hidden in the toolkit), then labels. */
export const headerRows = (): string[][] => [
  HTCDS_COLUMNS.map((c) => c.field),
  HTCDS_COLUMNS.map((c) => c.label),
];

/**
 * One row of cells per record, in the column order of the map. A field spread over several
 * columns (the mailing address) is written whole into the first of them.
 */
export function caseRows(records: Iterable<ExchangeRecord>): string[][] {
  const rows: string[][] = [];
  let n = 0;
  for (const record of records) {
    n++;
    const source: Record<string, unknown> = { ...record, rowNumber: n };
    const written = new Set<string>();
    rows.push(
      HTCDS_COLUMNS.map((c) => {
        const v = c.value;
        if (!v || written.has(v.path)) return '';
        written.add(v.path);
        return v.write(getPath(source, v.path));
      }),
    );
  }
  return rows;
}
