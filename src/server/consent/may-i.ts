import type { ConsentBasis, ConsentEntry, ConsentQuestion } from '../../shared/consent/index.ts';
import { decideConsent, describeSubject } from '../../shared/consent/index.ts';
import type { Tx } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import type { ConsentEntryRow } from './consent.repo.ts';
import { listConsentEntries } from './consent.repo.ts';

/** "May I use this case for this purpose at this instant?" Referral names its service type. */
export type MayIQuestion = ConsentQuestion & { caseId: string; at: Date };

export interface MayIAnswer {
  allowed: boolean;
  /** One English sentence, e.g. "no consent recorded for referral to shelter". No personal data. */
  reason: string;
  basis: ConsentBasis;
  /** The consent record that decided; absent when there is none. */
  consentId?: string;
}

export const toEntry = (r: ConsentEntryRow): ConsentEntry => ({
  id: r.id,
  purpose: r.purpose,
  serviceType: r.serviceType,
  granted: r.granted,
  method: r.method,
  recordedAt: r.recordedAt.toISOString(),
  expiresOn: r.expiresOn,
});

/**
 * The one function every capability asks before using a case for a purpose (Refer before a
 * referral, Reunite before tracing, statistics before publication). It reads the case's
 * consent history in the caller's transaction (so row-level security applies: a case of another
 * organisation has no history and the answer is no) and applies `decideConsent`
 * (src/shared/consent/decide.ts). Reads no identifying data and writes nothing.
 */
export async function mayI(tx: Tx, q: MayIQuestion): Promise<MayIAnswer> {
  if (q.purpose === 'referral' && !q.serviceType) {
    throw new Error('mayI: a referral question names its service type');
  }
  const rows = await listConsentEntries(tx, q.caseId, q.purpose);
  const question: ConsentQuestion =
    q.purpose === 'referral'
      ? { purpose: 'referral', serviceType: q.serviceType }
      : { purpose: q.purpose };
  const d = decideConsent(rows.map(toEntry), question, q.at);
  return {
    allowed: d.allowed,
    reason: d.reason,
    basis: d.basis,
    ...(d.consentId ? { consentId: d.consentId } : {}),
  };
}

/**
 * As `mayI`, but throws 403 `consent_required` when the answer is no. The error's details name
 * the purpose and service type and carry the reason, for the caller's UI to explain.
 */
export async function requireConsent(tx: Tx, q: MayIQuestion): Promise<MayIAnswer> {
  const answer = await mayI(tx, q);
  if (!answer.allowed) {
    const subject = describeSubject(q.purpose, q.serviceType ?? null);
    throw new AppError('consent_required', `Consent is required for ${subject}.`, {
      purpose: q.purpose,
      serviceType: q.serviceType ?? null,
      basis: answer.basis,
      reason: answer.reason,
    });
  }
  return answer;
}
