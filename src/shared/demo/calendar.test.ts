import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilDate, dayNumber, isoDay, parseIsoDay, yearsBefore } from './calendar.ts';

const DAY_MS = 86_400_000;

describe('calendar', () => {
  it('agrees with Date on every day from 1900 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 47_482 }), (day) => {
        expect(isoDay(day)).toBe(new Date(day * DAY_MS).toISOString().slice(0, 10));
        const [y, m, d] = civilDate(day);
        expect(dayNumber(y, m, d)).toBe(day);
      }),
    );
  });

  it('parses real dates only', () => {
    expect(parseIsoDay('1970-01-01')).toBe(0);
    expect(parseIsoDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / DAY_MS);
    for (const bad of ['2023-02-29', '2026-13-01', '2026-6-30', '30/06/2026', '']) {
      expect(() => parseIsoDay(bad), bad).toThrow(RangeError);
    }
  });

  it('counts years back to the same day, 29 February to 28 February', () => {
    expect(isoDay(yearsBefore(parseIsoDay('2026-06-30'), 5))).toBe('2021-06-30');
    expect(isoDay(yearsBefore(parseIsoDay('2024-02-29'), 1))).toBe('2023-02-28');
  });
});
