import type { ServiceType } from '../codes/service-types.ts';
import type { ConsentMethod, ConsentPurpose, ConsentQuestion } from './purposes.ts';
import { describeSubject } from './purposes.ts';

/** One entry of a case's consent history: a grant, or a withdrawal (`granted: false`). */
export interface ConsentEntry {
  id: string;
  purpose: ConsentPurpose;
  /** Referral only: one service type, or null for all service types. */
  serviceType: ServiceType | null;
  granted: boolean;
  method: ConsentMethod | null;
  /** ISO 8601 instant. */
  recordedAt: string;
  /** Last day (YYYY-MM-DD, UTC) on which a grant holds; null: until withdrawn. */
  expiresOn: string | null;
}

/**
 * Why the answer is what it is. `refused`: the deciding entry is a withdrawal with no grant
 * before it (the person said no when asked); `withdrawn`: it ended an earlier grant.
 */
export const CONSENT_BASES = ['granted', 'withdrawn', 'refused', 'expired', 'none'] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];

export interface ConsentDecision {
  allowed: boolean;
  basis: ConsentBasis;
  /** One English sentence naming the purpose and the deciding entry; never personal data. */
  reason: string;
  /** The entry that decided, absent when none applies. */
  consentId?: string;
  /** The deciding grant's expiry, when it has one. */
  expiresOn?: string;
}

/** Whether an entry speaks about the question: same purpose and, for referral, the asked service type or all. */
const covers = (e: ConsentEntry, q: ConsentQuestion): boolean =>
  e.purpose === q.purpose &&
  (q.purpose !== 'referral' || e.serviceType === null || e.serviceType === q.serviceType);

const day = (iso: string) => iso.slice(0, 10);

/**
 * Decides a consent question over a case's history at an instant. The rule, in full:
 * entries recorded after `at` are ignored; of the rest, the latest entry that covers the
 * question wins (for referral, an entry for the asked service type or for all service types);
 * a withdrawal ends consent; a grant whose `expiresOn` is before `at`'s day has expired (it does
 * not fall back to an older grant: renewing consent means recording it again). Entries recorded
 * at the same instant keep their order in `history` (oldest first).
 */
export function decideConsent(
  history: readonly ConsentEntry[],
  question: ConsentQuestion,
  at: Date,
): ConsentDecision {
  const asked = describeSubject(question.purpose, question.serviceType ?? null);
  const t = at.getTime();
  const relevant = history
    .filter((e) => covers(e, question) && Date.parse(e.recordedAt) <= t)
    // Array.prototype.sort is stable: ties keep their recording order.
    .sort((x, y) => Date.parse(x.recordedAt) - Date.parse(y.recordedAt));
  const last = relevant[relevant.length - 1];
  if (!last) return { allowed: false, basis: 'none', reason: `no consent recorded for ${asked}` };

  const broader =
    question.purpose === 'referral' && last.serviceType === null
      ? ' (it covered all service types)'
      : '';
  const on = day(last.recordedAt);
  if (!last.granted) {
    const endedGrant = relevant.slice(0, -1).some((e) => e.granted);
    return endedGrant
      ? {
          allowed: false,
          basis: 'withdrawn',
          reason: `consent for ${asked} was withdrawn on ${on}${broader}`,
          consentId: last.id,
        }
      : {
          allowed: false,
          basis: 'refused',
          reason: `consent for ${asked} was refused on ${on}${broader}`,
          consentId: last.id,
        };
  }
  const how = last.method ? ` (${last.method})` : '';
  if (last.expiresOn !== null && day(at.toISOString()) > last.expiresOn) {
    return {
      allowed: false,
      basis: 'expired',
      reason: `consent for ${asked} given on ${on}${how} expired after ${last.expiresOn}${broader}`,
      consentId: last.id,
      expiresOn: last.expiresOn,
    };
  }
  const until = last.expiresOn ? `, valid until ${last.expiresOn}` : '';
  return {
    allowed: true,
    basis: 'granted',
    reason: `consent for ${asked} given on ${on}${how}${until}${broader}`,
    consentId: last.id,
    ...(last.expiresOn ? { expiresOn: last.expiresOn } : {}),
  };
}
