/**
 * A negative-binomial CUSUM for sustained increases (Hawkins & Olwell 1998, "Cumulative Sum
 * Charts and Charting for Quality Improvement", Springer, §5; Höhle & Paul 2008, "Count data
 * regression charts for the monitoring of surveillance time series", CSDA 52:4357–4368, the
 * chart behind `surveillance::glrnb` with a fixed out-of-control factor).
 *
 * For the period t:
 * 1. The chart watches the `window` periods ending at t (default 6), starting from S = 0.
 * 2. The in-control mean μ0 comes from up to 60 periods before the window: with 36 or more
 *    monthly periods a Poisson log-linear model with one yearly harmonic (sin, cos) and a linear
 *    trend kept only when significant (p < 0.05) and not predicting above the largest count in
 *    the fit (Farrington et al. 1996's guard against extrapolation); otherwise the plain mean.
 * 3. Overdispersion by the method of moments, 1/r = Σ((y − μ)² − μ) / Σμ² (variance μ + μ²/r);
 *    when that is not positive (variance ≤ mean) the counts are taken as Poisson.
 * 4. Out-of-control mean μ1 = κ·μ0 with κ = 2 (a doubling, the middle of the 1.5–4× increases
 *    the chart is meant for). Each period adds the log-likelihood ratio
 *    log f(y; μ1, r) − log f(y; μ0, r) = a·y + c with
 *    a = log(κ(r + μ0)/(r + κμ0)), c = r·log((r + μ0)/(r + κμ0))   (Poisson: a = log κ,
 *    c = −(κ − 1)μ0), S_t = max(0, S_{t−1} + a·y_t + c); an alarm when S_t > h resets S to 0.
 * 5. h = 2.3. Calibrated offline by simulation: on in-control NB series (μ0 from 2 to 50, r from
 *    2 to ∞, 60 periods of baseline, parameters estimated as above, 4,000 windows each) the
 *    last period of a 6-period window alarms 0.5–2.6 % of the time (Poisson with μ0 ≥ 20: under
 *    0.6 %). That is the chart's own default, for use alone. Beside Farrington, in the alerts,
 *    it runs stricter (h = 3.5 over a 3-period window): see PRODUCT_SETTINGS in assess-series.ts.
 *
 * The reported threshold is the count at t that would push S over h: (h − S_{t−1} − c)/a.
 */
import { normalUpperTail } from './distributions.ts';
import { fitPoissonGlm } from './poisson-glm.ts';
import type { Verdict } from './verdict.ts';

export interface NbCusumOptions {
  /** Periods the chart accumulates over, t included (default 6). */
  window?: number;
  /** Out-of-control factor κ > 1 (default 2). */
  kappa?: number;
  /** Decision interval on the log-likelihood-ratio scale (default 2.3). */
  h?: number;
  /** Periods a year, for the harmonic (12 monthly; 1 switches seasonality off). */
  frequency?: number;
}

/** Periods of history the chart needs before t. */
export const NB_CUSUM_MIN_HISTORY = 12;
const MAX_BASELINE = 60;
const SEASONAL_BASELINE = 36;

/** μ0 for the periods `from`…`to` (inclusive) from the baseline counts at `start`… */
function inControlMeans(
  counts: readonly number[],
  start: number,
  end: number,
  to: number,
  frequency: number,
): { fitted: number[]; ahead: number[] } {
  const y = counts.slice(start, end);
  const mean = y.reduce((a, v) => a + v, 0) / y.length;
  const flat = () => ({
    fitted: y.map(() => mean),
    ahead: Array.from({ length: to - end + 1 }, () => mean),
  });
  if (frequency < 2 || y.length < SEASONAL_BASELINE || mean === 0) return flat();
  const row = (i: number, trend: boolean) => {
    const angle = (2 * Math.PI * i) / frequency;
    return [1, Math.sin(angle), Math.cos(angle), ...(trend ? [i - end] : [])];
  };
  const predict = (beta: readonly number[], i: number, trend: boolean) =>
    Math.exp(row(i, trend).reduce((s, v, j) => s + v * beta[j]!, 0));
  const fitWith = (trend: boolean) => {
    const x = y.map((_, k) => row(start + k, trend));
    return fitPoissonGlm(x, y);
  };
  let trend = true;
  let fit = fitWith(true);
  const n = y.length;
  const chi2 = y.reduce((a, v, k) => a + (v - fit.fitted[k]!) ** 2 / fit.fitted[k]!, 0);
  const phi = Math.max(1, chi2 / (n - 4));
  const se = Math.sqrt(phi * fit.covariance[3]![3]!);
  const p = se > 0 ? 2 * normalUpperTail(Math.abs(fit.coefficients[3]! / se)) : 1;
  const highest = Math.max(...y);
  const overshoots = predict(fit.coefficients, to, true) > highest;
  if (!(p < 0.05) || overshoots) {
    trend = false;
    fit = fitWith(false);
  }
  const ahead: number[] = [];
  for (let i = end; i <= to; i++) ahead.push(predict(fit.coefficients, i, trend));
  return { fitted: fit.fitted, ahead };
}

/**
 * The NB CUSUM verdict at index t, or null when fewer than 12 periods come before t.
 * `expected` is μ0 at t.
 */
export function nbCusumAssess(
  counts: readonly number[],
  t: number,
  options: NbCusumOptions = {},
): Verdict | null {
  if (t < NB_CUSUM_MIN_HISTORY || t >= counts.length) return null;
  const window = Math.max(1, Math.min(options.window ?? 6, t - 6));
  const kappa = options.kappa ?? 2;
  const h = options.h ?? 2.3;
  const first = t - window + 1;
  const start = Math.max(0, first - MAX_BASELINE);
  const baseline = counts.slice(start, first);
  const { fitted, ahead } = inControlMeans(counts, start, first, t, options.frequency ?? 12);

  let excess = 0;
  let squares = 0;
  baseline.forEach((y, k) => {
    excess += (y - fitted[k]!) ** 2 - fitted[k]!;
    squares += fitted[k]! ** 2;
  });
  const size = excess > 0 && squares > 0 ? squares / excess : Infinity;

  const step = (mu0: number): { a: number; c: number } => {
    if (!Number.isFinite(size)) return { a: Math.log(kappa), c: -(kappa - 1) * mu0 };
    const ratio = (size + mu0) / (size + kappa * mu0);
    return { a: Math.log(kappa * ratio), c: size * Math.log(ratio) };
  };

  let s = 0;
  let threshold = 0;
  let alarm = false;
  for (let i = first; i <= t; i++) {
    const { a, c } = step(ahead[i - first]!);
    threshold = (h - s - c) / a;
    s = Math.max(0, s + a * counts[i]! + c);
    alarm = s > h;
    if (alarm) s = 0;
  }
  return {
    expected: ahead[ahead.length - 1]!,
    threshold,
    alarm,
    historyFrom: start,
    historyTo: t - 1,
  };
}
