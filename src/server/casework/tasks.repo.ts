import type { TaskStatus } from '../../shared/api/casework.schema.ts';
import type { Tx } from '../db/database.ts';

export interface TaskRow {
  id: string;
  caseId: string;
  caseReference: string;
  title: Uint8Array;
  dueDate: string;
  status: TaskStatus;
  assigneeId: string;
  assigneeName: string;
  createdById: string;
  createdByName: string;
  createdAt: Date;
  doneAt: Date | null;
}

const COLUMNS = `t.id, t.case_id AS "caseId", c.reference AS "caseReference", t.title,
  t.due_date AS "dueDate", t.status, t.assignee_id AS "assigneeId",
  asg.display_name AS "assigneeName", t.created_by AS "createdById",
  crt.display_name AS "createdByName", t.created_at AS "createdAt", t.done_at AS "doneAt"`;
const FROM = `tasks t JOIN cases c ON c.id = t.case_id
  JOIN users asg ON asg.id = t.assignee_id JOIN users crt ON crt.id = t.created_by`;
/** At most this many tasks in one list (a caseload beyond it is a problem of its own). */
const LIST_LIMIT = 500;

export interface NewTask {
  id: string;
  orgId: string;
  caseId: string;
  title: Buffer;
  dueDate: string;
  assigneeId: string;
  createdBy: string;
  now: Date;
}

export async function insertTask(tx: Tx, t: NewTask): Promise<void> {
  await tx.query(
    `INSERT INTO tasks (id, org_id, case_id, title, due_date, assignee_id, created_by, created_at,
                        updated_at)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $8)`,
    [t.id, t.orgId, t.caseId, t.title, t.dueDate, t.assigneeId, t.createdBy, t.now],
  );
}

export async function findTask(tx: Tx, id: string, lock = false): Promise<TaskRow | undefined> {
  const [row] = await tx.query<TaskRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE t.id = $1 ${lock ? 'FOR UPDATE OF t' : ''}`,
    [id],
  );
  return row;
}

export interface TaskChanges {
  title?: Buffer;
  dueDate?: string;
  assigneeId?: string;
  status?: TaskStatus;
}

export async function updateTask(
  tx: Tx,
  id: string,
  ch: TaskChanges,
  actorId: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE tasks SET title = coalesce($2, title), due_date = coalesce($3::date, due_date),
       assignee_id = coalesce($4, assignee_id), status = coalesce($5, status),
       done_by = CASE WHEN $5 = 'done' THEN $6::uuid WHEN $5 = 'open' THEN NULL ELSE done_by END,
       done_at = CASE WHEN $5 = 'done' THEN $7 WHEN $5 = 'open' THEN NULL ELSE done_at END,
       updated_at = $7
     WHERE id = $1`,
    [
      id,
      ch.title ?? null,
      ch.dueDate ?? null,
      ch.assigneeId ?? null,
      ch.status ?? null,
      actorId,
      now,
    ],
  );
}

export async function listCaseTasks(tx: Tx, caseId: string): Promise<TaskRow[]> {
  return tx.query<TaskRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE t.case_id = $1
      ORDER BY t.status DESC, t.due_date, t.created_at, t.id LIMIT ${LIST_LIMIT}`,
    [caseId],
  );
}

/** A user's tasks: open ones soonest due first, done ones most recently done first. */
export async function listAssignedTasks(
  tx: Tx,
  assigneeId: string,
  f: { status: TaskStatus | 'all'; overdueBefore?: string },
): Promise<TaskRow[]> {
  return tx.query<TaskRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE t.assignee_id = $1 AND ($2::text = 'all' OR t.status = $2)
        AND ($3::date IS NULL OR (t.status = 'open' AND t.due_date < $3::date))
      ORDER BY t.status DESC, t.due_date, t.done_at DESC, t.id LIMIT ${LIST_LIMIT}`,
    [assigneeId, f.status, f.overdueBefore ?? null],
  );
}

/** Open tasks due before `today` across the organisation (or of one assignee). */
export async function listOverdueTasks(
  tx: Tx,
  today: string,
  assigneeId: string | null,
): Promise<TaskRow[]> {
  return tx.query<TaskRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE t.status = 'open' AND t.due_date < $1::date AND ($2::uuid IS NULL OR t.assignee_id = $2)
      ORDER BY t.due_date, asg.display_name, t.id LIMIT ${LIST_LIMIT}`,
    [today, assigneeId],
  );
}
