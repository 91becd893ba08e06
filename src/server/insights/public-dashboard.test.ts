import { describe, expect, it } from 'vitest';
import type { Dashboard, PublicDashboardQuery } from '../../shared/api/insights.schema.ts';
import { AppError } from '../http/app-error.ts';
import {
  PublicationCountsCache,
  publicDashboardOf,
  publicationCounts,
} from './public-dashboard.ts';

const rows = (n: number, line: string) => Array<string>(n).fill(line);
const csv = (header: string, ...lines: string[][]) => [header, ...lines.flat()].join('\r\n');

// A released file in (a subset of) the CTDC global layout, worked by hand.
const GLOBAL = csv(
  'yearOfRegistration,gender,ageBroad,citizenship,CountryOfExploitation,isForcedLabour,isSexualExploit,isOtherExploit,isForcedMarriage,isSlaveryAndPractices',
  rows(6, '2019,Female,9--17,NG,IT,0,1,0,0,0'),
  rows(5, '2019,Male,-99,UA,-99,1,0,0,0,0'),
  // forced marriage is also isOtherExploit in CTDC: one type, not Other as well
  rows(5, '2020,Female,18--20,NG,IT,0,1,1,1,0'),
  // Other alone; a citizenship generalised to a region stays as published
  rows(5, '2020,Transgender,48+,Africa,IT,0,0,1,0,0'),
  // a year generalised to a range is counted in no year
  rows(2, '2015-2019,Female,9--17,NG,IT,0,1,0,0,0'),
);
// The synthetic layout: alpha-3, Woman/Man, 09--17, empty cells missing.
const SYNTHETIC = csv(
  'yearOfRegistration,gender,ageBroad,citizenship,CountryOfExploitation,isForcedLabour,isSexualExploit,isOtherExploit',
  rows(5, '2021,Woman,09--17,NGA,ITA,0,1,0'),
  rows(5, '2021,Trans/Transgender/NonConforming,,UKR,,1,0,1'),
);

const q = (over: Partial<PublicDashboardQuery> = {}): PublicDashboardQuery => ({
  by: 'exploitation',
  ...over,
});
const counts = (d: Dashboard) =>
  Object.fromEntries(d.series.map((s) => [s.key, s.cells.map((c) => c.count)]));

describe('publicDashboardOf', () => {
  const global = publicationCounts(GLOBAL);

  it('counts by year and maps the exploitation flags to HTCDS types', () => {
    const d = publicDashboardOf(global, q(), 1);
    expect(d.granularity).toBe('year');
    expect(d.periods).toEqual(['2019', '2020']);
    expect(counts(d)).toEqual({
      SexualExploitation: [6, 5],
      ForcedLabour: [5, 0],
      ForcedMarriage: [0, 5],
      Other: [0, 5],
    });
    expect(d.totals.map((c) => c.count)).toEqual([11, 10]);
    expect(d.total.count).toBe(21);
  });

  it('maps genders, age bands and countries, keeping generalised values as published', () => {
    expect(counts(publicDashboardOf(global, q({ by: 'gender' }), 1))).toEqual({
      Feminine: [6, 5],
      Masculine: [5, 0],
      Transgender: [0, 5],
    });
    expect(counts(publicDashboardOf(global, q({ by: 'ageBand' }), 1))).toEqual({
      '9--17': [6, 0],
      unknown: [5, 0],
      '18--20': [0, 5],
      '48+': [0, 5],
    });
    expect(counts(publicDashboardOf(global, q({ by: 'citizenship' }), 1))).toEqual({
      NG: [6, 5],
      UA: [5, 0],
      Africa: [0, 5],
    });
  });

  it('reads the synthetic layout: alpha-3 to alpha-2, its gender and age spellings, empty as missing', () => {
    const s = publicationCounts(SYNTHETIC);
    expect(counts(publicDashboardOf(s, q({ by: 'citizenship' }), 1))).toEqual({
      NG: [5],
      UA: [5],
    });
    expect(counts(publicDashboardOf(s, q({ by: 'gender' }), 1))).toEqual({
      Feminine: [5],
      Transgender: [5],
    });
    expect(counts(publicDashboardOf(s, q({ by: 'ageBand' }), 1))).toEqual({
      '9--17': [5],
      unknown: [5],
    });
    expect(counts(publicDashboardOf(s, q({ by: 'countryOfExploitation' }), 1))).toEqual({
      IT: [5],
      unknown: [5],
    });
    // isOtherExploit with no specific flag in the layout is Other
    expect(counts(publicDashboardOf(s, q(), 1))).toEqual({
      SexualExploitation: [5],
      ForcedLabour: [5],
      Other: [5],
    });
  });

  it('filters (types by overlap) and bounds the years, zeros filled', () => {
    const d = publicDashboardOf(
      global,
      q({
        by: 'gender',
        exploitation: ['ForcedLabour', 'ForcedMarriage'],
        from: '2018',
        to: '2021',
      }),
      1,
    );
    expect(d.periods).toEqual(['2018', '2019', '2020', '2021']);
    expect(counts(d)).toEqual({ Masculine: [0, 5, 0, 0], Feminine: [0, 0, 5, 0] });
    const nigeria = publicDashboardOf(
      global,
      q({ citizenship: ['NG'], by: 'countryOfExploitation' }),
      1,
    );
    expect(counts(nigeria)).toEqual({ IT: [6, 5] });
  });

  it('suppresses small cells and their partners as the organisation’s dashboard does', () => {
    // 2019 by gender: Feminine 6, Masculine 5; restricted to 9--17 or unknown ages it is the same,
    // so use a threshold of 6: Masculine 5 hidden, then Feminine 6 (its row partner).
    const d = publicDashboardOf(global, q({ by: 'gender', from: '2019', to: '2019' }), 6);
    expect(counts(d)).toEqual({ Feminine: [null], Masculine: [null] });
    expect(d.total).toEqual({ count: 11, suppressed: false });
    expect(d.minCell).toBe(6);
  });

  it('answers an empty selection with no periods and a zero total', () => {
    const d = publicDashboardOf(
      global,
      q({ gender: ['Masculine'], countryOfExploitation: ['IT'] }),
      5,
    );
    expect(d.series).toEqual([]);
    expect(d.total).toEqual({ count: 0, suppressed: false });
  });

  it('refuses a dimension or filter the file has no column for, and a reversed range', () => {
    const noCountry = publicationCounts(csv('yearOfRegistration,gender', rows(3, '2019,Male')));
    expect(() => publicDashboardOf(noCountry, q({ by: 'citizenship' }), 5)).toThrow(AppError);
    expect(() => publicDashboardOf(noCountry, q({ by: 'gender', ageBand: ['48+'] }), 5)).toThrow(
      /querystring.ageBand/,
    );
    expect(() => publicDashboardOf(global, q({ from: '2021', to: '2019' }), 5)).toThrow(
      /querystring.from/,
    );
  });
});

describe('PublicationCountsCache', () => {
  it('keeps the most recently used publications, up to its capacity', () => {
    const cache = new PublicationCountsCache(2);
    const c = publicationCounts(SYNTHETIC);
    cache.set('a', c);
    cache.set('b', c);
    expect(cache.get('a')).toBe(c); // a is now the most recent
    cache.set('c', c);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(c);
    expect(cache.get('c')).toBe(c);
    expect(cache.size).toBe(2);
  });
});
