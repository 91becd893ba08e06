import { isCountryCode } from '../codes/countries.ts';
import { parseCsv } from '../exchange/csv.ts';
import {
  CTDC_COLUMNS,
  SYNTHETIC_COLUMNS,
  alpha2Of,
  readCtdc,
  type CtdcLayout,
} from '../hub/ctdc/index.ts';
import { TableError } from '../hub/table.ts';
import { InsightsInputError } from './errors.ts';
import { isPeriod, periodIndex, periodLabel } from './periods.ts';
import type { Granularity, Period, Series } from './types.ts';

/**
 * The input files of `lantern insights` (docs/insights.md, "Contract"): a CSV of counts with the
 * header `month,country,count[,exploitation]`, one row per cell, or a file in a CTDC layout
 * (then the series are yearly). Either becomes dense series over one shared span of periods: a
 * cell the file does not give is 0.
 */
export interface SeriesFile {
  granularity: Granularity;
  /** Every period from the first to the last in the file, shared by every series. */
  periods: Period[];
  /**
   * The series the trend detectors examine: one per country, or per country and exploitation
   * type when the file splits by type (a CTDC file gives both the country totals and the split).
   */
  series: Series[];
  /** One series per country, each record counted once: the input of the scan statistic. */
  totals: Series[];
  /** CTDC records left out for want of a country of exploitation or a year (0 for a CSV). */
  skipped: number;
  format: 'counts' | `ctdc-${CtdcLayout}`;
}

/** Longer spans are refused: 100 years of months is already more than any real series. */
const MAX_PERIODS = 1200;

const COLUMNS = ['month', 'country', 'count', 'exploitation'] as const;
type Column = (typeof COLUMNS)[number];

// A value is quoted in a message only when it has the shape of a code, month or count: a cell
// of any other shape could hold a name, and messages are logged.
const shown = (v: string) => (/^[0-9A-Za-z.+-]{1,12}$/.test(v) ? `"${v}"` : 'the value');

const fail = (message: string, line: number, field?: string): never => {
  throw new InsightsInputError(`line ${line}: ${message}`, line, field);
};

/** Cells keyed by series key, then by period index. */
class Accumulator {
  readonly cells = new Map<string, { key: Record<string, string>; counts: Map<number, number> }>();
  first = Infinity;
  last = -Infinity;

  add(key: Record<string, string>, period: number, count: number): void {
    const id = JSON.stringify(key);
    let s = this.cells.get(id);
    if (!s) this.cells.set(id, (s = { key, counts: new Map() }));
    s.counts.set(period, (s.counts.get(period) ?? 0) + count);
    if (period < this.first) this.first = period;
    if (period > this.last) this.last = period;
  }

  /** Dense series over [first, last], sorted by country then exploitation type. */
  series(granularity: Granularity, first: number, periods: readonly Period[]): Series[] {
    return [...this.cells.values()]
      .sort(
        (a, b) =>
          a.key.country!.localeCompare(b.key.country!) ||
          (a.key.exploitation ?? '').localeCompare(b.key.exploitation ?? ''),
      )
      .map(({ key, counts }) => ({
        key,
        granularity,
        start: periods[0]!,
        counts: periods.map((_, i) => counts.get(first + i) ?? 0),
      }));
  }
}

function span(acc: Accumulator, granularity: Granularity): { first: number; periods: Period[] } {
  const length = acc.last - acc.first + 1;
  if (length > MAX_PERIODS) {
    throw new InsightsInputError(
      `the file spans ${length} ${granularity}s; at most ${MAX_PERIODS} are accepted`,
    );
  }
  const periods: Period[] = [];
  for (let i = acc.first; i <= acc.last; i++) periods.push(periodLabel(i, granularity));
  return { first: acc.first, periods };
}

/** Sums series over exploitation type: one per country. */
function byCountry(series: readonly Series[]): Series[] {
  const out = new Map<string, Series & { counts: number[] }>();
  for (const s of series) {
    const country = s.key.country!;
    const t = out.get(country);
    if (!t) out.set(country, { ...s, key: { country }, counts: [...s.counts] });
    else s.counts.forEach((n, i) => (t.counts[i]! += n));
  }
  return [...out.values()];
}

/**
 * Reads the counts CSV: header `month,country,count` and optionally `exploitation`, in any
 * order, names in any case. `month` YYYY-MM; `country` ISO 3166-1 alpha-2 (any case); `count`
 * a whole number ≥ 0; at most one row per cell. Errors name the line (the header is line 1).
 */
export function parseSeriesCsv(text: string): SeriesFile {
  const parsed = parseCsv(text);
  const fault = parsed.faults.sort((a, b) => a.row - b.row)[0];
  if (fault) fail(fault.message, fault.row);
  const [header, ...body] = parsed.records;
  if (!header || header.cells.every((c) => c.trim() === '')) {
    throw new InsightsInputError(
      'the file is empty (expected the header month,country,count[,exploitation])',
      1,
    );
  }
  const at = new Map<Column, number>();
  header.cells.forEach((name, i) => {
    const c = name.trim().toLowerCase() as Column;
    if (!COLUMNS.includes(c)) {
      fail(
        `column ${shown(name.trim())} is not one of month, country, count, exploitation`,
        header.row,
        name.trim(),
      );
    }
    if (at.has(c)) fail(`column "${c}" appears twice`, header.row, c);
    at.set(c, i);
  });
  for (const c of COLUMNS.slice(0, 3)) {
    if (!at.has(c)) fail(`the header has no "${c}" column`, header.row, c);
  }
  const split = at.has('exploitation');

  const acc = new Accumulator();
  const seen = new Map<string, number>();
  let rows = 0;
  for (const r of body) {
    if (r.cells.every((c) => c.trim() === '')) continue; // a blank line
    if (r.cells.length !== header.cells.length) {
      fail(`has ${r.cells.length} fields, the header has ${header.cells.length}`, r.row);
    }
    const get = (c: Column) => r.cells[at.get(c)!]!.trim();
    const month = get('month');
    if (!isPeriod(month, 'month'))
      fail(`month ${shown(month)} is not a month as YYYY-MM`, r.row, 'month');
    const country = get('country').toUpperCase();
    if (!isCountryCode(country)) {
      fail(`country ${shown(get('country'))} is not an ISO 3166-1 alpha-2 code`, r.row, 'country');
    }
    const raw = get('count');
    const count = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(count)) {
      fail(`count ${shown(raw)} is not a whole number ≥ 0`, r.row, 'count');
    }
    const key: Record<string, string> = { country };
    if (split) {
      const type = get('exploitation');
      if (type === '') fail('exploitation is empty', r.row, 'exploitation');
      key.exploitation = type;
    }
    const cellId = JSON.stringify([month, key]);
    const before = seen.get(cellId);
    if (before !== undefined) {
      const what = split ? 'month, country and exploitation' : 'month and country';
      fail(`repeats the ${what} of line ${before} (one row per cell)`, r.row);
    }
    seen.set(cellId, r.row);
    acc.add(key, periodIndex(month, 'month'), count);
    rows++;
  }
  if (rows === 0) {
    throw new InsightsInputError('the file has a header but no rows of counts', header.row + 1);
  }
  const { first, periods } = span(acc, 'month');
  const series = acc.series('month', first, periods);
  return {
    granularity: 'month',
    periods,
    series,
    totals: split ? byCountry(series) : series,
    skipped: 0,
    format: 'counts',
  };
}

/**
 * CTDC exploitation flags → HTCDS exploitation types (the inverse of
 * src/shared/hub/ctdc/row-of-case.ts). `isOtherExploit` becomes Other only when no flag of a
 * specific "other" type is set; `isSexAndLabour` repeats the two flags it combines.
 */
const FLAGS: readonly (readonly [string, string])[] = [
  ['isForcedLabour', 'ForcedLabour'],
  ['isSexualExploit', 'SexualExploitation'],
  ['isForcedMarriage', 'ForcedMarriage'],
  ['isForcedMilitary', 'ForcedMilitaryByNonStateActors'],
  ['isOrganRemoval', 'OrganRemoval'],
  ['isSlaveryAndPractices', 'Servitude'],
];
const SPECIFIC_OTHER = new Set([
  'isForcedMarriage',
  'isForcedMilitary',
  'isOrganRemoval',
  'isSlaveryAndPractices',
]);

/**
 * Reads a file in a CTDC layout (global, 63 columns, or synthetic, 27 columns; readCtdc checks
 * every cell) into yearly series by CountryOfExploitation, in total and by exploitation type. A
 * record without a country of exploitation or a year is left out and counted in `skipped`. A
 * record with several types is in each of their series, and once in its country's total.
 */
export function seriesFromCtdc(text: string): SeriesFile {
  let file;
  try {
    file = readCtdc(text);
  } catch (e) {
    if (e instanceof TableError) throw new InsightsInputError(e.message, e.faults[0]?.row);
    throw e;
  }
  const { table, layout } = file;
  const col = (name: string) => table.columns.indexOf(name);
  const yearAt = col('yearOfRegistration');
  const countryAt = col('CountryOfExploitation');
  const flags = FLAGS.map(
    ([flag, type]) => [col(flag), type, SPECIFIC_OTHER.has(flag)] as const,
  ).filter(([i]) => i >= 0);
  const otherAt = col('isOtherExploit');

  const totals = new Accumulator();
  const split = new Accumulator();
  let skipped = 0;
  for (const row of table.rows) {
    const year = row[yearAt]!;
    const raw = row[countryAt]!;
    const country = layout === 'global' ? raw : alpha2Of(raw);
    if (!isPeriod(year, 'year') || !country || !isCountryCode(country)) {
      skipped++;
      continue;
    }
    const t = periodIndex(year, 'year');
    totals.add({ country }, t, 1);
    let specificOther = false;
    for (const [i, type, other] of flags) {
      if (row[i] !== '1') continue;
      split.add({ country, exploitation: type }, t, 1);
      specificOther ||= other;
    }
    if (otherAt >= 0 && row[otherAt] === '1' && !specificOther) {
      split.add({ country, exploitation: 'Other' }, t, 1);
    }
  }
  if (totals.cells.size === 0) {
    throw new InsightsInputError(
      table.rows.length === 0
        ? 'the CTDC file has a header but no records'
        : `none of the ${table.rows.length} records has both a year and a country of exploitation`,
    );
  }
  const { first, periods } = span(totals, 'year');
  const countries = totals.series('year', first, periods);
  return {
    granularity: 'year',
    periods,
    series: [...countries, ...split.series('year', first, periods)],
    totals: countries,
    skipped,
    format: `ctdc-${layout}`,
  };
}

const CTDC_NAMES = new Set([...CTDC_COLUMNS, ...SYNTHETIC_COLUMNS].map((c) => c.toLowerCase()));

/** Reads either input, chosen by the header: `month,country,count…` or a CTDC layout. */
export function readSeriesFile(text: string): SeriesFile {
  const header = parseCsv(text.split(/\r\n|\r|\n/, 1)[0] ?? '').records[0]?.cells ?? [];
  const names = header.map((c) => c.trim().toLowerCase());
  if (names.some((n) => CTDC_NAMES.has(n)) && !names.includes('month')) return seriesFromCtdc(text);
  if (names.some((n) => (COLUMNS as readonly string[]).includes(n)) || names.every((n) => !n)) {
    return parseSeriesCsv(text);
  }
  throw new InsightsInputError(
    'line 1: the header is neither month,country,count[,exploitation] nor that of a CTDC layout',
    1,
  );
}
