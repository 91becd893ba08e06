import type { CaseListQuery, CaseSummary } from '../../shared/api/cases.schema.ts';
import type { Tx } from '../db/database.ts';

export interface CaseRow {
  id: string;
  reference: string;
  status: CaseSummary['status'];
  stage: CaseSummary['stage'];
  traffickingStatus: CaseSummary['traffickingStatus'];
  gender: CaseSummary['gender'];
  ageAtRegistration: number | null;
  citizenship: string;
  countryOfExploitation: string | null;
  typeOfExploitation: CaseSummary['typeOfExploitation'];
  registrationDate: string;
  createdAt: Date;
}

const SUMMARY = `c.id, c.reference, c.status, c.stage, c.trafficking_status AS "traffickingStatus",
  c.gender, c.age_at_registration AS "ageAtRegistration", c.citizenship,
  c.country_of_exploitation AS "countryOfExploitation",
  c.type_of_exploitation AS "typeOfExploitation", c.registration_date AS "registrationDate",
  c.created_at AS "createdAt"`;

// The stage follows the status on insert (trigger cases_initial_stage, migration 0004).
export interface NewCase extends Omit<CaseRow, 'createdAt' | 'stage'> {
  orgId: string;
  personId: string;
  createdBy: string;
  now: Date;
}

export async function insertCase(tx: Tx, c: NewCase): Promise<void> {
  await tx.query(
    `INSERT INTO cases (id, org_id, reference, person_id, status, trafficking_status, gender,
       age_at_registration, citizenship, country_of_exploitation, type_of_exploitation,
       registration_date, created_by, case_owner, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $14)`,
    [
      c.id,
      c.orgId,
      c.reference,
      c.personId,
      c.status,
      c.traffickingStatus,
      c.gender,
      c.ageAtRegistration,
      c.citizenship,
      c.countryOfExploitation,
      c.typeOfExploitation,
      c.registrationDate,
      c.createdBy,
      c.now,
    ],
  );
}

export interface CaseWithPerson extends CaseRow {
  personId: string;
  identity: Uint8Array;
  createdById: string | null;
  createdByName: string | null;
}

export async function findCase(tx: Tx, id: string): Promise<CaseWithPerson | undefined> {
  const [row] = await tx.query<CaseWithPerson>(
    `SELECT ${SUMMARY}, p.id AS "personId", p.identity, u.id AS "createdById",
            u.display_name AS "createdByName"
       FROM cases c JOIN persons p ON p.id = c.person_id
       LEFT JOIN users u ON u.id = c.created_by
      WHERE c.id = $1`,
    [id],
  );
  return row;
}

/** Position in the list (newest registration first, then id) from which the next page starts. */
export interface ListPosition {
  registrationDate: string;
  id: string;
}

type Filters = Omit<CaseListQuery, 'limit' | 'cursor'>;

/**
 * The WHERE clause of the case list. Each filter is a fixed condition with its own parameter;
 * row-level security adds the organisation.
 */
function where(f: Filters, after?: ListPosition): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const cond: string[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (f.status?.length) cond.push(`c.status = ANY(${p(f.status)}::text[])`);
  if (f.stage?.length) cond.push(`c.stage = ANY(${p(f.stage)}::text[])`);
  if (f.traffickingStatus?.length) {
    cond.push(`c.trafficking_status = ANY(${p(f.traffickingStatus)}::text[])`);
  }
  if (f.gender?.length) cond.push(`c.gender = ANY(${p(f.gender)}::text[])`);
  // char(2) columns: compared as bpchar, so that their indexes apply (a text cast hides them).
  if (f.citizenship?.length) cond.push(`c.citizenship = ANY(${p(f.citizenship)}::bpchar[])`);
  if (f.countryOfExploitation?.length) {
    cond.push(`c.country_of_exploitation = ANY(${p(f.countryOfExploitation)}::bpchar[])`);
  }
  if (f.typeOfExploitation?.length) {
    cond.push(`c.type_of_exploitation && ${p(f.typeOfExploitation)}::text[]`);
  }
  if (f.registeredFrom) cond.push(`c.registration_date >= ${p(f.registeredFrom)}::date`);
  if (f.registeredTo) cond.push(`c.registration_date <= ${p(f.registeredTo)}::date`);
  if (f.ageMin !== undefined) cond.push(`c.age_at_registration >= ${p(f.ageMin)}`);
  if (f.ageMax !== undefined) cond.push(`c.age_at_registration <= ${p(f.ageMax)}`);
  if (f.reference) {
    cond.push(`c.reference LIKE ${p(f.reference.toUpperCase().replace(/[\\%_]/g, '\\$&') + '%')}`);
  }
  if (after) {
    cond.push(
      `(c.registration_date, c.id) < (${p(after.registrationDate)}::date, ${p(after.id)}::uuid)`,
    );
  }
  return { sql: cond.length ? `WHERE ${cond.join(' AND ')}` : '', params };
}

export async function listCases(
  tx: Tx,
  filters: Filters,
  limit: number,
  after?: ListPosition,
): Promise<CaseRow[]> {
  const w = where(filters, after);
  return tx.query<CaseRow>(
    `SELECT ${SUMMARY} FROM cases c ${w.sql}
      ORDER BY c.registration_date DESC, c.id DESC LIMIT $${w.params.length + 1}`,
    [...w.params, limit],
  );
}

/** Counts matching cases, stopping at `cap` so that a broad filter stays cheap. */
export async function countCases(tx: Tx, filters: Filters, cap: number): Promise<number> {
  const w = where(filters);
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM cases c ${w.sql} LIMIT $${w.params.length + 1}) capped`,
    [...w.params, cap + 1],
  );
  return row?.n ?? 0;
}
