import { writeStreamedWorkbook } from '../shared/xlsx-writer.ts';

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
 * exceljs's streaming writer, as the case export does (src/server/shared/xlsx-writer.ts), so that
 * memory stays flat at 100,000 rows.
 */
export async function publicationXlsx(sheet: PublicationSheet): Promise<Buffer> {
  return writeStreamedWorkbook({
    sheet: 'data',
    widths: sheet.columns.map((c) => Math.min(40, Math.max(10, c.length + 2))),
    hiddenRows: [],
    header: sheet.columns,
    rows: sheet.rows,
    numeric: sheet.numeric,
    about: sheet.about,
  });
}
