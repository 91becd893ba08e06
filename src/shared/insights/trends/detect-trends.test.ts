import { describe, expect, it } from 'vitest';
import { InsightsInputError } from '../errors.ts';
import type { Series } from '../types.ts';
import { assessSeries } from './assess-series.ts';
import { detectTrends } from './detect-trends.ts';

const monthly = (counts: number[], start = '2020-01'): Series => ({
  key: { country: 'NG' },
  granularity: 'month',
  start,
  counts,
});

// 48 months of exactly 10 then 40: Farrington has μ̂ = 10, φ = 1, and at the product's α = 0.005
// (PRODUCT_SETTINGS; was 0.01 → 18) the threshold qpois(0.995, 10) = 19.
const flatThenSpike = [...Array.from({ length: 48 }, () => 10), 40];

describe('detectTrends', () => {
  it('explains a Farrington alert on a long monthly series', () => {
    const alerts = detectTrends([monthly(flatThenSpike)]);
    const f = alerts.find((a) => a.method === 'farrington')!;
    expect(f).toMatchObject({
      key: { country: 'NG' },
      period: '2024-01',
      observed: 40,
      threshold: 19,
      history: { from: '2020-01', to: '2023-09', periods: 45 },
    });
    expect(f.expected).toBeCloseTo(10, 6);
    expect(f.note).toBe(
      '40 cases in 2024-01 against 10.0 expected; the Farrington flexible threshold was 19.0 ' +
        '(45 months of history, 2020-01..2023-09)',
    );
    // The CUSUM sees it too (h = 3.5: 40 ≫ (3.5 + 10)/ln 2 = 19.5); no EARS with 3 years of history.
    expect(alerts.map((a) => a.method).sort()).toEqual(['farrington', 'nb-cusum']);
    const c = alerts.find((a) => a.method === 'nb-cusum')!;
    expect(c.threshold).toBeCloseTo(13.5 / Math.LN2, 6);
  });

  it('uses EARS on short histories, as far as each variant has history', () => {
    // 10 months: C1 (7 before) and C2 (9 before) apply at t = 9, C3 (11) does not.
    const alerts = detectTrends([monthly([5, 5, 5, 5, 5, 5, 5, 5, 5, 30])], { last: 1 });
    expect(alerts.map((a) => a.method)).toEqual(['ears-c1', 'ears-c2']);
    expect(alerts[0]!.history).toEqual({ from: '2020-03', to: '2020-09', periods: 7 });
    expect(alerts[0]!.note).toContain('30 cases in 2020-10 against 5.0 expected');
  });

  it('gives yearly series EARS only', () => {
    const yearly: Series = {
      key: { country: 'FR' },
      granularity: 'year',
      start: '2000',
      counts: [...Array.from({ length: 48 }, () => 10), 60],
    };
    const alerts = detectTrends([yearly], { last: 1 });
    expect(alerts.map((a) => a.method)).toEqual(['ears-c1', 'ears-c2', 'ears-c3']);
    expect(alerts[0]!.period).toBe('2048');
    expect(alerts[0]!.note).toContain('7 years of history');
  });

  it('examines only the last N periods, oldest first', () => {
    // t = 10: baseline seven 2s, σ floored to √2: 30 alarms. t = 12: baseline 2,2,2,2,2,30,2,
    // mean 6, sd √(672/6) = 10.58, threshold 6 + 3.09·10.58 = 38.7: 60 alarms.
    const counts = [...Array.from({ length: 10 }, () => 2), 30, 2, 60];
    const alerts = detectTrends([monthly(counts)], { last: 3, methods: ['ears-c1'] });
    expect(alerts.map((a) => a.period)).toEqual(['2020-11', '2021-01']);
    expect(detectTrends([monthly(counts)], { last: 1, methods: ['ears-c1'] })).toHaveLength(1);
  });

  it('explains nothing away: zeros, a single month and short series give no alert and no error', () => {
    expect(detectTrends([monthly([0])])).toEqual([]);
    expect(detectTrends([monthly(Array.from({ length: 60 }, () => 0))])).toEqual([]);
    expect(detectTrends([monthly([3, 4])])).toEqual([]);
    expect(detectTrends([monthly([])])).toEqual([]);
  });

  it('keeps every number finite and the alarm consistent with the threshold', () => {
    const sparse: number[] = Array.from({ length: 50 }, (_, i) => (i % 7 === 0 ? 1 : 0));
    sparse.push(9);
    for (const counts of [sparse, flatThenSpike, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6]]) {
      const alerts = detectTrends([monthly(counts)], { last: 2 });
      expect(alerts.length).toBeGreaterThan(0);
      for (const a of alerts) {
        expect([a.observed, a.expected, a.threshold].every(Number.isFinite)).toBe(true);
        expect(a.observed).toBeGreaterThan(a.threshold);
      }
    }
  });

  it('rejects bad counts and options with the field named', () => {
    expect(() => detectTrends([monthly([1, -2, 3])])).toThrow(/series country NG: count 2 is -2/);
    expect(() => detectTrends([monthly([1, 2.5])])).toThrow(InsightsInputError);
    expect(() => detectTrends([monthly([1, 2])], { last: 0 })).toThrow(/last must be/);
  });
});

describe('assessSeries', () => {
  it('returns null where the method lacks history and a verdict otherwise', () => {
    expect(assessSeries(flatThenSpike, 'farrington', 30, 'month')).toBeNull();
    expect(assessSeries(flatThenSpike, 'farrington', 48, 'year')).toBeNull();
    expect(assessSeries(flatThenSpike, 'farrington', 48, 'month')).toMatchObject({
      threshold: 19,
      alarm: true,
      historyFrom: 0,
      historyTo: 44,
    });
  });

  it('refuses an index outside the series', () => {
    expect(() => assessSeries([1, 2, 3], 'ears-c1', 3, 'month')).toThrow(InsightsInputError);
  });
});
