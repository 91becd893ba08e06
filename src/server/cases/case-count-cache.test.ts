import { describe, expect, it } from 'vitest';
import { CaseCountCache } from './case-count-cache.ts';

describe('CaseCountCache', () => {
  it('returns a total until it is ttl old, then forgets it', () => {
    const cache = new CaseCountCache(5_000);
    cache.set('org-a', '{}', 42, 1_000);
    expect(cache.get('org-a', '{}', 5_999)).toBe(42);
    expect(cache.get('org-a', '{}', 6_000)).toBeUndefined();
  });

  it('keeps organisations and filter sets apart', () => {
    const cache = new CaseCountCache();
    cache.set('org-a', '{}', 42, 0);
    expect(cache.get('org-b', '{}', 1)).toBeUndefined();
    expect(cache.get('org-a', '{"status":["Active"]}', 1)).toBeUndefined();
  });

  it('invalidate clears one organisation only', () => {
    const cache = new CaseCountCache();
    cache.set('org-a', '{}', 1, 0);
    cache.set('org-a', '{"x":1}', 2, 0);
    cache.set('org-b', '{}', 3, 0);
    cache.invalidate('org-a');
    expect(cache.get('org-a', '{}', 1)).toBeUndefined();
    expect(cache.get('org-a', '{"x":1}', 1)).toBeUndefined();
    expect(cache.get('org-b', '{}', 1)).toBe(3);
  });

  it('stays bounded', () => {
    const cache = new CaseCountCache(5_000, 3);
    for (let i = 0; i < 10; i++) cache.set('org', String(i), i, 0);
    const kept = Array.from({ length: 10 }, (_, i) => cache.get('org', String(i), 1)).filter(
      (v) => v !== undefined,
    );
    expect(kept.length).toBeLessThanOrEqual(3);
    expect(cache.get('org', '9', 1)).toBe(9);
  });
});
