import type { FollowUp, FollowUpBody, FollowUpList } from '../../shared/api/case-record.schema.ts';
import { issues, notBefore, notInFuture } from '../../shared/case-record/date-rules.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import { actorRef, refuse, requireCase, todayOf } from './case-facts.ts';
import { insertFollowUp, listFollowUps } from './follow-ups.repo.ts';
import { openJson, sealJson } from './sealed.ts';

const aad = (id: string) => `follow_up:${id}`;

/** The follow-ups of a case, decrypted, newest first; for reads, which the caller audits. */
export async function followUpsOf(ctx: ServiceContext, caseId: string): Promise<FollowUp[]> {
  const keys = await ctx.keys();
  return (await listFollowUps(ctx.tx, caseId)).map(
    ({ notes, createdAt, createdById, createdByName, ...f }) => ({
      ...f,
      ...openJson<Pick<FollowUp, 'notes'>>(keys, aad(f.id), notes),
      createdAt: createdAt.toISOString(),
      createdBy: createdById ? { id: createdById, displayName: createdByName ?? '' } : null,
    }),
  );
}

export async function getFollowUps(ctx: ServiceContext, caseId: string): Promise<FollowUpList> {
  await requireCase(ctx, caseId);
  const items = await followUpsOf(ctx, caseId);
  await ctx.audit({
    action: 'case.follow_ups.read',
    recordType: 'case',
    recordId: caseId,
    fields: ['followUps'],
  });
  return { items };
}

/** Records a follow-up contact: not in the future, not before the case was registered. */
export async function createFollowUp(
  ctx: ServiceContext,
  caseId: string,
  body: FollowUpBody,
): Promise<FollowUp> {
  const facts = await requireCase(ctx, caseId, { lock: true });
  refuse(
    issues(
      notInFuture('date', body.date, todayOf(ctx)),
      notBefore('date', body.date, facts.registrationDate, 'the registration date'),
    ),
  );
  const id = newId();
  const now = ctx.clock.now();
  await insertFollowUp(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    caseId,
    date: body.date,
    notes: sealJson(await ctx.keys(), aad(id), { notes: body.notes }),
    userId: ctx.actor.userId,
    now,
  });
  await ctx.audit({
    action: 'case.follow_up.created',
    recordType: 'follow_up',
    recordId: id,
    fields: ['date', 'notes'],
  });
  return {
    id,
    ...body,
    createdAt: now.toISOString(),
    createdBy: await actorRef(ctx),
  };
}
