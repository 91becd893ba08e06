import type { Region } from '../types.ts';
import { COUNTRY_GEO } from './country-geo-data.ts';

/**
 * Country geometry for the scan statistic and Gi*: a label point and the neighbours of every
 * country Natural Earth 1:50m draws with an ISO 3166-1 alpha-2 code, precomputed by
 * scripts/write-country-geo.ts (which explains the method) so that nothing here reads the
 * boundary files. Antarctica and territories Natural Earth does not draw at 1:50m (e.g. BV, CX,
 * GF, RE, TK, TV) have neither.
 */

const entry = (code: string) => {
  const key = code.toUpperCase();
  return Object.hasOwn(COUNTRY_GEO, key) ? COUNTRY_GEO[key] : undefined;
};

/**
 * The country's label point: the area-weighted centroid of its largest polygon (moved inside
 * along its parallel when the centroid falls outside), or undefined when Natural Earth has no
 * outline for the code.
 */
export function countryCentroid(code: string): { latitude: number; longitude: number } | undefined {
  const e = entry(code);
  return e ? { latitude: e[0], longitude: e[1] } : undefined;
}

/** The countries sharing a land boundary with `code`, alphabetically; none for islands. */
export function countryNeighbours(code: string): readonly string[] {
  const e = entry(code);
  return e && e[2] !== '' ? e[2].split(' ') : [];
}

/**
 * Scan regions for the given codes, in their order: those with a label point become regions
 * (id = the code as given), the rest are listed as unknown (an unassigned code, or a territory
 * too small for Natural Earth 1:50m) so the caller can say which were left out.
 */
export function countryRegions(codes: readonly string[]): { regions: Region[]; unknown: string[] } {
  const regions: Region[] = [];
  const unknown: string[] = [];
  for (const id of codes) {
    const c = countryCentroid(id);
    if (c) regions.push({ id, ...c });
    else unknown.push(id);
  }
  return { regions, unknown };
}
