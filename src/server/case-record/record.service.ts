import type { CaseRecord } from '../../shared/api/case-record.schema.ts';
import {
  SENSITIVE_SECTIONS,
  WITHHOLDABLE,
  maySee,
} from '../../shared/policy/sensitive-sections.ts';
import type { ServiceContext } from '../http/context.ts';
import { requireCase } from './case-facts.ts';
import { eventsOf } from './events.service.ts';
import { followUpsOf } from './follow-ups.service.ts';
import { needsOf } from './needs.service.ts';
import { perpetratorsOf } from './perpetrators.service.ts';
import { planOf } from './plan.service.ts';
import { profileOf } from './profile.service.ts';
import { reintegrationOf } from './reintegration.service.ts';
import { sectionsOf } from './sensitive.service.ts';

/**
 * The whole case record for the user's role: the parts it is not granted are left out and
 * named in `withheld` (docs/decisions/0004). One `case.record.read` audit entry names the
 * parts read; each sensitive section read adds its own `case.sensitive.read`.
 */
export async function getCaseRecord(ctx: ServiceContext, caseId: string): Promise<CaseRecord> {
  const facts = await requireCase(ctx, caseId);
  const role = ctx.actor.role;
  const withheld = WITHHOLDABLE.filter((part) => !maySee(role, part));
  const perpetrators = maySee(role, 'perpetrators') ? await perpetratorsOf(ctx, caseId) : undefined;
  const granted = SENSITIVE_SECTIONS.filter((s) => maySee(role, s));
  const record: CaseRecord = {
    caseId,
    profile: await profileOf(ctx, facts),
    events: await eventsOf(ctx, caseId),
    needs: await needsOf(ctx, caseId),
    plan: await planOf(ctx, caseId),
    followUps: await followUpsOf(ctx, caseId),
    reintegration: await reintegrationOf(ctx, caseId),
    ...(perpetrators ? { perpetrators } : {}),
    sensitive: await sectionsOf(ctx, caseId, granted),
    withheld,
  };
  await ctx.audit({
    action: 'case.record.read',
    recordType: 'case',
    recordId: caseId,
    fields: [
      ...Object.keys(record).filter((k) => !['caseId', 'sensitive', 'withheld'].includes(k)),
      ...granted.map((s) => `sensitive.${s}`),
    ],
  });
  return record;
}
