import { describe, expect, it } from 'vitest';
import { gaussianDelta, gaussianMu, normalCdf, normalQuantile } from './normal.ts';

describe('the normal distribution', () => {
  it('matches tabulated values of Φ in the centre and far in the tails', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 12);
    // Φ(−5) and Φ(−10), to full relative precision (tables of the normal tail).
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 9);
    expect(normalCdf(-10) / 7.61985302416047e-24).toBeCloseTo(1, 9);
  });

  it('inverts Φ, also for probabilities close to 0 and 1', () => {
    for (const p of [1e-12, 1e-7, 0.001, 0.02, 0.3, 0.5, 0.77, 0.999, 1 - 1e-9]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 8);
    }
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 9);
  });
});

describe('the privacy curve of the Gaussian mechanism', () => {
  it('is δ(0) = Φ(μ/2) − Φ(−μ/2) at ε = 0 (total variation of two shifted normals)', () => {
    expect(gaussianDelta(0, 1)).toBeCloseTo(normalCdf(0.5) - normalCdf(-0.5), 12);
  });

  it('falls with ε and grows with μ', () => {
    expect(gaussianDelta(2, 1)).toBeLessThan(gaussianDelta(1, 1));
    expect(gaussianDelta(1, 2)).toBeGreaterThan(gaussianDelta(1, 1));
  });

  it('calibrates μ so that the mechanism spends exactly the requested δ at ε', () => {
    for (const [e, d] of [
      [0.5, 1e-5],
      [1, 1e-6],
      [4, 5e-7],
      [8, 1e-9],
    ] as const) {
      const mu = gaussianMu(e, d);
      expect(gaussianDelta(e, mu) / d).toBeCloseTo(1, 6);
    }
  });

  it('needs less noise than the classical bound σ = √(2 ln(1.25/δ))/ε (Dwork & Roth, Thm A.1)', () => {
    const classicalSigma = Math.sqrt(2 * Math.log(1.25 / 1e-5)) / 0.5;
    expect(1 / gaussianMu(0.5, 1e-5)).toBeLessThan(classicalSigma);
  });

  it('matches a Monte Carlo estimate of the privacy loss of N(0,1) against N(μ,1)', () => {
    // δ(ε) = E[(1 − e^(ε − L))₊] under P, with L the privacy loss μx − μ²/2 at x ~ N(μ, 1).
    const mu = 1.2;
    const eps = 0.8;
    let s = 12345;
    const uniform = () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return (s + 0.5) / 4294967296;
    };
    let sum = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const z = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
      const x = mu + z;
      const loss = mu * x - (mu * mu) / 2;
      sum += Math.max(0, 1 - Math.exp(eps - loss));
    }
    expect(sum / n).toBeCloseTo(gaussianDelta(eps, mu), 2);
  });
});
