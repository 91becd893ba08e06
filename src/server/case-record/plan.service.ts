import type {
  AssistancePlan,
  AssistancePlanBody,
  AssistancePlanResponse,
  PlanService,
} from '../../shared/api/case-record.schema.ts';
import type { FieldIssue } from '../../shared/api/errors.ts';
import {
  issues,
  notBefore,
  notBeforeBirth,
  notInFuture,
} from '../../shared/case-record/date-rules.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import type { CaseFacts } from './case-facts.ts';
import { birthOf, refuse, requireCase, todayOf } from './case-facts.ts';
import { findPlan, listServices, replaceServices, savePlan } from './plan.repo.ts';
import { filledFields, openJson, sealJson } from './sealed.ts';

// The assistance plan is HTCDS's Support Plan (spl_): objectives, action plan, planned and
// actual end; its services each carry an spl_Type. One plan per case, replaced as a whole.

type Content = Pick<AssistancePlan, 'objectives' | 'actionPlan'>;
type ServiceDetails = Pick<PlanService, 'provider' | 'description'>;

const planAad = (caseId: string) => `assistance_plan:${caseId}`;
const serviceAad = (id: string) => `plan_service:${id}`;

/** The plan of a case, decrypted, or null; for reads, which the caller audits. */
export async function planOf(ctx: ServiceContext, caseId: string): Promise<AssistancePlan | null> {
  const row = await findPlan(ctx.tx, caseId);
  if (!row) return null;
  const keys = await ctx.keys();
  const services = (await listServices(ctx.tx, caseId)).map(({ details, ...s }) => ({
    ...s,
    ...openJson<ServiceDetails>(keys, serviceAad(s.id), details),
  }));
  const { content, updatedAt, updatedById, updatedByName, ...dates } = row;
  return {
    ...openJson<Content>(keys, planAad(caseId), content),
    ...dates,
    services,
    updatedAt: updatedAt.toISOString(),
    updatedBy: updatedById ? { id: updatedById, displayName: updatedByName ?? '' } : null,
  };
}

export async function getPlan(
  ctx: ServiceContext,
  caseId: string,
): Promise<AssistancePlanResponse> {
  await requireCase(ctx, caseId);
  const plan = await planOf(ctx, caseId);
  if (plan) {
    await ctx.audit({
      action: 'case.plan.read',
      recordType: 'case',
      recordId: caseId,
      fields: ['plan'],
    });
  }
  return { plan };
}

/** Impossible dates and service ids that are not this plan's. */
async function check(
  ctx: ServiceContext,
  facts: CaseFacts,
  body: AssistancePlanBody,
): Promise<void> {
  const today = todayOf(ctx);
  const known = new Set((await listServices(ctx.tx, facts.id)).map((s) => s.id));
  const seen = new Set<string>();
  const serviceIssues: (FieldIssue | null)[] = body.services.flatMap((s, i) => {
    const at = `services.${i}.`;
    const wrongId = s.id !== undefined && (!known.has(s.id) || seen.has(s.id));
    if (s.id) seen.add(s.id);
    return [
      wrongId ? { path: `${at}id`, message: 'is not a service of this plan' } : null,
      notBefore(`${at}plannedEndDate`, s.plannedEndDate, body.startDate, 'startDate'),
      notBefore(`${at}actualEndDate`, s.actualEndDate, body.startDate, 'startDate'),
      notInFuture(`${at}actualEndDate`, s.actualEndDate, today),
    ];
  });
  refuse(
    issues(
      notBeforeBirth('startDate', body.startDate, await birthOf(ctx, facts)),
      notBefore('plannedEndDate', body.plannedEndDate, body.startDate, 'startDate'),
      notBefore('actualEndDate', body.actualEndDate, body.startDate, 'startDate'),
      notInFuture('actualEndDate', body.actualEndDate, today),
      ...serviceIssues,
    ),
  );
}

export async function putPlan(
  ctx: ServiceContext,
  caseId: string,
  body: AssistancePlanBody,
): Promise<AssistancePlan> {
  const facts = await requireCase(ctx, caseId, { lock: true });
  await check(ctx, facts, body);
  const keys = await ctx.keys();
  const { objectives, actionPlan, services, ...dates } = body;
  await savePlan(ctx.tx, {
    ...dates,
    caseId,
    orgId: ctx.actor.orgId,
    content: sealJson(keys, planAad(caseId), { objectives, actionPlan }),
    userId: ctx.actor.userId,
    now: ctx.clock.now(),
  });
  await replaceServices(
    ctx.tx,
    caseId,
    ctx.actor.orgId,
    services.map(({ id = newId(), provider, description, ...s }) => ({
      id,
      ...s,
      details: sealJson(keys, serviceAad(id), { provider, description }),
    })),
  );
  await ctx.audit({
    action: 'case.plan.updated',
    recordType: 'case',
    recordId: caseId,
    fields: filledFields(body),
  });
  return (await planOf(ctx, caseId)) as AssistancePlan;
}
