/**
 * Evaluating and ranking directory search results. Pure; the server fetches candidates and
 * calls `evaluate` and `rankHits` (docs/directory.md, "Search").
 */
import type { EligibilityRules, Mismatch, PersonProfile } from './eligibility.ts';
import { mismatchesOf } from './eligibility.ts';
import type { LatLon } from './geo.ts';
import { haversineKm } from './geo.ts';

export interface Evaluation {
  eligible: boolean;
  mismatches: Mismatch[];
  /** Null when the search gave no starting point. */
  distanceKm: number | null;
  /** True when there is no starting point: no distance limit applies. */
  withinRadius: boolean;
}

export interface SearchPoint {
  from?: LatLon | undefined;
  radiusKm: number;
  person?: PersonProfile | undefined;
}

/** One service against one search: which rules fail, how far it is, whether within reach. */
export function evaluate(service: EligibilityRules & LatLon, search: SearchPoint): Evaluation {
  const mismatches = mismatchesOf(service, search.person);
  const distanceKm = search.from ? haversineKm(search.from, service) : null;
  return {
    eligible: mismatches.length === 0,
    mismatches,
    distanceKm,
    withinRadius: distanceKm === null || distanceKm <= search.radiusKm,
  };
}

/** What ranking needs of a hit. */
export interface Rankable {
  id: string;
  name: string;
  eligible: boolean;
  withinRadius: boolean;
  mismatches: readonly unknown[];
  distanceKm: number | null;
}

// Names compare as a reader expects (case and accents second); code units then id break ties,
// so that the order is total and the same on every machine.
const collator = new Intl.Collator('en', { sensitivity: 'variant', numeric: true });
const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The search order: eligible and within the radius first; then fewer failed rules; then
 * nearer (no distance last); then by name; then by id. A total order: it returns 0 only for
 * hits with the same id.
 */
export function compareHits(a: Rankable, b: Rankable): number {
  const tier = (h: Rankable) => (h.eligible && h.withinRadius ? 0 : 1);
  return (
    tier(a) - tier(b) ||
    a.mismatches.length - b.mismatches.length ||
    compareDistance(a.distanceKm, b.distanceKm) ||
    collator.compare(a.name, b.name) ||
    codeUnits(a.name, b.name) ||
    codeUnits(a.id, b.id)
  );
}

function compareDistance(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy. */
export const rankHits = <T extends Rankable>(hits: readonly T[]): T[] =>
  [...hits].sort(compareHits);
