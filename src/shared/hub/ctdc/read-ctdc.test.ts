import { describe, expect, it } from 'vitest';
import { csvField } from '../../exchange/csv.ts';
import { TableError, writeTable } from '../table.ts';
import {
  CTDC_COLUMNS,
  SYNTHETIC_COLUMNS,
  generateCtdc,
  readCtdc,
  toSyntheticLayout,
} from './index.ts';

const sample = generateCtdc({ rows: 50, seed: 5 });
const header = CTDC_COLUMNS.join(',');
const lines = sample.rows.map((r) => r.join(','));

/** The faults readCtdc throws for a text, or fails the test when it does not throw. */
function faultsOf(text: string) {
  try {
    readCtdc(text);
  } catch (e) {
    expect(e).toBeInstanceOf(TableError);
    return (e as TableError).faults;
  }
  throw new Error('readCtdc accepted the file');
}

/** A copy of line `i` of the sample with one column changed. */
function withCell(i: number, column: string, value: string): string {
  const row = [...sample.rows[i]!];
  row[CTDC_COLUMNS.indexOf(column as (typeof CTDC_COLUMNS)[number])] = value;
  return row.join(',');
}

describe('readCtdc', () => {
  it('reads back what writeTable wrote (global layout)', () => {
    const read = readCtdc(writeTable(sample));
    expect(read.layout).toBe('global');
    expect(read.table).toEqual(sample);
  });

  it('reads back the synthetic layout', () => {
    const synthetic = toSyntheticLayout(sample);
    const read = readCtdc(writeTable(synthetic));
    expect(read.layout).toBe('synthetic');
    expect(read.table).toEqual(synthetic);
    expect(read.table.columns).toEqual([...SYNTHETIC_COLUMNS]);
  });

  it('accepts a byte order mark, CRLF line ends and a semicolon delimiter', () => {
    const text = `\ufeff${[CTDC_COLUMNS.join(';'), ...sample.rows.map((r) => r.map(csvField).join(';'))].join('\r\n')}\r\n`;
    expect(readCtdc(text).table).toEqual(sample);
  });

  it('puts columns in the published order and matches names without regard to case', () => {
    const order = [...CTDC_COLUMNS.keys()].reverse();
    const names = order.map((i) =>
      CTDC_COLUMNS[i] === 'CountryOfExploitation' ? 'CountryofExploitation' : CTDC_COLUMNS[i],
    );
    const text = [
      names.join(','),
      ...sample.rows.map((r) => order.map((i) => r[i]).join(',')),
    ].join('\n');
    expect(readCtdc(text).table).toEqual(sample);
  });

  it('refuses an empty file', () => {
    expect(faultsOf('')[0]!.message).toMatch(/empty/);
    expect(faultsOf('\ufeff\r\n')[0]!.message).toMatch(/empty/);
  });

  it('refuses a file without a header row', () => {
    const faults = faultsOf(lines.join('\n'));
    expect(faults.map((f) => f.row)).toEqual([1]);
    expect(faults[0]!.message).toMatch(/not a CTDC header/);
  });

  it('refuses a column outside the layout, which could hold a name', () => {
    const text = [`${header},givenName`, ...lines.map((l) => `${l},x`)].join('\n');
    const faults = faultsOf(text);
    expect(faults.map((f) => f.row)).toEqual([1]);
    expect(faults[0]!.message).toMatch(/^column "givenName" is not in the CTDC global layout/);
  });

  it('names each missing column', () => {
    const keep = CTDC_COLUMNS.filter((c) => c !== 'gender' && c !== 'isAbduction');
    const idx = keep.map((c) => CTDC_COLUMNS.indexOf(c));
    const text = [keep.join(','), ...sample.rows.map((r) => idx.map((i) => r[i]).join(','))].join(
      '\n',
    );
    expect(faultsOf(text).map((f) => f.message)).toEqual([
      'column "gender" is missing',
      'column "isAbduction" is missing',
    ]);
  });

  it('names the row of a ragged line', () => {
    const text = [header, lines[0], lines[1]!.split(',').slice(0, 10).join(','), lines[2]].join(
      '\n',
    );
    expect(faultsOf(text)).toEqual([{ row: 3, message: 'has 10 fields, the header has 63' }]);
  });

  it('names the row and column of each bad value, quoting it only when it has the column’s shape', () => {
    const text = [
      header,
      withCell(0, 'gender', 'female'),
      lines[1],
      withCell(2, 'citizenship', 'GBR'),
      withCell(3, 'isForcedLabour', '2'),
      withCell(4, 'ageBroad', '18-20'),
      withCell(5, 'typeOfLabourConcatenated', 'Agriculture;Knitting'),
      withCell(6, 'yearOfRegistration', '-98'),
      withCell(7, 'isAbduction', 'yes'),
      withCell(8, 'typeOfExploitConcatenated', 'forced labour'),
    ].join('\n');
    const faults = faultsOf(text);
    expect(faults.map((f) => f.row)).toEqual([2, 4, 5, 6, 7, 8, 9, 10]);
    expect(faults[0]!.message).toBe(
      'column "gender": "female" is not allowed (expected Female, Male, Transgender or -99)',
    );
    expect(faults[1]!.message).toMatch(
      /^column "citizenship": "GBR" is not allowed \(expected an ISO 3166-1 alpha-2/,
    );
    expect(faults[2]!.message).toMatch(/^column "isForcedLabour": "2"/);
    expect(faults[3]!.message).toMatch(/^column "ageBroad": "18-20"/);
    // "Knitting" is no label of the column: it could be anything a person typed, so not quoted.
    expect(faults[4]!.message).toMatch(
      /^column "typeOfLabourConcatenated": a value of 20 characters is not allowed/,
    );
    expect(faults[5]!.message).toMatch(/^column "yearOfRegistration": "-98"/);
    expect(faults[6]!.message).toMatch(/^column "isAbduction": "yes"/);
    expect(faults[7]!.message).toMatch(/^column "typeOfExploitConcatenated": "forced labour"/);
  });

  it('never quotes a value that could be a name, however short, nor a long number', () => {
    const cells: [string, string, string][] = [
      ['Datasource', 'Maria Lopez', 'a value of 11 characters'],
      // A names column pasted into gender: one short word each.
      ['gender', 'Li', 'a value of 2 characters'],
      ['gender', 'Ana', 'a value of 3 characters'],
      ['gender', 'Zorvatha', 'a value of 8 characters'],
      ['gender', 'ANA', 'a value of 3 characters'],
      ['gender', 'Åsa', 'a value of 3 characters'],
      // A country column quotes an upper-case ISO code, not a short word in another case.
      ['citizenship', 'Li', 'a value of 2 characters'],
      ['citizenship', 'Ben', 'a value of 3 characters'],
      // Digits: a telephone number or a date of birth is not quoted.
      ['isForcedLabour', '07700900123', 'a value of 11 characters'],
      ['yearOfRegistration', '1987-03-12', 'a value of 10 characters'],
      ['ageBroad', '3.4.90', 'a value of 6 characters'],
      ['isAbduction', '1x', 'a value of 2 characters'],
    ];
    const text = [header, ...cells.map(([column, value], i) => withCell(i, column, value))].join(
      '\n',
    );
    const faults = faultsOf(text);
    expect(faults.map((f) => f.message.replace(/ is not allowed.*$/, ''))).toEqual(
      cells.map(([column, , shown]) => `column "${column}": ${shown}`),
    );
    for (const [, value] of cells) expect(JSON.stringify(faults)).not.toContain(`"${value}"`);
  });

  it('quotes in the synthetic layout by the same rule (alpha-3 codes, its own bands)', () => {
    const synthetic = toSyntheticLayout(sample);
    const at = (c: string) => synthetic.columns.indexOf(c);
    const rows = synthetic.rows.slice(0, 3).map((r) => [...r]);
    rows[0]![at('citizenship')] = 'GB';
    rows[1]![at('gender')] = 'woman';
    rows[2]![at('gender')] = 'Noor';
    const faults = faultsOf(writeTable({ columns: synthetic.columns, rows }));
    expect(faults.map((f) => f.message.replace(/ is not allowed.*$/, ''))).toEqual([
      'column "citizenship": "GB"',
      'column "gender": "woman"',
      'column "gender": a value of 4 characters',
    ]);
  });

  it('lists every fault and says how many in the message', () => {
    const text = [
      header,
      ...sample.rows.slice(0, 3).map((_, i) => withCell(i, 'gender', 'x')),
    ].join('\n');
    expect(() => readCtdc(text)).toThrow(
      /^row 2: column "gender": "x" is not allowed .* \(and 2 more\)$/,
    );
  });
});
