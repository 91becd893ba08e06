/**
 * The candidate search every Reunite feature uses (tracing here; duplicates at registration
 * and in the batch review): match keys of the query → persons sharing the most (weighted) keys,
 * bounded → only their identities decrypted → Fellegi–Sunter scores (the engine's trained model,
 * matcher.ts) → ranked. For tracing, a case is proposed only if its person consents to family
 * tracing now (docs/consent.md); the others are counted, never shown. See docs/reunite.md.
 */
import type { ConsentEntry } from '../../shared/consent/index.ts';
import { decideConsent } from '../../shared/consent/index.ts';
import type { LinkRecord, ScoredPair } from '../../shared/linkage/types.ts';
import type { ServiceContext } from '../http/context.ts';
import { openIdentity } from '../persons/person-identity.ts';
import type { ConsentBatchRow } from './candidates.repo.ts';
import { blockCandidates, listTracingConsents, loadCandidates } from './candidates.repo.ts';
import { linkRecordOfPerson } from './link-record.ts';
import { queryMatchKeys } from './match-keys.ts';
import { scoreCandidates } from './matcher.ts';
import { scoringModel } from './scoring.service.ts';

export type CandidatePurpose = 'tracing' | 'duplicates';

export interface CandidateOptions {
  /** Candidates returned (default 20, at most 100). */
  limit?: number;
  purpose: CandidatePurpose;
  /** Persons never to return (the query's own person, when checking a registered case). */
  excludePersonIds?: readonly string[];
  /** Candidates below this posterior probability are dropped (default 0.001). */
  minProbability?: number;
}

/** A scored candidate: the pair's explanation (field, level, weight — never values), and its case. */
export interface Candidate extends ScoredPair {
  personId: string;
  caseId: string;
  reference: string;
  /** The family-tracing consent relied on (tracing only; null for duplicates). */
  consentId: string | null;
}

export interface CandidateSearch {
  candidates: Candidate[];
  /**
   * Tracing: cases that scored above `minProbability` but whose person does not consent to
   * family tracing now. Only a number, for the caller to decide whether to show it at all.
   */
  withheldForConsent: number;
  /** Persons whose identity was decrypted and scored (at most BLOCK_LIMIT). */
  compared: number;
}

/**
 * How many persons the blocking step may hand to the scorer: decrypting and scoring is most of
 * a query's time once blocking is fast (bench/tracing.ts: 300 kept recall at 1.0 on 100,000
 * cases, 150 at 0.98, for half the scoring time).
 */
export const BLOCK_LIMIT = 150;
/** A key held by more persons than this is too common to block on alone (5,000 made blocking
 * the slow part at 1,000,000 cases; 1,000 keeps the statement within tens of milliseconds). */
export const KEY_CAP = 1_000;

const entryOf = (r: ConsentBatchRow): ConsentEntry => ({
  id: r.id,
  purpose: 'family_tracing',
  serviceType: null,
  granted: r.granted,
  method: r.method,
  recordedAt: r.recordedAt.toISOString(),
  expiresOn: r.expiresOn,
});

/**
 * `mayI(purpose 'family_tracing', at)` for many cases in one query: the same rule
 * (`decideConsent`) over each case's history. Returns the deciding consent id of each allowed case.
 */
export async function tracingConsents(
  ctx: ServiceContext,
  caseIds: readonly string[],
  at: Date,
): Promise<Map<string, string>> {
  const rows = await listTracingConsents(ctx.tx, caseIds);
  const byCase = new Map<string, ConsentEntry[]>();
  for (const r of rows) {
    const list = byCase.get(r.caseId) ?? [];
    list.push(entryOf(r));
    byCase.set(r.caseId, list);
  }
  const allowed = new Map<string, string>();
  for (const [caseId, history] of byCase) {
    const d = decideConsent(history, { purpose: 'family_tracing' }, at);
    if (d.allowed && d.consentId) allowed.set(caseId, d.consentId);
  }
  return allowed;
}

/**
 * Finds the registered persons most likely to be `record`, in the caller's organisation
 * (row-level security and the organisation id both bound every query). Decrypts at most
 * BLOCK_LIMIT identities and audits that as one `reunite.candidates.searched` entry.
 */
export async function findCandidates(
  ctx: ServiceContext,
  record: LinkRecord,
  opts: CandidateOptions,
): Promise<CandidateSearch> {
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 100);
  const minProbability = opts.minProbability ?? 0.001;
  const keys = await ctx.keys();
  const hits = await blockCandidates(ctx.tx, ctx.actor.orgId, queryMatchKeys(keys, record), {
    cap: KEY_CAP,
    limit: BLOCK_LIMIT,
    excludePersonIds: opts.excludePersonIds ?? [],
  });
  const rows = await loadCandidates(
    ctx.tx,
    ctx.actor.orgId,
    hits.map((h) => h.personId),
  );
  const others = rows.map((row) =>
    linkRecordOfPerson(openIdentity(keys, row.personId, row.identity), row),
  );
  const pairs = rows.length > 0 ? scoreCandidates(await scoringModel(ctx), record, others) : [];
  const scored: Candidate[] = [];
  rows.forEach((row, k) => {
    const pair = pairs[k]!;
    if (pair.probability < minProbability) return;
    scored.push({
      ...pair,
      personId: row.personId,
      caseId: row.caseId,
      reference: row.reference,
      consentId: null,
    });
  });
  scored.sort((x, y) => y.weight - x.weight || x.reference.localeCompare(y.reference));

  let withheldForConsent = 0;
  let candidates = scored;
  if (opts.purpose === 'tracing') {
    const consents = await tracingConsents(
      ctx,
      scored.map((c) => c.caseId),
      ctx.clock.now(),
    );
    candidates = [];
    for (const c of scored) {
      const consentId = consents.get(c.caseId);
      if (consentId) candidates.push({ ...c, consentId });
      else withheldForConsent++;
    }
  }
  if (rows.length > 0) {
    await ctx.audit({
      action: 'reunite.candidates.searched',
      recordType: opts.purpose,
      // What was decrypted and compared, never values.
      fields: ['givenName', 'familyName', 'aliases', 'dateOfBirth'],
    });
  }
  return { candidates: candidates.slice(0, limit), withheldForConsent, compared: rows.length };
}
