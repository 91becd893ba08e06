import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../shared/codes/countries.ts';
import { populationOf } from '../../shared/insights/population.ts';
import { countryCentroid } from '../../shared/insights/space/index.ts';
import { analyseHotspots } from './analytics-hotspots.ts';

const periods = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
const flat = (n: number) => periods.map(() => n);

describe('analyseHotspots', () => {
  it('finds a planted space-time cluster in neighbouring countries, with Gi* per country', () => {
    const codes = ['DE', 'AT', 'CH', 'FR', 'ES', 'PL', 'NL', 'BE'];
    const counts = codes.map((c) =>
      c === 'DE' || c === 'AT' ? [10, 10, 10, 40, 40, 10] : flat(10),
    );
    const got = analyseHotspots({ codes, periods, counts }, 'expected', 5);
    expect(got.replications).toBe(999);
    const top = got.clusters[0]!;
    expect(top.countries).toEqual(expect.arrayContaining(['DE', 'AT']));
    expect([top.start, top.end]).toEqual(['2025-04', '2025-05']);
    expect(top.p).toBeLessThanOrEqual(0.05);
    expect(got.giStar.map((g) => g.country).sort()).toEqual([...codes].sort());
    expect(got.giStar.find((g) => g.country === 'DE')!.count).toEqual({
      count: 4 * 10 + 80,
      suppressed: false,
    });
    expect(got.notice).toBeNull();
  });

  it('names countries without a boundary and, on the population baseline, without a population', () => {
    const unmapped = COUNTRY_CODES.find((c) => countryCentroid(c) === undefined)!;
    const noPopulation = COUNTRY_CODES.find(
      (c) => countryCentroid(c) !== undefined && populationOf(c) === undefined,
    )!;
    expect([unmapped, noPopulation].every(Boolean)).toBe(true);
    const codes = ['DE', 'FR', unmapped, noPopulation];
    const grid = { codes, periods, counts: codes.map(() => flat(6)) };
    const byMargins = analyseHotspots(grid, 'expected', 5);
    expect(byMargins.notice).toContain(unmapped);
    expect(byMargins.notice).not.toContain(noPopulation);
    expect(byMargins.giStar.map((g) => g.country).sort()).toEqual(
      ['DE', 'FR', noPopulation].sort(),
    );
    const byPopulation = analyseHotspots(grid, 'population', 5);
    expect(byPopulation.notice).toContain(noPopulation);
    expect(byPopulation.giStar.map((g) => g.country).sort()).toEqual(['DE', 'FR']);
  });

  it('runs no scan for fewer than two countries or no case, and says why', () => {
    const one = analyseHotspots({ codes: ['DE'], periods, counts: [flat(9)] }, 'expected', 5);
    expect(one).toMatchObject({ replications: 0, clusters: [], giStar: [] });
    expect(one.notice).toMatch(/fewer than two countries/i);
    const none = analyseHotspots(
      { codes: ['DE', 'FR'], periods, counts: [flat(0), flat(0)] },
      'expected',
      5,
    );
    expect(none).toMatchObject({ replications: 0, clusters: [], giStar: [] });
    expect(none.notice).toMatch(/no cases/i);
  });

  it('withholds clusters of fewer than minCell cases and suppresses small Gi* counts', () => {
    const codes = ['DE', 'FR', 'PL'];
    const counts = [
      [0, 0, 0, 3, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 1, 0, 0, 0, 0],
    ];
    const got = analyseHotspots({ codes, periods, counts }, 'expected', 5);
    expect(got.clusters).toEqual([]);
    expect(got.notice).toMatch(/cluster\(s\) of fewer than 5 cases not shown/);
    expect(got.giStar.find((g) => g.country === 'DE')!.count).toEqual({
      count: null,
      suppressed: true,
    });
    expect(got.giStar.find((g) => g.country === 'FR')!.count).toEqual({
      count: 0,
      suppressed: false,
    });
  });
});
