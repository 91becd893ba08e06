import type { DuplicatePairState, FieldExplanation } from '../../shared/api/duplicates.schema.ts';
import type { Tx } from '../db/database.ts';

// All SQL of duplicate pairs (docs/duplicates.md). Pairs hold case ids, scores and field-level
// explanations only: never a name.

export interface PairRow {
  id: string;
  caseA: string;
  caseB: string;
  state: DuplicatePairState;
  weight: number;
  probability: number;
  explanation: FieldExplanation[];
  fingerprint: Uint8Array;
  foundAt: Date;
  scoredAt: Date;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  reason: Uint8Array | null;
  mergeId: string | null;
}

const COLUMNS = `d.id, d.case_a AS "caseA", d.case_b AS "caseB", d.state, d.weight, d.probability,
  d.explanation, d.fingerprint, d.found_at AS "foundAt", d.scored_at AS "scoredAt",
  d.decided_by AS "decidedById", u.display_name AS "decidedByName", d.decided_at AS "decidedAt",
  d.reason, d.merge_id AS "mergeId"`;

export async function findPair(tx: Tx, id: string, lock = false): Promise<PairRow | undefined> {
  const [row] = await tx.query<PairRow>(
    `SELECT ${COLUMNS} FROM duplicate_pairs d LEFT JOIN users u ON u.id = d.decided_by
      WHERE d.id = $1 ${lock ? 'FOR UPDATE OF d' : ''}`,
    [id],
  );
  return row;
}

/** Position in the review list (highest probability first, then id). */
export interface PairPosition {
  probability: number;
  id: string;
}

export async function listPairs(
  tx: Tx,
  state: DuplicatePairState,
  limit: number,
  after?: PairPosition,
): Promise<PairRow[]> {
  return tx.query<PairRow>(
    `SELECT ${COLUMNS} FROM duplicate_pairs d LEFT JOIN users u ON u.id = d.decided_by
      WHERE d.state = $1
        AND ($3::double precision IS NULL OR (d.probability, d.id) < ($3, $4::uuid))
      ORDER BY d.probability DESC, d.id DESC
      LIMIT $2`,
    [state, limit, after?.probability ?? null, after?.id ?? null],
  );
}

export interface CaseRefRow {
  id: string;
  reference: string;
  stage: string;
  status: string;
  registrationDate: string;
  gender: string;
  citizenship: string;
  ageAtRegistration: number | null;
  personId: string;
  identity: Uint8Array;
  mergedInto: string | null;
  pendingApprovals: number;
}

export async function caseRefs(tx: Tx, ids: string[]): Promise<Map<string, CaseRefRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<CaseRefRow>(
    `SELECT c.id, c.reference, c.stage, c.status, c.registration_date AS "registrationDate",
            c.gender, c.citizenship::text AS citizenship,
            c.age_at_registration AS "ageAtRegistration", c.person_id AS "personId", p.identity,
            c.merged_into AS "mergedInto",
            (SELECT count(*)::int FROM case_approvals a
              WHERE a.case_id = c.id AND a.state = 'pending') AS "pendingApprovals"
       FROM cases c JOIN persons p ON p.id = c.person_id
      WHERE c.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** What the scan and the check need of each person: the case facts and the sealed identity. */
export interface ScanPersonRow {
  caseId: string;
  reference: string;
  stage: string;
  registrationDate: string;
  personId: string;
  identity: Uint8Array;
  gender: string;
  ageAtRegistration: number | null;
  citizenship: string | null;
  countryOfExploitation: string | null;
  documentBidx: Uint8Array | null;
}

const PERSON_COLUMNS = `c.id AS "caseId", c.reference, c.stage,
  c.registration_date AS "registrationDate", p.id AS "personId", p.identity, c.gender,
  c.age_at_registration AS "ageAtRegistration", c.citizenship::text AS citizenship,
  c.country_of_exploitation::text AS "countryOfExploitation", p.document_bidx AS "documentBidx"`;

/** Persons of the given ids with their (not merged) case. */
export async function scanPersons(tx: Tx, personIds: string[]): Promise<ScanPersonRow[]> {
  if (personIds.length === 0) return [];
  return tx.query<ScanPersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM cases c JOIN persons p ON p.id = c.person_id
      WHERE p.id = ANY($1::uuid[]) AND c.merged_into IS NULL`,
    [personIds],
  );
}

/** Persons whose document number has this blind index (cases not merged). */
export async function personsByDocument(tx: Tx, bidx: Buffer): Promise<ScanPersonRow[]> {
  return tx.query<ScanPersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM cases c JOIN persons p ON p.id = c.person_id
      WHERE p.document_bidx = $1 AND c.merged_into IS NULL
      ORDER BY c.registration_date DESC LIMIT 50`,
    [bidx],
  );
}

/**
 * Candidate pairs of the organisation's persons: two persons sharing a match key (names alone,
 * with the birth year, name pairs; src/server/reunite/matcher.ts) or a document number. A key
 * shared by more than `maxBlock` persons is too common to tell anyone apart and is skipped;
 * the narrower keys (name with birth year, name pairs) still bring those pairs together.
 */
export async function blockedPairs(tx: Tx, maxBlock: number): Promise<[string, string][]> {
  const rows = await tx.query<{ x: string; y: string }>(
    `WITH live AS (
       SELECT p.id FROM persons p JOIN cases c ON c.person_id = p.id WHERE c.merged_into IS NULL
     ), blocks AS (
       SELECT k.key FROM person_match_keys k JOIN live l ON l.id = k.person_id
        GROUP BY k.key HAVING count(*) BETWEEN 2 AND $1
     ), keyed AS (
       SELECT k.key, k.person_id FROM person_match_keys k
         JOIN blocks b ON b.key = k.key JOIN live l ON l.id = k.person_id
     )
     SELECT DISTINCT x, y FROM (
       SELECT a.person_id AS x, b.person_id AS y
         FROM keyed a JOIN keyed b ON b.key = a.key AND a.person_id < b.person_id
       UNION ALL
       SELECT a.id, b.id FROM persons a JOIN persons b
           ON b.document_bidx = a.document_bidx AND a.id < b.id
        WHERE a.document_bidx IS NOT NULL
          AND a.id IN (SELECT id FROM live) AND b.id IN (SELECT id FROM live)
     ) pairs`,
    [maxBlock],
  );
  return rows.map((r) => [r.x, r.y]);
}

export interface KnownPair {
  id: string;
  state: DuplicatePairState;
  fingerprint: Uint8Array;
}

/** Every pair stored for the organisation, by "caseA|caseB". */
export async function knownPairs(tx: Tx): Promise<Map<string, KnownPair>> {
  const rows = await tx.query<KnownPair & { caseA: string; caseB: string }>(
    'SELECT id, case_a AS "caseA", case_b AS "caseB", state, fingerprint FROM duplicate_pairs',
  );
  return new Map(rows.map((r) => [`${r.caseA}|${r.caseB}`, r]));
}

export interface ScoredRow {
  caseA: string;
  caseB: string;
  weight: number;
  probability: number;
  explanation: FieldExplanation[];
  fingerprint: Buffer;
}

export async function insertPair(
  tx: Tx,
  p: ScoredRow & { id: string; orgId: string; now: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO duplicate_pairs (id, org_id, case_a, case_b, state, weight, probability,
       explanation, fingerprint, found_at, scored_at)
     VALUES ($1, $2, $3, $4, 'open', $5, $6, $7::jsonb, $8, $9, $9)`,
    [
      p.id,
      p.orgId,
      p.caseA,
      p.caseB,
      p.weight,
      p.probability,
      JSON.stringify(p.explanation),
      p.fingerprint,
      p.now,
    ],
  );
}

/** Rescores a pair and sets it open (a new finding, or a decided pair whose records changed). */
export async function reopenPair(tx: Tx, id: string, p: ScoredRow, now: Date): Promise<void> {
  await tx.query(
    `UPDATE duplicate_pairs SET state = 'open', weight = $2, probability = $3,
            explanation = $4::jsonb, fingerprint = $5, scored_at = $6, decided_by = NULL,
            decided_at = NULL, reason = NULL, version = version + 1
      WHERE id = $1`,
    [id, p.weight, p.probability, JSON.stringify(p.explanation), p.fingerprint, now],
  );
}

/** Open pairs not found above the threshold this time: no longer proposed. */
export async function obsoleteOpenPairs(tx: Tx, keep: string[], now: Date): Promise<number> {
  const rows = await tx.query(
    `UPDATE duplicate_pairs SET state = 'obsolete', scored_at = $2, version = version + 1
      WHERE state = 'open' AND NOT (id = ANY($1::uuid[])) RETURNING id`,
    [keep, now],
  );
  return rows.length;
}

export async function decidePair(
  tx: Tx,
  id: string,
  d: { state: DuplicatePairState; userId: string; now: Date; reason: Buffer | null },
): Promise<void> {
  await tx.query(
    `UPDATE duplicate_pairs SET state = $2, decided_by = $3, decided_at = $4, reason = $5,
            version = version + 1
      WHERE id = $1`,
    [id, d.state, d.userId, d.now, d.reason],
  );
}

export async function markPairMerged(
  tx: Tx,
  id: string,
  mergeId: string,
  userId: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE duplicate_pairs SET state = 'merged', merge_id = $2, decided_by = $3, decided_at = $4,
            version = version + 1
      WHERE id = $1`,
    [id, mergeId, userId, now],
  );
}

/** Other open pairs of a merged case: it is a tombstone now, and the next scan sees the kept case. */
export async function obsoletePairsOf(tx: Tx, caseId: string, now: Date): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE duplicate_pairs SET state = 'obsolete', scored_at = $2, version = version + 1
      WHERE state = 'open' AND (case_a = $1 OR case_b = $1) RETURNING id`,
    [caseId, now],
  );
  return rows.map((r) => r.id);
}
