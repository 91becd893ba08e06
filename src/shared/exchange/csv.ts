/**
 * CSV as RFC 4180 describes it (https://www.rfc-editor.org/rfc/rfc4180), read leniently where
 * spreadsheet programs differ from it and strictly where a mistake would shift values into the
 * wrong column. No dependency: the format is small, and an importer of personal data should
 * own its parser.
 *
 * Reading accepts a UTF-8 byte order mark, CRLF, LF or CR line ends, quoted fields holding
 * delimiters, line breaks and doubled quotes, and a comma or semicolon delimiter (Excel writes
 * semicolons where the decimal mark is a comma). Writing produces CRLF, quotes only where
 * needed, and starts with a byte order mark so that Excel reads the file as UTF-8.
 */

/** One record of the file; `row` counts records from 1, as a spreadsheet program numbers rows. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** A structural fault; the reader reports it for its row and skips that row. */
export interface CsvFault {
  row: number;
  message: string;
}

export interface CsvParseResult {
  records: CsvRecord[];
  faults: CsvFault[];
  delimiter: ',' | ';';
}

const BOM = '\ufeff';

/**
 * The delimiter of the first record: a semicolon when it has more semicolons than commas
 * outside quotes, else a comma.
 */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text.startsWith(BOM) ? text.slice(1) : text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Splits CSV text into records of fields. A record with a stray quote (`ab"c`, `"ab"c`) is
 * reported as a fault and left out rather than guessed at; an unterminated quote is a fault of
 * the row where it opened. The last record needs no line end.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvParseResult {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const faults: CsvFault[] = [];
  let cells: string[] = [];
  let field = '';
  let row = 1;
  let fault: string | null = null;
  // Whether the current record has begun (a lone `""` is a record holding one empty field).
  let begun = false;
  let i = 0;
  const n = src.length;

  const endRecord = () => {
    cells.push(field);
    if (fault) faults.push({ row, message: fault });
    else records.push({ row, cells });
    cells = [];
    field = '';
    fault = null;
    begun = false;
    row++;
  };

  while (i < n) {
    const ch = src[i]!;
    if (ch !== '\r' && ch !== '\n') begun = true;
    if (ch === '"' && field === '') {
      // A quoted field: runs to the next quote that is not doubled.
      const start = row;
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = src.indexOf('"', j);
        if (q < 0) {
          faults.push({ row: start, message: 'a quoted value is never closed' });
          return { records, faults, delimiter };
        }
        value += src.slice(j, q);
        if (src[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      field = value;
      const next = src[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        fault = 'has text after a closing quote';
      }
      continue;
    }
    if (ch === delimiter) {
      cells.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      // Unquoted text runs to the next delimiter or line end.
      let j = i;
      while (j < n) {
        const c = src[j]!;
        if (c === delimiter || c === '\n' || c === '\r') break;
        if (c === '"') fault ??= 'has a quote inside a value that is not quoted';
        j++;
      }
      field += src.slice(i, j);
      i = j;
    }
  }
  // A final record without a line end; an empty file or a trailing line end adds none.
  if (begun) endRecord();
  return { records, faults, delimiter };
}

const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

/** One field, quoted when it holds a delimiter, quote, line break or edge space. */
export const csvField = (value: string): string =>
  NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/** Records as CSV text: comma-delimited, CRLF line ends, a byte order mark first. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

// Spreadsheet programs run a cell that starts with one of these as a formula (OWASP, "CSV
// Injection"). An exported value that would start a formula gets one apostrophe in front; on
// import one apostrophe is removed again, so the escape is exact: `'=x` ↔ `''=x`.
const FORMULA_START = /^'*[=+\-@\t\r]/;
// A telephone number or a negative number is not a formula worth escaping.
const HARMLESS = /^[+-][0-9 ().-]*$/;

/** Escapes a value that a spreadsheet would run as a formula (CSV export only). */
export const escapeFormula = (value: string): string =>
  FORMULA_START.test(value) && !HARMLESS.test(value) ? `'${value}` : value;

/** Undoes `escapeFormula` (CSV import only). */
export const unescapeFormula = (value: string): string =>
  value.startsWith("'") && FORMULA_START.test(value) && !HARMLESS.test(value.slice(1))
    ? value.slice(1)
    : value;
