import { describe, expect, it } from 'vitest';
import { populationOf } from '../../shared/insights/population.ts';
import { publicRoutes, publicSdg } from './public-analytics.ts';
import { publicationCounts } from './public-dashboard.ts';

const HEADER =
  'yearOfRegistration,gender,ageBroad,citizenship,CountryOfExploitation,isForcedLabour,isSexualExploit,isOtherExploit';
const times = (n: number, line: string) => Array<string>(n).fill(line);

// 6 NG → IT in 2020; 7 UA → UA in 2021 (5 boys in forced labour, 2 transgender of unknown age
// in other exploitation); 3 from a citizenship the release generalised to a region, in a range
// of years; 1 with nothing known.
const groups = publicationCounts(
  [
    HEADER,
    ...times(6, '2020,Female,21--23,NG,IT,0,1,0'),
    ...times(5, '2021,Male,9--17,UA,UA,1,0,0'),
    ...times(2, '2021,Transgender,-99,UA,UA,0,0,1'),
    ...times(3, '2019-2020,Female,30--38,Africa,IT,0,1,0'),
    '2021,-99,-99,-99,-99,-99,-99,-99',
  ].join('\r\n') + '\r\n',
).groups;

describe('publicRoutes', () => {
  it('counts citizenship → country of exploitation; generalised or missing ends are unknown', () => {
    const got = publicRoutes(groups, 5);
    expect(got.flows).toHaveLength(2);
    expect(got.flows).toEqual(
      expect.arrayContaining([
        { origin: 'NG', transit: [], destination: 'IT', count: { count: 6, suppressed: false } },
        { origin: 'UA', transit: [], destination: 'UA', count: { count: 7, suppressed: false } },
      ]),
    );
    expect(got.domestic).toEqual({ count: 7, suppressed: false });
    expect(got.crossBorder).toEqual({ count: 6, suppressed: false });
    expect(got.unknown).toEqual({ count: null, suppressed: true }); // 4 < 5
    expect(got.domesticShare).toBeCloseTo(7 / 13, 3);
  });
});

describe('publicSdg', () => {
  it('rates the latest single year per 100,000 population, by sex, age and form', () => {
    const got = publicSdg(groups, { geography: 'countryOfExploitation' }, 1);
    expect(got.year).toBe('2021');
    expect(got.rows).toHaveLength(1);
    const ua = got.rows[0]!;
    const rate = (7 / populationOf('UA')!) * 100_000;
    expect(ua.country).toBe('UA');
    expect(Math.abs(ua.total.per100k! - rate) / rate).toBeLessThan(1e-3);
    expect(ua.total.victims.count).toBe(7);
    const counts = (r: Record<string, { victims: { count: number | null } }>) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.victims.count]));
    expect(counts(ua.bySex)).toEqual({ female: 0, male: 5, other: 2 });
    expect(counts(ua.byAge)).toEqual({ child: 5, adult: 0, unknown: 2 });
    expect(counts(ua.byForm)).toEqual({ ForcedLabour: 5, Other: 2 });
  });

  it('suppresses small counts, and answers another year and geography', () => {
    const ua = publicSdg(groups, { geography: 'countryOfExploitation' }, 5).rows[0]!;
    expect(ua.total.victims).toEqual({ count: 7, suppressed: false });
    // 2 is suppressed, and the 5 beside it too, else 7 − 5 would give it back
    expect(ua.bySex.other.victims.suppressed && ua.bySex.male.victims.suppressed).toBe(true);
    const ng = publicSdg(groups, { year: '2020', geography: 'citizenship' }, 5);
    expect(ng.rows.map((r) => [r.country, r.total.victims.count])).toEqual([['NG', 6]]);
  });

  it('gives no year and no rows for a file without single years', () => {
    const none = publicationCounts(`${HEADER}\r\n2019-2020,Female,21--23,NG,IT,0,1,0\r\n`);
    expect(publicSdg(none.groups, { geography: 'citizenship' }, 5)).toMatchObject({
      year: null,
      rows: [],
    });
  });
});
