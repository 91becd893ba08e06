import type {
  ReintegrationAssessment,
  ReintegrationBody,
  ReintegrationList,
} from '../../shared/api/case-record.schema.ts';
import { issues, notBefore, notInFuture } from '../../shared/case-record/date-rules.ts';
import { reintegrationOutcome } from '../../shared/codes/reintegration.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import { actorRef, refuse, requireCase, todayOf } from './case-facts.ts';
import { insertReintegration, listReintegration } from './reintegration.repo.ts';
import { openJson, sealJson } from './sealed.ts';

// How far a person's reintegration went (IOM Reintegration Handbook, 2019). The outcome is
// derived from the three dimensions on every read, never stored. Why the case closed is the
// closure request's (src/server/casework/), not repeated here.

const aad = (id: string) => `reintegration_assessment:${id}`;

/** The assessments of a case, decrypted, newest first; for reads, which the caller audits. */
export async function reintegrationOf(
  ctx: ServiceContext,
  caseId: string,
): Promise<ReintegrationAssessment[]> {
  const keys = await ctx.keys();
  return (await listReintegration(ctx.tx, caseId)).map(
    ({ notes, createdAt, createdById, createdByName, ...r }) => ({
      ...r,
      outcome: reintegrationOutcome(r),
      ...openJson<Pick<ReintegrationAssessment, 'notes'>>(keys, aad(r.id), notes),
      createdAt: createdAt.toISOString(),
      createdBy: createdById ? { id: createdById, displayName: createdByName ?? '' } : null,
    }),
  );
}

export async function getReintegration(
  ctx: ServiceContext,
  caseId: string,
): Promise<ReintegrationList> {
  await requireCase(ctx, caseId);
  const items = await reintegrationOf(ctx, caseId);
  await ctx.audit({
    action: 'case.reintegration.read',
    recordType: 'case',
    recordId: caseId,
    fields: ['reintegration'],
  });
  return { items };
}

/** Records an assessment: not in the future, not before the case was registered. */
export async function createReintegration(
  ctx: ServiceContext,
  caseId: string,
  body: ReintegrationBody,
): Promise<ReintegrationAssessment> {
  const facts = await requireCase(ctx, caseId, { lock: true });
  const today = todayOf(ctx);
  const { notes, assessedOn = today, ...ratings } = body;
  refuse(
    issues(
      notInFuture('assessedOn', assessedOn, today),
      notBefore('assessedOn', assessedOn, facts.registrationDate, 'the registration date'),
    ),
  );
  const id = newId();
  const now = ctx.clock.now();
  await insertReintegration(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    caseId,
    assessedOn,
    ...ratings,
    notes: sealJson(await ctx.keys(), aad(id), { notes }),
    userId: ctx.actor.userId,
    now,
  });
  await ctx.audit({
    action: 'case.reintegration.created',
    recordType: 'reintegration_assessment',
    recordId: id,
    fields: ['assessedOn', ...Object.keys(ratings), ...(notes ? ['notes'] : [])],
  });
  return {
    id,
    assessedOn,
    ...ratings,
    outcome: reintegrationOutcome(ratings),
    notes,
    createdAt: now.toISOString(),
    createdBy: await actorRef(ctx),
  };
}
