/**
 * The improved Farrington algorithm ("Farrington flexible"): Farrington, Andrews, Beale &
 * Catchpole 1996, "A statistical algorithm for the early detection of outbreaks of infectious
 * disease", JRSS A 159:547–563, with the changes of Noufaily, Enki, Farrington, Garthwaite,
 * Andrews & Charlett 2013, "An improved algorithm for outbreak detection in multiple
 * surveillance systems", Stat Med 32:1206–1222. The data selection, factor blocks, reweighting
 * and threshold follow the R package `surveillance` (`farringtonFlexible`, version 1.20.3), so
 * its numbers can be reproduced (see farrington.test.ts).
 *
 * For the period t of a monthly series (12 periods a year):
 * 1. Reference data: every period from t − 12b − w up to t − 1 − pastPeriodsNotIncluded, with
 *    b = min(5, ⌊t/12⌋) years (at least 3) and w = 3. Periods within ±w of t's calendar position
 *    form one level of a seasonal factor; each stretch between two windows is cut into
 *    noPeriods − 1 blocks, one level each (Noufaily §3.2; noPeriods = 10).
 * 2. Quasi-Poisson GLM, log link, fitted by IRLS: log μ = α + β·time + γ_level.
 * 3. φ = max(1, Pearson X²/(n − p)). Anscombe residuals s_i above 2.58 (Noufaily §3.3) get
 *    weight ∝ s_i⁻², the others a common weight, normalised to sum to n; the model is refitted.
 * 4. The trend is kept only when b ≥ 3, it is significant (p < 0.05; the normal approximation
 *    of R's t-test) and its prediction does not exceed the largest reference count (Farrington
 *    1996 §3.4); otherwise steps 2–3 run again without it.
 * 5. Threshold U = the 1 − α quantile of the negative binomial with mean μ̂_t and variance φμ̂_t
 *    (Noufaily §3.4, `thresholdMethod = "nbPlugin"`); Poisson when φ = 1. α = 0.01 by default
 *    (one-sided), R's default; the alerts use 0.005 beside the NB CUSUM (PRODUCT_SETTINGS in
 *    assess-series.ts).
 * 6. Farrington's "5 cases in the last 4 periods" rule (`limit54`): no alarm unless the period
 *    and the 3 before it hold at least 5 cases. It is folded into the threshold reported:
 *    max(U, 4 − cases in the 3 previous periods), so `observed > threshold` is the alarm.
 */
import { negBinomialQuantile, normalUpperTail } from './distributions.ts';
import { fitPoissonGlm, type PoissonFit } from './poisson-glm.ts';
import type { Verdict } from './verdict.ts';

export interface FarringtonOptions {
  /** Years back (default 5, or as many whole years as the history holds; at least 3). */
  b?: number;
  /** Half-width of the seasonal window in periods (default 3). */
  w?: number;
  /** Seasonal factor levels (default 10, Noufaily); 1 = the original windows-only design. */
  noPeriods?: number;
  /** Recent periods left out of the reference data (default w). */
  pastPeriodsNotIncluded?: number;
  /** One-sided level of the threshold (default 0.01). */
  alpha?: number;
  /** Anscombe residual above which a reference count is down-weighted (default 2.58). */
  weightsThreshold?: number;
  /** Cases needed in the last `limitPeriods` periods for an alarm (default 5, in 4). */
  limitCases?: number;
  limitPeriods?: number;
}

/** Reference data needs this many whole years before t. */
export const FARRINGTON_MIN_YEARS = 3;
const FREQUENCY = 12;
/** Fewer reference cases than this carry no usable model; the caller falls back to EARS. */
const MIN_REFERENCE_CASES = 5;

interface Reference {
  index: number[];
  level: number[];
  levels: number;
}

/** Step 1: the reference periods and their seasonal level (level `levels − 1` = the windows). */
function reference(
  t: number,
  b: number,
  w: number,
  noPeriods: number,
  excluded: number,
): Reference {
  const level = new Map<number, number>();
  const windowLevel = noPeriods - 1;
  for (let year = 1; year <= b; year++) {
    const ref = t - FREQUENCY * year;
    for (let i = ref - w; i <= ref + w; i++) level.set(i, windowLevel);
    if (noPeriods === 1) continue;
    // The stretch from this window to the next (or to t's own window), as `surveillance::blocks`.
    const stretch = FREQUENCY - 2 * w - 1;
    const base = Math.floor(stretch / (noPeriods - 1));
    const rest = stretch % (noPeriods - 1);
    let at = ref + w + 1;
    for (let j = 0; j < noPeriods - 1; j++) {
      const length = base + (j < rest ? 1 : 0);
      for (let k = 0; k < length; k++) level.set(at++, j);
    }
  }
  // t's own window, the part before t (left out by default: pastPeriodsNotIncluded = w).
  for (let i = t - w; i < t; i++) level.set(i, windowLevel);
  const index: number[] = [];
  const levels: number[] = [];
  for (let i = Math.max(0, t - FREQUENCY * b - w); i < t - excluded; i++) {
    const l = level.get(i);
    if (l === undefined) continue;
    index.push(i);
    levels.push(l);
  }
  return { index, level: levels, levels: noPeriods };
}

/** The design matrix: intercept, one dummy per level present other than the windows, trend. */
function design(ref: Reference, trend: boolean): { x: number[][]; present: number[] } {
  const present = [...new Set(ref.level)].filter((l) => l !== ref.levels - 1).sort((a, b) => a - b);
  const x = ref.index.map((i, r) => [
    1,
    ...present.map((l) => (ref.level[r] === l ? 1 : 0)),
    ...(trend ? [i] : []),
  ]);
  return { x, present };
}

interface Model {
  fit: PoissonFit;
  phi: number;
  /** Linear predictor at t (the windows' level). */
  muT: number;
  trendP: number;
}

/** Steps 2–3: fit, dispersion, Anscombe reweighting, refit. */
function fitModel(
  ref: Reference,
  y: readonly number[],
  t: number,
  trend: boolean,
  weightsThreshold: number,
): Model {
  const { x } = design(ref, trend);
  const n = y.length;
  const p = x[0]!.length;
  const dispersion = (fit: PoissonFit, weights: readonly number[]): number => {
    let chi2 = 0;
    for (let i = 0; i < n; i++)
      chi2 += (weights[i]! * (y[i]! - fit.fitted[i]!) ** 2) / fit.fitted[i]!;
    return n > p ? Math.max(1, chi2 / (n - p)) : 1;
  };
  const ones = y.map(() => 1);
  const first = fitPoissonGlm(x, y, ones);
  const phi0 = dispersion(first, ones);
  // Anscombe residuals (McCullagh & Nelder §2.4.2), standardised by φ and the leverage.
  const s = y.map((yi, i) => {
    const mu = first.fitted[i]!;
    const raw = 1.5 * (yi ** (2 / 3) * mu ** (-1 / 6) - Math.sqrt(mu));
    return raw / Math.sqrt(phi0 * Math.max(1e-12, 1 - first.leverage[i]!));
  });
  const high = s.map((v) => v > weightsThreshold);
  const raw = s.map((v, i) => (high[i] ? v ** -2 : 1));
  const gamma = n / raw.reduce((a, v) => a + v, 0);
  const weights = raw.map((v) => gamma * v);
  const fit = fitPoissonGlm(x, y, weights);
  const phi = dispersion(fit, weights);
  const last = fit.coefficients.length - 1;
  const muT = Math.exp(fit.coefficients[0]! + (trend ? fit.coefficients[last]! * t : 0));
  let trendP = 1;
  if (trend) {
    const se = Math.sqrt(phi * fit.covariance[last]![last]!);
    trendP = se > 0 ? 2 * normalUpperTail(Math.abs(fit.coefficients[last]! / se)) : 1;
  }
  return { fit, phi, muT, trendP };
}

/**
 * The Farrington-flexible verdict at index t of a monthly series, or null when fewer than 3
 * years come before t or the reference data hold fewer than 5 cases (no model to fit).
 */
export function farringtonAssess(
  counts: readonly number[],
  t: number,
  options: FarringtonOptions = {},
): Verdict | null {
  if (t >= counts.length) return null;
  const b = Math.min(options.b ?? 5, Math.floor(t / FREQUENCY));
  if (b < FARRINGTON_MIN_YEARS) return null;
  const w = options.w ?? 3;
  const noPeriods = Math.min(options.noPeriods ?? 10, FREQUENCY - 2 * w);
  const excluded = options.pastPeriodsNotIncluded ?? w;
  const ref = reference(t, b, w, noPeriods, excluded);
  const y = ref.index.map((i) => counts[i]!);
  if (y.reduce((a, v) => a + v, 0) < MIN_REFERENCE_CASES) return null;
  const weightsThreshold = options.weightsThreshold ?? 2.58;

  let model = fitModel(ref, y, t, true, weightsThreshold);
  const keepTrend = model.trendP < 0.05 && model.muT <= Math.max(...y);
  if (!keepTrend) model = fitModel(ref, y, t, false, weightsThreshold);

  const mu = model.muT;
  const alpha = options.alpha ?? 0.01;
  const size = model.phi > 1 ? mu / (model.phi - 1) : Infinity;
  const upper = negBinomialQuantile(1 - alpha, mu, size);
  const limitPeriods = options.limitPeriods ?? 4;
  let previous = 0;
  for (let i = Math.max(0, t - limitPeriods + 1); i < t; i++) previous += counts[i]!;
  const threshold = Math.max(upper, (options.limitCases ?? 5) - 1 - previous);
  return {
    expected: mu,
    threshold,
    alarm: counts[t]! > threshold,
    historyFrom: ref.index[0]!,
    historyTo: ref.index[ref.index.length - 1]!,
  };
}
