import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, backoffDelayMs, DEFAULT_RETRY } from './backoff.ts';

describe('retry back-off (exponential, full jitter)', () => {
  it('doubles the ceiling from 30 s up to the 6 h cap', () => {
    const ceilings = Array.from({ length: 12 }, (_, i) => backoffCeilingMs(DEFAULT_RETRY, i + 1));
    expect(ceilings.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(ceilings[9]).toBe(15_360_000); // 30 s · 2^9
    expect(ceilings[10]).toBe(6 * 3_600_000); // 30 s · 2^10 = 8.5 h, capped
    expect(ceilings[11]).toBe(6 * 3_600_000);
    expect(backoffCeilingMs(DEFAULT_RETRY, 1_000)).toBe(6 * 3_600_000);
  });

  it('draws the wait uniformly in [0, ceiling)', () => {
    expect(backoffDelayMs(DEFAULT_RETRY, 1, () => 0)).toBe(0);
    expect(backoffDelayMs(DEFAULT_RETRY, 1, () => 0.5)).toBe(15_000);
    expect(backoffDelayMs(DEFAULT_RETRY, 3, () => 0.999999)).toBe(119_999);
  });

  it('allows ten attempts by default', () => {
    expect(DEFAULT_RETRY.maxAttempts).toBe(10);
  });
});
