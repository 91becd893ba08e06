import { describe, expect, it } from 'vitest';
import { formatDate, groupSecret, todayIso } from './format.ts';

describe('formatting', () => {
  it('groups a TOTP secret by four characters', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('JBSW Y3DP EH')).toBe('JBSW Y3DP EH');
  });

  it('shows a calendar date on that same day in every time zone', () => {
    expect(formatDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('gives today as YYYY-MM-DD on the device calendar', () => {
    expect(todayIso(new Date(2026, 1, 3, 23, 59))).toBe('2026-02-03');
  });
});
