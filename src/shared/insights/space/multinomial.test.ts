import { describe, expect, it } from 'vitest';
import { seededRng } from '../../hub/dp/random.ts';
import { binomial, Multinomial } from './multinomial.ts';
import { scanRng } from './random.ts';

describe('binomial variates', () => {
  // Mean and variance of 40,000 draws within 5 standard errors, in each algorithm's regime:
  // inversion (n·p < 10), BTRS (n·p ≥ 10), and p > ½ by symmetry.
  it.each([
    [20, 0.1],
    [1000, 0.002],
    [50, 0.4],
    [100_000, 0.3],
    [40, 0.9],
  ])('Bin(%i, %f) has the right mean and variance', (n, p) => {
    const rng = scanRng(n);
    const draws = Array.from({ length: 40_000 }, () => binomial(n, p, rng));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
    const v = n * p * (1 - p);
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(v / draws.length));
    expect(Math.abs(variance / v - 1)).toBeLessThan(5 * Math.sqrt(2 / draws.length));
    expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
  });

  it('follows the probability function of Bin(30, 0.5) (BTRS) by a chi-square test', () => {
    const n = 30;
    const rng = scanRng(3);
    const draws = 50_000;
    const seen = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < draws; i++) seen[binomial(n, 0.5, rng)]!++;
    let choose = 1;
    let chi2 = 0;
    let cells = 0;
    let pooled = [0, 0];
    for (let k = 0; k <= n; k++) {
      const expected = (choose / 2 ** n) * draws;
      choose = (choose * (n - k)) / (k + 1);
      // Pool the thin tails into one cell.
      if (expected < 5) {
        pooled = [pooled[0]! + seen[k]!, pooled[1]! + expected];
        continue;
      }
      chi2 += (seen[k]! - expected) ** 2 / expected;
      cells++;
    }
    chi2 += (pooled[0]! - pooled[1]!) ** 2 / pooled[1]!;
    // About 18 degrees of freedom; the 0.999 quantile of χ²(18) is 42.3.
    expect(cells).toBeGreaterThan(12);
    expect(chi2).toBeLessThan(42.3);
  });

  it('handles the ends', () => {
    const rng = scanRng(1);
    expect(binomial(0, 0.5, rng)).toBe(0);
    expect(binomial(10, 0, rng)).toBe(0);
    expect(binomial(10, 1, rng)).toBe(10);
  });
});

describe('multinomial draws', () => {
  it('place every case, none where the weight is 0, in proportion to the weights', () => {
    // 20 cases in blocks of three cells are placed case by case; below, a million in blocks of
    // two are spread by binomials.
    const weights = [1, 0, 3, 0, 0, 0];
    const m = new Multinomial(weights, 3);
    const out = new Int32Array(6);
    const rng = scanRng(9);
    const sums = [0, 0, 0];
    for (let i = 0; i < 200; i++) {
      m.draw(20, rng, out);
      expect(out.reduce((s, x) => s + x, 0)).toBe(20);
      expect([out[1], out[3], out[4], out[5]]).toEqual([0, 0, 0, 0]);
      sums[0]! += out[0]!;
      sums[2]! += out[2]!;
    }
    // 4,000 cases, a quarter expected in cell 0: 1,000 ± 5·27.
    expect(Math.abs(sums[0]! - 1000)).toBeLessThan(5 * Math.sqrt(4000 * 0.25 * 0.75));
    const big = new Multinomial([1, 1, 2, 4, 0, 8], 2);
    big.draw(1_000_000, rng, out);
    expect(out.reduce((s, x) => s + x, 0)).toBe(1_000_000);
    expect(out[4]).toBe(0);
    expect(Math.abs(out[5]! - 500_000)).toBeLessThan(5 * Math.sqrt(1e6 * 0.25));
  });
});

describe('the scan generator', () => {
  it('is sfc32 as src/shared/hub/dp/random.ts seeds it, value for value', () => {
    for (const seed of [0, 1, 1997, 2 ** 32 - 1]) {
      const a = seededRng(seed);
      const b = scanRng(seed);
      for (let i = 0; i < 1000; i++) expect(b.next()).toBe(a.next());
    }
  });
});
