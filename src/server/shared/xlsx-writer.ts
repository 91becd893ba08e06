import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';

/** One workbook of a data sheet and an "about" sheet, as Lantern writes its files. */
export interface StreamedWorkbook {
  /** Name of the data sheet. */
  sheet: string;
  /** Column widths, in characters. */
  widths: number[];
  /** Rows written hidden above the header (the toolkit's field names), if any. */
  hiddenRows: string[][];
  /** The bold header row; the rows above the data (hidden ones and this) stay frozen. */
  header: string[];
  rows: string[][];
  /** 0-based columns written as numbers. */
  numeric: ReadonlySet<number>;
  /** Lines of the "about" sheet. */
  about: string[];
}

/**
 * Writes the workbook with exceljs's streaming writer: rows are committed as they are added, so
 * memory stays flat for tens of thousands of rows (the in-memory writer needs ~35 kB a row).
 */
export async function writeStreamedWorkbook(book: StreamedWorkbook): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Lantern';
  const ySplit = book.hiddenRows.length + 1;
  const ws = wb.addWorksheet(book.sheet, { views: [{ state: 'frozen', ySplit }] });
  ws.columns = book.widths.map((width) => ({ width }));
  for (const cells of book.hiddenRows) {
    const row = ws.addRow(cells);
    row.hidden = true;
    row.commit();
  }
  const header = ws.addRow(book.header);
  header.font = { bold: true };
  header.commit();
  for (const cells of book.rows) {
    // Strings stay strings: a value starting with "=" is text here, never a formula.
    // Empty cells are left out of the file rather than written as empty strings.
    const values = cells.map((c, i) => (c === '' ? null : book.numeric.has(i) ? Number(c) : c));
    ws.addRow(values).commit();
  }
  ws.commit();
  const about = wb.addWorksheet('about');
  for (const line of book.about) about.addRow([line]).commit();
  about.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
