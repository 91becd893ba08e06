import type { Tx } from '../db/database.ts';

/** A person sharing keys with the query, and how strongly. */
export interface BlockHit {
  personId: string;
  /** Sum of the shared keys' weights (rarer keys weigh more). */
  score: number;
  shared: number;
}

/**
 * Persons sharing match keys with the query, best first. Each key is first counted up to
 * `cap` + 1 persons (an index-only scan that stops there); a key held by more than `cap`
 * persons is too common to block on (a very frequent name alone) and is left out — the same
 * name with the birth year, or with the other name, is a key of its own and stays. The others
 * weigh 1 + ln(cap / count), so that sharing a rare key counts more than sharing a common one.
 * One statement: row-level security and the organisation id both bound it.
 */
export async function blockCandidates(
  tx: Tx,
  orgId: string,
  keys: readonly Buffer[],
  opts: { cap: number; limit: number; excludePersonIds: readonly string[] },
): Promise<BlockHit[]> {
  if (keys.length === 0) return [];
  return tx.query<BlockHit>(
    `WITH q AS (SELECT DISTINCT decode(k, 'hex') AS key FROM unnest($2::text[]) AS t(k)),
     -- MATERIALIZED: computed once. Inlined, the planner re-ran each key's count for every
     -- joined row (6,438 counts for one query at 1,000,000 cases: 2 s instead of 15 ms).
     counted AS MATERIALIZED (
       SELECT q.key, (SELECT count(*) FROM (SELECT 1 FROM person_match_keys m
                       WHERE m.org_id = $1 AND m.key = q.key LIMIT $3::int + 1) s) AS n
         FROM q),
     usable AS (SELECT key, 1 + ln($3::float8 / n) AS w FROM counted WHERE n BETWEEN 1 AND $3::int)
     SELECT m.person_id AS "personId", sum(u.w)::float8 AS score, count(*)::int AS shared
       FROM usable u JOIN person_match_keys m ON m.org_id = $1 AND m.key = u.key
      WHERE NOT (m.person_id = ANY($5::uuid[]))
      GROUP BY m.person_id
      ORDER BY score DESC, m.person_id
      LIMIT $4`,
    [orgId, keys.map((k) => k.toString('hex')), opts.cap, opts.limit, opts.excludePersonIds],
  );
}

/** A blocked person's case with what the matcher needs; the identity still sealed. */
export interface CandidateRow {
  personId: string;
  identity: Uint8Array;
  gender: string;
  caseId: string;
  reference: string;
  ageAtRegistration: number | null;
  registrationDate: string;
  citizenship: string | null;
  countryOfExploitation: string | null;
}

/**
 * The cases of the blocked persons. The organisation is named although row-level security
 * implies it: with it the planner reads `cases_person_idx` (org_id, person_id) for each person;
 * without it, a superuser connection (the bench, maintenance) scans all cases.
 */
export async function loadCandidates(
  tx: Tx,
  orgId: string,
  personIds: readonly string[],
): Promise<CandidateRow[]> {
  if (personIds.length === 0) return [];
  return tx.query<CandidateRow>(
    `SELECT p.id AS "personId", p.identity, p.gender, c.id AS "caseId", c.reference,
            c.age_at_registration AS "ageAtRegistration",
            c.registration_date::text AS "registrationDate", c.citizenship::text AS citizenship,
            c.country_of_exploitation::text AS "countryOfExploitation"
       FROM persons p JOIN cases c ON c.org_id = $1 AND c.person_id = p.id
      WHERE p.id = ANY($2::uuid[])`,
    [orgId, personIds],
  );
}

/** The family-tracing consent history of many cases at once, oldest first per case. */
export interface ConsentBatchRow {
  caseId: string;
  id: string;
  granted: boolean;
  method: 'verbal' | 'written' | 'guardian' | null;
  recordedAt: Date;
  expiresOn: string | null;
}

export async function listTracingConsents(
  tx: Tx,
  caseIds: readonly string[],
): Promise<ConsentBatchRow[]> {
  if (caseIds.length === 0) return [];
  return tx.query<ConsentBatchRow>(
    `SELECT case_id AS "caseId", id, granted, method, recorded_at AS "recordedAt",
            expires_on::text AS "expiresOn"
       FROM consents
      WHERE case_id = ANY($1::uuid[]) AND purpose = 'family_tracing'
      ORDER BY recorded_at, seq`,
    [caseIds],
  );
}
