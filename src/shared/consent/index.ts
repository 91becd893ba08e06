/**
 * Consent by purpose (Assist): code lists, the rules a grant must meet, and the one decision
 * function over a case's consent history. Pure; the server's `mayI` asks it. See docs/consent.md.
 */
export { CONSENT_BASES, decideConsent } from './decide.ts';
export type { ConsentBasis, ConsentDecision, ConsentEntry } from './decide.ts';
export { grantIssues } from './grant-rules.ts';
export type { GrantCircumstances, GrantFacts } from './grant-rules.ts';
export {
  CHILD_AGE_LIMIT,
  CHILD_ASSENTS,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  GUARDIAN_RELATIONSHIPS,
  describeSubject,
} from './purposes.ts';
export type {
  ChildAssent,
  ConsentMethod,
  ConsentPurpose,
  ConsentQuestion,
  GuardianRelationship,
} from './purposes.ts';
