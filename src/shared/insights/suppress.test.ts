import { describe, expect, it } from 'vitest';
import { cell, suppressRow } from './suppress.ts';

const shown = (count: number) => ({ count, suppressed: false });
const hidden = { count: null, suppressed: true };

// Worked by hand with the threshold rule of Hundepool et al. 2012, ch. 4: 1..minCell−1 hidden.
describe('cell', () => {
  it('hides 1 to minCell − 1 and shows 0 and minCell', () => {
    expect([0, 1, 4, 5, 17].map((n) => cell(n, 5))).toEqual([
      shown(0),
      hidden,
      hidden,
      shown(5),
      shown(17),
    ]);
  });

  it('hides nothing with a threshold of 1, and 1 and 2 with 3', () => {
    expect([0, 1, 2].map((n) => cell(n, 1))).toEqual([shown(0), shown(1), shown(2)]);
    expect([1, 2, 3].map((n) => cell(n, 3))).toEqual([hidden, hidden, shown(3)]);
  });

  it('refuses a count that is negative or not whole', () => {
    expect(() => cell(-1, 5)).toThrow(/whole number ≥ 0/);
    expect(() => cell(2.5, 5)).toThrow(/got 2.5/);
    expect(() => cell(Number.NaN, 5)).toThrow(RangeError);
  });
});

describe('suppressRow', () => {
  it('hides the smallest other non-zero cell beside a single primary one', () => {
    // 10 + 3 + 7 + 0 = 20: with 3 alone hidden, 20 − 10 − 7 − 0 would give it back.
    expect(suppressRow([10, 3, 7, 0], 5)).toEqual([shown(10), hidden, hidden, shown(0)]);
  });

  it('adds nothing when two cells are already hidden', () => {
    expect(suppressRow([10, 3, 2, 8], 5)).toEqual([shown(10), hidden, hidden, shown(8)]);
  });

  it('takes the first of equal smallest partners, and never a zero', () => {
    expect(suppressRow([6, 3, 6], 5)).toEqual([hidden, hidden, shown(6)]);
    expect(suppressRow([0, 3, 9], 5)).toEqual([shown(0), hidden, hidden]);
  });

  it('leaves a lone primary cell when every other cell is zero (nothing to hide it among)', () => {
    expect(suppressRow([3, 0, 0], 5)).toEqual([hidden, shown(0), shown(0)]);
  });

  it('changes nothing in a row without small cells', () => {
    expect(suppressRow([5, 0, 12], 5)).toEqual([shown(5), shown(0), shown(12)]);
  });
});
