import type { CaseProfile, CaseProfileBody } from '../../shared/api/case-record.schema.ts';
import { ageReached, issues } from '../../shared/case-record/date-rules.ts';
import { industryPath } from '../../shared/codes/htcds-industries.ts';
import type { ServiceContext } from '../http/context.ts';
import type { CaseFacts } from './case-facts.ts';
import { birthOf, refuse, requireCase, todayOf } from './case-facts.ts';
import { updateTypeOfExploitation } from './case-facts.repo.ts';
import type { ProfileFields } from './profile.repo.ts';
import { findProfile, saveProfile } from './profile.repo.ts';

const EMPTY: ProfileFields = {
  traffickingStatusDecisionMakingOrg: null,
  typeOfSexExploitation: [],
  forcedLabourIndustry: null,
  relationshipToTrafficker: null,
  ageWhenTrafficked: null,
  methodOfRecruitment: [],
  recruitmentWebsitesAndApps: [],
  exploitationWebsitesAndApps: [],
  methodsOfControl: [],
};

/** The profile as read by the case's own fields and the stored victim context (coded only). */
export async function profileOf(ctx: ServiceContext, facts: CaseFacts): Promise<CaseProfile> {
  const row = await findProfile(ctx.tx, facts.id);
  const { updatedAt, updatedById, updatedByName, ...fields } = row ?? {
    ...EMPTY,
    updatedAt: null,
    updatedById: null,
    updatedByName: null,
  };
  return {
    caseId: facts.id,
    traffickingStatus: facts.traffickingStatus,
    typeOfExploitation: facts.typeOfExploitation,
    ...fields,
    forcedLabourIndustryPath: fields.forcedLabourIndustry
      ? industryPath(fields.forcedLabourIndustry)
      : [],
    updatedAt: updatedAt?.toISOString() ?? null,
    updatedBy: updatedById ? { id: updatedById, displayName: updatedByName ?? '' } : null,
  };
}

/** The victim context of a case; coded fields only, so reading it is not audited. */
export async function getProfile(ctx: ServiceContext, caseId: string): Promise<CaseProfile> {
  return profileOf(ctx, await requireCase(ctx, caseId));
}

/** Replaces the victim context, and the case's types of exploitation when given. */
export async function putProfile(
  ctx: ServiceContext,
  caseId: string,
  body: CaseProfileBody,
): Promise<CaseProfile> {
  const facts = await requireCase(ctx, caseId, { lock: true });
  const { typeOfExploitation, ...fields } = body;
  const types = typeOfExploitation ?? facts.typeOfExploitation;
  refuse(
    issues(
      fields.typeOfSexExploitation.length > 0 && !types.includes('SexualExploitation')
        ? {
            path: 'typeOfSexExploitation',
            message: 'needs SexualExploitation among the types of exploitation',
          }
        : null,
      fields.ageWhenTrafficked === null
        ? null
        : ageReached(
            'ageWhenTrafficked',
            fields.ageWhenTrafficked,
            await birthOf(ctx, facts),
            todayOf(ctx),
          ),
    ),
  );
  const now = ctx.clock.now();
  if (typeOfExploitation !== undefined) {
    await updateTypeOfExploitation(ctx.tx, caseId, typeOfExploitation, now);
  }
  await saveProfile(ctx.tx, {
    ...fields,
    caseId,
    orgId: ctx.actor.orgId,
    userId: ctx.actor.userId,
    now,
  });
  await ctx.audit({
    action: 'case.profile.updated',
    recordType: 'case',
    recordId: caseId,
    fields: Object.keys(body),
  });
  return profileOf(ctx, await requireCase(ctx, caseId));
}
