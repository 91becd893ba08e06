/**
 * Comparators of single values, each returning an integer level: index 0 is always 'missing'
 * (one side or both lack the value: the comparison then weighs nothing), the last is
 * 'different', and the levels in between go from the strongest agreement to the weakest.
 * Integer levels let the scorer look weights up in a table instead of hashing strings.
 */
import type { PartialDate } from './types.ts';
import { jaroWinkler, withinOneEdit } from './strings.ts';

export const DATE_LEVELS = [
  'missing',
  'exact',
  'year_month',
  'swapped_day_month',
  'one_digit',
  'year',
  'year_plus_minus_1',
  'within_tolerance',
  'different',
] as const;
export const SEX_LEVELS = ['missing', 'exact', 'different'] as const;
export const PLACE_LEVELS = ['missing', 'locality', 'admin_area', 'country', 'different'] as const;
export const STRING_LEVELS = ['missing', 'exact', 'jw_0.92', 'jw_0.80', 'different'] as const;
export const IDENTIFIER_LEVELS = ['missing', 'exact', 'one_edit', 'different'] as const;

const D = {
  missing: 0,
  exact: 1,
  yearMonth: 2,
  swapped: 3,
  oneDigit: 4,
  year: 5,
  pm1: 6,
  tolerance: 7,
  different: 8,
} as const;

/** Digits differing between two full dates written YYYYMMDD. */
function digitDifferences(ya: number, ma: number, da: number, yb: number, mb: number, db: number) {
  let diff = 0;
  let x = ya * 10000 + ma * 100 + da;
  let y = yb * 10000 + mb * 100 + db;
  for (let k = 0; k < 8; k++) {
    if (x % 10 !== y % 10) diff++;
    x = Math.floor(x / 10);
    y = Math.floor(y / 10);
  }
  return diff;
}

/**
 * Compares two dates known to any precision; 0 stands for an unknown year, month or day.
 * `approx` marks a year derived from a stated age, which is compared by tolerance only.
 * Levels follow the errors seen in registrations: a mistyped digit, day and month swapped
 * (DD/MM against MM/DD), a year guessed one off, an age rounded.
 */
export function compareDateParts(
  ya: number,
  ma: number,
  da: number,
  approxA: boolean,
  yb: number,
  mb: number,
  db: number,
  approxB: boolean,
  toleranceYears: number,
): number {
  if (ya === 0 || yb === 0) return D.missing;
  const dy = Math.abs(ya - yb);
  if (!approxA && !approxB) {
    const fullA = ma !== 0 && da !== 0;
    const fullB = mb !== 0 && db !== 0;
    if (fullA && fullB && dy === 0 && ma === mb && da === db) return D.exact;
    if (dy === 0 && ma !== 0 && ma === mb) return D.yearMonth;
    if (fullA && fullB && dy === 0 && da === mb && ma === db) return D.swapped;
    if (fullA && fullB && digitDifferences(ya, ma, da, yb, mb, db) === 1) return D.oneDigit;
  }
  if (dy === 0) return D.year;
  if (dy === 1) return D.pm1;
  if (dy <= toleranceYears) return D.tolerance;
  return D.different;
}

export function compareDates(
  a: PartialDate | null,
  b: PartialDate | null,
  toleranceYears = 3,
): number {
  return compareDateParts(
    a?.year ?? 0,
    a?.month ?? 0,
    a?.day ?? 0,
    false,
    b?.year ?? 0,
    b?.month ?? 0,
    b?.day ?? 0,
    false,
    toleranceYears,
  );
}

export function compareSex(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  return a === b ? 1 : 2;
}

/** Normalised place: '' for unknown parts. */
export interface PlaceKey {
  country: string;
  adminArea: string;
  locality: string;
}

/** The best agreement over every pair of places the two records name. */
export function comparePlaces(a: readonly PlaceKey[], b: readonly PlaceKey[]): number {
  let best = 0;
  for (const p of a) {
    for (const q of b) {
      const countriesConflict = p.country !== '' && q.country !== '' && p.country !== q.country;
      let level = 0;
      if (p.locality !== '' && q.locality !== '' && p.locality === q.locality && !countriesConflict)
        level = 1;
      else if (
        p.adminArea !== '' &&
        q.adminArea !== '' &&
        p.adminArea === q.adminArea &&
        !countriesConflict
      )
        level = 2;
      else if (p.country !== '' && q.country !== '' && !countriesConflict) level = 3;
      else if (
        (p.country !== '' && q.country !== '') ||
        (p.adminArea !== '' && q.adminArea !== '') ||
        (p.locality !== '' && q.locality !== '')
      )
        level = 4;
      if (level !== 0 && (best === 0 || level < best)) best = level;
    }
  }
  return best;
}

/** Generic strings, already normalised: exact, Jaro-Winkler ≥ 0.92, ≥ 0.8, different. */
export function compareStrings(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  const jw = jaroWinkler(a, b);
  return jw >= 0.92 ? 2 : jw >= 0.8 ? 3 : 4;
}

/**
 * Identifiers (document numbers, phones), already normalised: exact, or one typing error
 * apart when long enough that one error does not make another person's number likely.
 */
export function compareIdentifiers(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  if (a.length >= 5 && withinOneEdit(a, b)) return 2;
  return 3;
}

/** Identifier normal form: letters and digits only, upper case. */
export const normaliseIdentifier = (v: string | null | undefined): string =>
  (v ?? '')
    .slice(0, 100)
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toUpperCase();
