import { describe, expect, it } from 'vitest';
import {
  filterFromSearch,
  formatHours,
  formatInterval,
  formatNumber,
  formatShare,
  metricsUrl,
} from './metrics-format.ts';

describe('pathway figures for people', () => {
  it('formats shares as percentages', () => {
    expect(formatShare(0.5, 'en')).toBe('50%');
    expect(formatShare(0.054, 'en')).toBe('5.4%');
    expect(formatShare(0, 'en')).toBe('0%');
    expect(formatShare(null, 'en')).toBeNull();
    expect(formatShare(0.5, 'fr')).toMatch(/^50\s%$/);
  });

  it('formats Wilson intervals as a range', () => {
    expect(formatInterval({ low: 0.4237, high: 0.7104 }, 'en')).toBe('42% – 71%');
    expect(formatInterval(null, 'en')).toBeNull();
  });

  it('says hours up to two days, days after', () => {
    expect(formatHours(5.25, 'en')).toBe('5.3 hours');
    expect(formatHours(30, 'en')).toBe('30 hours');
    expect(formatHours(60, 'en')).toBe('2.5 days');
    expect(formatHours(24 * 12.4, 'en')).toBe('12 days');
    expect(formatHours(null, 'en')).toBeNull();
  });

  it('formats plain numbers', () => {
    expect(formatNumber(1.2345, 'en', 1)).toBe('1.2');
    expect(formatNumber(null, 'en')).toBeNull();
  });

  it('keeps the period in the URL, ignoring malformed dates', () => {
    const f = filterFromSearch(new URLSearchParams('from=2026-01-01&to=junk&side=received'));
    expect(f).toEqual({ from: '2026-01-01', to: '', side: 'received' });
    expect(metricsUrl(f)).toBe('/referrals/metrics?from=2026-01-01&side=received');
    expect(metricsUrl({ from: '', to: '', side: 'sent' })).toBe('/referrals/metrics');
  });
});
