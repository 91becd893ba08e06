import { describe, expect, it } from 'vitest';
import { ageBandBounds, formatPeriod } from './insights-format.ts';

describe('period and age band labels', () => {
  it('formats months and years in the language, and leaves anything else alone', () => {
    expect(formatPeriod('2024-03', 'en')).toBe('Mar 2024');
    expect(formatPeriod('2024-12', 'fr')).toBe('déc. 2024');
    expect(formatPeriod('2021', 'en')).toBe('2021');
    expect(formatPeriod('2024-13', 'en')).toBe('2024-13');
  });

  it('reads CTDC age bands', () => {
    expect(ageBandBounds('9--17')).toEqual({ from: 9, to: 17 });
    expect(ageBandBounds('48+')).toEqual({ from: 48, to: null });
    expect(ageBandBounds('unknown')).toBeNull();
  });
});
