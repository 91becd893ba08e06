import type { Role } from '../../shared/api/auth.schema.ts';
import type { CaseStatus, TraffickingStatus } from '../../shared/codes/htcds.ts';
import type { Stage } from '../../shared/casework/lifecycle.ts';
import type { Tx } from '../db/database.ts';

/** The parts of a case that casework reads and changes. */
export interface CaseState {
  id: string;
  reference: string;
  stage: Stage;
  status: CaseStatus;
  traffickingStatus: TraffickingStatus;
  ownerId: string | null;
  createdById: string | null;
  createdAt: Date;
}

/**
 * A case's state, locked for the rest of the transaction when `lock` is set, so that two
 * requests changing one case (a transition and an approval) take turns.
 */
export async function findCaseState(
  tx: Tx,
  id: string,
  lock = false,
): Promise<CaseState | undefined> {
  const [row] = await tx.query<CaseState>(
    `SELECT id, reference, stage, status, trafficking_status AS "traffickingStatus",
            case_owner AS "ownerId", created_by AS "createdById", created_at AS "createdAt"
       FROM cases WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}

export async function setCaseStage(
  tx: Tx,
  id: string,
  stage: Stage,
  status: CaseStatus,
  now: Date,
): Promise<void> {
  await tx.query('UPDATE cases SET stage = $2, status = $3, updated_at = $4 WHERE id = $1', [
    id,
    stage,
    status,
    now,
  ]);
}

export async function setTraffickingStatus(
  tx: Tx,
  id: string,
  value: TraffickingStatus,
  now: Date,
): Promise<void> {
  await tx.query('UPDATE cases SET trafficking_status = $2, updated_at = $3 WHERE id = $1', [
    id,
    value,
    now,
  ]);
}

export async function setCaseOwner(tx: Tx, id: string, ownerId: string, now: Date): Promise<void> {
  await tx.query('UPDATE cases SET case_owner = $2, updated_at = $3 WHERE id = $1', [
    id,
    ownerId,
    now,
  ]);
}

export interface Colleague {
  id: string;
  displayName: string;
  role: Role;
  disabled: boolean;
}

/** A user of the request's organisation (row-level security hides everyone else's). */
export async function findColleague(tx: Tx, id: string): Promise<Colleague | undefined> {
  const [row] = await tx.query<Colleague>(
    'SELECT id, display_name AS "displayName", role, disabled FROM users WHERE id = $1',
    [id],
  );
  return row;
}

export interface NewTransition {
  id: string;
  orgId: string;
  caseId: string;
  from: Stage;
  to: Stage;
  reason: Buffer;
  actorId: string;
  at: Date;
  approvalId: string | null;
}

export async function insertTransition(tx: Tx, t: NewTransition): Promise<void> {
  await tx.query(
    `INSERT INTO case_transitions (id, org_id, case_id, from_stage, to_stage, reason, actor_id, at,
                                   approval_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [t.id, t.orgId, t.caseId, t.from, t.to, t.reason, t.actorId, t.at, t.approvalId],
  );
}

/** Display names of the organisation's users among `ids`. */
export async function findUserNames(
  tx: Tx,
  ids: string[],
): Promise<{ id: string; displayName: string }[]> {
  if (ids.length === 0) return [];
  return tx.query(
    'SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[]) ORDER BY id',
    [ids],
  );
}
