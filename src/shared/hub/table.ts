/**
 * Microdata as the data hub's engines see it: named columns of categorical values, one row a
 * record. Anonymisation (k-anonymity, l-diversity), differentially private aggregates and
 * synthesis all read and write this shape; the CTDC layouts are tables with fixed columns.
 * Values are strings: CTDC codes, flags (`0`/`1`) and `-99` (missing) are categories here.
 */
import { parseCsv, writeCsv } from '../exchange/csv.ts';

export interface Table {
  columns: string[];
  /** Each row has exactly `columns.length` cells. */
  rows: string[][];
}

/** A problem with one line of an input file, numbered as a spreadsheet program numbers rows. */
export interface TableFault {
  row: number;
  message: string;
}

export class TableError extends Error {
  constructor(
    message: string,
    readonly faults: readonly TableFault[] = [],
  ) {
    super(message);
    this.name = 'TableError';
  }
}

/**
 * Reads CSV text with a header row into a table. Any structural fault (bad quoting, a ragged
 * row, a blank or repeated column name) is an error naming its row: an anonymised release made
 * from a file with rows silently dropped would misstate its own guarantee.
 */
export function readTable(text: string, delimiter?: ',' | ';'): Table {
  const parsed = delimiter ? parseCsv(text, delimiter) : parseCsv(text);
  const faults: TableFault[] = [...parsed.faults];
  const [header, ...body] = parsed.records;
  if (!header) throw new TableError('the file is empty (expected a header row)');
  const columns = header.cells.map((c) => c.trim());
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (c === '') faults.push({ row: header.row, message: `column ${i + 1} has no name` });
    else if (seen.has(c)) faults.push({ row: header.row, message: `column "${c}" appears twice` });
    seen.add(c);
  });
  const rows: string[][] = [];
  for (const r of body) {
    if (r.cells.length === 1 && r.cells[0] === '') continue; // a blank line
    if (r.cells.length !== columns.length) {
      faults.push({
        row: r.row,
        message: `has ${r.cells.length} fields, the header has ${columns.length}`,
      });
      continue;
    }
    rows.push(r.cells.map((c) => c.trim()));
  }
  if (faults.length > 0) {
    faults.sort((a, b) => a.row - b.row);
    const first = faults[0]!;
    const more = faults.length > 1 ? ` (and ${faults.length - 1} more)` : '';
    throw new TableError(`row ${first.row}: ${first.message}${more}`, faults);
  }
  return { columns, rows };
}

/** The table as CSV text (header first), as `writeCsv` writes it. */
export function writeTable(table: Table): string {
  return writeCsv([table.columns, ...table.rows]);
}

/** The index of each named column; an unknown name is an error listing the columns there are. */
export function columnIndexes(table: Table, names: readonly string[]): number[] {
  return names.map((name) => {
    const i = table.columns.indexOf(name);
    if (i < 0) {
      throw new TableError(`unknown column "${name}" (the file has: ${table.columns.join(', ')})`);
    }
    return i;
  });
}
