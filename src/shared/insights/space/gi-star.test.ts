import { describe, expect, it } from 'vitest';
import { InsightsInputError } from '../errors.ts';
import { benjaminiHochberg, giStar } from './gi-star.ts';

describe('Getis-Ord Gi*', () => {
  it('matches spdep::localG with self included', () => {
    // R 4.x, spdep 1.2.7:
    //   nb <- list(c(2,3), c(1,3,4), c(1,2,4,5), c(2,3,5), c(3,4), 0L); class(nb) <- "nb"
    //   localG(c(10, 12, 30, 28, 25, 3),
    //          nb2listw(include.self(nb), style = "B", zero.policy = TRUE), zero.policy = TRUE)
    const result = giStar({
      regions: ['a', 'b', 'c', 'd', 'e', 'f'],
      values: [10, 12, 30, 28, 25, 3],
      neighbours: [[1, 2], [0, 2, 3], [0, 1, 3, 4], [1, 2, 4], [2, 3], []],
    });
    const spdep = [
      -0.146884216413077, 0.623176952849756, 1.47799391724644, 1.791633739443048, 2.12982113798962,
      -1.47799391724644,
    ];
    result.forEach((g, i) => expect(g.z).toBeCloseTo(spdep[i]!, 12));
    // By hand for a: mean 18, s² = 618/6 = 103; Σ = 10 + 12 + 30 = 52 against 3·18 = 54;
    // variance 103·(6·3 − 3²)/5 = 185.4; z = −2/√185.4 = −0.146884.
    // f has no neighbour: z = (3 − 18)/√103, its standardised value.
    expect(result[5]!.z).toBeCloseTo(-15 / Math.sqrt(103), 12);
    // Two-sided p from the normal (R: 2 * pnorm(-2.12982113798962) = 0.0331863828600).
    expect(result[4]!.p).toBeCloseTo(0.03318638286, 10);
    // Six tests: the smallest p (0.033) is above 0.05/6, so nothing survives the FDR.
    expect(result.some((g) => g.hot || g.cold)).toBe(false);
  });

  it('marks the centre of a run of high values hot, after the FDR correction', () => {
    // 20 regions in a line, 1 everywhere but 20 at indices 9–11. mean 3.85, s² = 46.0275;
    // index 10: Σ = 60, z = (60 − 3·3.85)/√(46.0275·51/19) = 48.45/11.1152 = 4.359 (p ≈ 1.3e-5);
    // indices 9 and 11: Σ = 41, z = 2.6495, p = 0.00806 > 3/20·0.05 = 0.0075, so not kept.
    const values = Array.from({ length: 20 }, (_, i) => (i >= 9 && i <= 11 ? 20 : 1));
    const neighbours = values.map((_, i) => [i - 1, i + 1].filter((j) => j >= 0 && j < 20));
    const result = giStar({ regions: values.map((_, i) => `r${i}`), values, neighbours });
    expect(result[10]!.z).toBeCloseTo(4.359, 3);
    expect(result[9]!.p).toBeCloseTo(0.00806, 4);
    expect(result.filter((g) => g.hot).map((g) => g.region)).toEqual(['r10']);
    expect(result.some((g) => g.cold)).toBe(false);
    // A looser rate keeps the shoulders too.
    const loose = giStar({
      regions: values.map((_, i) => `r${i}`),
      values,
      neighbours,
      alpha: 0.1,
    });
    expect(loose.filter((g) => g.hot).map((g) => g.region)).toEqual(['r9', 'r10', 'r11']);
  });

  it('gives z = 0 and p = 1 where Gi* is undefined, never NaN', () => {
    const equal = giStar({
      regions: ['a', 'b', 'c'],
      values: [4, 4, 4],
      neighbours: [[1], [0, 2], [1]],
    });
    expect(equal.map((g) => [g.z, g.p])).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    // b borders everyone: its sum is the total whatever the pattern.
    const hub = giStar({
      regions: ['a', 'b', 'c'],
      values: [1, 5, 9],
      neighbours: [[1], [0, 2], [1]],
    });
    expect([hub[1]!.z, hub[1]!.p]).toEqual([0, 1]);
    expect(hub.every((g) => Number.isFinite(g.z) && Number.isFinite(g.p))).toBe(true);
    expect(giStar({ regions: ['a'], values: [3], neighbours: [[]] })[0]!.z).toBe(0);
    expect(giStar({ regions: [], values: [], neighbours: [] })).toEqual([]);
  });

  it('refuses bad input, naming the field', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InsightsInputError);
        return (e as InsightsInputError).field;
      }
      return 'no error';
    };
    const ok = { regions: ['a', 'b'], values: [1, 2], neighbours: [[1], [0]] };
    expect(field(() => giStar({ ...ok, values: [1] }))).toBe('values');
    expect(field(() => giStar({ ...ok, values: [1, Number.NaN] }))).toBe('values');
    expect(field(() => giStar({ ...ok, neighbours: [[1]] }))).toBe('neighbours');
    expect(field(() => giStar({ ...ok, neighbours: [[2], [0]] }))).toBe('neighbours');
    expect(field(() => giStar({ ...ok, regions: ['a', 'a'] }))).toBe('regions');
    expect(field(() => giStar({ ...ok, alpha: 0 }))).toBe('alpha');
  });
});

describe('Benjamini–Hochberg', () => {
  it('keeps the p-values up to the largest rank k with p(k) ≤ k/m·alpha', () => {
    // m = 4, alpha 0.05: bounds 0.0125, 0.025, 0.0375, 0.05.
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.2], 0.05)).toEqual([true, false, false, false]);
    // Step-up: p(4) = 0.04 ≤ 0.05 keeps all four, though p(3) = 0.039 > 0.0375.
    expect(benjaminiHochberg([0.039, 0.01, 0.04, 0.02], 0.05)).toEqual([true, true, true, true]);
    expect(benjaminiHochberg([], 0.05)).toEqual([]);
  });
});
