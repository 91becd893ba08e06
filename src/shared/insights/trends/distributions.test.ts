import { describe, expect, it } from 'vitest';
import { logGamma, negBinomialQuantile, normalQuantile, normalUpperTail } from './distributions.ts';

describe('normalQuantile', () => {
  it('matches the standard normal table (R qnorm)', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306, 7);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874, 7);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424309, 6);
  });
  it('refuses levels outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
  it('has an upper tail consistent with the quantile', () => {
    expect(normalUpperTail(1.959963985)).toBeCloseTo(0.025, 6);
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 7);
  });
});

describe('logGamma', () => {
  it('is log((x−1)!) on whole numbers and log √π at ½', () => {
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 10);
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 10);
  });
});

describe('negBinomialQuantile', () => {
  it('gives the Poisson quantile when size is infinite', () => {
    // Poisson(2) cdf: 0.1353, 0.4060, 0.6767, 0.8571, 0.9473, 0.9834, 0.9955.
    expect(negBinomialQuantile(0.95, 2, Infinity)).toBe(5);
    expect(negBinomialQuantile(0.99, 2, Infinity)).toBe(6);
  });
  it('gives the geometric quantile when size is 1', () => {
    // size 1, mean 2: P(Y ≤ y) = 1 − (2/3)^(y+1) ≥ 0.99 ⇔ y + 1 ≥ ln 0.01 / ln(2/3) = 11.36.
    expect(negBinomialQuantile(0.99, 2, 1)).toBe(11);
    expect(negBinomialQuantile(0.5, 2, 1)).toBe(1);
  });
  it('does not underflow on large means', () => {
    // R: qpois(0.5, 10000) = 10000; qpois(0.99, 5000) ≈ 5000 + 2.326·√5000 ≈ 5165.
    expect(negBinomialQuantile(0.5, 10000, Infinity)).toBe(10000);
    expect(Math.abs(negBinomialQuantile(0.99, 5000, Infinity) - 5165)).toBeLessThanOrEqual(2);
  });
  it('is 0 for a mean of 0', () => {
    expect(negBinomialQuantile(0.99, 0, Infinity)).toBe(0);
  });
});
