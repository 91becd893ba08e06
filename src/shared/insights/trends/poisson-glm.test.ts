import { describe, expect, it } from 'vitest';
import { fitPoissonGlm } from './poisson-glm.ts';

describe('fitPoissonGlm', () => {
  it('fits group means: the MLE of a log-linear model with one dummy', () => {
    // Group A: 2, 4, 6 (mean 4); group B: 10, 14 (mean 12). β0 = ln 4, β1 = ln 3.
    // Unscaled variance of β0 = 1/Σμ_A = 1/12; leverages μ_i/Σμ_group: 4/12 and 12/24.
    const x = [
      [1, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [1, 1],
    ];
    const fit = fitPoissonGlm(x, [2, 4, 6, 10, 14]);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(4), 8);
    expect(fit.coefficients[1]).toBeCloseTo(Math.log(3), 8);
    expect(fit.covariance[0]![0]).toBeCloseTo(1 / 12, 5);
    expect(fit.leverage[0]).toBeCloseTo(1 / 3, 5);
    expect(fit.leverage[4]).toBeCloseTo(1 / 2, 5);
  });

  it('weights rows: a weighted mean', () => {
    // Intercept only, weights 3 and 1 on counts 2 and 6: μ = (3·2 + 6)/4 = 3.
    const fit = fitPoissonGlm([[1], [1]], [2, 6], [3, 1]);
    expect(fit.fitted[0]).toBeCloseTo(3, 8);
  });

  it('stays finite when a level holds only zeros', () => {
    const fit = fitPoissonGlm(
      [
        [1, 0],
        [1, 0],
        [1, 1],
        [1, 1],
      ],
      [5, 7, 0, 0],
    );
    expect(fit.fitted[0]).toBeCloseTo(6, 6);
    expect(fit.fitted[2]).toBeLessThan(1e-6);
    expect(fit.coefficients.every(Number.isFinite)).toBe(true);
  });
});
