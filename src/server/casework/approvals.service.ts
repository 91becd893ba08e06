import type {
  Approval,
  ApprovalList,
  ApprovalListQuery,
  ApprovalRequestBody,
  DecisionBody,
} from '../../shared/api/casework.schema.ts';
import { closureError, determinationError } from '../../shared/casework/lifecycle.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import type { ApprovalRow } from './approvals.repo.ts';
import {
  decideApproval as saveDecision,
  findApproval,
  hasPendingApproval,
  insertApproval,
  listApprovals,
  listCaseApprovals,
} from './approvals.repo.ts';
import type { CaseState } from './case-state.repo.ts';
import { setTraffickingStatus } from './case-state.repo.ts';
import { conflict, recordEvent, requireCase } from './casework-support.ts';
import { moveCase } from './lifecycle.service.ts';
import { AAD, openText, sealText } from './sealed-text.ts';

const KIND_LABEL = { victim_determination: 'victim determination', closure: 'closure' } as const;

function present(keys: OrgKeys, r: ApprovalRow): Approval {
  return {
    id: r.id,
    caseId: r.caseId,
    caseReference: r.caseReference,
    kind: r.kind,
    state: r.state,
    traffickingStatus: r.traffickingStatus,
    closureReason: r.closureReason,
    reason: openText(keys, AAD.approvalReason(r.id), r.reason),
    requestedBy: { id: r.requestedById, displayName: r.requestedByName },
    requestedAt: r.requestedAt.toISOString(),
    decidedBy: r.decidedById ? { id: r.decidedById, displayName: r.decidedByName ?? '' } : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    comment: r.comment ? openText(keys, AAD.approvalComment(r.id), r.comment) : null,
  };
}

/** Why the request cannot take effect on the case as it is now, or null. */
function requestError(
  c: CaseState,
  r: Pick<ApprovalRow, 'kind' | 'traffickingStatus'>,
): string | null {
  if (r.kind === 'closure') return closureError(c.stage);
  return determinationError(c.stage, c.traffickingStatus, r.traffickingStatus!);
}

/**
 * Asks a supervisor to approve a victim determination or the closure of a case. Nothing on the
 * case changes until a supervisor other than the requester approves (decisions/0005).
 */
export async function requestApproval(
  ctx: ServiceContext,
  caseId: string,
  body: ApprovalRequestBody,
): Promise<Approval> {
  const c = await requireCase(ctx, caseId, true);
  const proposal = {
    kind: body.kind,
    traffickingStatus: body.kind === 'victim_determination' ? body.traffickingStatus : null,
    closureReason: body.kind === 'closure' ? body.closureReason : null,
  };
  const refused = requestError(c, proposal);
  if (refused) throw conflict(refused);
  if (await hasPendingApproval(ctx.tx, c.id, body.kind)) {
    throw conflict(`A ${KIND_LABEL[body.kind]} request is already pending for this case.`);
  }
  const id = newId();
  await insertApproval(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    caseId: c.id,
    ...proposal,
    reason: sealText(await ctx.keys(), AAD.approvalReason(id), body.reason),
    requestedBy: ctx.actor.userId,
    at: ctx.clock.now(),
  });
  await recordEvent(ctx, c.id, 'approval_requested', {
    refId: id,
    data: {
      approvalId: id,
      approvalKind: body.kind,
      ...(proposal.traffickingStatus ? { traffickingStatus: proposal.traffickingStatus } : {}),
      ...(proposal.closureReason ? { closureReason: proposal.closureReason } : {}),
    },
  });
  await ctx.audit({
    action: 'approval.requested',
    recordType: 'case_approval',
    recordId: id,
    fields: Object.keys(body),
  });
  return getApproval(ctx, id);
}

async function getApproval(ctx: ServiceContext, id: string): Promise<Approval> {
  const row = await findApproval(ctx.tx, id);
  if (!row) throw AppError.notFound('approval request');
  return present(await ctx.keys(), row);
}

/**
 * A supervisor approves or rejects a pending request. The requester can never decide their
 * own request (four-eyes); an approval applies the change in the same transaction.
 */
export async function decideApproval(
  ctx: ServiceContext,
  approvalId: string,
  body: DecisionBody,
): Promise<Approval> {
  const a = await findApproval(ctx.tx, approvalId, true);
  if (!a) throw AppError.notFound('approval request');
  if (a.requestedById === ctx.actor.userId) {
    throw new AppError(
      'forbidden',
      'You cannot decide a request you made yourself: another supervisor must (four-eyes).',
    );
  }
  if (a.state !== 'pending') throw conflict(`This request has already been ${a.state}.`);
  const c = await requireCase(ctx, a.caseId, true);
  const keys = await ctx.keys();
  const now = ctx.clock.now();
  if (body.decision === 'approved') {
    const refused = requestError(c, a);
    if (refused) throw conflict(`${refused} Reject the request instead.`);
  }
  await saveDecision(ctx.tx, a.id, {
    state: body.decision,
    decidedBy: ctx.actor.userId,
    at: now,
    comment: body.comment ? sealText(keys, AAD.approvalComment(a.id), body.comment) : null,
  });
  await recordEvent(ctx, c.id, 'approval_decided', {
    refId: a.id,
    data: { approvalId: a.id, approvalKind: a.kind, decision: body.decision },
  });
  await ctx.audit({
    action: 'approval.decided',
    recordType: 'case_approval',
    recordId: a.id,
    fields: body.comment ? ['decision', 'comment'] : ['decision'],
  });
  if (body.decision === 'approved') await apply(ctx, keys, c, a);
  return getApproval(ctx, a.id);
}

async function apply(ctx: ServiceContext, keys: OrgKeys, c: CaseState, a: ApprovalRow) {
  if (a.kind === 'closure') {
    // The closure's reason becomes the transition's reason, sealed anew to the transition.
    const reason = openText(keys, AAD.approvalReason(a.id), a.reason);
    await moveCase(ctx, c, 'closed', reason, { id: a.id, closureReason: a.closureReason });
    return;
  }
  await setTraffickingStatus(ctx.tx, c.id, a.traffickingStatus!, ctx.clock.now());
  await ctx.audit({
    action: 'case.updated',
    recordType: 'case',
    recordId: c.id,
    fields: ['traffickingStatus'],
  });
}

/** The organisation's requests in one state (pending by default), for supervisors. */
export async function listOrgApprovals(
  ctx: ServiceContext,
  q: ApprovalListQuery,
): Promise<ApprovalList> {
  const keys = await ctx.keys();
  const rows = await listApprovals(ctx.tx, q.state, q.limit);
  return { items: rows.map((r) => present(keys, r)) };
}

/** Every request made for one case, oldest first. */
export async function listApprovalsOfCase(
  ctx: ServiceContext,
  caseId: string,
): Promise<ApprovalList> {
  await requireCase(ctx, caseId);
  const keys = await ctx.keys();
  return { items: (await listCaseApprovals(ctx.tx, caseId)).map((r) => present(keys, r)) };
}
