import { z } from 'zod';
import { SUPPORT_TYPES } from '../codes/htcds-case.ts';
import { NEED_STATUSES, SERVICE_STATUSES } from '../codes/lantern-case.ts';
import { REINTEGRATION_LEVELS, REINTEGRATION_OUTCOMES } from '../codes/reintegration.ts';
import {
  Timestamp,
  UserRef,
  code,
  hasKeys,
  notEmpty,
  optLine,
  optText,
} from './case-record-fields.ts';
import { Uuid } from './common.schema.ts';
import { isoDate, text } from './text.ts';

// Needs, the assistance plan (HTCDS Support Plan, spl_), follow-ups and reintegration
// assessments. Free texts
// are stored encrypted with the organisation's key.

const SupportType = code(SUPPORT_TYPES, 'spl_Type');
const OptDate = isoDate().nullable();

const needFields = {
  type: SupportType,
  status: code(NEED_STATUSES, 'need status (Lantern)'),
  identifiedOn: isoDate(),
  details: optText(5000),
};

/** A need of the person, named by the kind of support that answers it (spl_Type). */
export const NeedBody = z.strictObject({
  type: needFields.type,
  status: needFields.status.default('Open'),
  identifiedOn: needFields.identifiedOn.optional().meta({ description: 'Defaults to today' }),
  details: needFields.details.default(null),
});
export type NeedBody = z.infer<typeof NeedBody>;

export const NeedPatch = z
  .strictObject({
    type: needFields.type.optional(),
    status: needFields.status.optional(),
    identifiedOn: needFields.identifiedOn.optional(),
    details: needFields.details.optional(),
  })
  .refine(hasKeys, notEmpty);
export type NeedPatch = z.infer<typeof NeedPatch>;

export const Need = z
  .object({
    id: Uuid,
    type: z.enum(SUPPORT_TYPES),
    status: z.enum(NEED_STATUSES),
    identifiedOn: z.string(),
    details: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Need' });
export type Need = z.infer<typeof Need>;

export const NeedList = z.object({ items: z.array(Need) });
export type NeedList = z.infer<typeof NeedList>;

export const NeedParams = z.strictObject({ id: Uuid, needId: Uuid });

/** One service of the plan: a kind of support, who gives it, and when it ends. */
export const PlanServiceInput = z.strictObject({
  id: Uuid.optional().meta({ description: 'To keep an existing service; omit for a new one' }),
  type: SupportType,
  status: code(SERVICE_STATUSES, 'service status (Lantern)').default('Planned'),
  provider: optLine(200).default(null),
  description: optText(5000).default(null),
  plannedEndDate: OptDate.default(null),
  actualEndDate: OptDate.default(null),
});

/** The assistance plan, replaced as a whole with its services (HTCDS Support Plan). */
export const AssistancePlanBody = z.strictObject({
  objectives: optText(5000).default(null).meta({ description: 'spl_Objectives' }),
  actionPlan: optText(10_000).default(null).meta({ description: 'spl_ActionPlan' }),
  startDate: OptDate.default(null),
  plannedEndDate: OptDate.default(null).meta({ description: 'spl_PlannedEndDate' }),
  actualEndDate: OptDate.default(null).meta({ description: 'spl_ActualEndDate' }),
  services: z.array(PlanServiceInput).max(50).default([]),
});
export type AssistancePlanBody = z.infer<typeof AssistancePlanBody>;

export const PlanService = z
  .object({
    id: Uuid,
    type: z.enum(SUPPORT_TYPES),
    status: z.enum(SERVICE_STATUSES),
    provider: z.string().nullable(),
    description: z.string().nullable(),
    plannedEndDate: z.string().nullable(),
    actualEndDate: z.string().nullable(),
  })
  .meta({ id: 'PlanService' });
export type PlanService = z.infer<typeof PlanService>;

export const AssistancePlan = z
  .object({
    objectives: z.string().nullable(),
    actionPlan: z.string().nullable(),
    startDate: z.string().nullable(),
    plannedEndDate: z.string().nullable(),
    actualEndDate: z.string().nullable(),
    services: z.array(PlanService),
    updatedAt: Timestamp,
    updatedBy: UserRef,
  })
  .meta({ id: 'AssistancePlan' });
export type AssistancePlan = z.infer<typeof AssistancePlan>;

/** GET /cases/{id}/plan: null until a plan is first saved. */
export const AssistancePlanResponse = z.object({ plan: AssistancePlan.nullable() });
export type AssistancePlanResponse = z.infer<typeof AssistancePlanResponse>;

/** A follow-up contact with the person: when, and what came of it. Never edited afterwards. */
export const FollowUpBody = z.strictObject({
  date: isoDate(),
  notes: text(10_000).pipe(z.string().min(1, { message: 'is required' })),
});
export type FollowUpBody = z.infer<typeof FollowUpBody>;

export const FollowUp = z
  .object({
    id: Uuid,
    date: z.string(),
    notes: z.string(),
    createdAt: Timestamp,
    createdBy: UserRef,
  })
  .meta({ id: 'FollowUp' });
export type FollowUp = z.infer<typeof FollowUp>;

export const FollowUpList = z.object({ items: z.array(FollowUp) });
export type FollowUpList = z.infer<typeof FollowUpList>;

const Level = code(REINTEGRATION_LEVELS, 'reintegration level (Lantern, after IOM 2019)');

/**
 * How far the person's reintegration has gone, on the three dimensions of IOM's Reintegration
 * Handbook (2019); usually assessed at closure, possibly again later. Never edited afterwards.
 */
export const ReintegrationBody = z.strictObject({
  assessedOn: isoDate().optional().meta({ description: 'Defaults to today' }),
  economic: Level,
  social: Level,
  psychosocial: Level,
  notes: optText(5000).default(null),
});
export type ReintegrationBody = z.infer<typeof ReintegrationBody>;

export const ReintegrationAssessment = z
  .object({
    id: Uuid,
    assessedOn: z.string(),
    economic: z.enum(REINTEGRATION_LEVELS),
    social: z.enum(REINTEGRATION_LEVELS),
    psychosocial: z.enum(REINTEGRATION_LEVELS),
    outcome: z.enum(REINTEGRATION_OUTCOMES).meta({ description: 'Derived from the three' }),
    notes: z.string().nullable(),
    createdAt: Timestamp,
    createdBy: UserRef,
  })
  .meta({ id: 'ReintegrationAssessment' });
export type ReintegrationAssessment = z.infer<typeof ReintegrationAssessment>;

export const ReintegrationList = z.object({ items: z.array(ReintegrationAssessment) });
export type ReintegrationList = z.infer<typeof ReintegrationList>;
