/**
 * Reintegration outcome at case closure: Lantern's code list, built on IOM's definition —
 * "sustainable reintegration is achieved when returnees have reached levels of economic
 * self-sufficiency, social stability, and psychosocial well-being that make their further
 * migration decisions a matter of choice, rather than necessity" (IOM, Reintegration Handbook:
 * practical guidance on the design, implementation and monitoring of reintegration assistance,
 * 2019, module 1). The caseworker rates each of the handbook's three dimensions; the overall
 * outcome is derived, never entered, so that it cannot contradict them. The handbook's
 * Reintegration Sustainability Survey scores are not reproduced here.
 */

export const REINTEGRATION_DIMENSIONS = ['economic', 'social', 'psychosocial'] as const;
export type ReintegrationDimension = (typeof REINTEGRATION_DIMENSIONS)[number];

/** How far one dimension has been reached at closure. */
export const REINTEGRATION_LEVELS = [
  'Reached',
  'PartlyReached',
  'NotReached',
  'NotAssessed',
] as const;
export type ReintegrationLevel = (typeof REINTEGRATION_LEVELS)[number];

/** The overall outcome derived from the three dimensions. */
export const REINTEGRATION_OUTCOMES = [
  'Sustainable',
  'Partial',
  'NotReintegrated',
  'NotAssessed',
] as const;
export type ReintegrationOutcome = (typeof REINTEGRATION_OUTCOMES)[number];

export type ReintegrationRatings = Record<ReintegrationDimension, ReintegrationLevel>;

/**
 * Sustainable only when all three dimensions are reached (the handbook's definition needs all
 * three); not assessed when none was assessed; not reintegrated when no assessed dimension is
 * even partly reached; partial otherwise.
 */
export function reintegrationOutcome(r: ReintegrationRatings): ReintegrationOutcome {
  const levels = REINTEGRATION_DIMENSIONS.map((d) => r[d]);
  if (levels.every((l) => l === 'Reached')) return 'Sustainable';
  const assessed = levels.filter((l) => l !== 'NotAssessed');
  if (assessed.length === 0) return 'NotAssessed';
  if (assessed.every((l) => l === 'NotReached')) return 'NotReintegrated';
  return 'Partial';
}
