import type { ConsentEntry } from '../../shared/consent/index.ts';
import { decideConsent } from '../../shared/consent/index.ts';
import type { StatisticsConsentRow } from './contributions.repo.ts';

const entryOf = (r: StatisticsConsentRow): ConsentEntry => ({
  id: r.id,
  purpose: 'statistics',
  serviceType: null,
  granted: r.granted,
  method: r.method,
  recordedAt: r.recordedAt.toISOString(),
  expiresOn: r.expiresOn,
});

/**
 * `mayI(purpose 'statistics', at)` for many cases at once (src/server/consent/may-i.ts): the
 * same rule, `decideConsent`, over each case's history (`entries`, every case's entries in
 * recording order, read in one query). Returns the cases of `caseIds` that may be used, in
 * their order. Reads no identifying data.
 */
export function casesConsentingToStatistics(
  caseIds: readonly string[],
  entries: readonly StatisticsConsentRow[],
  at: Date,
): string[] {
  const byCase = new Map<string, ConsentEntry[]>();
  for (const r of entries) {
    const list = byCase.get(r.caseId) ?? [];
    list.push(entryOf(r));
    byCase.set(r.caseId, list);
  }
  return caseIds.filter((id) => {
    const history = byCase.get(id);
    return history !== undefined && decideConsent(history, { purpose: 'statistics' }, at).allowed;
  });
}
