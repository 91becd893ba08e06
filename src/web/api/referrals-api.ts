import type { UnmetNeed, UnmetNeedInput } from '../../shared/api/referral-metrics.schema.ts';
import type {
  CompleteBody,
  DeclineBody,
  InboxDetail,
  InboxList,
  ReferralCreateBody,
  ReferralDetail,
  ReferralEvent,
  ReferralList,
  ReferralPatchBody,
  WithdrawBody,
} from '../../shared/api/referrals.schema.ts';
import type { ReferralStatus } from '../../shared/referrals/lifecycle.ts';
import { request } from './client.ts';

const one = (id: string, tail = '') => `/referrals/${encodeURIComponent(id)}${tail}`;
const inboxOne = (id: string) => `/referrals/inbox/${encodeURIComponent(id)}`;

/** `?status=a,b&caseId=…`: codes and ids only, never anything about the person. */
function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) q.set(key, value);
  const s = q.toString();
  return s ? `?${s}` : '';
}

type WithVersion = { version?: number };
/** After an answer: the provider's view, or the sender's when it recorded an external one's. */
type AnswerView = ReferralDetail | InboxDetail;

/**
 * Referrals (docs/referrals.md): the sender's side (drafts, sending, withdrawing, and answers of
 * an external provider recorded on its behalf) and the receiving provider's inbox. Every write
 * carries the version last read; someone else's change in between is `409 conflict`.
 */
export const referralsApi = {
  list: (filter: { caseId?: string; status?: readonly ReferralStatus[]; cursor?: string }) =>
    request<ReferralList>(
      'GET',
      `/referrals${query({
        caseId: filter.caseId,
        status: filter.status?.join(','),
        cursor: filter.cursor,
        limit: '50',
      })}`,
    ),
  get: (id: string) => request<ReferralDetail>('GET', one(id)),
  /** A draft; the chosen fields are checked against the service type at once. */
  create: (body: Omit<ReferralCreateBody, 'urgency' | 'stated'> & Partial<ReferralCreateBody>) =>
    request<ReferralDetail>('POST', '/referrals', body),
  update: (id: string, body: ReferralPatchBody) => request<ReferralDetail>('PATCH', one(id), body),
  /** Refused with 403 `consent_required` (details.serviceType) when consent does not cover it. */
  send: (id: string, body: WithVersion) => request<ReferralDetail>('POST', one(id, '/send'), body),
  withdraw: (id: string, body: WithdrawBody) =>
    request<ReferralDetail>('POST', one(id, '/withdraw'), body),
  /** Also the sender's way to record an external provider's answer. */
  accept: (id: string, body: WithVersion) => request<AnswerView>('POST', one(id, '/accept'), body),
  decline: (id: string, body: DeclineBody) =>
    request<AnswerView>('POST', one(id, '/decline'), body),
  start: (id: string, body: WithVersion) => request<AnswerView>('POST', one(id, '/start'), body),
  complete: (id: string, body: CompleteBody) =>
    request<AnswerView>('POST', one(id, '/complete'), body),
  message: (id: string, text: string) =>
    request<ReferralEvent>('POST', one(id, '/messages'), { text }),
  /**
   * Records that a search for the case found no eligible service in range (an unmet need for
   * the pathway metrics); the same case and type within 24 hours is one gap (`duplicate`).
   */
  recordUnmetNeed: (body: UnmetNeedInput) =>
    request<UnmetNeed>('POST', '/referrals/unmet-needs', body),

  inbox: (filter: { status?: readonly ReferralStatus[]; cursor?: string }) =>
    request<InboxList>(
      'GET',
      `/referrals/inbox${query({
        status: filter.status?.join(','),
        cursor: filter.cursor,
        limit: '50',
      })}`,
    ),
  inboxGet: (id: string) => request<InboxDetail>('GET', inboxOne(id)),
};
