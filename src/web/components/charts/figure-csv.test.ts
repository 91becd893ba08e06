import { describe, expect, it } from 'vitest';
import { countText, decimalText, figureCsv } from './figure-csv.ts';

describe('the CSV of a figure that is not a chart', () => {
  it('writes a header and rows as CSV with a byte order mark, quoting where needed', () => {
    expect(
      figureCsv(
        ['Country', 'Cases'],
        [
          ['Moldova', '12'],
          ['Bosnia, Herzegovina', '7'],
        ],
      ),
    ).toBe('\uFEFFCountry,Cases\r\nMoldova,12\r\n"Bosnia, Herzegovina",7\r\n');
  });

  it('escapes a cell that a spreadsheet would run as a formula, in the header too', () => {
    const csv = figureCsv(['=HYPERLINK("x")'], [['@SUM(A1)'], ['-5'], ['+cmd']]);
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""x"")"\r\n\'@SUM(A1)\r\n-5\r\n\'+cmd\r\n');
  });

  it('writes a suppressed count as the word, never as a number', () => {
    expect(countText({ count: null, suppressed: true }, 'suppressed')).toBe('suppressed');
    // a cell flagged suppressed never shows a number, even if one were sent
    expect(countText({ count: 3, suppressed: true }, 'suppressed')).toBe('suppressed');
    expect(countText({ count: 0, suppressed: false }, 'suppressed')).toBe('0');
    expect(countText({ count: 1234, suppressed: false }, 'suppressed')).toBe('1234');
  });

  it('writes measured values with fixed decimals and a point, and nothing for no value', () => {
    expect(decimalText(2.345678, 2)).toBe('2.35');
    expect(decimalText(-1.5, 0)).toBe('-2');
    expect(decimalText(null, 2)).toBe('');
    expect(decimalText(Number.NaN, 2)).toBe('');
    expect(decimalText(Number.POSITIVE_INFINITY, 2)).toBe('');
  });
});
