import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvField,
  detectDelimiter,
  escapeFormula,
  parseCsv,
  unescapeFormula,
  writeCsv,
} from './csv.ts';

const cells = (text: string) => parseCsv(text).records.map((r) => r.cells);

describe('parseCsv (RFC 4180)', () => {
  it('reads plain records and numbers them as rows', () => {
    const { records, faults } = parseCsv('a,b,c\r\n1,2,3\r\n');
    expect(faults).toEqual([]);
    expect(records).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['1', '2', '3'] },
    ]);
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(cells('\ufeffFirst Name,Gender\r\nAmina,F')).toEqual([
      ['First Name', 'Gender'],
      ['Amina', 'F'],
    ]);
  });

  it('accepts CRLF, LF and CR line ends, and no line end at the end', () => {
    expect(cells('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    const text = 'name,note\r\n"Okafor, Amina","line one\r\nline two ""quoted"""\r\nx,y\r\n';
    const { records } = parseCsv(text);
    expect(records.map((r) => r.cells)).toEqual([
      ['name', 'note'],
      ['Okafor, Amina', 'line one\r\nline two "quoted"'],
      ['x', 'y'],
    ]);
    // A record spanning two lines is still one row.
    expect(records.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('keeps empty fields, and a blank line as a record of one empty field', () => {
    expect(cells('a,,c\r\n\r\n,,\r\n""')).toEqual([['a', '', 'c'], [''], ['', '', ''], ['']]);
  });

  it('reports a stray quote for its row and reads the rows around it', () => {
    const { records, faults } = parseCsv('a,b\r\nx,ab"c\r\n"ab"c,d\r\ne,f\r\n');
    expect(faults).toEqual([
      { row: 2, message: 'has a quote inside a value that is not quoted' },
      { row: 3, message: 'has text after a closing quote' },
    ]);
    expect(records.map((r) => [r.row, ...r.cells])).toEqual([
      [1, 'a', 'b'],
      [4, 'e', 'f'],
    ]);
  });

  it('reports an unterminated quote at the row where it opened', () => {
    const { records, faults } = parseCsv('a,b\r\n1,2\r\n3,"never closed\r\n4,5\r\n');
    expect(records.map((r) => r.row)).toEqual([1, 2]);
    expect(faults).toEqual([{ row: 3, message: 'a quoted value is never closed' }]);
  });

  it('reads fields of 1,000 characters and more', () => {
    const long = 'ä'.repeat(1_000);
    const quoted = `x,"${'y,'.repeat(600)}"`;
    expect(cells(`${long},b\r\n${quoted}`)).toEqual([
      [long, 'b'],
      ['x', 'y,'.repeat(600)],
    ]);
  });

  it('detects a semicolon delimiter from the first row', () => {
    expect(detectDelimiter('First Name;Gender;Citizenship\r\nA,B;F;NG')).toBe(';');
    expect(detectDelimiter('"a;b;c",d\r\n')).toBe(',');
    expect(cells('a;"b;c"\r\n1;2')).toEqual([
      ['a', 'b;c'],
      ['1', '2'],
    ]);
  });
});

describe('writeCsv', () => {
  it('quotes only what needs quoting and ends lines with CRLF after a byte order mark', () => {
    expect(writeCsv([['a', 'b c', 'd,e', 'f"g', 'h\ni', ' j', '']])).toBe(
      '\ufeffa,b c,"d,e","f""g","h\ni"," j",\r\n',
    );
    expect(csvField('semi;colon')).toBe('"semi;colon"');
  });

  it('round-trips any table of strings (fast-check)', () => {
    const field = fc.string({ unit: 'binary', maxLength: 30 });
    const table = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }))
      .chain(([w, h]) =>
        fc.array(fc.array(field, { minLength: w, maxLength: w }), { minLength: h, maxLength: h }),
      );
    fc.assert(
      fc.property(table, (rows) => {
        // A row of one empty field is written as a blank line; the parser reads it back as [''].
        const { records, faults } = parseCsv(writeCsv(rows), ',');
        expect(faults).toEqual([]);
        expect(records.map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});

describe('formula escaping (CSV injection)', () => {
  it('escapes values a spreadsheet would run, and leaves telephone numbers alone', () => {
    expect(escapeFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(escapeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeFormula('-2+3')).toBe("'-2+3");
    expect(escapeFormula('+234 801 234 5678')).toBe('+234 801 234 5678');
    expect(escapeFormula('Amina')).toBe('Amina');
  });

  it('is undone exactly by unescapeFormula (fast-check)', () => {
    const value = fc.oneof(
      fc.string(),
      fc
        .tuple(
          fc.constantFrom("'", "''", ''),
          fc.constantFrom('=', '+', '-', '@', '\t'),
          fc.string(),
        )
        .map((p) => p.join('')),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(unescapeFormula(escapeFormula(v))).toBe(v);
      }),
      {
        numRuns: 2_000,
      },
    );
  });
});
