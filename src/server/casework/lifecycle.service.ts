import type {
  CaseOwner,
  OwnerBody,
  Transition,
  TransitionBody,
} from '../../shared/api/casework.schema.ts';
import type { ClosureReason, Stage } from '../../shared/casework/lifecycle.ts';
import {
  DIRECT_TRANSITIONS,
  statusForStage,
  transitionError,
  transitionKind,
} from '../../shared/casework/lifecycle.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import type { CaseState } from './case-state.repo.ts';
import { findColleague, insertTransition, setCaseOwner, setCaseStage } from './case-state.repo.ts';
import { conflict, recordEvent, requireCase, requireCaseHandler } from './casework-support.ts';
import { AAD, sealText } from './sealed-text.ts';

/**
 * Moves a locked case to another stage: records the transition (who, when, why), keeps
 * cas_Status in step with the stage, appends to the timeline and the audit log. Callers have
 * checked that the move is allowed (a direct move, or a closure a supervisor approved).
 */
export async function moveCase(
  ctx: ServiceContext,
  c: CaseState,
  to: Stage,
  reason: string,
  approval?: { id: string; closureReason: ClosureReason | null },
): Promise<Transition> {
  const id = newId();
  const at = ctx.clock.now();
  const status = statusForStage(to, approval?.closureReason);
  await insertTransition(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    caseId: c.id,
    from: c.stage,
    to,
    reason: sealText(await ctx.keys(), AAD.transition(id), reason),
    actorId: ctx.actor.userId,
    at,
    approvalId: approval?.id ?? null,
  });
  await setCaseStage(ctx.tx, c.id, to, status, at);
  const kind = transitionKind(c.stage, to);
  await recordEvent(ctx, c.id, 'stage_changed', {
    refId: id,
    data: {
      from: c.stage,
      to,
      transitionKind: kind,
      ...(approval ? { approvalId: approval.id } : {}),
    },
  });
  await ctx.audit({
    action: 'case.transitioned',
    recordType: 'case',
    recordId: c.id,
    fields: status === c.status ? ['stage'] : ['stage', 'status'],
  });
  const actor = await findColleague(ctx.tx, ctx.actor.userId);
  return {
    id,
    caseId: c.id,
    from: c.stage,
    to,
    kind,
    reason,
    actor: { id: ctx.actor.userId, displayName: actor?.displayName ?? '' },
    at: at.toISOString(),
    approvalId: approval?.id ?? null,
    caseStatus: status,
  };
}

/** A direct move along the lifecycle, with a reason; closing needs an approved request. */
export async function transitionCase(
  ctx: ServiceContext,
  caseId: string,
  body: TransitionBody,
): Promise<Transition> {
  const c = await requireCase(ctx, caseId, true);
  const refused = transitionError(c.stage, body.to);
  if (refused) {
    throw conflict(refused, { from: c.stage, to: body.to, allowed: DIRECT_TRANSITIONS[c.stage] });
  }
  return moveCase(ctx, c, body.to, body.reason);
}

/**
 * Gives a case to another caseworker or supervisor of the organisation. A supervisor assigns
 * any case; a caseworker hands over a case they own, or takes one that has no owner.
 */
export async function assignCase(
  ctx: ServiceContext,
  caseId: string,
  body: OwnerBody,
): Promise<CaseOwner> {
  const c = await requireCase(ctx, caseId, true);
  if (ctx.actor.role !== 'supervisor' && c.ownerId !== null && c.ownerId !== ctx.actor.userId) {
    throw new AppError('forbidden', 'Only the case owner or a supervisor can transfer this case.');
  }
  const owner = await requireCaseHandler(ctx, body.ownerId, 'ownerId');
  if (owner.id === c.ownerId) throw conflict('The case already has this owner.');
  const previous = c.ownerId ? await findColleague(ctx.tx, c.ownerId) : undefined;
  await setCaseOwner(ctx.tx, c.id, owner.id, ctx.clock.now());
  const eventId = newId();
  await recordEvent(ctx, c.id, 'owner_changed', {
    id: eventId,
    data: { ownerId: owner.id, previousOwnerId: c.ownerId },
    detail: body.reason ? sealText(await ctx.keys(), AAD.event(eventId), body.reason) : null,
  });
  await ctx.audit({
    action: 'case.assigned',
    recordType: 'case',
    recordId: c.id,
    fields: body.reason ? ['caseOwner', 'reason'] : ['caseOwner'],
  });
  return {
    caseId: c.id,
    owner: { id: owner.id, displayName: owner.displayName },
    previousOwner: previous ? { id: previous.id, displayName: previous.displayName } : null,
  };
}
