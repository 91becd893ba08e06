import type { ServiceType } from '../codes/service-types.ts';

/**
 * What a person may consent to, one purpose at a time. HTCDS 2.0 has a single checkbox
 * (`con_Consent`: consent/assent to the interview and to the use of the data); Lantern splits it
 * by purpose because consent is specific to a purpose (IOM Data Protection Principles 2 and 4;
 * GDPR art. 6(1)(a) and 7). See docs/consent.md.
 */
export const CONSENT_PURPOSES = [
  /** Case management and direct assistance by the organisation itself. */
  'assistance',
  /** Passing the minimum necessary data to a service provider, per service type. */
  'referral',
  /** Using the case, de-identified, in statistics and research (k-anonymised publication). */
  'statistics',
  /** Searching for and contacting family members, and being searched for by them. */
  'family_tracing',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** How consent was given. `guardian`: by a parent or guardian, for a child or an adult who cannot. */
export const CONSENT_METHODS = ['verbal', 'written', 'guardian'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Who the guardian is to the person (the guardian's name is stored encrypted). */
export const GUARDIAN_RELATIONSHIPS = [
  'parent',
  'legal_guardian',
  /** Appointed for an unaccompanied child (Directive 2011/36/EU art. 14(2), 16(3)). */
  'appointed_guardian',
  'relative',
  'other',
] as const;
export type GuardianRelationship = (typeof GUARDIAN_RELATIONSHIPS)[number];

/**
 * The child's own assent, recorded next to the guardian's consent (UN CRC art. 12: the child's
 * views are given due weight). `not_possible`: the child is too young or otherwise unable.
 */
export const CHILD_ASSENTS = ['given', 'refused', 'not_possible'] as const;
export type ChildAssent = (typeof CHILD_ASSENTS)[number];

/** Under this age a person is a child (UN CRC art. 1; Palermo Protocol art. 3(d)). */
export const CHILD_AGE_LIMIT = 18;

/**
 * The question a capability asks: "may I use this case for this purpose?". Referral is always
 * asked for one service type.
 */
export type ConsentQuestion =
  | { purpose: 'referral'; serviceType: ServiceType }
  | { purpose: Exclude<ConsentPurpose, 'referral'>; serviceType?: undefined };

const PURPOSE_WORDS: Record<ConsentPurpose, string> = {
  assistance: 'assistance',
  referral: 'referral',
  statistics: 'sharing de-identified data for statistics',
  family_tracing: 'family tracing',
};

/** "referral to shelter", "referral (all service types)", "family tracing": for reasons. */
export function describeSubject(purpose: ConsentPurpose, serviceType: ServiceType | null): string {
  if (purpose !== 'referral') return PURPOSE_WORDS[purpose];
  return serviceType ? `referral to ${serviceType}` : 'referral (all service types)';
}
