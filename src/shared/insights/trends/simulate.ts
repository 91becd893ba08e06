/**
 * Seeded count generators for the detectors' tests and benchmark (never for product output):
 * Poisson and negative-binomial draws as a gamma–Poisson mixture.
 */
import { seededRng, standardNormal, type Rng } from '../../hub/dp/random.ts';

export { seededRng, type Rng };

/** A Gamma(shape, scale 1) draw (Marsaglia & Tsang 2000, ACM TOMS 26:363). */
export function gammaDraw(rng: Rng, shape: number): number {
  if (shape < 1) return gammaDraw(rng, shape + 1) * rng.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(rng);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A Poisson draw: Knuth's product method for small means, a normal approximation above 500. */
export function poissonDraw(rng: Rng, mu: number): number {
  if (mu <= 0) return 0;
  if (mu > 500) return Math.max(0, Math.round(mu + Math.sqrt(mu) * standardNormal(rng)));
  // Split large means so e^−mu stays far from underflow.
  if (mu > 30) return poissonDraw(rng, mu / 2) + poissonDraw(rng, mu / 2);
  const limit = Math.exp(-mu);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** A negative-binomial draw with mean `mu` and variance mu + mu²/size (Infinity: Poisson). */
export function negBinomialDraw(rng: Rng, mu: number, size: number): number {
  if (!Number.isFinite(size)) return poissonDraw(rng, mu);
  return poissonDraw(rng, (mu * gammaDraw(rng, size)) / size);
}
