import { describe, expect, it } from 'vitest';
import { AttemptThrottle } from './throttle.ts';

describe('sign-in attempt throttle (per source address, sliding window)', () => {
  it('allows `limit` attempts in the window and refuses the next', () => {
    const throttle = new AttemptThrottle(3, 1000);
    expect([0, 10, 20, 30].map((t) => throttle.allow('198.51.100.7', t))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('counts each address separately', () => {
    const throttle = new AttemptThrottle(2, 1000);
    expect(throttle.allow('198.51.100.7', 0)).toBe(true);
    expect(throttle.allow('198.51.100.7', 1)).toBe(true);
    expect(throttle.allow('198.51.100.7', 2)).toBe(false);
    expect(throttle.allow('203.0.113.9', 3)).toBe(true);
    expect(throttle.allow('2001:db8::1', 4)).toBe(true);
  });

  it('slides: an attempt leaves the window exactly windowMs after it was made', () => {
    const throttle = new AttemptThrottle(3, 1000);
    for (const t of [0, 100, 200]) expect(throttle.allow('a', t)).toBe(true);
    expect(throttle.allow('a', 999)).toBe(false);
    expect(throttle.allow('a', 1000)).toBe(true); // the attempt at 0 has left the window
    expect(throttle.allow('a', 1001)).toBe(false); // 100, 200 and 1000 are still in it
    expect(throttle.allow('a', 1100)).toBe(true);
  });

  it('does not count refused attempts: hammering does not extend the wait', () => {
    const throttle = new AttemptThrottle(2, 1000);
    throttle.allow('a', 0);
    throttle.allow('a', 0);
    for (let t = 1; t < 1000; t += 50) expect(throttle.allow('a', t)).toBe(false);
    expect(throttle.allow('a', 1000)).toBe(true);
  });

  it('after a quiet window the full allowance is back', () => {
    const throttle = new AttemptThrottle(3, 60_000);
    for (let i = 0; i < 3; i++) throttle.allow('a', i);
    expect(throttle.allow('a', 3)).toBe(false);
    const later = 3 + 60_000;
    expect([0, 1, 2, 3].map((i) => throttle.allow('a', later + i))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('when it forgets idle addresses to bound memory, a throttled address stays throttled', () => {
    const throttle = new AttemptThrottle(1, 1000);
    expect(throttle.allow('attacker', 5000)).toBe(true);
    // 50 000 addresses seen long ago, then one more: the map exceeds its bound and is pruned.
    for (let i = 0; i < 50_000; i++) throttle.allow(`old-${i}`, 0);
    expect(throttle.allow('newcomer', 5001)).toBe(true);
    expect(throttle.allow('attacker', 5002)).toBe(false);
    expect(throttle.allow('newcomer', 5003)).toBe(false);
    expect(throttle.allow('old-1', 5004)).toBe(true);
  });
});
