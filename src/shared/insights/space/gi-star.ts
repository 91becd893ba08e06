import { normalCdf } from '../../hub/dp/normal.ts';
import { InsightsInputError } from '../errors.ts';
import type { GiStar } from '../types.ts';

/**
 * Getis-Ord Gi* (Getis & Ord 1992, Geogr Anal 24:189; Ord & Getis 1995, Geogr Anal 27:286) with
 * binary weights that include the region itself, as a z-score, computed as spdep::localG does
 * for a listw with self included:
 *   Gi* = (Σ_j w_ij x_j − x̄·W_i) / (s·√((n·S1_i − W_i²)/(n − 1)))
 * with x̄ the mean and s² = Σ(x − x̄)²/n over all n regions, W_i = Σ_j w_ij and S1_i = Σ_j w_ij²
 * (both the number of neighbours plus one). A region with no neighbours is compared on its own
 * value: its Gi* is its standardised value (x_i − x̄)/s, "a hot spot of one". The p-value is
 * two-sided from the normal; hot and cold spots are those significant after the Benjamini–
 * Hochberg false-discovery-rate correction (Benjamini & Hochberg 1995, JRSS B 57:289) at `alpha`.
 * When Gi* is undefined — all values equal, or a region neighbouring every other (then its sum
 * is the total, whatever the pattern) — z is 0 and p is 1.
 */
export interface GiStarInput {
  regions: readonly string[];
  values: readonly number[];
  /** Per region, the indices of its neighbours (itself excluded: Gi* adds it). */
  neighbours: readonly (readonly number[])[];
  /** False-discovery rate for hot and cold spots (default 0.05). */
  alpha?: number;
}

/** The length of an array, or −1 for anything else (the input may come from JavaScript). */
const lengthOf = (x: unknown) => (Array.isArray(x) ? x.length : -1);

function fail(message: string, field: string): never {
  throw new InsightsInputError(message, undefined, field);
}

/** Each region's neighbours as a set without itself, after checking the indices. */
function neighbourSets(input: GiStarInput): Set<number>[] {
  const n = input.regions.length;
  if (lengthOf(input.neighbours) !== n) {
    fail(`neighbours must have one list per region (${n})`, 'neighbours');
  }
  return input.neighbours.map((list, i) => {
    const set = new Set<number>();
    for (const j of list) {
      if (!Number.isInteger(j) || j < 0 || j >= n) {
        fail(`neighbour ${j} of region ${input.regions[i]} is not a region index`, 'neighbours');
      }
      if (j !== i) set.add(j);
    }
    return set;
  });
}

/** Benjamini–Hochberg: which p-values are rejected at false-discovery rate `alpha`. */
export function benjaminiHochberg(p: readonly number[], alpha: number): boolean[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]! || a - b);
  let cut = -1;
  order.forEach((i, rank) => {
    if (p[i]! <= ((rank + 1) / m) * alpha) cut = rank;
  });
  const rejected = p.map(() => false);
  for (let rank = 0; rank <= cut; rank++) rejected[order[rank]!] = true;
  return rejected;
}

/** Gi* of every region; throws InsightsInputError on bad input. */
export function giStar(input: GiStarInput): GiStar[] {
  const { regions, values } = input;
  const n = regions.length;
  const alpha = input.alpha ?? 0.05;
  if (!(alpha > 0 && alpha <= 1)) fail('alpha must be above 0 and at most 1', 'alpha');
  if (new Set(regions).size !== n) fail('a region is listed twice', 'regions');
  if (lengthOf(values) !== n) {
    fail(`values must have one number per region (${n})`, 'values');
  }
  values.forEach((x, i) => {
    if (!Number.isFinite(x)) fail(`value of region ${regions[i]} is not a number`, 'values');
  });
  if (n === 0) return [];
  const neighbours = neighbourSets(input);

  const mean = values.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
  const z = values.map((x, i) => {
    const weight = neighbours[i]!.size + 1;
    let sum = x;
    for (const j of neighbours[i]!) sum += values[j]!;
    const variance = (sd * sd * (n * weight - weight * weight)) / (n - 1);
    const zi = (sum - mean * weight) / Math.sqrt(variance);
    // Zero variance (equal values, n = 1, or a region bordering all others): nothing to find.
    return variance > 0 && Number.isFinite(zi) ? zi : 0;
  });
  const p = z.map((zi) => Math.min(1, 2 * normalCdf(-Math.abs(zi))));
  const significant = benjaminiHochberg(p, alpha);
  return regions.map((region, i) => ({
    region,
    value: values[i]!,
    z: z[i]!,
    p: p[i]!,
    hot: significant[i]! && z[i]! > 0,
    cold: significant[i]! && z[i]! < 0,
  }));
}
