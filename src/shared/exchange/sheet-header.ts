/**
 * The header of an imported sheet: which file column holds which HTCDS column. Accepts HTCDS
 * field names, labels, or the toolkit's two rows (field names, then labels: the labels decide,
 * because the toolkit's hidden row has slips where the labels do not).
 */
import type { ImportIssue } from '../api/exchange.schema.ts';
import type { HtcdsColumn } from './htcds-columns.ts';
import { HTCDS_COLUMNS, REQUIRED_PATHS, columnLetter } from './htcds-columns.ts';

/** One row of a sheet: its number as the spreadsheet shows it and its cells' text (A, B, …). */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** A column of the file and the HTCDS column its header names (undefined: unknown header). */
export interface FileColumn {
  index: number;
  letter: string;
  header: string;
  column: HtcdsColumn | undefined;
}

export interface SheetHeader {
  columns: FileColumn[];
  /** The row whose headers decide (the second of the toolkit's two). */
  row: number;
  /** Cells in the header row(s). */
  width: number;
  /** Problems that make the file unusable: nothing can be imported. */
  errors: ImportIssue[];
}

const headerKey = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

const HEADER_INDEX: ReadonlyMap<string, HtcdsColumn> = new Map(
  HTCDS_COLUMNS.flatMap((c) =>
    [c.field, c.label, ...(c.aliases ?? [])].filter((h) => h !== '').map((h) => [headerKey(h), c]),
  ),
);

export const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** A row every non-empty cell of which names a column (the toolkit's second header row). */
const isHeaderRow = (cells: readonly string[]) => {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length >= 2 && filled.every((c) => HEADER_INDEX.has(headerKey(c)));
};

const describe = (c: HtcdsColumn) => (c.label ? `${c.label} (${c.field})` : c.field);

const fileIssue = (row: number, message: string): ImportIssue => ({
  row,
  column: null,
  field: null,
  message,
});

/** Reads the header from the first non-blank row, and the next one if it is a header too. */
export function readHeader(rows: readonly SheetRow[]): SheetHeader {
  const [first, second] = rows.filter((r) => !isBlank(r.cells));
  if (!first) {
    return {
      columns: [],
      row: 1,
      width: 0,
      errors: [fileIssue(1, 'the file holds no header and no cases')],
    };
  }
  const two = second !== undefined && second.row === first.row + 1 && isHeaderRow(second.cells);
  const width = Math.max(first.cells.length, two ? second.cells.length : 0);
  const columns: FileColumn[] = [];
  for (let index = 0; index < width; index++) {
    const header =
      (two ? second.cells[index]?.trim() : undefined) || first.cells[index]?.trim() || '';
    const column = HEADER_INDEX.get(headerKey(header));
    columns.push({ index, letter: columnLetter(index), header, column });
  }
  const row = two ? second.row : first.row;
  const errors: ImportIssue[] = [];
  if (!columns.some((c) => c.column)) {
    errors.push(
      fileIssue(
        first.row,
        'the first row names no HTCDS column: it must be the header (field names such as prs_FirstName, or labels such as First Name)',
      ),
    );
    return { columns, row, width, errors };
  }
  const seen = new Map<HtcdsColumn, FileColumn>();
  for (const c of columns) {
    if (!c.column) continue;
    const before = seen.get(c.column);
    if (before) {
      errors.push({
        row,
        column: { letter: c.letter, header: c.header },
        field: c.column.value?.path ?? null,
        message: `repeats column ${before.letter}: both are ${describe(c.column)}`,
      });
    }
    seen.set(c.column, c);
  }
  for (const path of REQUIRED_PATHS) {
    if (!columns.some((c) => c.column?.value?.path === path)) {
      const wanted = HTCDS_COLUMNS.find((c) => c.value?.path === path)!;
      errors.push(
        fileIssue(row, `the file has no ${describe(wanted)} column, which every case needs`),
      );
    }
  }
  return { columns, row, width, errors };
}

/** The file column holding a Lantern field (the first, when several columns make it up). */
export function columnOf(columns: readonly FileColumn[], path: string): FileColumn | undefined {
  let best: FileColumn | undefined;
  let bestLength = 0;
  for (const c of columns) {
    const v = c.column?.value;
    if (!v?.importable) continue;
    if ((path === v.path || path.startsWith(`${v.path}.`)) && v.path.length > bestLength) {
      best = c;
      bestLength = v.path.length;
    }
  }
  return best;
}
