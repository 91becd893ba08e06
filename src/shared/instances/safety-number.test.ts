import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseSafetyNumber, safetyNumber, sameSafetyNumber } from './safety-number.ts';

describe('safety numbers', () => {
  it('are 12 groups of 5 digits', () => {
    const n = safetyNumber(new Uint8Array(32).fill(0xab));
    expect(n).toMatch(/^\d{5}( \d{5}){11}$/);
  });

  it('are the digest modulo 10^60, zero-padded', () => {
    const one = new Uint8Array(32);
    one[31] = 1;
    expect(safetyNumber(one)).toBe(`${'00000 '.repeat(11)}00001`);
    const all = new Uint8Array(32).fill(0xff);
    const expected = ((1n << 256n) - 1n) % 10n ** 60n;
    expect(safetyNumber(all).replace(/ /g, '')).toBe(expected.toString().padStart(60, '0'));
  });

  it('refuse a digest of another length', () => {
    expect(() => safetyNumber(new Uint8Array(31))).toThrow();
  });

  it('compare as typed, whatever the spacing, and differ for different digests (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.integer({ min: 0, max: 255 }),
        (bytes, bit) => {
          const n = safetyNumber(bytes);
          expect(sameSafetyNumber(n.replace(/ /g, '-'), n)).toBe(true);
          expect(sameSafetyNumber(n.replace(/ /g, ''), n)).toBe(true);
          expect(sameSafetyNumber(n.replace(/ /g, '\n'), n)).toBe(true);
          const flipped = Uint8Array.from(bytes);
          // a low-order bit: always inside the 199 bits that the digits keep
          const byte = 31 - (bit % 24);
          flipped[byte] = flipped[byte]! ^ (1 << (bit % 8));
          expect(sameSafetyNumber(safetyNumber(flipped), n)).toBe(false);
        },
      ),
    );
  });

  it('refuse text that is not 60 digits', () => {
    expect(normaliseSafetyNumber('12345')).toBeUndefined();
    expect(normaliseSafetyNumber('1'.repeat(59) + 'a')).toBeUndefined();
    expect(normaliseSafetyNumber('1'.repeat(61))).toBeUndefined();
    expect(sameSafetyNumber('', '')).toBe(false);
  });
});
