import { describe, expect, it } from 'vitest';
import type { SdgResponse } from '../../../shared/api/insights.schema.ts';
import { giStarCsv, pText, routesCsv, sdgCsv } from './insights-csv.ts';

const NAMES: Record<string, string> = { MD: 'Moldova', UA: 'Ukraine', RO: 'Romania', XK: 'Kosovo' };
const country = (c: string) => NAMES[c] ?? c;
const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
const hidden = { count: null, suppressed: true };

describe('the CSV downloads of the maps', () => {
  it('routes: one line per route, transit joined by the arrow, a small count suppressed', () => {
    const csv = routesCsv(
      [
        { origin: 'MD', transit: [], destination: 'RO', count: { count: 9, suppressed: false } },
        { origin: 'UA', transit: ['MD', 'RO'], destination: 'UA', count: hidden },
      ],
      {
        country,
        suppressed: 'suppressed',
        header: ['Origin', 'Transit', 'Destination', 'Cases'],
        direct: 'direct',
        arrow: '→',
      },
    );
    expect(lines(csv)).toEqual([
      'Origin,Transit,Destination,Cases',
      'Moldova,direct,Romania,9',
      'Ukraine,Moldova → Romania,Ukraine,suppressed',
    ]);
  });

  it('Gi*: hot first as in the table, z with two decimals, p with three, the verdict', () => {
    const csv = giStarCsv(
      [
        { country: 'UA', count: hidden, z: -2.5, p: 0.0124, hot: false, cold: true },
        {
          country: 'MD',
          count: { count: 40, suppressed: false },
          z: 3.14159,
          p: 0.00002,
          hot: true,
          cold: false,
        },
        {
          country: 'RO',
          count: { count: 11, suppressed: false },
          z: 0.5,
          p: 0.617,
          hot: false,
          cold: false,
        },
      ],
      {
        country,
        suppressed: 'suppressed',
        header: ['Country', 'Cases', 'z', 'p', 'Verdict'],
        hot: 'hot spot',
        cold: 'cold spot',
        neither: 'neither',
      },
    );
    expect(lines(csv)).toEqual([
      'Country,Cases,z,p,Verdict',
      'Moldova,40,3.14,<0.001,hot spot',
      'Romania,11,0.50,0.617,neither',
      'Ukraine,suppressed,-2.50,0.012,cold spot',
    ]);
  });

  it('p: never NaN, "<0.001" below the Monte Carlo floor', () => {
    expect(pText(Number.NaN)).toBe('');
    expect(pText(null)).toBe('');
    expect(pText(0.001)).toBe('0.001');
    expect(pText(0.0009)).toBe('<0.001');
  });

  it('SDG 16.2.2: victims and rate per group, no rate left empty and explained', () => {
    type Row = SdgResponse['rows'][number];
    const rate = (count: number | null, per100k: number | null) => ({
      victims: count === null ? hidden : { count, suppressed: false },
      per100k,
    });
    const row = (country: string, population: number | null, total: Row['total']): Row => ({
      country,
      population,
      total,
      bySex: { female: total, male: rate(0, 0), other: rate(0, 0) },
      byAge: { child: rate(0, 0), adult: total, unknown: rate(0, 0) },
      byForm: {},
      notice: population === null ? 'no population' : null,
    });
    const csv = sdgCsv(
      [row('MD', 2_706_049, rate(27, 0.99777)), row('XK', null, rate(null, null))],
      {
        country,
        suppressed: 'suppressed',
        countryHeading: 'Country',
        populationHeading: 'Population',
        notesHeading: 'Notes',
        groups: [
          { victims: 'Total: victims', rate: 'Total: per 100,000', of: (r) => r.total },
          { victims: 'Male: victims', rate: 'Male: per 100,000', of: (r) => r.bySex.male },
        ],
        note: (r) => (r.population === null ? 'population unknown' : ''),
      },
    );
    expect(lines(csv)).toEqual([
      'Country,Population,Total: victims,"Total: per 100,000",Male: victims,"Male: per 100,000",Notes',
      'Moldova,2706049,27,1.00,0,0.00,',
      'Kosovo,,suppressed,,0,0.00,population unknown',
    ]);
  });
});
