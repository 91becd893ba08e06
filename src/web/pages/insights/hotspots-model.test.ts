import { describe, expect, it } from 'vitest';
import type { HotspotsResponse } from '../../../shared/api/insights.schema.ts';
import { countryCentroid } from '../../../shared/insights/space/country-geo.ts';
import { clusterPoints, giStarRegions, giStarRows } from './hotspots-model.ts';

const star = (country: string, z: number): HotspotsResponse['giStar'][number] => ({
  country,
  count: { count: 10, suppressed: false },
  z,
  p: 0.01,
  hot: z > 2,
  cold: z < -2,
});

describe('hot spots on the map', () => {
  it('draws z-scores rounded, leaving out what is not a number', () => {
    expect(giStarRegions([star('NG', 2.3456), star('BJ', -1.004), star('XX', Number.NaN)])).toEqual(
      [
        { code: 'NG', value: 2.35 },
        { code: 'BJ', value: -1 },
      ],
    );
  });

  it('puts the clusters at their countries, the most likely one emphasised', () => {
    const cluster = (countries: string[]) => ({
      countries,
      start: '2026-01',
      end: '2026-03',
      observed: 30,
      expected: 10,
      relativeRisk: 3,
      logLikelihoodRatio: 9,
      p: 0.001,
    });
    const points = clusterPoints([cluster(['NG', 'BJ']), cluster(['IT', 'ZZ'])], (c, rank, k) => ({
      name: `${rank}:${k}`,
      details: [String(c.observed)],
    }));
    expect(points.map((p) => [p.id, p.emphasis])).toEqual([
      ['cluster-0-NG', true],
      ['cluster-0-BJ', true],
      ['cluster-1-IT', false],
    ]);
    expect(points[0]).toMatchObject({ ...countryCentroid('NG'), label: '0:NG', details: ['30'] });
  });

  it('lists hot spots first and cold spots last', () => {
    expect(giStarRows([star('A', -3), star('B', 4), star('C', 0)]).map((s) => s.country)).toEqual([
      'B',
      'C',
      'A',
    ]);
  });
});
