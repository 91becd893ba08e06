import { describe, expect, it } from 'vitest';
import { earsAssess } from './ears.ts';

// A monthly NB series with a planted rise at the end, generated in R (surveillance 1.20.3):
// set.seed(7); tt <- 1:84; y <- rnbinom(84, mu = exp(2 + 0.004*tt + 0.5*sin(2*pi*tt/12)),
// size = 5); y[80:82] <- y[80:82]*3
const R_SERIES = [
  14, 22, 12, 3, 21, 28, 11, 2, 2, 6, 10, 3, 19, 15, 9, 8, 9, 5, 7, 2, 8, 9, 6, 1, 18, 15, 9, 12, 3,
  11, 4, 7, 6, 4, 4, 9, 19, 10, 22, 31, 6, 13, 11, 4, 6, 6, 5, 15, 9, 17, 11, 11, 15, 3, 3, 7, 4, 5,
  7, 8, 21, 12, 7, 17, 21, 10, 2, 3, 9, 6, 4, 14, 11, 13, 18, 10, 9, 9, 5, 27, 9, 30, 16, 7,
];

describe('EARS C1 and C2', () => {
  it('works a C1 threshold by hand', () => {
    // Baseline 2..14: mean 8; squares 36+16+4+0+4+16+36 = 112, sd = √(112/6) = 4.320494;
    // threshold 8 + 3.090232·4.320494 = 21.351330 (the Poisson floor √8 is below the sd).
    const v = earsAssess([2, 4, 6, 8, 10, 12, 14, 30], 7, 'C1')!;
    expect(v.expected).toBeCloseTo(8, 10);
    expect(v.threshold).toBeCloseTo(21.35133, 4);
    expect(v.alarm).toBe(true);
    expect([v.historyFrom, v.historyTo]).toEqual([0, 6]);
  });

  it('skips the two periods before t in C2', () => {
    // t = 9: baseline is indices 0..6 (the 99s at 7 and 8 are the guard band): threshold as above.
    const v = earsAssess([2, 4, 6, 8, 10, 12, 14, 99, 99, 15], 9, 'C2')!;
    expect(v.threshold).toBeCloseTo(21.35133, 4);
    expect(v.alarm).toBe(false);
  });

  it('floors σ so a history of zeros needs 4 cases, not 1', () => {
    // μ = 0, σ floored to √max(0, 1) = 1: threshold 3.090232.
    const zeros = [0, 0, 0, 0, 0, 0, 0];
    expect(earsAssess([...zeros, 3], 7, 'C1')!.alarm).toBe(false);
    expect(earsAssess([...zeros, 4], 7, 'C1')!.alarm).toBe(true);
    expect(earsAssess([...zeros, 3], 7, 'C1')!.threshold).toBeCloseTo(3.090232, 5);
    // Without the floor (surveillance's minSigma = 0) a single case alarms.
    expect(earsAssess([...zeros, 1], 7, 'C1', { poissonFloor: false })!.alarm).toBe(true);
  });

  it('returns null until 7 (C1), 9 (C2) and 11 (C3) periods precede t', () => {
    const y = Array.from({ length: 12 }, () => 5);
    expect(earsAssess(y, 6, 'C1')).toBeNull();
    expect(earsAssess(y, 7, 'C1')).not.toBeNull();
    expect(earsAssess(y, 8, 'C2')).toBeNull();
    expect(earsAssess(y, 9, 'C2')).not.toBeNull();
    expect(earsAssess(y, 10, 'C3')).toBeNull();
    expect(earsAssess(y, 11, 'C3')).not.toBeNull();
  });

  it('reproduces surveillance::earsC upper bounds', () => {
    // R: earsC(sts(observed = y, frequency = 12, start = c(2015, 1)),
    //   control = list(method = "C1" | "C2", range = 75:84, alpha = 0.001)); minSigma = 0.
    const c1 = [
      22.024549, 25.611031, 25.615881, 24.83986, 22.092656, 23.166847, 35.778457, 35.681219,
      44.964139, 45.33049,
    ];
    const c2 = [
      20.259464, 20.819939, 22.024549, 25.611031, 25.615881, 24.83986, 22.092656, 23.166847,
      35.778457, 35.681219,
    ];
    for (let k = 0; k < 10; k++) {
      const t = 74 + k;
      expect(earsAssess(R_SERIES, t, 'C1', { poissonFloor: false })!.threshold).toBeCloseTo(
        c1[k]!,
        5,
      );
      expect(earsAssess(R_SERIES, t, 'C2', { poissonFloor: false })!.threshold).toBeCloseTo(
        c2[k]!,
        5,
      );
    }
  });
});

describe('EARS C3', () => {
  // Indices 0..8 are all 4, so every C2 baseline (t−9..t−3 for t = 9, 10, 11) has μ = 4, sd 0,
  // floored to √4 = 2: C2(i) = (y_i − 4)/2. z = Φ⁻¹(0.975) = 1.959964.
  const flat = [4, 4, 4, 4, 4, 4, 4, 4, 4];

  it('adds the excess of the two previous periods', () => {
    // y9 = 7: C2 = 1.5, carries 0.5; y10 = 6: C2 = 1, carries 0. Alarm when C2(11) − 1 > z − 0.5,
    // i.e. y11 > 4 + 2·(1 + 1.959964 − 0.5) = 8.919928.
    const v = earsAssess([...flat, 7, 6, 9], 11, 'C3')!;
    expect(v.threshold).toBeCloseTo(8.919928, 5);
    expect(v.alarm).toBe(true);
    expect(earsAssess([...flat, 7, 6, 8], 11, 'C3')!.alarm).toBe(false);
    expect([v.historyFrom, v.historyTo]).toEqual([0, 10]);
  });

  it('alarms on any case when the carried excess alone reaches z', () => {
    // y9 = 10: C2 = 3, carries 2; y10 = 8: C2 = 2, carries 1; 3 ≥ z: threshold 0.
    expect(earsAssess([...flat, 10, 8, 1], 11, 'C3')).toMatchObject({ threshold: 0, alarm: true });
    expect(earsAssess([...flat, 10, 8, 0], 11, 'C3')!.alarm).toBe(false);
  });
});
