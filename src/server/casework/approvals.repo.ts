import type { ApprovalKind, ApprovalState } from '../../shared/api/casework.schema.ts';
import type { ClosureReason, Determination } from '../../shared/casework/lifecycle.ts';
import type { Tx } from '../db/database.ts';

export interface ApprovalRow {
  id: string;
  caseId: string;
  caseReference: string;
  kind: ApprovalKind;
  state: ApprovalState;
  traffickingStatus: Determination | null;
  closureReason: ClosureReason | null;
  reason: Uint8Array;
  requestedById: string;
  requestedByName: string;
  requestedAt: Date;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  comment: Uint8Array | null;
}

const COLUMNS = `a.id, a.case_id AS "caseId", c.reference AS "caseReference", a.kind, a.state,
  a.trafficking_status AS "traffickingStatus", a.closure_reason AS "closureReason", a.reason,
  a.requested_by AS "requestedById", rq.display_name AS "requestedByName",
  a.requested_at AS "requestedAt", a.decided_by AS "decidedById",
  dc.display_name AS "decidedByName", a.decided_at AS "decidedAt", a.comment`;
const FROM = `case_approvals a JOIN cases c ON c.id = a.case_id
  JOIN users rq ON rq.id = a.requested_by LEFT JOIN users dc ON dc.id = a.decided_by`;

export interface NewApproval {
  id: string;
  orgId: string;
  caseId: string;
  kind: ApprovalKind;
  traffickingStatus: Determination | null;
  closureReason: ClosureReason | null;
  reason: Buffer;
  requestedBy: string;
  at: Date;
}

export async function insertApproval(tx: Tx, a: NewApproval): Promise<void> {
  await tx.query(
    `INSERT INTO case_approvals (id, org_id, case_id, kind, trafficking_status, closure_reason,
                                 reason, requested_by, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      a.id,
      a.orgId,
      a.caseId,
      a.kind,
      a.traffickingStatus,
      a.closureReason,
      a.reason,
      a.requestedBy,
      a.at,
    ],
  );
}

/** Whether the case has a pending request of this kind (at most one may be pending). */
export async function hasPendingApproval(
  tx: Tx,
  caseId: string,
  kind: ApprovalKind,
): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM case_approvals WHERE case_id = $1 AND kind = $2 AND state = 'pending'`,
    [caseId, kind],
  );
  return rows.length > 0;
}

/** One request; `lock` holds it so that two supervisors cannot both decide it. */
export async function findApproval(
  tx: Tx,
  id: string,
  lock = false,
): Promise<ApprovalRow | undefined> {
  const [row] = await tx.query<ApprovalRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`,
    [id],
  );
  return row;
}

export async function decideApproval(
  tx: Tx,
  id: string,
  d: { state: 'approved' | 'rejected'; decidedBy: string; at: Date; comment: Buffer | null },
): Promise<void> {
  await tx.query(
    `UPDATE case_approvals SET state = $2, decided_by = $3, decided_at = $4, comment = $5
      WHERE id = $1 AND state = 'pending'`,
    [id, d.state, d.decidedBy, d.at, d.comment],
  );
}

/** The organisation's requests in one state, oldest first (the queue a supervisor works through). */
export async function listApprovals(
  tx: Tx,
  state: ApprovalState,
  limit: number,
): Promise<ApprovalRow[]> {
  return tx.query<ApprovalRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE a.state = $1
      ORDER BY a.requested_at ${state === 'pending' ? 'ASC' : 'DESC'}, a.id LIMIT $2`,
    [state, limit],
  );
}

export async function listCaseApprovals(tx: Tx, caseId: string): Promise<ApprovalRow[]> {
  return tx.query<ApprovalRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE a.case_id = $1 ORDER BY a.requested_at, a.id`,
    [caseId],
  );
}
