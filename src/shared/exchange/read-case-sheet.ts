/**
 * A spreadsheet's rows → case bodies, every row checked, every error placed at its row and
 * column. Pure: the server decodes the file into a `Sheet` (CSV here, XLSX with exceljs) and
 * writes what this returns.
 */
import { CaseCreateBody } from '../api/cases.schema.ts';
import type { IgnoredColumn, ImportIssue } from '../api/exchange.schema.ts';
import { IMPORT_MAX_ROWS } from '../api/exchange.schema.ts';
import { parseCsv, unescapeFormula } from './csv.ts';
import { getPath, setPath } from './paths.ts';
import type { FileColumn, SheetRow } from './sheet-header.ts';
import { columnOf, isBlank, readHeader } from './sheet-header.ts';

export type { SheetRow } from './sheet-header.ts';

export interface Sheet {
  rows: SheetRow[];
  /** Rows the file format could not read (a CSV row with a stray quote). */
  faults: { row: number; message: string }[];
  /** CSV: every row must have as many values as the header (a missing comma shifts columns). */
  sameWidth: boolean;
}

export interface ReadOptions {
  /** Today (YYYY-MM-DD): a registration date may not be later. */
  today: string;
  maxRows?: number;
}

export interface SheetReading {
  /** Rows that passed every check, as case bodies. */
  valid: { row: number; body: CaseCreateBody }[];
  /** Row and column errors, in row and column order; a row with any is not imported. */
  errors: ImportIssue[];
  /** An error in the header or the file as a whole: no row can be imported. */
  fatal: boolean;
  warnings: ImportIssue[];
  ignoredColumns: IgnoredColumn[];
  /** Case rows read (blank rows are skipped and not counted). */
  rows: number;
  /** The issue for a Lantern field of a row, placed at its column (for checks made later). */
  issueAt(row: number, path: string, message: string): ImportIssue;
}

/** CSV text → sheet: records numbered as rows, formula escapes of the export undone. */
export function sheetFromCsv(text: string): Sheet {
  const { records, faults } = parseCsv(text);
  return {
    rows: records.map((r) => ({ row: r.row, cells: r.cells.map(unescapeFormula) })),
    faults,
    sameWidth: true,
  };
}

const at = (c: FileColumn) => ({ letter: c.letter, header: c.header });

function ignoredReason(c: FileColumn): string {
  if (!c.column) return 'not an HTCDS or Lantern column';
  if (!c.column.value) return 'Lantern does not record this field yet';
  return `not imported: ${c.column.value.ignoredBecause ?? 'export only'}`;
}

/** Reads the header row(s) and every case row of a sheet. */
export function readCaseSheet(sheet: Sheet, options: ReadOptions): SheetReading {
  const header = readHeader(sheet.rows);
  const { columns, width } = header;
  const issueAt = (row: number, path: string, message: string): ImportIssue => {
    const c = columnOf(columns, path);
    return { row, column: c ? at(c) : null, field: path || null, message };
  };
  const errors: ImportIssue[] = [...header.errors];
  const warnings: ImportIssue[] = [];
  const reading = (fatal: boolean, rest: Partial<SheetReading> = {}): SheetReading => ({
    valid: [],
    errors,
    fatal,
    warnings,
    ignoredColumns: [],
    rows: 0,
    issueAt,
    ...rest,
  });
  if (errors.length) return reading(true);

  // Cells under no header do not make a row (the toolkit numbers its empty rows in column A).
  const headed = columns.filter((c) => c.header !== '');
  const data = sheet.rows.filter(
    (r) =>
      r.row > header.row &&
      (headed.some((c) => (r.cells[c.index] ?? '').trim() !== '') ||
        !isBlank(r.cells.slice(width))),
  );
  const faults = sheet.faults.filter((f) => f.row > header.row);
  const maxRows = options.maxRows ?? IMPORT_MAX_ROWS;
  if (data.length + faults.length > maxRows) {
    errors.push({
      row: header.row,
      column: null,
      field: null,
      message: `the file has more than ${maxRows} case rows: split it into several imports`,
    });
    return reading(true);
  }

  for (const f of faults)
    errors.push({ row: f.row, column: null, field: null, message: f.message });
  const ignored = new Map<number, IgnoredColumn>();
  const valid: SheetReading['valid'] = [];
  for (const { row, cells } of data) {
    // A row wider or narrower than the header has lost or gained a delimiter somewhere.
    if (sheet.sameWidth && cells.length !== width) {
      errors.push({
        row,
        column: null,
        field: null,
        message: `has ${cells.length} values but the header has ${width} columns`,
      });
      continue;
    }
    const rowErrors: ImportIssue[] = [];
    const body: Record<string, unknown> = { person: {} };
    const parts = new Map<string, { joinWith: string; texts: string[] }>();
    for (const c of columns) {
      const text = (cells[c.index] ?? '').trim();
      const value = c.column?.value;
      if (text === '') continue;
      if (!value?.importable) {
        if (c.header !== '' && !ignored.has(c.index)) {
          ignored.set(c.index, { ...at(c), reason: ignoredReason(c) });
        }
        continue;
      }
      const read = value.read(text);
      if (!read.ok) {
        rowErrors.push({ row, column: at(c), field: value.path, message: read.message });
        continue;
      }
      if (read.warning) {
        warnings.push({ row, column: at(c), field: value.path, message: read.warning });
      }
      if (value.joinWith === undefined) setPath(body, value.path, read.value);
      else {
        const p = parts.get(value.path) ?? { joinWith: value.joinWith, texts: [] };
        p.texts.push(String(read.value));
        parts.set(value.path, p);
      }
    }
    for (const [path, p] of parts) setPath(body, path, p.texts.join(p.joinWith));

    // The schema's errors too, one per field, except for cells already found wrong.
    const named = new Set(rowErrors.map((e) => e.field));
    const parsed = CaseCreateBody.safeParse(body);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const path = i.path.map(String).join('.');
        const field = columnOf(columns, path)?.column?.value?.path ?? path;
        if (named.has(field) || named.has(path)) continue;
        named.add(path);
        const absent = getPath(body, path) === undefined;
        rowErrors.push(issueAt(row, path, absent ? 'is required' : i.message));
      }
    } else if (parsed.data.registrationDate && parsed.data.registrationDate > options.today) {
      rowErrors.push(issueAt(row, 'registrationDate', 'must not be in the future'));
    }
    if (parsed.success && rowErrors.length === 0) valid.push({ row, body: parsed.data });
    errors.push(...rowErrors);
  }

  const indexOf = new Map(columns.map((c) => [c.letter, c.index + 1]));
  const place = (c: { letter: string } | null) => (c ? (indexOf.get(c.letter) ?? 0) : 0);
  errors.sort((a, b) => a.row - b.row || place(a.column) - place(b.column));
  return reading(false, {
    valid,
    ignoredColumns: [...ignored.values()].sort((a, b) => place(a) - place(b)),
    rows: data.length + faults.length,
  });
}
