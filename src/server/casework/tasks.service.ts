import type {
  MyTasksQuery,
  OverdueTasksQuery,
  Task,
  TaskCreateBody,
  TaskList,
  TaskUpdateBody,
} from '../../shared/api/casework.schema.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import {
  conflict,
  recordEvent,
  requireCase,
  requireCaseHandler,
  todayOf,
} from './casework-support.ts';
import { AAD, openText, sealText } from './sealed-text.ts';
import type { TaskChanges, TaskRow } from './tasks.repo.ts';
import {
  findTask,
  insertTask,
  listAssignedTasks,
  listCaseTasks,
  listOverdueTasks,
  updateTask as saveTask,
} from './tasks.repo.ts';

/** Presents task rows with their titles opened and `overdue` measured against `today`. */
export function presentTask(keys: OrgKeys, today: string, r: TaskRow): Task {
  return {
    id: r.id,
    caseId: r.caseId,
    caseReference: r.caseReference,
    title: openText(keys, AAD.task(r.id), r.title),
    dueDate: r.dueDate,
    status: r.status,
    overdue: r.status === 'open' && r.dueDate < today,
    assignee: { id: r.assigneeId, displayName: r.assigneeName },
    createdBy: { id: r.createdById, displayName: r.createdByName },
    createdAt: r.createdAt.toISOString(),
    doneAt: r.doneAt?.toISOString() ?? null,
  };
}

async function presentAll(ctx: ServiceContext, rows: TaskRow[]): Promise<TaskList> {
  const keys = await ctx.keys();
  const today = todayOf(ctx);
  return { items: rows.map((r) => presentTask(keys, today, r)) };
}

function checkDueDate(ctx: ServiceContext, dueDate: string): void {
  if (dueDate < todayOf(ctx)) {
    throw AppError.invalid([{ path: 'dueDate', message: 'must be today or later' }]);
  }
}

async function readTask(ctx: ServiceContext, id: string): Promise<Task> {
  const row = await findTask(ctx.tx, id);
  if (!row) throw AppError.notFound('task');
  return presentTask(await ctx.keys(), todayOf(ctx), row);
}

/** Adds a task to an open case, for the requester unless another assignee is named. */
export async function createTask(
  ctx: ServiceContext,
  caseId: string,
  body: TaskCreateBody,
): Promise<Task> {
  const c = await requireCase(ctx, caseId);
  if (c.stage === 'closed') throw conflict('The case is closed; reopen it to add tasks.');
  checkDueDate(ctx, body.dueDate);
  const assignee = await requireCaseHandler(ctx, body.assigneeId ?? ctx.actor.userId, 'assigneeId');
  const id = newId();
  await insertTask(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    caseId: c.id,
    title: sealText(await ctx.keys(), AAD.task(id), body.title),
    dueDate: body.dueDate,
    assigneeId: assignee.id,
    createdBy: ctx.actor.userId,
    now: ctx.clock.now(),
  });
  await recordEvent(ctx, c.id, 'task_created', {
    refId: id,
    data: { taskId: id, dueDate: body.dueDate, assigneeId: assignee.id },
  });
  await ctx.audit({
    action: 'task.created',
    recordType: 'task',
    recordId: id,
    fields: ['title', 'dueDate', 'assigneeId'],
  });
  return readTask(ctx, id);
}

/** Changes a task's title, due date or assignee, or marks it done or open again. */
export async function updateTask(
  ctx: ServiceContext,
  id: string,
  body: TaskUpdateBody,
): Promise<Task> {
  const t = await findTask(ctx.tx, id, true);
  if (!t) throw AppError.notFound('task');
  if (body.dueDate !== undefined && body.dueDate !== t.dueDate) checkDueDate(ctx, body.dueDate);
  if (body.assigneeId !== undefined) await requireCaseHandler(ctx, body.assigneeId, 'assigneeId');
  const changes: TaskChanges = {};
  if (body.title !== undefined)
    changes.title = sealText(await ctx.keys(), AAD.task(id), body.title);
  if (body.dueDate !== undefined && body.dueDate !== t.dueDate) changes.dueDate = body.dueDate;
  if (body.assigneeId !== undefined && body.assigneeId !== t.assigneeId) {
    changes.assigneeId = body.assigneeId;
  }
  if (body.status !== undefined && body.status !== t.status) changes.status = body.status;
  const fields = Object.keys(changes);
  if (fields.length === 0) return readTask(ctx, id);
  await saveTask(ctx.tx, id, changes, ctx.actor.userId, ctx.clock.now());
  if (changes.title || changes.dueDate || changes.assigneeId) {
    await recordEvent(ctx, t.caseId, 'task_updated', {
      refId: id,
      data: {
        taskId: id,
        ...(changes.dueDate ? { dueDate: changes.dueDate } : {}),
        ...(changes.assigneeId ? { assigneeId: changes.assigneeId } : {}),
      },
    });
  }
  if (changes.status) {
    await recordEvent(ctx, t.caseId, changes.status === 'done' ? 'task_done' : 'task_reopened', {
      refId: id,
      data: { taskId: id },
    });
  }
  await ctx.audit({ action: 'task.updated', recordType: 'task', recordId: id, fields });
  return readTask(ctx, id);
}

/** The tasks of one case: open ones first, soonest due first. */
export async function tasksOfCase(ctx: ServiceContext, caseId: string): Promise<TaskList> {
  await requireCase(ctx, caseId);
  return presentAll(ctx, await listCaseTasks(ctx.tx, caseId));
}

/** The signed-in user's tasks (open by default; only overdue ones on request). */
export async function myTasks(ctx: ServiceContext, q: MyTasksQuery): Promise<TaskList> {
  const rows = await listAssignedTasks(ctx.tx, ctx.actor.userId, {
    status: q.status,
    ...(q.overdue ? { overdueBefore: todayOf(ctx) } : {}),
  });
  return presentAll(ctx, rows);
}

/** Overdue tasks across the organisation, or of one assignee: the supervisor's list. */
export async function overdueTasks(ctx: ServiceContext, q: OverdueTasksQuery): Promise<TaskList> {
  return presentAll(ctx, await listOverdueTasks(ctx.tx, todayOf(ctx), q.assigneeId ?? null));
}
