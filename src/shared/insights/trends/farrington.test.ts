import { describe, expect, it } from 'vitest';
import { farringtonAssess } from './farrington.ts';
import { negBinomialDraw, poissonDraw, seededRng } from './simulate.ts';

// The series of ears.test.ts (R: set.seed(7); rnbinom with trend and season; 80:82 tripled).
const R_SERIES = [
  14, 22, 12, 3, 21, 28, 11, 2, 2, 6, 10, 3, 19, 15, 9, 8, 9, 5, 7, 2, 8, 9, 6, 1, 18, 15, 9, 12, 3,
  11, 4, 7, 6, 4, 4, 9, 19, 10, 22, 31, 6, 13, 11, 4, 6, 6, 5, 15, 9, 17, 11, 11, 15, 3, 3, 7, 4, 5,
  7, 8, 21, 12, 7, 17, 21, 10, 2, 3, 9, 6, 4, 14, 11, 13, 18, 10, 9, 9, 5, 27, 9, 30, 16, 7,
];

const seasonalMean = (t: number, level: number) =>
  level * Math.exp(0.4 * Math.sin((2 * Math.PI * t) / 12));

describe('farringtonAssess', () => {
  it('reproduces surveillance::farringtonFlexible (windows-only design, nbPlugin)', () => {
    // R (surveillance 1.20.3): farringtonFlexible(sts(observed = y, frequency = 12,
    //   start = c(2015, 1)), control = list(range = 75:84, b = 5, w = 3, noPeriods = 1,
    //   alpha = 0.01, thresholdMethod = "nbPlugin", limit54 = c(0, 4),
    //   pastWeeksNotIncluded = 3)); upperbound(.) and control$mu0Vector for 80:84 (1-based).
    const upper = [15, 16, 22, 24, 26];
    const mu0 = [6.344046, 6.514286, 7.542857, 8.685714, 9.942857];
    for (let k = 0; k < 5; k++) {
      const v = farringtonAssess(R_SERIES, 79 + k, { noPeriods: 1, limitCases: 0 })!;
      expect(v.threshold).toBe(upper[k]);
      expect(v.expected).toBeCloseTo(mu0[k]!, 4);
    }
  });

  it('needs three years before t and five reference cases', () => {
    const y = Array.from({ length: 48 }, () => 4);
    expect(farringtonAssess(y, 35)).toBeNull();
    expect(farringtonAssess(y, 36)).not.toBeNull();
    const zeros = Array.from({ length: 48 }, () => 0);
    expect(farringtonAssess(zeros, 47)).toBeNull();
  });

  it('gives a flat Poisson baseline its mean and Poisson quantile', () => {
    // 60 months of exactly 10: μ̂ = 10, Pearson X² = 0 so φ = 1, threshold qpois(0.99, 10) = 18.
    const y = [...Array.from({ length: 60 }, () => 10), 19];
    const v = farringtonAssess(y, 60)!;
    expect(v.expected).toBeCloseTo(10, 6);
    expect(v.threshold).toBe(18);
    expect(v.alarm).toBe(true);
    // Reference data: t − 12·5 − 3 = −3 → from 0; up to t − 1 − 3 = 56.
    expect([v.historyFrom, v.historyTo]).toEqual([0, 56]);
  });

  it('folds the 5-cases-in-4-periods rule into the threshold', () => {
    // Mean 0.5 (alternating 0, 1): the model alone would alarm on 3 cases, but with zeros in the
    // 3 previous periods an alarm needs 5 cases in 4 periods: threshold max(U, 4 − 0) = 4.
    const y = [...Array.from({ length: 57 }, (_, i) => i % 2), 0, 0, 0, 4];
    const v = farringtonAssess(y, 60)!;
    expect(v.threshold).toBe(4);
    expect(v.alarm).toBe(false);
  });

  it('keeps a significant trend that stays within the reference counts', () => {
    // y_t = 10·exp(0.02t + 0.8·cos(2π(t − 66)/12)): t = 60 is a seasonal trough, so the trend's
    // prediction stays below the earlier peaks and is kept. The window level averages the season
    // over ±3 months: (e^−0.8 + 2e^−0.693 + 2e^−0.4 + 2e^0)/7 = 0.684, so μ̂ ≈ 10·e^1.2·0.684 =
    // 22.7; without the trend (mean time ≈ 28) it would be about 10·e^0.56·0.684 ≈ 12.
    const y = Array.from({ length: 61 }, (_, t) =>
      Math.round(10 * Math.exp(0.02 * t + 0.8 * Math.cos((2 * Math.PI * (t - 66)) / 12))),
    );
    const v = farringtonAssess(y, 60)!;
    expect(v.expected).toBeGreaterThan(20);
    expect(v.expected).toBeLessThan(25);
  });

  it('drops a trend that would extrapolate above every reference count', () => {
    // Steady 3 % monthly growth: the trend's prediction at t (≈ 30) exceeds the largest
    // reference count (27 at t − 4), so Farrington's rule refits without it: μ̂ falls below 27.
    const y = Array.from({ length: 61 }, (_, t) => Math.round(5 * Math.exp(0.03 * t)));
    const v = farringtonAssess(y, 60)!;
    expect(v.expected).toBeLessThan(27);
  });

  it('detects a planted 4× month on seasonal overdispersed series', () => {
    const rng = seededRng(11);
    let detected = 0;
    const draws = 60;
    for (let k = 0; k < draws; k++) {
      const mu = Array.from({ length: 73 }, (_, t) => seasonalMean(t, 10));
      const y = mu.map((m) => negBinomialDraw(rng, m, m / 0.5)); // φ = 1.5
      y[72] = y[72]! + poissonDraw(rng, 3 * mu[72]!);
      if (farringtonAssess(y, 72)!.alarm) detected++;
    }
    expect(detected / draws).toBeGreaterThan(0.85);
  });

  it('raises few false alarms on stable Poisson series', () => {
    // α = 0.01: over 300 draws about 3 alarms are expected (fewer: the threshold is a whole
    // number and the 5-in-4 rule); P(Binomial(300, 0.01) > 10) < 0.001.
    const rng = seededRng(12);
    let alarms = 0;
    for (let k = 0; k < 300; k++) {
      const y = Array.from({ length: 61 }, () => poissonDraw(rng, 8));
      if (farringtonAssess(y, 60)!.alarm) alarms++;
    }
    expect(alarms).toBeLessThanOrEqual(10);
  });
});
