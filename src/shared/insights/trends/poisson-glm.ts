/**
 * A Poisson log-linear model fitted by iteratively reweighted least squares (McCullagh & Nelder
 * 1989, §2.5), with prior weights: the engine under the Farrington baseline and the CUSUM's
 * in-control mean. Quasi-Poisson inference (the dispersion φ) is left to the caller, who has the
 * fitted means, the unscaled covariance and the leverages it needs.
 */

export interface PoissonFit {
  coefficients: number[];
  /** Fitted means, one per row. */
  fitted: number[];
  /** (XᵀWX)⁻¹ at convergence: multiply by φ for the quasi-Poisson covariance. */
  covariance: number[][];
  /** Diagonal of the hat matrix W½X(XᵀWX)⁻¹XᵀW½ (prior weights included). */
  leverage: number[];
}

const MAX_ITERATIONS = 50;
// A log mean below −30 (about 1e-13 cases) is zero for every purpose here; the cap keeps a level
// whose counts are all zero (where the maximum-likelihood coefficient is −∞) finite.
const MIN_LOG_MEAN = -30;
const MAX_LOG_MEAN = 30;

/** Solves the symmetric positive semi-definite system A·x = b (A is copied) and returns A⁻¹ too. */
function solveAndInvert(a: number[][], b: number[]): { x: number[]; inverse: number[][] } {
  const p = b.length;
  // A tiny ridge (relative to the largest diagonal term) keeps a column that carries no weight,
  // a level of zeros, from making the matrix singular; it moves nothing else measurably.
  const scale = Math.max(...a.map((row, i) => row[i]!), 1e-300);
  const m = a.map((row, i) => [
    ...row.map((v, j) => (i === j ? v + scale * 1e-10 : v)),
    b[i]!,
    ...Array.from({ length: p }, (_, j) => (i === j ? 1 : 0)),
  ]);
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) {
      if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    }
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const row = m[col]!;
    const d = row[col]!;
    for (let j = 0; j < row.length; j++) row[j] = row[j]! / d;
    for (let r = 0; r < p; r++) {
      if (r === col) continue;
      const other = m[r]!;
      const f = other[col]!;
      if (f === 0) continue;
      for (let j = 0; j < row.length; j++) other[j] = other[j]! - f * row[j]!;
    }
  }
  return { x: m.map((row) => row[p]!), inverse: m.map((row) => row.slice(p + 1)) };
}

/**
 * Fits log E[y] = Xβ by maximum (weighted) Poisson likelihood. `x` has one row per count;
 * `weights` defaults to 1 each. Counts must be finite and ≥ 0.
 */
export function fitPoissonGlm(
  x: readonly (readonly number[])[],
  y: readonly number[],
  weights?: readonly number[],
): PoissonFit {
  const n = y.length;
  const p = x[0]?.length ?? 0;
  const w = weights ?? y.map(() => 1);
  // Start as R's glm does: μ = y + 0.1 (so log μ is finite), η = log μ.
  let eta = y.map((v) => Math.log(v + 0.1));
  let beta: number[] = Array.from({ length: p }, () => 0);
  let covariance: number[][] = [];
  let deviance = Infinity;
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    const xtwx = Array.from({ length: p }, () => Array.from({ length: p }, () => 0));
    const xtwz: number[] = Array.from({ length: p }, () => 0);
    for (let i = 0; i < n; i++) {
      const mu = Math.exp(eta[i]!);
      const wi = w[i]! * mu;
      const z = eta[i]! + (y[i]! - mu) / mu;
      const row = x[i]!;
      for (let a = 0; a < p; a++) {
        const wa = wi * row[a]!;
        xtwz[a] = xtwz[a]! + wa * z;
        const target = xtwx[a]!;
        for (let b = 0; b < p; b++) target[b] = target[b]! + wa * row[b]!;
      }
    }
    const solved = solveAndInvert(xtwx, xtwz);
    beta = solved.x;
    covariance = solved.inverse;
    eta = x.map((row) => {
      const e = row.reduce((s, v, j) => s + v * beta[j]!, 0);
      return Math.min(MAX_LOG_MEAN, Math.max(MIN_LOG_MEAN, e));
    });
    let dev = 0;
    for (let i = 0; i < n; i++) {
      const mu = Math.exp(eta[i]!);
      const yi = y[i]!;
      dev += 2 * w[i]! * ((yi > 0 ? yi * Math.log(yi / mu) : 0) - (yi - mu));
    }
    // R's glm.control: stop when the relative change in deviance is below 1e-8.
    const done = Math.abs(dev - deviance) / (Math.abs(dev) + 0.1) < 1e-8;
    deviance = dev;
    if (done) break;
  }
  const fitted = eta.map((e) => Math.exp(e));
  const leverage = x.map((row, i) => {
    let q = 0;
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (let b = 0; b < p; b++) s += covariance[a]![b]! * row[b]!;
      q += row[a]! * s;
    }
    return w[i]! * fitted[i]! * q;
  });
  return { coefficients: beta, fitted, covariance, leverage };
}
