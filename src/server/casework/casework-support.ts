import type { TimelineData, TimelineKind } from '../../shared/api/casework.schema.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import { insertCaseEvent } from './case-events.repo.ts';
import type { CaseState, Colleague } from './case-state.repo.ts';
import { findCaseState, findColleague } from './case-state.repo.ts';

/** Today's date (UTC) by the request's clock: what "overdue" and "not in the past" mean. */
export const todayOf = (ctx: ServiceContext): string => ctx.clock.now().toISOString().slice(0, 10);

/** The case, or 404 exactly as for another organisation's case; `lock` holds it until commit. */
export async function requireCase(
  ctx: ServiceContext,
  id: string,
  lock = false,
): Promise<CaseState> {
  const c = await findCaseState(ctx.tx, id, lock);
  if (!c) throw AppError.notFound('case');
  return c;
}

/**
 * A caseworker or supervisor of the organisation with an active account: who may own a case or
 * be given a task. Anyone else, including another organisation's user (invisible under
 * row-level security), is a 400 naming the field.
 */
export async function requireCaseHandler(
  ctx: ServiceContext,
  userId: string,
  path: string,
): Promise<Colleague> {
  const u = await findColleague(ctx.tx, userId);
  if (!u || u.disabled || (u.role !== 'caseworker' && u.role !== 'supervisor')) {
    throw AppError.invalid([
      { path, message: 'must be an active caseworker or supervisor of your organisation' },
    ]);
  }
  return u;
}

/** Refuses a state change that conflicts with the case's current state (409). */
export function conflict(message: string, details?: unknown): AppError {
  return new AppError('conflict', message, details);
}

/** Appends an event to the case's timeline, as the acting user, at the request's time. */
export async function recordEvent(
  ctx: ServiceContext,
  caseId: string,
  kind: TimelineKind,
  e: { id?: string; refId?: string; data?: TimelineData; detail?: Buffer | null } = {},
): Promise<void> {
  await insertCaseEvent(ctx.tx, {
    id: e.id ?? newId(),
    orgId: ctx.actor.orgId,
    caseId,
    kind,
    actorId: ctx.actor.userId,
    at: ctx.clock.now(),
    refId: e.refId ?? null,
    data: e.data ?? {},
    detail: e.detail ?? null,
  });
}
