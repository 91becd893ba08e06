/**
 * A CSV file of people to PprlFieldRecords, for `lantern pprl encode` and the benchmark. Every
 * problem is reported by row and column name, never with the cell's content (personal data).
 */
import { parseCsv } from '../../exchange/csv.ts';
import { csvColumnsFor, fieldsOfCsvRow, headerKey } from './fields.ts';
import type { PprlFieldRecord } from './index.ts';
import type { PprlSchema } from './schema.ts';

export interface CsvReadResult {
  records: PprlFieldRecord[];
  /** Problems by row (row 1 is the header); a row with a problem is not in `records`. */
  faults: { row: number; message: string }[];
  /** Schema features the file has no column for (they are missing in every record). */
  missingColumns: string[];
  /** The id column's header. */
  idColumn: string;
}

export class PprlCsvError extends Error {}

/** Reads the file; throws PprlCsvError when it cannot be used at all (no header, no id column). */
export function readPprlCsv(text: string, schema: PprlSchema, idColumn?: string): CsvReadResult {
  const parsed = parseCsv(text);
  const faults = parsed.faults.map((f) => ({ row: f.row, message: f.message }));
  const [header, ...rows] = parsed.records;
  if (!header || header.row !== 1)
    throw new PprlCsvError('the file has no readable header row (row 1)');
  // FEBRL's headers have a space after each comma: names are trimmed before comparing.
  const names = header.cells.map((h) => h.trim());
  const wantedId = idColumn === undefined ? null : headerKey(idColumn);
  const idIndex =
    wantedId === null
      ? names.findIndex((h) => ['recid', 'id'].includes(headerKey(h)))
      : names.findIndex((h) => headerKey(h) === wantedId);
  if (idIndex < 0)
    throw new PprlCsvError(
      idColumn === undefined
        ? 'no id column: name it rec_id or id, or give --id COLUMN'
        : `no column named ${idColumn} in the header`,
    );
  const featureNames = schema.features.map((f) => f.name);
  const columns = csvColumnsFor(names, featureNames);
  const records: PprlFieldRecord[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.cells.length === 1 && r.cells[0]!.trim() === '') continue; // a blank line
    if (r.cells.length !== names.length) {
      faults.push({
        row: r.row,
        message: `has ${r.cells.length} cells where the header has ${names.length}`,
      });
      continue;
    }
    const id = r.cells[idIndex]!.trim();
    if (id === '') {
      faults.push({ row: r.row, message: `the id (${names[idIndex]}) is empty` });
      continue;
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      faults.push({ row: r.row, message: `the id repeats row ${earlier}` });
      continue;
    }
    const { fields, unreadable } = fieldsOfCsvRow(r.cells, columns);
    if (unreadable.length > 0) {
      const cols = unreadable.map((n) => names[columns[n]!]).join(', ');
      faults.push({
        row: r.row,
        message: `${cols}: not a date (expected YYYYMMDD, YYYY-MM-DD, YYYY-MM or YYYY)`,
      });
      continue;
    }
    seen.set(id, r.row);
    records.push({ id, fields });
  }
  faults.sort((x, y) => x.row - y.row);
  return {
    records,
    faults,
    missingColumns: featureNames.filter((n) => columns[n]! < 0),
    idColumn: names[idIndex]!,
  };
}
