/**
 * XLSX in and out with exceljs (STACK.md: not the `xlsx` package). Reading yields the same
 * `Sheet` as CSV does, every cell as text; writing follows the toolkit's "Case Sheet".
 */
import ExcelJS from 'exceljs';
import type { Sheet } from '../../shared/exchange/read-case-sheet.ts';
import { writeStreamedWorkbook } from '../shared/xlsx-writer.ts';
import { checkZipSizes } from './zip-guard.ts';

/** The file is not a workbook Lantern can read; the message says why (no personal data). */
export class UnreadableFile extends Error {}

/** The toolkit's sheet name; the simple template calls its only sheet "Sheet1". */
const CASE_SHEET = 'Case Sheet';

/** A cell's value as the text a person sees in it; dates as YYYY-MM-DD (exceljs reads them as UTC). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return (o.richText as { text?: unknown }[]).map((r) => cellText(r.text)).join('');
    }
    if ('formula' in o || 'sharedFormula' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if (typeof o.error === 'string') return o.error;
  }
  return '';
}

/** The case sheet of an XLSX workbook ("Case Sheet", else the first), every cell as text. */
export async function sheetFromXlsx(bytes: Buffer): Promise<Sheet> {
  const problem = checkZipSizes(bytes);
  if (problem) throw new UnreadableFile(problem);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings want the older Buffer type of @types/node.
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableFile('the file is not an XLSX workbook');
  }
  const ws = wb.getWorksheet(CASE_SHEET) ?? wb.worksheets[0];
  if (!ws) throw new UnreadableFile('the workbook has no sheet');
  const rows: Sheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return { rows, faults: [], sameWidth: false };
}

export interface XlsxLayout {
  /** The toolkit's two header rows: field names (hidden), labels. */
  header: [string[], string[]];
  rows: string[][];
  /** 0-based columns written as numbers (row numbers, ages). */
  numeric: ReadonlySet<number>;
  /** Text of the "about" sheet. */
  about: string[];
}

/**
 * A workbook laid out as the toolkit's: "Case Sheet" (hidden field-name row) and "about".
 * Written with exceljs's streaming writer (src/server/shared/xlsx-writer.ts), so memory stays
 * flat for tens of thousands of cases.
 */
export async function xlsxFromRows(layout: XlsxLayout): Promise<Buffer> {
  const [fields, labels] = layout.header;
  return writeStreamedWorkbook({
    sheet: CASE_SHEET,
    widths: labels.map((label, i) => (i === 0 ? 6 : Math.min(40, Math.max(12, label.length + 2)))),
    hiddenRows: [fields],
    header: labels,
    rows: layout.rows,
    numeric: layout.numeric,
    about: layout.about,
  });
}
