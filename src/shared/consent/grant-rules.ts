import type { FieldIssue } from '../api/errors.ts';
import type { ServiceType } from '../codes/service-types.ts';
import type {
  ChildAssent,
  ConsentMethod,
  ConsentPurpose,
  GuardianRelationship,
} from './purposes.ts';
import { CHILD_AGE_LIMIT } from './purposes.ts';

/** What a grant says, as far as the rules below look at it. */
export interface GrantFacts {
  purpose: ConsentPurpose;
  serviceType?: ServiceType | null | undefined;
  method: ConsentMethod;
  guardian?: { relationship: GuardianRelationship; name: string } | null | undefined;
  childAssent?: ChildAssent | null | undefined;
  expiresOn?: string | null | undefined;
}

export interface GrantCircumstances {
  /** Whether the person is under 18 on the day of recording; null when the age is unknown. */
  personIsChild: boolean | null;
  /** The day of recording, YYYY-MM-DD. */
  today: string;
}

const CHILD = `the person is a child (under ${CHILD_AGE_LIMIT})`;

/**
 * The rules a grant must meet, as field issues (empty when it may be recorded):
 * - a service type applies to referral only (none given: all service types);
 * - consent by a guardian names the guardian (relationship and name);
 * - a child's consent is given by a guardian, with the child's own assent recorded alongside
 *   (UN CRC art. 12; IOM Data Protection Principle 4 on the capacity of vulnerable data
 *   subjects); a child's refusal is not overridden by a guardian's consent;
 * - an expiry date is not in the past.
 * An unknown age applies no child rule: the caseworker may still record a guardian and assent.
 */
export function grantIssues(g: GrantFacts, c: GrantCircumstances): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const child = c.personIsChild === true;
  if (g.serviceType && g.purpose !== 'referral') {
    issues.push({ path: 'serviceType', message: 'applies only to the referral purpose' });
  }
  if (child && g.method !== 'guardian') {
    issues.push({ path: 'method', message: `must be guardian: ${CHILD}` });
  }
  if (!g.guardian && (child || g.method === 'guardian')) {
    issues.push({
      path: 'guardian',
      message: child ? `is required: ${CHILD}` : 'is required when a guardian gives consent',
    });
  }
  if (g.guardian && !child && g.method !== 'guardian') {
    issues.push({ path: 'guardian', message: 'is recorded only when the method is guardian' });
  }
  if (child && !g.childAssent) {
    issues.push({ path: 'childAssent', message: `is required: ${CHILD}` });
  } else if (child && g.childAssent === 'refused') {
    issues.push({
      path: 'childAssent',
      message: "is refused: a guardian's consent does not override the child's refusal",
    });
  } else if (g.childAssent && c.personIsChild === false) {
    issues.push({ path: 'childAssent', message: 'applies only to a child' });
  }
  if (g.expiresOn && g.expiresOn < c.today) {
    issues.push({ path: 'expiresOn', message: 'must not be in the past' });
  }
  return issues;
}
