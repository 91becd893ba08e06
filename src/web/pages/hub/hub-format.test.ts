import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDelta,
  formatShare,
  parsePositive,
  parseWhole,
  remainingAfter,
} from './hub-format.ts';

describe('hub figures', () => {
  it('formats counts and shares in the interface language', () => {
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatShare(0.052, 'en')).toBe('5.2%');
    expect(formatShare(0.25, 'fr')).toMatch(/^25\s?%$/u);
  });

  it('writes δ in scientific notation and zero as zero', () => {
    expect(formatDelta(1e-6, 'en')).toBe('1E-6');
    expect(formatDelta(0, 'en')).toBe('0');
  });

  it('takes only whole numbers for k and l', () => {
    expect(parseWhole(' 11 ')).toBe(11);
    expect(parseWhole('')).toBeNull();
    expect(parseWhole('2.5')).toBeNull();
    expect(parseWhole('k')).toBeNull();
  });

  it('takes positive decimals for ε and δ, with a decimal comma too', () => {
    expect(parsePositive('0.5')).toBe(0.5);
    expect(parsePositive('1,5')).toBe(1.5);
    expect(parsePositive('1e-6')).toBe(1e-6);
    expect(parsePositive('0')).toBeNull();
    expect(parsePositive('-1')).toBeNull();
    expect(parsePositive('')).toBeNull();
  });

  it('never shows a negative budget left', () => {
    expect(remainingAfter(3, 1)).toBe(2);
    expect(remainingAfter(1, 3)).toBe(0);
  });
});
