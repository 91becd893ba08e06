import type {
  ConsentGrantInput,
  ConsentOverview,
  ConsentRecord,
  ConsentWithdrawInput,
} from '../../shared/api/consent.schema.ts';
import { request } from './client.ts';

const path = (caseId: string, tail = '') => `/cases/${encodeURIComponent(caseId)}/consents${tail}`;

/** Consent by purpose of one case (docs/consent.md). A refused grant is `validation_failed`. */
export const consentApi = {
  /** History (newest first) and today's answer per purpose; the read is audited. */
  overview: (caseId: string) => request<ConsentOverview>('GET', path(caseId)),
  grant: (caseId: string, body: ConsentGrantInput) =>
    request<ConsentRecord>('POST', path(caseId), body),
  /** Withdraw (or record a refusal); a referral without serviceType withdraws every type. */
  withdraw: (caseId: string, body: ConsentWithdrawInput) =>
    request<ConsentRecord>('POST', path(caseId, '/withdraw'), body),
};
