/**
 * The few distribution functions the trend detectors need, written out so the engine runs in
 * the browser, the server and the CLI alike with no statistics library.
 */

// Acklam's rational approximation of the normal quantile (relative error below 1.2e-9).
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

const poly = (cs: readonly number[], x: number): number => cs.reduce((acc, c) => acc * x + c, 0);

/**
 * The complementary error function (Numerical Recipes' Chebyshev fit `erfcc`, fractional error
 * below 1.2e-7), used for the normal upper tail.
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z > z) for a standard normal Z. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** The standard normal quantile: z with P(Z ≤ z) = p, for 0 < p < 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normal quantile needs 0 < p < 1, got ${p}`);
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(C, q) / (poly(D, q) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(C, q) / (poly(D, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(A, r) * q) / (poly(B, r) * r + 1);
}

// Lanczos approximation (g = 7, n = 9), relative error about 1e-15 for positive arguments.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** log Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) s += LANCZOS[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(s);
}

/**
 * log P(Y = y) for a negative binomial with mean `mu` and size `size` (variance mu + mu²/size);
 * `size` = Infinity gives the Poisson.
 */
export function logNegBinomialPmf(y: number, mu: number, size: number): number {
  if (mu <= 0) return y === 0 ? 0 : -Infinity;
  if (!Number.isFinite(size)) return y * Math.log(mu) - mu - logGamma(y + 1);
  return (
    logGamma(y + size) -
    logGamma(size) -
    logGamma(y + 1) +
    size * Math.log(size / (size + mu)) +
    y * Math.log(mu / (size + mu))
  );
}

/**
 * The negative-binomial quantile: the least whole y with P(Y ≤ y) ≥ p (R's `qnbinom(p, size,
 * mu = mu)`; `qpois` when size is Infinity). Sums the pmf by its recurrence from a point far
 * enough below the mean that the mass left out is negligible (under 1e-15), so large means do
 * not underflow.
 */
export function negBinomialQuantile(p: number, mu: number, size: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile needs 0 < p < 1, got ${p}`);
  if (!(mu > 0)) return 0;
  const sd = Math.sqrt(mu + (Number.isFinite(size) ? (mu * mu) / size : 0));
  let y = Math.max(0, Math.floor(mu - 10 * sd));
  let pmf = Math.exp(logNegBinomialPmf(y, mu, size));
  let cdf = pmf;
  const ratio = Number.isFinite(size) ? mu / (size + mu) : 1;
  const limit = mu + 60 * sd + 100;
  while (cdf < p && y < limit) {
    // P(y+1)/P(y) = (y + size)/(y + 1) · mu/(size + mu); the Poisson limit is mu/(y + 1).
    pmf *= Number.isFinite(size) ? ((y + size) / (y + 1)) * ratio : mu / (y + 1);
    cdf += pmf;
    y++;
  }
  return y;
}
