import { describe, expect, it } from 'vitest';
import { InsightsInputError } from './errors.ts';
import { isPeriod, periodAt, periodIndex, periodLabel, periodsBetween } from './periods.ts';

describe('periods', () => {
  it('recognises months and years', () => {
    expect(['2024-01', '2024-12', '1999-07'].every((p) => isPeriod(p, 'month'))).toBe(true);
    expect(
      ['2024-13', '2024-00', '2024-1', '24-01', '2024'].some((p) => isPeriod(p, 'month')),
    ).toBe(false);
    expect(isPeriod('2024', 'year')).toBe(true);
    expect(isPeriod('2024-01', 'year')).toBe(false);
  });

  it('steps across year ends both ways', () => {
    expect(periodAt('2023-11', 2, 'month')).toBe('2024-01');
    expect(periodAt('2024-01', -1, 'month')).toBe('2023-12');
    expect(periodAt('2024-03', 0, 'month')).toBe('2024-03');
    expect(periodAt('2019', 3, 'year')).toBe('2022');
    expect(periodIndex('2024-01', 'month') - periodIndex('2023-01', 'month')).toBe(12);
    expect(periodLabel(periodIndex('0999-09', 'month'), 'month')).toBe('0999-09');
  });

  it('lists the periods between two, both included', () => {
    expect(periodsBetween('2023-11', '2024-02', 'month')).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(periodsBetween('2020', '2022', 'year')).toEqual(['2020', '2021', '2022']);
    expect(periodsBetween('2024-02', '2024-01', 'month')).toEqual([]);
  });

  it('refuses a malformed period', () => {
    expect(() => periodIndex('2024-13', 'month')).toThrow(InsightsInputError);
    expect(() => periodAt('2024', 1, 'month')).toThrow(/YYYY-MM/);
  });
});
