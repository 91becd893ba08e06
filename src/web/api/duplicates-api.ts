import type {
  DuplicateCheckInput,
  DuplicateCheckResult,
  DuplicateList,
  DuplicatePair,
  DuplicatePairDetail,
  DuplicatePairState,
  DuplicateScanResult,
  MergeResult,
} from '../../shared/api/duplicates.schema.ts';
import { request } from './client.ts';

const one = (id: string, tail = '') => `/duplicates/${encodeURIComponent(id)}${tail}`;

/**
 * Duplicates (docs/duplicates.md): the check before registering a case (creates nothing), the
 * organisation's batch review, and merges. The list carries case references only; names appear
 * on a pair's page, whose read is audited.
 */
export const duplicatesApi = {
  check: (body: DuplicateCheckInput) =>
    request<DuplicateCheckResult>('POST', '/cases/duplicates/check', body),
  scan: () => request<DuplicateScanResult>('POST', '/duplicates/scan', {}),
  list: (state: DuplicatePairState, cursor?: string) => {
    const q = new URLSearchParams({ state, limit: '25' });
    if (cursor) q.set('cursor', cursor);
    return request<DuplicateList>('GET', `/duplicates?${q.toString()}`);
  },
  get: (id: string) => request<DuplicatePairDetail>('GET', one(id)),
  notDuplicate: (id: string, reason?: string) =>
    request<DuplicatePair>('POST', one(id, '/decision'), {
      decision: 'not_duplicate',
      ...(reason ? { reason } : {}),
    }),
  /** Merges the other case of the pair into `keep` (supervisors, case:merge). */
  merge: (id: string, keep: string) => request<MergeResult>('POST', one(id, '/merge'), { keep }),
};
