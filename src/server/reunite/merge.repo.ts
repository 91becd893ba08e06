import type { Tx } from '../db/database.ts';

// All SQL of case merges (docs/duplicates.md). Table and column names below come from the
// merge plan's constants, never from a request; values are always parameters.

export interface MergeCaseRow {
  id: string;
  orgId: string;
  reference: string;
  personId: string;
  identity: Uint8Array;
  stage: string;
  mergedInto: string | null;
  registrationDate: string;
}

/** Both cases, locked in id order (two merges touching one case take turns, never deadlock). */
export async function lockCases(tx: Tx, ids: string[]): Promise<MergeCaseRow[]> {
  return tx.query<MergeCaseRow>(
    `SELECT c.id, c.org_id AS "orgId", c.reference, c.person_id AS "personId", p.identity,
            c.stage, c.merged_into AS "mergedInto", c.registration_date AS "registrationDate"
       FROM cases c JOIN persons p ON p.id = c.person_id
      WHERE c.id = ANY($1::uuid[])
      ORDER BY c.id
        FOR UPDATE OF c`,
    [ids],
  );
}

export async function pendingApprovalIds(tx: Tx, caseIds: string[]): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM case_approvals WHERE case_id = ANY($1::uuid[]) AND state = 'pending' ORDER BY id`,
    [caseIds],
  );
  return rows.map((r) => r.id);
}

/** Moves every row of `table` from one case to the other; answers the ids moved. */
export async function repoint(
  tx: Tx,
  table: string,
  from: string,
  to: string,
  extraSet = '',
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE ${table} SET case_id = $2${extraSet} WHERE case_id = $1 RETURNING id::text AS id`,
    [from, to],
  );
  return rows.map((r) => r.id);
}

/** Every row of a child table for one case, all columns, oldest first where the table has a time. */
export async function rowsOf(
  tx: Tx,
  table: string,
  caseId: string,
  orderBy = '1',
): Promise<Record<string, unknown>[]> {
  return tx.query(`SELECT * FROM ${table} WHERE case_id = $1 ORDER BY ${orderBy}`, [caseId]);
}

/** node-postgres sends Buffers as bytea; PGlite hands back Uint8Arrays: send Buffers to both. */
const param = (v: unknown): unknown =>
  v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v) : v;

/** Inserts one row given as column → value; `jsonb` columns are sent as JSON text. */
export async function insertRow(
  tx: Tx,
  table: string,
  row: Record<string, unknown>,
  jsonb: readonly string[] = [],
): Promise<void> {
  const cols = Object.keys(row);
  const values = cols.map((c) => (jsonb.includes(c) ? JSON.stringify(row[c]) : param(row[c])));
  const marks = cols.map((c, i) => `$${i + 1}${jsonb.includes(c) ? '::jsonb' : ''}`);
  await tx.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${marks.join(', ')})`, values);
}

/** Appends the kept plan's services after its own: positions continue from the last one. */
export async function repointPlanServices(tx: Tx, from: string, to: string): Promise<string[]> {
  const [row] = await tx.query<{ next: number }>(
    'SELECT coalesce(max(position) + 1, 0)::int AS next FROM plan_services WHERE case_id = $1',
    [to],
  );
  return repoint(
    tx,
    'plan_services',
    from,
    to,
    `, position = position + ${Number(row?.next ?? 0)}`,
  );
}

const PROFILE_SCALARS = [
  'trafficking_status_decision_making_org',
  'forced_labour_industry',
  'relationship_to_trafficker',
  'age_when_trafficked',
] as const;
const PROFILE_ARRAYS = [
  'type_of_sex_exploitation',
  'method_of_recruitment',
  'recruitment_websites_and_apps',
  'exploitation_websites_and_apps',
  'methods_of_control',
] as const;

/** Union of two arrays in first-seen order. */
const union = (col: string) =>
  `ARRAY(SELECT x FROM unnest(k.${col} || m.${col}) WITH ORDINALITY u(x, i) GROUP BY x ORDER BY min(i))`;

/**
 * Folds the merged case's profile into the kept one: a value the kept case lacks is taken, list
 * fields become the union. Answers whether the kept case had a profile to fold into.
 */
export async function foldProfile(
  tx: Tx,
  from: string,
  to: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE case_profiles k SET
       ${PROFILE_SCALARS.map((c) => `${c} = coalesce(k.${c}, m.${c})`).join(', ')},
       ${PROFILE_ARRAYS.map((c) => `${c} = ${union(c)}`).join(', ')},
       updated_by = $3, updated_at = $4
      FROM case_profiles m
     WHERE k.case_id = $2 AND m.case_id = $1
     RETURNING k.case_id`,
    [from, to, userId, now],
  );
  return rows.length > 0;
}

/** The kept case takes exploitation types and the country of exploitation it lacked. */
export async function foldCaseFacts(tx: Tx, from: string, to: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE cases k SET
       type_of_exploitation = ${union('type_of_exploitation')},
       country_of_exploitation = coalesce(k.country_of_exploitation, m.country_of_exploitation),
       updated_at = $3
      FROM cases m
     WHERE k.id = $2 AND m.id = $1`,
    [from, to, now],
  );
}

/** The merged case becomes a tombstone, and tombstones that pointed at it now point further. */
export async function tombstone(tx: Tx, from: string, to: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE cases SET stage = 'closed', status = 'Closed', merged_into = $2, updated_at = $3
      WHERE id = $1`,
    [from, to, now],
  );
  await tx.query('UPDATE cases SET merged_into = $2, updated_at = $3 WHERE merged_into = $1', [
    from,
    to,
    now,
  ]);
}

/** A tombstone's person is no longer a candidate of any search. */
export async function dropMatchKeys(tx: Tx, personId: string): Promise<void> {
  await tx.query('DELETE FROM person_match_keys WHERE person_id = $1', [personId]);
}

/**
 * Tracing proposals of the merged case move to the kept case, except where the kept case is
 * already a candidate of the same request (one row per request and case): those stay, and a
 * proposal still waiting for the officer is withdrawn (the person is proposed once, as the
 * kept case). Answers the ids moved and the ids left.
 */
export async function repointTracingCandidates(
  tx: Tx,
  from: string,
  to: string,
): Promise<{ moved: string[]; left: string[] }> {
  const moved = await tx.query<{ id: string }>(
    `UPDATE tracing_candidates m SET case_id = $2
      WHERE m.case_id = $1
        AND NOT EXISTS (SELECT 1 FROM tracing_candidates k
                         WHERE k.request_id = m.request_id AND k.case_id = $2)
      RETURNING m.id::text AS id`,
    [from, to],
  );
  await tx.query(
    `UPDATE tracing_candidates SET status = 'withdrawn' WHERE case_id = $1 AND status = 'proposed'`,
    [from],
  );
  const left = await tx.query<{ id: string }>(
    'SELECT id::text AS id FROM tracing_candidates WHERE case_id = $1 ORDER BY id',
    [from],
  );
  return { moved: moved.map((r) => r.id), left: left.map((r) => r.id) };
}

/** Ids of the rows of `table` on a case (for records left on the tombstone). */
export async function idsOf(
  tx: Tx,
  table: string,
  caseId: string,
  idExpr = 'id::text',
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT ${idExpr} AS id FROM ${table} WHERE case_id = $1 ORDER BY 1`,
    [caseId],
  );
  return rows.map((r) => r.id);
}

export async function insertMerge(
  tx: Tx,
  m: {
    id: string;
    orgId: string;
    keptCaseId: string;
    mergedCaseId: string;
    keptPersonId: string;
    mergedPersonId: string;
    pairId: string | null;
    userId: string;
    now: Date;
    summary: unknown;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_merges (id, org_id, kept_case_id, merged_case_id, kept_person_id,
       merged_person_id, pair_id, merged_by, merged_at, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)`,
    [
      m.id,
      m.orgId,
      m.keptCaseId,
      m.mergedCaseId,
      m.keptPersonId,
      m.mergedPersonId,
      m.pairId,
      m.userId,
      m.now,
      JSON.stringify(m.summary),
    ],
  );
}

export interface MergeItem {
  table: string;
  sourceId: string;
  action: 'repointed' | 'copied' | 'folded' | 'left';
  targetId: string | null;
}

export async function insertMergeItems(
  tx: Tx,
  mergeId: string,
  orgId: string,
  items: MergeItem[],
): Promise<void> {
  // In slices, so that one statement's parameters stay small whatever the case holds.
  for (let i = 0; i < items.length; i += 500) {
    const part = items.slice(i, i + 500);
    await tx.query(
      `INSERT INTO case_merge_items (merge_id, org_id, table_name, source_id, action, target_id)
       SELECT $1, $2, t, s, a, g
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS u(t, s, a, g)`,
      [
        mergeId,
        orgId,
        part.map((x) => x.table),
        part.map((x) => x.sourceId),
        part.map((x) => x.action),
        part.map((x) => x.targetId),
      ],
    );
  }
}

export interface MergeRecord {
  id: string;
  keptCaseId: string;
  keptReference: string;
  mergedCaseId: string;
  mergedReference: string;
  mergedAt: Date;
}

const MERGE_COLUMNS = `m.id, m.kept_case_id AS "keptCaseId", k.reference AS "keptReference",
  m.merged_case_id AS "mergedCaseId", d.reference AS "mergedReference", m.merged_at AS "mergedAt"`;
const MERGE_FROM = `case_merges m JOIN cases k ON k.id = m.kept_case_id
  JOIN cases d ON d.id = m.merged_case_id`;

/** Merges that touched a case, either side, oldest first. */
export async function mergesOf(tx: Tx, caseId: string): Promise<MergeRecord[]> {
  return tx.query<MergeRecord>(
    `SELECT ${MERGE_COLUMNS} FROM ${MERGE_FROM}
      WHERE m.kept_case_id = $1 OR m.merged_case_id = $1
      ORDER BY m.merged_at, m.id`,
    [caseId],
  );
}

export async function caseExists(
  tx: Tx,
  id: string,
): Promise<
  { id: string; mergedInto: string | null; mergedIntoReference: string | null } | undefined
> {
  const [row] = await tx.query<{
    id: string;
    mergedInto: string | null;
    mergedIntoReference: string | null;
  }>(
    `SELECT c.id, c.merged_into AS "mergedInto", t.reference AS "mergedIntoReference"
       FROM cases c LEFT JOIN cases t ON t.id = c.merged_into WHERE c.id = $1`,
    [id],
  );
  return row;
}
