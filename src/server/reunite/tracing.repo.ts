import type {
  BestInterestOutcome,
  ClosureReason,
  TracingAction,
  TracingStatus,
  VerificationMethod,
} from '../../shared/reunite/tracing-lifecycle.ts';
import type { FieldComparison } from '../../shared/linkage/types.ts';
import type { Tx } from '../db/database.ts';

export interface TracingRow {
  id: string;
  orgId: string;
  reference: string;
  status: TracingStatus;
  soughtIsChild: boolean | null;
  sought: Uint8Array;
  enquirer: Uint8Array;
  enquirerKind: 'family' | 'agency';
  verificationMethod: VerificationMethod | null;
  bestInterest: BestInterestOutcome | null;
  reunifiedOn: string | null;
  closureReason: ClosureReason | null;
  steps: Uint8Array | null;
  lastSearchedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  version: number;
  proposedCandidates: number;
}

const COLUMNS = `t.id, t.org_id AS "orgId", t.reference, t.status, t.sought_is_child AS "soughtIsChild",
  t.sought, t.enquirer, t.enquirer_kind AS "enquirerKind",
  t.verification_method AS "verificationMethod", t.best_interest AS "bestInterest",
  t.reunified_on::text AS "reunifiedOn", t.closure_reason AS "closureReason", t.steps,
  t.last_searched_at AS "lastSearchedAt", t.created_by AS "createdBy", t.created_at AS "createdAt",
  t.updated_at AS "updatedAt", t.closed_at AS "closedAt", t.version,
  (SELECT count(*)::int FROM tracing_candidates k
    WHERE k.request_id = t.id AND k.status = 'proposed') AS "proposedCandidates"`;

/** Advances the organisation's tracing counter; returns the new number. */
export async function nextTracingNumber(tx: Tx, orgId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    'UPDATE organisations SET tracing_seq = tracing_seq + 1 WHERE id = $1 RETURNING tracing_seq AS n',
    [orgId],
  );
  if (!row) throw new Error('organisation not found');
  return row.n;
}

export async function insertTracing(
  tx: Tx,
  r: {
    id: string;
    orgId: string;
    reference: string;
    soughtIsChild: boolean | null;
    sought: Buffer;
    enquirer: Buffer;
    enquirerKind: 'family' | 'agency';
    createdBy: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO tracing_requests (id, org_id, reference, status, sought_is_child, sought, enquirer,
       enquirer_kind, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $9)`,
    [
      r.id,
      r.orgId,
      r.reference,
      r.soughtIsChild,
      r.sought,
      r.enquirer,
      r.enquirerKind,
      r.createdBy,
      r.now,
    ],
  );
}

export async function findTracing(
  tx: Tx,
  id: string,
  lock = false,
): Promise<TracingRow | undefined> {
  const [row] = await tx.query<TracingRow>(
    `SELECT ${COLUMNS} FROM tracing_requests t WHERE t.id = $1${lock ? ' FOR UPDATE OF t' : ''}`,
    [id],
  );
  return row;
}

export async function listTracing(
  tx: Tx,
  q: { status?: TracingStatus | undefined; limit: number; offset: number },
): Promise<{ rows: TracingRow[]; total: number }> {
  const rows = await tx.query<TracingRow>(
    `SELECT ${COLUMNS} FROM tracing_requests t
      WHERE ($1::text IS NULL OR t.status = $1)
      ORDER BY t.created_at DESC, t.id DESC LIMIT $2 OFFSET $3`,
    [q.status ?? null, q.limit, q.offset],
  );
  const [count] = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM tracing_requests WHERE ($1::text IS NULL OR status = $1)',
    [q.status ?? null],
  );
  return { rows, total: count?.n ?? 0 };
}

/** Writes the new status and step columns; bumps the version. */
export async function updateTracing(
  tx: Tx,
  id: string,
  set: {
    status: TracingStatus;
    verificationMethod?: VerificationMethod | null;
    bestInterest?: BestInterestOutcome | null;
    reunifiedOn?: string | null;
    closureReason?: ClosureReason | null;
    steps?: Buffer | null;
    closedAt?: Date | null;
    now: Date;
  },
): Promise<void> {
  const cols: string[] = ['status = $2', 'updated_at = $3', 'version = version + 1'];
  const params: unknown[] = [id, set.status, set.now];
  const add = (col: string, v: unknown) => {
    params.push(v);
    cols.push(`${col} = $${params.length}`);
  };
  if (set.verificationMethod !== undefined) add('verification_method', set.verificationMethod);
  if (set.bestInterest !== undefined) add('best_interest', set.bestInterest);
  if (set.reunifiedOn !== undefined) add('reunified_on', set.reunifiedOn);
  if (set.closureReason !== undefined) add('closure_reason', set.closureReason);
  if (set.steps !== undefined) add('steps', set.steps);
  if (set.closedAt !== undefined) add('closed_at', set.closedAt);
  await tx.query(`UPDATE tracing_requests SET ${cols.join(', ')} WHERE id = $1`, params);
}

export async function markSearched(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.query('UPDATE tracing_requests SET last_searched_at = $2 WHERE id = $1', [id, at]);
}

export async function insertTracingEvent(
  tx: Tx,
  e: {
    id: string;
    orgId: string;
    requestId: string;
    action: TracingAction | 'created';
    from: TracingStatus | null;
    to: TracingStatus;
    candidateId: string | null;
    actorId: string | null;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO tracing_events (id, org_id, request_id, action, from_status, to_status,
       candidate_id, actor_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.id, e.orgId, e.requestId, e.action, e.from, e.to, e.candidateId, e.actorId, e.at],
  );
}

export interface TracingEventRow {
  action: TracingAction | 'created';
  from: TracingStatus | null;
  to: TracingStatus;
  candidateId: string | null;
  actorId: string | null;
  actorName: string | null;
  at: Date;
}

export async function listTracingEvents(tx: Tx, requestId: string): Promise<TracingEventRow[]> {
  return tx.query<TracingEventRow>(
    `SELECT e.action, e.from_status AS "from", e.to_status AS "to", e.candidate_id AS "candidateId",
            e.actor_id AS "actorId", u.display_name AS "actorName", e.at
       FROM tracing_events e LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.request_id = $1 ORDER BY e.seq`,
    [requestId],
  );
}

// ── Candidates ─────────────────────────────────────────────────────────────────────────────

export type CandidateStatus = 'proposed' | 'confirmed' | 'rejected' | 'withdrawn';

export interface CandidateRecordRow {
  id: string;
  requestId: string;
  caseId: string;
  caseReference: string;
  status: CandidateStatus;
  rank: number;
  weight: number;
  probability: number;
  explanation: FieldComparison[];
  consentId: string | null;
  reason: string | null;
  note: Uint8Array | null;
  proposedAt: Date;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
}

const CANDIDATE_COLUMNS = `k.id, k.request_id AS "requestId", k.case_id AS "caseId",
  c.reference AS "caseReference", k.status, k.rank, k.weight, k.probability, k.explanation,
  k.consent_id AS "consentId", k.reason, k.note, k.proposed_at AS "proposedAt",
  k.decided_by AS "decidedById", u.display_name AS "decidedByName", k.decided_at AS "decidedAt"`;
const CANDIDATE_FROM = `tracing_candidates k JOIN cases c ON c.id = k.case_id
  LEFT JOIN users u ON u.id = k.decided_by`;

export async function listCandidateRows(tx: Tx, requestId: string): Promise<CandidateRecordRow[]> {
  return tx.query<CandidateRecordRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM ${CANDIDATE_FROM}
      WHERE k.request_id = $1 ORDER BY k.rank, k.id`,
    [requestId],
  );
}

export async function findCandidateRow(
  tx: Tx,
  requestId: string,
  candidateId: string,
): Promise<CandidateRecordRow | undefined> {
  const [row] = await tx.query<CandidateRecordRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM ${CANDIDATE_FROM} WHERE k.request_id = $1 AND k.id = $2`,
    [requestId, candidateId],
  );
  return row;
}

/**
 * Stores a search's proposals: new cases are inserted as proposed; a case already proposed
 * gets its new score and rank; a case already decided (confirmed, rejected, withdrawn) keeps
 * its decision. Proposals the new search no longer makes are removed.
 */
export async function storeProposals(
  tx: Tx,
  orgId: string,
  requestId: string,
  proposals: {
    id: string;
    caseId: string;
    rank: number;
    weight: number;
    probability: number;
    explanation: FieldComparison[];
    consentId: string | null;
  }[],
  now: Date,
): Promise<void> {
  await tx.query(
    `DELETE FROM tracing_candidates
      WHERE request_id = $1 AND status = 'proposed' AND NOT (case_id = ANY($2::uuid[]))`,
    [requestId, proposals.map((p) => p.caseId)],
  );
  for (const p of proposals) {
    await tx.query(
      `INSERT INTO tracing_candidates (id, org_id, request_id, case_id, status, rank, weight,
         probability, explanation, consent_id, proposed_at)
       VALUES ($1, $2, $3, $4, 'proposed', $5, $6, $7, $8::jsonb, $9, $10)
       ON CONFLICT (request_id, case_id) DO UPDATE
         SET rank = EXCLUDED.rank, weight = EXCLUDED.weight, probability = EXCLUDED.probability,
             explanation = EXCLUDED.explanation, consent_id = EXCLUDED.consent_id,
             proposed_at = EXCLUDED.proposed_at
         WHERE tracing_candidates.status = 'proposed'`,
      [
        p.id,
        orgId,
        requestId,
        p.caseId,
        p.rank,
        p.weight,
        p.probability,
        JSON.stringify(p.explanation),
        p.consentId,
        now,
      ],
    );
  }
}

export async function decideCandidate(
  tx: Tx,
  id: string,
  d: {
    status: CandidateStatus;
    reason: string | null;
    note: Buffer | null;
    by: string | null;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `UPDATE tracing_candidates SET status = $2, reason = $3, note = $4, decided_by = $5,
            decided_at = $6
      WHERE id = $1`,
    [id, d.status, d.reason, d.note, d.by, d.at],
  );
}

/** Proposed or confirmed candidates of a case on requests not yet reunified or closed. */
export async function openCandidatesOfCase(
  tx: Tx,
  caseId: string,
): Promise<{ id: string; requestId: string; status: CandidateStatus }[]> {
  return tx.query(
    `SELECT k.id, k.request_id AS "requestId", k.status
       FROM tracing_candidates k JOIN tracing_requests t ON t.id = k.request_id
      WHERE k.case_id = $1 AND k.status IN ('proposed', 'confirmed')
        AND t.status IN ('open', 'matched', 'verified', 'best_interest_determined')
      ORDER BY k.request_id
      FOR UPDATE OF k, t`,
    [caseId],
  );
}
