import type { Role } from '../../shared/api/auth.schema.ts';
import type { CaseloadCase } from '../../shared/api/casework.schema.ts';
import type { Stage } from '../../shared/casework/lifecycle.ts';
import type { Tx } from '../db/database.ts';

/** A user's open cases with their task counts, in lifecycle order then newest first. */
export async function listOwnedOpenCases(
  tx: Tx,
  ownerId: string,
  today: string,
  limit: number,
): Promise<CaseloadCase[]> {
  return tx.query<CaseloadCase>(
    `SELECT c.id, c.reference, c.stage, c.status, c.trafficking_status AS "traffickingStatus",
            c.registration_date AS "registrationDate",
            count(t.id) FILTER (WHERE t.status = 'open')::int AS "openTasks",
            count(t.id) FILTER (WHERE t.status = 'open' AND t.due_date < $2::date)::int
              AS "overdueTasks"
       FROM cases c LEFT JOIN tasks t ON t.case_id = c.id
      WHERE c.case_owner = $1 AND c.stage <> 'closed'
      GROUP BY c.id
      ORDER BY array_position(ARRAY['intake','screening','assessment','assistance','follow_up'],
                              c.stage), c.registration_date DESC, c.id DESC
      LIMIT $3`,
    [ownerId, today, limit],
  );
}

export interface StageCount {
  ownerId: string | null;
  stage: Stage;
  n: number;
}

/** Cases by owner and stage (one owner, or everyone in the organisation). */
export async function countCasesByOwnerAndStage(
  tx: Tx,
  ownerId: string | null,
): Promise<StageCount[]> {
  return tx.query<StageCount>(
    `SELECT case_owner AS "ownerId", stage, count(*)::int AS n FROM cases
      WHERE ($1::uuid IS NULL OR case_owner = $1) GROUP BY case_owner, stage`,
    [ownerId],
  );
}

export interface TaskCount {
  assigneeId: string;
  open: number;
  overdue: number;
}

/** Open and overdue tasks per assignee. */
export async function countOpenTasksByAssignee(tx: Tx, today: string): Promise<TaskCount[]> {
  return tx.query<TaskCount>(
    `SELECT assignee_id AS "assigneeId", count(*)::int AS open,
            count(*) FILTER (WHERE due_date < $1::date)::int AS overdue
       FROM tasks WHERE status = 'open' GROUP BY assignee_id`,
    [today],
  );
}

export interface CaseHandler {
  id: string;
  displayName: string;
  role: Role;
}

/** The organisation's active caseworkers and supervisors: who can hold a caseload. */
export async function listCaseHandlers(tx: Tx): Promise<CaseHandler[]> {
  return tx.query<CaseHandler>(
    `SELECT id, display_name AS "displayName", role FROM users
      WHERE role IN ('caseworker', 'supervisor') AND NOT disabled
      ORDER BY display_name, id`,
  );
}
