import type { TestLantern, TestResponse } from './test-app.ts';
import { caseBody } from './test-app.ts';

/** The API's error shape (src/shared/api/errors.ts). */
export interface ApiError {
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}

export const errorOf = (res: TestResponse): ApiError => res.json<{ error: ApiError }>().error;

/** The field paths a validation error names, e.g. `person.givenName`. */
export const issuePaths = (res: TestResponse): string[] =>
  (errorOf(res).details ?? []).map((d) => d.path);

/** A valid case body with some person fields and top-level fields replaced (undefined drops one). */
export function caseWith(
  person: Record<string, unknown>,
  top: Record<string, unknown> = {},
): Record<string, unknown> {
  const base = caseBody();
  return { ...base, ...top, person: { ...(base.person as Record<string, unknown>), ...person } };
}

export interface RowCounts {
  cases: number;
  persons: number;
  audit: number;
  caseSeq: number;
}

/** Rows in every organisation, counted outside row-level security. */
export async function rowCounts(t: TestLantern): Promise<RowCounts> {
  const [row] = await t.database.superuser(
    `SELECT (SELECT count(*)::int FROM cases) AS cases,
            (SELECT count(*)::int FROM persons) AS persons,
            (SELECT count(*)::int FROM audit_log) AS audit,
            (SELECT coalesce(sum(case_seq), 0)::int FROM organisations) AS "caseSeq"`,
  );
  return row as unknown as RowCounts;
}

export interface AuditEntryRow {
  action: string;
  actorId: string | null;
  recordType: string | null;
  recordId: string | null;
  fields: string[];
  /** The whole row as PostgreSQL prints it: every column, to search for leaked values. */
  text: string;
}

/** An organisation's audit entries in append order, optionally of one action. */
export async function auditEntries(
  t: TestLantern,
  orgId: string,
  action?: string,
): Promise<AuditEntryRow[]> {
  const rows = await t.database.superuser(
    `SELECT a.action, a.actor_id AS "actorId", a.record_type AS "recordType",
            a.record_id AS "recordId", a.fields, a::text AS text
       FROM audit_log a
      WHERE a.org_id = $1 AND ($2::text IS NULL OR a.action = $2)
      ORDER BY a.seq`,
    [orgId, action ?? null],
  );
  return rows as unknown as AuditEntryRow[];
}
