import { describe, expect, it } from 'vitest';
import { generateCtdc, toSyntheticLayout } from '../hub/ctdc/index.ts';
import { writeTable, type Table } from '../hub/table.ts';
import { InsightsInputError } from './errors.ts';
import { parseSeriesCsv, readSeriesFile, seriesFromCtdc } from './series-csv.ts';

const errorOf = (f: () => unknown): InsightsInputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InsightsInputError) return e;
    throw e;
  }
  throw new Error('no error was thrown');
};

describe('parseSeriesCsv', () => {
  it('makes dense series over the whole span, a missing cell being 0', () => {
    const f = parseSeriesCsv(
      'month,country,count\n2024-01,ng,3\n2024-03,NG,5\n2023-12,UA,2\n2024-02,UA,0\n',
    );
    expect(f.granularity).toBe('month');
    expect(f.periods).toEqual(['2023-12', '2024-01', '2024-02', '2024-03']);
    expect(f.series).toEqual([
      { key: { country: 'NG' }, granularity: 'month', start: '2023-12', counts: [0, 3, 0, 5] },
      { key: { country: 'UA' }, granularity: 'month', start: '2023-12', counts: [2, 0, 0, 0] },
    ]);
    expect(f.totals).toEqual(f.series);
    expect(f.skipped).toBe(0);
  });

  it('splits by exploitation and sums the split into country totals', () => {
    const f = parseSeriesCsv(
      '\ufeffcountry,exploitation,month,count\r\nNG,Sex,2024-01,3\r\nNG,Labour,2024-01,4\r\nNG,Labour,2024-02,1\r\n',
    );
    expect(f.series.map((s) => [s.key, s.counts])).toEqual([
      [{ country: 'NG', exploitation: 'Labour' }, [4, 1]],
      [{ country: 'NG', exploitation: 'Sex' }, [3, 0]],
    ]);
    expect(f.totals.map((s) => [s.key, s.counts])).toEqual([[{ country: 'NG' }, [7, 1]]]);
  });

  it('accepts XK (Kosovo) and a semicolon delimiter', () => {
    const f = parseSeriesCsv('month;country;count\n2024-01;XK;2\n');
    expect(f.series[0]!.key).toEqual({ country: 'XK' });
  });

  it.each([
    ['month,country,count\n2024-01,NG,1\n2024-13,NG,1\n', 3, 'month', /"2024-13" is not a month/],
    ['month,country,count\n2024-01,ZZ,1\n', 2, 'country', /"ZZ" is not an ISO 3166-1 alpha-2/],
    ['month,country,count\n2024-01,NG,-1\n', 2, 'count', /"-1" is not a whole number/],
    ['month,country,count\n2024-01,NG,2.5\n', 2, 'count', /whole number/],
    ['month,country,count\n2024-01,NG,\n', 2, 'count', /whole number/],
    ['month,country,count\n2024-01,NG\n', 2, undefined, /has 2 fields, the header has 3/],
    ['month,country,count,sex\n', 1, 'sex', /column "sex" is not one of/],
    ['month,country\n2024-01,NG\n', 1, 'count', /no "count" column/],
  ])('refuses bad input and names the line: %j', (text, line, field, message) => {
    const e = errorOf(() => parseSeriesCsv(text));
    expect(e.line).toBe(line);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(new RegExp(`^line ${line}: `));
    expect(e.message).toMatch(message);
  });

  it('names both lines of a repeated cell', () => {
    const e = errorOf(() =>
      parseSeriesCsv('month,country,count\n2024-01,NG,1\n2024-02,NG,1\n2024-01,ng,2\n'),
    );
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/^line 4: repeats the month and country of line 2/);
    // The same month and country in two exploitation types is two cells, not a repeat.
    expect(
      parseSeriesCsv('month,country,count,exploitation\n2024-01,NG,1,A\n2024-01,NG,1,B\n').series,
    ).toHaveLength(2);
  });

  it('refuses an empty file and a header without rows', () => {
    expect(errorOf(() => parseSeriesCsv('')).message).toMatch(/the file is empty/);
    expect(errorOf(() => parseSeriesCsv('\ufeff\r\n')).message).toMatch(/the file is empty/);
    expect(errorOf(() => parseSeriesCsv('month,country,count\r\n\r\n')).message).toMatch(
      /a header but no rows/,
    );
  });

  it('does not quote a value that could be a name', () => {
    const e = errorOf(() => parseSeriesCsv('month,country,count\n2024-01,Jane Doe,1\n'));
    expect(e.message).not.toMatch(/Jane/);
    expect(e.message).toMatch(/^line 2: country the value is not/);
  });
});

/** A valid CTDC table whose year, country and exploitation flags are set row by row. */
function ctdc(
  rows: { year: string; country: string; flags: string[] }[],
  flagColumns = ['isForcedLabour', 'isSexualExploit', 'isOtherExploit', 'isForcedMarriage'],
): Table {
  const t = generateCtdc({ rows: rows.length, seed: 3 });
  const at = (c: string) => t.columns.indexOf(c);
  rows.forEach((r, i) => {
    const row = t.rows[i]!;
    row[at('yearOfRegistration')] = r.year;
    row[at('CountryOfExploitation')] = r.country;
    for (const c of flagColumns) row[at(c)] = r.flags.includes(c) ? '1' : '0';
    row[at('isSexAndLabour')] = '0';
  });
  return t;
}

describe('seriesFromCtdc', () => {
  const rows = [
    { year: '2019', country: 'UA', flags: ['isForcedLabour'] },
    { year: '2019', country: 'UA', flags: ['isForcedLabour', 'isSexualExploit'] },
    { year: '2021', country: 'UA', flags: ['isOtherExploit', 'isForcedMarriage'] },
    { year: '2021', country: 'PH', flags: ['isOtherExploit'] },
    { year: '2020', country: '-99', flags: ['isForcedLabour'] },
    { year: '-99', country: 'PH', flags: [] },
  ];

  it('reads the global layout into yearly series by country and exploitation type', () => {
    const f = seriesFromCtdc(writeTable(ctdc(rows)));
    expect(f.format).toBe('ctdc-global');
    expect(f.granularity).toBe('year');
    expect(f.periods).toEqual(['2019', '2020', '2021']);
    expect(f.skipped).toBe(2);
    expect(f.totals.map((s) => [s.key.country, s.counts])).toEqual([
      ['PH', [0, 0, 1]],
      ['UA', [2, 0, 1]],
    ]);
    expect(f.series.filter((s) => s.key.exploitation).map((s) => [s.key, s.counts])).toEqual([
      [{ country: 'PH', exploitation: 'Other' }, [0, 0, 1]],
      [{ country: 'UA', exploitation: 'ForcedLabour' }, [2, 0, 0]],
      [{ country: 'UA', exploitation: 'ForcedMarriage' }, [0, 0, 1]],
      [{ country: 'UA', exploitation: 'SexualExploitation' }, [1, 0, 0]],
    ]);
  });

  it('reads the synthetic layout (alpha-3 countries) the same way', () => {
    const synthetic = toSyntheticLayout(ctdc(rows));
    const f = readSeriesFile(writeTable(synthetic));
    expect(f.format).toBe('ctdc-synthetic');
    expect(f.totals.map((s) => [s.key.country, s.counts])).toEqual([
      ['PH', [0, 0, 1]],
      ['UA', [2, 0, 1]],
    ]);
    expect(f.skipped).toBe(2);
  });

  it('names the row of a bad cell, and refuses a file with no usable record', () => {
    const bad = ctdc(rows.slice(0, 2));
    bad.rows[1]![bad.columns.indexOf('CountryOfExploitation')] = 'QQ';
    const e = errorOf(() => seriesFromCtdc(writeTable(bad)));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^row 3: column "CountryOfExploitation"/);
    expect(errorOf(() => seriesFromCtdc(writeTable(ctdc(rows.slice(4))))).message).toMatch(
      /none of the 2 records has both a year and a country/,
    );
  });
});

describe('readSeriesFile', () => {
  it('chooses the reader by the header', () => {
    expect(readSeriesFile('month,country,count\n2024-01,NG,1\n').format).toBe('counts');
    expect(errorOf(() => readSeriesFile('')).message).toMatch(/empty/);
    expect(errorOf(() => readSeriesFile('a,b\n1,2\n')).message).toMatch(
      /^line 1: the header is neither month,country,count/,
    );
    // A CTDC header with a column missing is read as CTDC, and the column named.
    expect(errorOf(() => readSeriesFile('yearOfRegistration,gender\n')).message).toMatch(
      /column "\w+" is missing/,
    );
  });
});
