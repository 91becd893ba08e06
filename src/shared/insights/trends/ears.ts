/**
 * EARS C1, C2 and C3 (Hutwagner, Thompson, Seeman & Treadwell 2003, "The bioterrorism
 * preparedness and response Early Aberration Reporting System (EARS)", J Urban Health 80(2)
 * Suppl 1:i89–i96), as the R package `surveillance` computes them (`earsC`, Höhle et al.):
 *
 * - C1: baseline = the 7 periods just before t; statistic (y_t − μ)/σ.
 * - C2: the same with a 2-period guard band, baseline t−9 … t−3.
 * - C3: C3(t) = Σ_{i=t−2..t} max(0, C2(i) − 1), as the `surveillance` documentation defines it
 *   (its code in 1.20.3 puts y_t where the mean belongs in the upper bound, so its C3 bounds are
 *   not reproduced). With carry = Σ_{i=1,2} max(0, C2(t−i) − 1), C3(t) ≥ z exactly when
 *   y_t > μ_t + σ_t·(1 + z − carry); when carry alone reaches z any case alarms (threshold 0).
 * - Critical value z = Φ⁻¹(1 − α) with the CDC's levels that `surveillance` keeps as defaults:
 *   α = 0.001 for C1 and C2 (z ≈ 3.09), α = 0.025 for C3 (z ≈ 1.96).
 *
 * σ floor (our choice, not in `surveillance`, whose `minSigma` defaults to 0): σ is at least the
 * Poisson standard deviation √max(μ, 1). Seven periods give a noisy standard deviation, often far
 * below the count noise; a flat history of zeros would otherwise give σ = 0 and alarm on a single
 * case. With the floor a history of zeros needs 4 cases to alarm at α = 0.001.
 */
import { normalQuantile } from './distributions.ts';
import type { Verdict } from './verdict.ts';

export type EarsVariant = 'C1' | 'C2' | 'C3';

export interface EarsOptions {
  /** One-sided level (default 0.001 for C1 and C2, 0.025 for C3, as `surveillance::earsC`). */
  alpha?: number;
  /** Floor σ at √max(μ, 1) (default true); false reproduces `surveillance` with minSigma = 0. */
  poissonFloor?: boolean;
}

const BASELINE = 7;
const LAG: Record<EarsVariant, number> = { C1: 0, C2: 2, C3: 2 };

/** Periods of history each variant needs before t: 7, 9 and 11. */
export const EARS_MIN_HISTORY: Record<EarsVariant, number> = { C1: 7, C2: 9, C3: 11 };

interface Baseline {
  mu: number;
  sigma: number;
}

function baseline(counts: readonly number[], t: number, lag: number, floor: boolean): Baseline {
  const values = counts.slice(t - lag - BASELINE, t - lag);
  const mu = values.reduce((a, b) => a + b, 0) / BASELINE;
  const variance = values.reduce((a, v) => a + (v - mu) ** 2, 0) / (BASELINE - 1);
  const sd = Math.sqrt(variance);
  return { mu, sigma: floor ? Math.max(sd, Math.sqrt(Math.max(mu, 1))) : sd };
}

/** The C2 statistic at t, 0 when the baseline does not vary at all (σ = 0, no floor). */
const c2Statistic = (counts: readonly number[], t: number, floor: boolean): number => {
  const { mu, sigma } = baseline(counts, t, 2, floor);
  return sigma > 0 ? (counts[t]! - mu) / sigma : 0;
};

/**
 * The EARS verdict at index t of `counts`, or null when fewer than 7 (C1), 9 (C2) or 11 (C3)
 * periods come before t. With σ = 0 (only possible without the floor) the threshold is μ. A count
 * of 0 never alarms.
 */
export function earsAssess(
  counts: readonly number[],
  t: number,
  variant: EarsVariant,
  options: EarsOptions = {},
): Verdict | null {
  if (t < EARS_MIN_HISTORY[variant] || t >= counts.length) return null;
  const z = normalQuantile(1 - (options.alpha ?? (variant === 'C3' ? 0.025 : 0.001)));
  const floor = options.poissonFloor ?? true;
  const { mu, sigma } = baseline(counts, t, LAG[variant], floor);
  let threshold = mu + z * sigma;
  if (variant === 'C3') {
    let carry = 0;
    for (const i of [1, 2]) carry += Math.max(0, c2Statistic(counts, t - i, floor) - 1);
    threshold = carry >= z ? 0 : mu + sigma * (1 + z - carry);
  }
  threshold = Math.max(0, threshold);
  return {
    expected: mu,
    threshold: Math.max(0, threshold),
    alarm: counts[t]! > threshold,
    historyFrom: t - EARS_MIN_HISTORY[variant],
    historyTo: t - 1,
  };
}
