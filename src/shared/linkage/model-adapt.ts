/**
 * Fitting a trained model to the list a caller scores against, without retraining: the prior
 * for the size of that list, and comparisons reduced to what its records can carry. Every
 * change is derived from the model's own m and u; nothing here sets a weight by hand.
 */
import type { Model, ModelComparison } from './model.ts';

/**
 * The prior λ for one record compared with each of `listSize` others: Splink's
 * probability_two_random_records_match, the expected number of matches over the number of
 * pairs compared (Splink, "The Fellegi-Sunter model"; Fellegi & Sunter 1969, the prior odds of
 * a match). Nobody knows whether the person is on the list at all, so each of the `listSize`
 * records and "none of them" are taken as equally likely beforehand: λ = 1 / (listSize + 1),
 * about 1 / listSize for a large list, and even odds against a list of one (or none: there is
 * then nothing to score, and the prior stays a probability below 1).
 */
export function queryPrior(listSize: number): number {
  const n = Number.isFinite(listSize) ? Math.max(1, Math.floor(listSize)) : 1;
  return 1 / (n + 1);
}

/** The model with another prior (a model is trained with the λ of its own training list). */
export function withLambda(model: Model, lambda: number): Model {
  if (!(lambda > 0 && lambda < 1)) throw new RangeError('lambda must be between 0 and 1');
  return { ...model, lambda };
}

/** The model without some comparisons (those the caller's records never carry). */
export function withoutComparisons(model: Model, ids: readonly string[]): Model {
  const drop = new Set(ids);
  return { ...model, comparisons: model.comparisons.filter((c) => !drop.has(c.id)) };
}

const PLACE_AGREEMENT = ['locality', 'admin_area', 'country'];

/**
 * The place comparisons of a model for records that name countries only. A model trained on
 * records with localities has a 'country' level meaning "the country agrees but the locality
 * and region differ", which is evidence against a match; between two records that only name a
 * country, agreement on it is the union of the three agreement levels, so its m and u are their
 * sums (marginalising the finer levels out of P(level | match) and P(level | non-match)). The
 * finer levels cannot occur on such records and get m = u = 0. 'different' and 'missing' stay.
 */
export function countryOnlyPlaces(model: Model): Model {
  const coarsen = (c: ModelComparison): ModelComparison => {
    if (c.kind !== 'place') return c;
    let m = 0;
    let u = 0;
    for (const l of c.levels) {
      if (PLACE_AGREEMENT.includes(l.name)) {
        m += l.m;
        u += l.u;
      }
    }
    const levels = c.levels.map((l) => {
      if (l.name === 'country') return { ...l, m, u };
      if (PLACE_AGREEMENT.includes(l.name)) return { ...l, m: 0, u: 0 };
      return l;
    });
    return { ...c, levels };
  };
  return { ...model, comparisons: model.comparisons.map(coarsen) };
}
