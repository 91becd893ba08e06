import { describe, expect, it } from 'vitest';
import {
  formatNumber,
  formatP,
  formatPercent,
  monthParam,
  pageUrl,
  yearParam,
} from './analytics-format.ts';

describe('formatting of the analytic pages', () => {
  it('formats numbers by language and never prints NaN or Infinity', () => {
    expect(formatNumber(1234.567, 'en', 1)).toBe('1,234.6');
    expect(formatNumber(1234.567, 'fr', 1)).toBe('1\u202f234,6');
    expect(formatNumber(Number.NaN, 'en')).toBeNull();
    expect(formatNumber(Number.POSITIVE_INFINITY, 'en')).toBeNull();
    expect(formatNumber(null, 'en')).toBeNull();
  });

  it('formats shares and p-values', () => {
    expect(formatPercent(0.25, 'en')).toBe('25%');
    expect(formatPercent(0.034, 'en')).toBe('3.4%');
    expect(formatPercent(null, 'en')).toBeNull();
    expect(formatP(0.0123, 'en')).toBe('0.012');
    expect(formatP(0.001, 'en')).toBe('0.001');
    expect(formatP(0.0004, 'en')).toBe('< 0.001');
    expect(formatP(Number.NaN, 'en')).toBeNull();
  });

  it('keeps only well-formed filters in the URL', () => {
    expect(monthParam('2026-13')).toBe('');
    expect(monthParam('2026-02')).toBe('2026-02');
    expect(yearParam('26')).toBe('');
    expect(yearParam('2025')).toBe('2025');
    expect(pageUrl('/insights/routes', { from: '2026-01', to: '' })).toBe(
      '/insights/routes?from=2026-01',
    );
    expect(pageUrl('/insights/routes', { from: '', to: '' })).toBe('/insights/routes');
  });
});
