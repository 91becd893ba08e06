/**
 * The normal distribution and the privacy curve of the Gaussian mechanism, in double precision
 * (no library needed). Used to calibrate noise and thresholds; see docs/differential-privacy.md.
 */

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erfc(x) for x ≥ 0: the positive series erf(x) = 2/√π·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3···(2n+1))
 * below 3 (no cancellation), and the continued fraction of Abramowitz & Stegun 7.1.14 above,
 * which keeps full relative precision far into the tail.
 */
function erfcPositive(x: number): number {
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x * x) * sum;
  }
  let f = x;
  for (let n = 60; n >= 1; n--) f = x + n / 2 / f;
  return Math.exp(-x * x) / SQRT_PI / f;
}

/** Φ(x), the standard normal distribution function, accurate in both tails. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const z = Math.abs(x) / Math.SQRT2;
  const tail = erfcPositive(z) / 2;
  return x < 0 ? tail : 1 - tail;
}

/** The standard normal density. */
function normalPdf(x: number): number {
  return Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
}

/**
 * Φ⁻¹(p): Acklam's rational approximation (relative error 1.15e-9) refined by one Halley step
 * on `normalCdf`, which brings it to near double precision.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return Number.NaN;
  }
  if (p > 0.5) return -normalQuantile(1 - p);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  }
  const e = normalCdf(x) - p;
  const u = e / normalPdf(x);
  return x - u / (1 + (x * u) / 2);
}

/**
 * The δ at which a mechanism that is μ-GDP is (ε, δ)-differentially private:
 * δ(ε) = Φ(−ε/μ + μ/2) − e^ε·Φ(−ε/μ − μ/2). This is the exact privacy curve of the Gaussian
 * mechanism with sensitivity-to-noise ratio μ (Balle & Wang, "Improving the Gaussian mechanism
 * for differential privacy", ICML 2018, Theorem 8; Dong, Roth & Su, "Gaussian differential
 * privacy", JRSS-B 2022, Corollary 2.13).
 */
export function gaussianDelta(epsilon: number, mu: number): number {
  if (mu <= 0) return 0;
  const first = normalCdf(-epsilon / mu + mu / 2);
  const tail = normalCdf(-epsilon / mu - mu / 2);
  const second = tail > 0 ? Math.exp(epsilon + Math.log(tail)) : 0;
  return Math.max(0, first - second);
}

/**
 * The largest μ for which a μ-GDP mechanism is (ε, δ)-DP — the "analytic Gaussian mechanism"
 * calibration of Balle & Wang (2018, Algorithm 1), solved here by bisection on the exact curve
 * (δ grows with μ). A Gaussian mechanism with L2 sensitivity Δ and noise σ is (Δ/σ)-GDP.
 */
export function gaussianMu(epsilon: number, delta: number): number {
  let lo = 1e-9;
  let hi = 1;
  while (gaussianDelta(epsilon, hi) < delta) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (gaussianDelta(epsilon, mid) <= delta) lo = mid;
    else hi = mid;
  }
  return lo;
}
