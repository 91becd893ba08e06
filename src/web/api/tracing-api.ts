import type {
  BestInterestBody,
  CloseBody,
  Enquirer,
  RejectCandidateBody,
  ReunifyBody,
  SoughtPerson,
  TracingCandidate,
  TracingListQuery,
  TracingRequestCreateBody,
  TracingRequestDetail,
  TracingRequestList,
  TracingSearchResult,
  VerifyBody,
} from '../../shared/api/tracing.schema.ts';
import { request } from './client.ts';

const one = (id: string, tail = '') => `/tracing-requests/${encodeURIComponent(id)}${tail}`;
const candidate = (id: string, candidateId: string, verb: string) =>
  one(id, `/candidates/${encodeURIComponent(candidateId)}/${verb}`);

/** The request as recorded: `sought` and `enquirer` travel untyped in the detail schema. */
export type TracingRequest = Omit<TracingRequestDetail, 'sought' | 'enquirer'> & {
  sought: SoughtPerson;
  enquirer: Enquirer;
};

const typed = (d: TracingRequestDetail): TracingRequest => d as TracingRequest;

/**
 * Tracing requests (docs/reunite.md): the sought person and the enquirer are stored encrypted
 * and read only on the request's page; the list carries no names. The search proposes only
 * cases whose family-tracing consent stands.
 */
export const tracingApi = {
  list: (filter: Partial<Pick<TracingListQuery, 'status' | 'offset'>>) => {
    const q = new URLSearchParams({ limit: '25' });
    if (filter.status) q.set('status', filter.status);
    if (filter.offset) q.set('offset', String(filter.offset));
    return request<TracingRequestList>('GET', `/tracing-requests?${q.toString()}`);
  },
  create: (body: TracingRequestCreateBody) =>
    request<TracingRequestDetail>('POST', '/tracing-requests', body).then(typed),
  get: (id: string) => request<TracingRequestDetail>('GET', one(id)).then(typed),
  search: (id: string) => request<TracingSearchResult>('POST', one(id, '/search')),
  candidates: (id: string) =>
    request<{ items: TracingCandidate[] }>('GET', one(id, '/candidates')).then((r) => r.items),
  confirm: (id: string, candidateId: string, note?: string) =>
    request<TracingRequestDetail>(
      'POST',
      candidate(id, candidateId, 'confirm'),
      note ? { note } : {},
    ).then(typed),
  reject: (id: string, candidateId: string, body: RejectCandidateBody) =>
    request<TracingCandidate>('POST', candidate(id, candidateId, 'reject'), body),
  verify: (id: string, body: VerifyBody) =>
    request<TracingRequestDetail>('POST', one(id, '/verify'), body).then(typed),
  /** Supervisors (tracing:decide). */
  bestInterest: (id: string, body: BestInterestBody) =>
    request<TracingRequestDetail>('POST', one(id, '/best-interest'), body).then(typed),
  reunify: (id: string, body: ReunifyBody) =>
    request<TracingRequestDetail>('POST', one(id, '/reunify'), body).then(typed),
  /** Supervisors (tracing:decide). */
  close: (id: string, body: CloseBody) =>
    request<TracingRequestDetail>('POST', one(id, '/close'), body).then(typed),
};
