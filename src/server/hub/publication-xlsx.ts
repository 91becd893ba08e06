import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';

export interface PublicationSheet {
  columns: string[];
  rows: string[][];
  /** 0-based columns written as numbers (the counts of aggregates). */
  numeric: ReadonlySet<number>;
  /** Lines of the "about" sheet: what the file is, its sources and its guarantee. */
  about: string[];
}

/**
 * A published file as a workbook: sheet "data" (header row, then the rows, every code as text
 * so that `-99` and `0`/`1` stay what CTDC means by them) and sheet "about". Written with
 * exceljs's streaming writer, as the case export does (src/server/exchange/xlsx.ts), so that
 * memory stays flat at 100,000 rows.
 */
export async function publicationXlsx(sheet: PublicationSheet): Promise<Buffer> {
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
  const ws = wb.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ width: Math.min(40, Math.max(10, c.length + 2)) }));
  const header = ws.addRow(sheet.columns);
  header.font = { bold: true };
  header.commit();
  for (const cells of sheet.rows) {
    // Strings stay strings: a value starting with "=" is text here, never a formula.
    const values = cells.map((c, i) => (c === '' ? null : sheet.numeric.has(i) ? Number(c) : c));
    ws.addRow(values).commit();
  }
  ws.commit();
  const about = wb.addWorksheet('about');
  for (const line of sheet.about) about.addRow([line]).commit();
  about.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
