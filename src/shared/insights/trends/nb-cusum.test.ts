import { describe, expect, it } from 'vitest';
import { nbCusumAssess } from './nb-cusum.ts';
import { negBinomialDraw, poissonDraw, seededRng } from './simulate.ts';

const fives = [5, 5, 5, 5, 5, 5, 5];

describe('nbCusumAssess, worked by hand', () => {
  // t = 12: the window is indices 7..12, the baseline 0..6 (seven 5s: variance 0 ≤ mean, so
  // Poisson). μ0 = 5, κ = 2: each period adds y·ln 2 − 5 = 0.693147·y − 5; h = 2.3.
  it('needs (h + 5)/ln 2 = 10.532 cases in a single period', () => {
    const v = nbCusumAssess([...fives, 5, 5, 5, 5, 5, 11], 12)!;
    expect(v.expected).toBeCloseTo(5, 10);
    expect(v.threshold).toBeCloseTo(10.531674, 5);
    expect(v.alarm).toBe(true);
    expect(nbCusumAssess([...fives, 5, 5, 5, 5, 5, 10], 12)!.alarm).toBe(false);
    expect(nbCusumAssess([...fives, 5, 5, 5, 5, 5, 10], 12)).toMatchObject({
      historyFrom: 0,
      historyTo: 11,
    });
  });

  it('accumulates a sustained excess', () => {
    // Four 8s add 4·0.545177 = 2.180710, a 7 adds −0.147971: S = 2.032740. The next period
    // alarms above (2.3 − 2.032740 + 5)/ln 2 = 7.599050, so 8 cases alarm where 11 were needed.
    const v = nbCusumAssess([...fives, 8, 8, 8, 8, 7, 8], 12)!;
    expect(v.threshold).toBeCloseTo(7.59905, 5);
    expect(v.alarm).toBe(true);
  });

  it('resets after an alarm', () => {
    // Four 8s: S = 2.180710 ≤ 2.3; the fifth: 2.725887 > 2.3 at index 11 (the 5 at index 7 adds −1.53, S = 0),
    // then S = 0 again and a 9 is below 10.532.
    expect(nbCusumAssess([...fives, 5, 8, 8, 8, 8, 8], 12)!.alarm).toBe(true);
    const v = nbCusumAssess([...fives, 8, 8, 8, 8, 8, 9], 12)!;
    expect(v.threshold).toBeCloseTo(10.531674, 5);
    expect(v.alarm).toBe(false);
  });

  it('uses the negative binomial when the baseline is overdispersed', () => {
    // Baseline 0,10,0,10,0,10,5: μ0 = 5; Σ(y − μ)² − Σμ = 150 − 35 = 115, Σμ² = 175:
    // r = 1.521739. ratio = (r + 5)/(r + 10) = 0.566038; a = ln(2·ratio) = 0.124053,
    // c = r·ln ratio = −0.866013; a 5 adds −0.245750 (S stays 0); threshold (2.3 + 0.866013)/a = 25.521.
    const v = nbCusumAssess([0, 10, 0, 10, 0, 10, 5, 5, 5, 5, 5, 5, 5], 12)!;
    expect(v.threshold).toBeCloseTo(25.52153, 4);
  });

  it('handles a history of zeros: Poisson with μ0 = 0 needs h/ln 2 = 3.32 cases', () => {
    const zeros = Array.from({ length: 12 }, () => 0);
    const v = nbCusumAssess([...zeros, 4], 12)!;
    expect(v).toMatchObject({ expected: 0, alarm: true });
    expect(v.threshold).toBeCloseTo(2.3 / Math.LN2, 6);
  });

  it('returns null with fewer than 12 periods before t', () => {
    expect(nbCusumAssess([...fives, 5, 5, 5, 5, 5, 5], 11)).toBeNull();
  });
});

describe('nbCusumAssess on generated series', () => {
  const seasonal = (t: number) => 10 * Math.exp(0.4 * Math.cos((2 * Math.PI * t) / 12));

  it('detects a sustained doubling within four periods', () => {
    const rng = seededRng(21);
    let detected = 0;
    const draws = 60;
    for (let k = 0; k < draws; k++) {
      const y = Array.from({ length: 64 }, (_, t) =>
        negBinomialDraw(rng, (t >= 60 ? 2 : 1) * seasonal(t), 20),
      );
      if ([60, 61, 62, 63].some((t) => nbCusumAssess(y, t)!.alarm)) detected++;
    }
    expect(detected / draws).toBeGreaterThan(0.85);
  });

  it('raises few false alarms on stable Poisson series', () => {
    // Calibrated at 1.3–2.6 % a period with estimated parameters (nb-cusum.ts); even at 2 %,
    // P(Binomial(300, 0.02) > 16) < 0.001.
    const rng = seededRng(22);
    let alarms = 0;
    for (let k = 0; k < 300; k++) {
      const y = Array.from({ length: 61 }, () => poissonDraw(rng, 8));
      if (nbCusumAssess(y, 60)!.alarm) alarms++;
    }
    expect(alarms).toBeLessThanOrEqual(16);
  });
});
