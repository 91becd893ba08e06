/**
 * Whether a service fits a person, rule by rule. Pure: the search, the referral form and the
 * unmet-needs metric ask the same question the same way.
 *
 * Unknown is not a mismatch: a person whose age is not given is not refused for an age range,
 * and a service that states no languages is not refused for a language. The caseworker sees
 * the service and asks; excluding it silently could hide the only place that would help.
 */
import type { Gender, TraffickingStatus } from '../codes/htcds.ts';

/** The rules a service can fail, in the order they are reported. */
export const MISMATCHES = [
  'age',
  'gender',
  'nationality',
  'status',
  'language',
  'capacity',
] as const;
export type Mismatch = (typeof MISMATCHES)[number];

/** A service's eligibility and places, as stored (empty list or null: no restriction). */
export interface EligibilityRules {
  ageMin: number | null;
  ageMax: number | null;
  genders: readonly string[];
  nationalities: readonly string[];
  statuses: readonly string[];
  languages: readonly string[];
  capacityAvailable: number | null;
}

/** What is known of the person being referred; anything may be missing. */
export interface PersonProfile {
  age?: number | undefined;
  gender?: Gender | undefined;
  /** ISO 3166-1 alpha-2 */
  nationality?: string | undefined;
  status?: TraffickingStatus | undefined;
  /** ISO 639-1 */
  language?: string | undefined;
}

const outside = (list: readonly string[], value: string | undefined) =>
  value !== undefined && list.length > 0 && !list.includes(value);

/** The rules the service fails for this person, in MISMATCHES order; empty: eligible. */
export function mismatchesOf(rules: EligibilityRules, person: PersonProfile = {}): Mismatch[] {
  const out: Mismatch[] = [];
  const { age } = person;
  if (
    age !== undefined &&
    ((rules.ageMin !== null && age < rules.ageMin) || (rules.ageMax !== null && age > rules.ageMax))
  ) {
    out.push('age');
  }
  if (outside(rules.genders, person.gender)) out.push('gender');
  if (outside(rules.nationalities, person.nationality)) out.push('nationality');
  if (outside(rules.statuses, person.status)) out.push('status');
  if (outside(rules.languages, person.language)) out.push('language');
  // Null places: the service is not limited by places (legal aid, say).
  if (rules.capacityAvailable !== null && rules.capacityAvailable <= 0) out.push('capacity');
  return out;
}
