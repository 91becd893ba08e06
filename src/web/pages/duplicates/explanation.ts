import type { FieldComparison } from '../../../shared/linkage/types.ts';

/**
 * Turns the matcher's per-field explanation (src/shared/linkage/types.ts FieldComparison: field,
 * level, log2(m/u) weight) into catalogue keys, so a caseworker reads "Family name: same name
 * in another script (+6.2)" rather than codes. Fields and levels are the engine's
 * (src/shared/linkage/comparisons.ts `fieldOf`, compare.ts, name-adapter.ts), which the server
 * scores with, plus the identifiers the duplicate check compares exactly (documentNumber,
 * phone); a level not known here is described by the sign of its weight, never shown raw.
 */

export const FIELD_KEYS = [
  'givenName',
  'familyName',
  'birth',
  'sex',
  'place',
  'documentNumber',
  'phone',
  'email',
  'other',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export const LEVEL_KEYS = [
  'exact',
  'transliterated',
  'phonetic',
  'similarHigh',
  'similarLow',
  'swapped',
  'subset',
  'yearMonth',
  'swappedDayMonth',
  'oneDigit',
  'yearOnly',
  'yearClose',
  'withinTolerance',
  'locality',
  'adminArea',
  'country',
  'oneEdit',
  'different',
  'missing',
  'agrees',
  'differs',
  'notCompared',
] as const;
export type LevelKey = (typeof LEVEL_KEYS)[number];

const LEVELS: Readonly<Record<string, LevelKey>> = {
  exact: 'exact',
  transliterated: 'transliterated',
  phonetic: 'phonetic',
  fuzzy_high: 'similarHigh',
  'jw_0.92': 'similarHigh',
  fuzzy_low: 'similarLow',
  'jw_0.80': 'similarLow',
  swapped: 'swapped',
  subset: 'subset',
  year_month: 'yearMonth',
  swapped_day_month: 'swappedDayMonth',
  one_digit: 'oneDigit',
  year: 'yearOnly',
  year_plus_minus_1: 'yearClose',
  within_tolerance: 'withinTolerance',
  locality: 'locality',
  admin_area: 'adminArea',
  country: 'country',
  one_edit: 'oneEdit',
  different: 'different',
  missing: 'missing',
};

export interface ExplainedField {
  field: FieldKey;
  level: LevelKey;
  weight: number;
  /** Which way the evidence points: for the same person, against, or neither. */
  direction: 'for' | 'against' | 'neutral';
}

const fieldKey = (field: string): FieldKey =>
  (FIELD_KEYS as readonly string[]).includes(field) && field !== 'other'
    ? (field as FieldKey)
    : 'other';

function levelKey(level: string, weight: number): LevelKey {
  const known = LEVELS[level];
  if (known) return known;
  if (weight > 0) return 'agrees';
  if (weight < 0) return 'differs';
  return 'notCompared';
}

/** The explanation in the order the matcher gave it (strongest evidence first). */
export function explain(fields: readonly FieldComparison[]): ExplainedField[] {
  return fields.map((f) => ({
    field: fieldKey(f.field),
    level: levelKey(f.level, f.weight),
    weight: f.weight,
    direction: f.weight > 0 ? 'for' : f.weight < 0 ? 'against' : 'neutral',
  }));
}

/**
 * A weight with its sign and one decimal: "+6.2", "−3.0" (a real minus sign, U+2212), "0.0".
 * Digits follow the interface language.
 */
export function formatWeight(weight: number, lang: string): string {
  const rounded = Math.round(weight * 10) / 10;
  const digits = new Intl.NumberFormat(lang, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(Math.abs(rounded));
  if (rounded > 0) return `+${digits}`;
  if (rounded < 0) return `\u2212${digits}`;
  return digits;
}

/** A probability as a whole percentage ("97 %" in the interface language), never "100 %" unless exact. */
export function formatProbability(p: number, lang: string): string {
  const clamped = Math.min(1, Math.max(0, p));
  // Rounded down above 0.99 so that a near-certain score never reads as certainty.
  const shown = clamped < 1 && clamped > 0.99 ? Math.floor(clamped * 1000) / 1000 : clamped;
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    maximumFractionDigits: shown > 0.99 && shown < 1 ? 1 : 0,
  }).format(shown);
}

/** Share of the widest bar a weight fills (0–1), against the largest absolute weight shown. */
export function barShare(weight: number, largest: number): number {
  if (largest <= 0) return 0;
  return Math.min(1, Math.abs(weight) / largest);
}
