import type { Timeline, TimelineEvent } from '../../shared/api/casework.schema.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import type { ServiceContext } from '../http/context.ts';
import type { CaseEventRow } from './case-events.repo.ts';
import { listCaseEvents } from './case-events.repo.ts';
import { findUserNames } from './case-state.repo.ts';
import { requireCase } from './casework-support.ts';
import { AAD, openText } from './sealed-text.ts';

const AAD_OF: Record<NonNullable<CaseEventRow['sealedIn']>, (r: CaseEventRow) => string> = {
  transition: (r) => AAD.transition(r.refId!),
  approval_reason: (r) => AAD.approvalReason(r.refId!),
  approval_comment: (r) => AAD.approvalComment(r.refId!),
  task: (r) => AAD.task(r.refId!),
  event: (r) => AAD.event(r.id),
};

function textOf(keys: OrgKeys, r: CaseEventRow): string | null {
  if (!r.sealed || !r.sealedIn) return null;
  return openText(keys, AAD_OF[r.sealedIn](r), r.sealed);
}

/**
 * What happened to a case, in order: its opening, stage changes with their reasons, approval
 * requests and decisions, owner changes, notes added (not their text) and tasks. Reasons,
 * comments and task titles are work records, not the place for personal details (notes are),
 * so reading the timeline is not audited (docs/casework.md).
 */
export async function caseTimeline(ctx: ServiceContext, caseId: string): Promise<Timeline> {
  const c = await requireCase(ctx, caseId);
  const keys = await ctx.keys();
  const rows = await listCaseEvents(ctx.tx, c.id);
  const mentioned = new Set<string>();
  for (const r of rows) {
    for (const id of [r.data.assigneeId, r.data.ownerId, r.data.previousOwnerId]) {
      if (id) mentioned.add(id);
    }
  }
  if (c.createdById) mentioned.add(c.createdById);
  const users = await findUserNames(ctx.tx, [...mentioned]);
  const creator = users.find((u) => u.id === c.createdById) ?? null;
  const opened: TimelineEvent = {
    id: `opened:${c.id}`,
    at: c.createdAt.toISOString(),
    kind: 'case_opened',
    actor: creator,
    text: null,
    data: {},
  };
  const items = rows.map((r): TimelineEvent => ({
    id: r.id,
    at: r.at.toISOString(),
    kind: r.kind,
    actor: r.actorId ? { id: r.actorId, displayName: r.actorName ?? '' } : null,
    text: textOf(keys, r),
    data: r.data,
  }));
  return { items: [opened, ...items], users };
}
