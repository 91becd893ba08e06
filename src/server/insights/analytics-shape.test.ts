import { describe, expect, it } from 'vitest';
import { GENDERS } from '../../shared/codes/htcds.ts';
import type { TrendAlert } from '../../shared/insights/types.ts';
import {
  SEX_OF_GENDER,
  ageGroupOf,
  lastCompleteMonth,
  monthlySeries,
  orderAlerts,
  sdgInputs,
  subRegionOf,
} from './analytics-shape.ts';

describe('lastCompleteMonth', () => {
  it('is the calendar month before now, in UTC', () => {
    expect(lastCompleteMonth(new Date('2026-06-01T09:00:00Z'))).toBe('2026-05');
    expect(lastCompleteMonth(new Date('2026-01-15T00:00:00Z'))).toBe('2025-12');
    expect(lastCompleteMonth(new Date('2026-12-31T23:59:59Z'))).toBe('2026-11');
    expect(lastCompleteMonth(new Date('2026-11-01T00:00:00Z'))).toBe('2026-10');
  });
});

describe('monthlySeries', () => {
  const rows = [
    { month: '2025-03', key: 'NG', n: 4 },
    { month: '2025-01', key: 'NG', n: 2 },
    { month: '2025-02', key: 'GH', n: 1 },
    { month: '2024-12', key: 'GH', n: 9 }, // before the start: ignored
    { month: '2025-04', key: 'NG', n: 7 }, // after the end: ignored
  ];

  it('zero-fills each key from start to end, keys sorted', () => {
    expect(monthlySeries(rows, 'country', '2025-01', '2025-03')).toEqual([
      { key: { country: 'GH' }, granularity: 'month', start: '2025-01', counts: [0, 1, 0] },
      { key: { country: 'NG' }, granularity: 'month', start: '2025-01', counts: [2, 0, 4] },
    ]);
  });

  it('sums keys that group together and drops those with no group', () => {
    const got = monthlySeries(
      [...rows, { month: '2025-01', key: 'ZZ', n: 5 }],
      'region',
      '2025-01',
      '2025-03',
      subRegionOf,
    );
    expect(got).toEqual([
      {
        key: { region: 'Sub-Saharan Africa' },
        granularity: 'month',
        start: '2025-01',
        counts: [2, 1, 4],
      },
    ]);
  });

  it('is empty when the end is before the start', () => {
    expect(monthlySeries(rows, 'country', '2025-03', '2025-01')).toEqual([]);
  });
});

describe('orderAlerts', () => {
  const alert = (country: string, period: string, observed: number, threshold: number) =>
    ({
      key: { country },
      period,
      method: 'ears-c1',
      observed,
      expected: threshold / 2,
      threshold,
      history: { from: '2024-01', to: '2024-12', periods: 12 },
      note: '',
    }) satisfies TrendAlert;

  it('puts the newest first, then the largest observed / threshold, and withholds small ones', () => {
    const got = orderAlerts(
      [
        alert('A', '2025-01', 10, 5), // 2.0
        alert('B', '2025-02', 6, 5), // 1.2
        alert('C', '2025-02', 9, 3), // 3.0
        alert('D', '2025-02', 4, 1), // under 5: withheld
        alert('E', '2025-01', 5, 0), // over a zero threshold: first of its month
      ],
      5,
    );
    expect(got.alerts.map((a) => a.key.country)).toEqual(['C', 'B', 'E', 'A']);
    expect(got.withheld).toBe(1);
  });

  it('withholds nothing with a threshold of 1', () => {
    expect(orderAlerts([alert('D', '2025-02', 1, 0.5)], 1)).toMatchObject({ withheld: 0 });
  });
});

describe('SDG groups', () => {
  it('places every HTCDS gender', () => {
    expect(Object.keys(SEX_OF_GENDER).sort()).toEqual([...GENDERS].sort());
  });

  it('tells children (under 18) from adults by age band, anything else unknown', () => {
    expect(['0--8', '9--17', '09--17'].map(ageGroupOf)).toEqual(['child', 'child', 'child']);
    expect(['18--20', '30--38', '48+'].map(ageGroupOf)).toEqual(['adult', 'adult', 'adult']);
    expect(['unknown', '', '-99', '18--47', '*'].map(ageGroupOf)).toEqual(Array(5).fill('unknown'));
  });

  it('sums rows that fall in the same group', () => {
    const got = sdgInputs([
      {
        country: 'NG',
        gender: 'Feminine',
        ageBand: '21--23',
        exploitation: ['ForcedLabour'],
        n: 3,
      },
      {
        country: 'NG',
        gender: 'TransgenderFeminine',
        ageBand: '30--38',
        exploitation: ['ForcedLabour'],
        n: 2,
      },
      { country: 'NG', gender: 'NonConforming', ageBand: '0--8', exploitation: [], n: 1 },
    ]);
    expect(got).toEqual([
      { country: 'NG', sex: 'female', age: 'adult', forms: ['ForcedLabour'], count: 5 },
      { country: 'NG', sex: 'other', age: 'child', forms: [], count: 1 },
    ]);
  });
});
