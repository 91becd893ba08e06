import { z } from 'zod';
import { EXPLOITATION_TYPES } from '../codes/htcds.ts';
import { TRAFFICKING_EVENT_TYPES } from '../codes/htcds-case.ts';
import { INDUSTRY_CODES } from '../codes/htcds-industries.ts';
import { METHODS_OF_CONTROL } from '../codes/htcds-methods-of-control.ts';
import {
  DECISION_MAKING_ORGS,
  RECRUITMENT_METHODS,
  RELATIONSHIPS_TO_TRAFFICKER,
  SEX_EXPLOITATION_TYPES,
  WEBSITES_AND_APPS,
} from '../codes/htcds-victim.ts';
import {
  Age,
  Timestamp,
  UserRef,
  code,
  codes,
  hasKeys,
  notEmpty,
  optLine,
  optText,
} from './case-record-fields.ts';
import { ExploitationType, TraffickingStatus } from './cases.schema.ts';
import { CountryCode, Uuid } from './common.schema.ts';
import { isoDate } from './text.ts';

// Field names are HTCDS 2.0 field names without their prefix (vic_MethodsOfControl →
// methodsOfControl); docs/htcds-mapping.md maps each one.

const INDUSTRIES = INDUSTRY_CODES as readonly [string, ...string[]];

const profileFields = {
  traffickingStatusDecisionMakingOrg: code(
    DECISION_MAKING_ORGS,
    'vic_TraffickingStatusDecisionMakingOrg',
  ).nullable(),
  typeOfSexExploitation: codes(SEX_EXPLOITATION_TYPES, 'vic_TypeOfSexExploitation'),
  forcedLabourIndustry: code(INDUSTRIES, 'vic_ForcedLabourIndustry (tier 1, 2 or 3)').nullable(),
  relationshipToTrafficker: code(
    RELATIONSHIPS_TO_TRAFFICKER,
    'vic_RelationshipToTrafficker',
  ).nullable(),
  ageWhenTrafficked: Age.nullable(),
  methodOfRecruitment: codes(RECRUITMENT_METHODS, 'vic_MethodOfRecruitment'),
  recruitmentWebsitesAndApps: codes(WEBSITES_AND_APPS, 'vic_RecruitmentWebsitesAndApps'),
  exploitationWebsitesAndApps: codes(WEBSITES_AND_APPS, 'vic_ExploitationWebsitesAndApps'),
  methodsOfControl: codes(METHODS_OF_CONTROL, 'vic_MethodsOfControl'),
};

const TypesOfExploitation = z
  .array(ExploitationType)
  .max(EXPLOITATION_TYPES.length)
  .refine((a) => new Set(a).size === a.length, { message: 'must not repeat a value' });

/**
 * The victim context of a case, replaced as a whole. `typeOfExploitation` is the case's own
 * field, left as it is when omitted. The victim status itself is not set here: it changes only
 * through a supervisor-approved victim determination (casework); this records who decided it.
 */
export const CaseProfileBody = z.strictObject({
  typeOfExploitation: TypesOfExploitation.optional(),
  traffickingStatusDecisionMakingOrg:
    profileFields.traffickingStatusDecisionMakingOrg.default(null),
  typeOfSexExploitation: profileFields.typeOfSexExploitation.default([]),
  forcedLabourIndustry: profileFields.forcedLabourIndustry.default(null).meta({
    description:
      'vic_ForcedLabourIndustry: an ISIC section (A_…U_), or a tier 2 or 3 sub-level of one',
  }),
  relationshipToTrafficker: profileFields.relationshipToTrafficker.default(null),
  ageWhenTrafficked: profileFields.ageWhenTrafficked.default(null),
  methodOfRecruitment: profileFields.methodOfRecruitment.default([]),
  recruitmentWebsitesAndApps: profileFields.recruitmentWebsitesAndApps.default([]),
  exploitationWebsitesAndApps: profileFields.exploitationWebsitesAndApps.default([]),
  methodsOfControl: profileFields.methodsOfControl.default([]),
});
export type CaseProfileBody = z.infer<typeof CaseProfileBody>;

export const CaseProfile = z
  .object({
    caseId: Uuid,
    traffickingStatus: TraffickingStatus,
    typeOfExploitation: z.array(z.enum(EXPLOITATION_TYPES)),
    traffickingStatusDecisionMakingOrg: z.enum(DECISION_MAKING_ORGS).nullable(),
    typeOfSexExploitation: z.array(z.enum(SEX_EXPLOITATION_TYPES)),
    forcedLabourIndustry: z.string().nullable(),
    forcedLabourIndustryPath: z.array(z.string()).meta({
      description: 'From the ISIC section (HTCDS vic_ForcedLabourIndustry) down to the code',
    }),
    relationshipToTrafficker: z.enum(RELATIONSHIPS_TO_TRAFFICKER).nullable(),
    ageWhenTrafficked: z.number().int().nullable(),
    methodOfRecruitment: z.array(z.enum(RECRUITMENT_METHODS)),
    recruitmentWebsitesAndApps: z.array(z.enum(WEBSITES_AND_APPS)),
    exploitationWebsitesAndApps: z.array(z.enum(WEBSITES_AND_APPS)),
    methodsOfControl: z.array(z.enum(METHODS_OF_CONTROL)),
    updatedAt: Timestamp.nullable(),
    updatedBy: UserRef,
  })
  .meta({ id: 'CaseProfile' });
export type CaseProfile = z.infer<typeof CaseProfile>;

const eventFields = {
  type: code(TRAFFICKING_EVENT_TYPES, 'hte_Type'),
  country: CountryCode.nullable().meta({ description: 'hte_Country' }),
  state: optLine(200).meta({ description: 'hte_State (encrypted)' }),
  city: optLine(200).meta({ description: 'hte_City (encrypted)' }),
  date: isoDate().nullable().meta({ description: 'hte_Date: when it happened or began' }),
  endDate: isoDate().nullable().meta({ description: 'When it ended (Lantern)' }),
  description: optText(5000).meta({ description: 'hte_Description (encrypted)' }),
};

/** A historic trafficking event (HTCDS hte_): recruitment, transit or exploitation. */
export const TraffickingEventBody = z.strictObject({
  type: eventFields.type,
  country: eventFields.country.default(null),
  state: eventFields.state.default(null),
  city: eventFields.city.default(null),
  date: eventFields.date.default(null),
  endDate: eventFields.endDate.default(null),
  description: eventFields.description.default(null),
});
export type TraffickingEventBody = z.infer<typeof TraffickingEventBody>;

export const TraffickingEventPatch = z
  .strictObject({
    type: eventFields.type.optional(),
    country: eventFields.country.optional(),
    state: eventFields.state.optional(),
    city: eventFields.city.optional(),
    date: eventFields.date.optional(),
    endDate: eventFields.endDate.optional(),
    description: eventFields.description.optional(),
  })
  .refine(hasKeys, notEmpty);
export type TraffickingEventPatch = z.infer<typeof TraffickingEventPatch>;

export const TraffickingEvent = z
  .object({
    id: Uuid,
    type: z.enum(TRAFFICKING_EVENT_TYPES),
    country: z.string().nullable(),
    state: z.string().nullable(),
    city: z.string().nullable(),
    date: z.string().nullable(),
    endDate: z.string().nullable(),
    description: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'TraffickingEvent' });
export type TraffickingEvent = z.infer<typeof TraffickingEvent>;

export const TraffickingEventList = z.object({ items: z.array(TraffickingEvent) });
export type TraffickingEventList = z.infer<typeof TraffickingEventList>;

export const EventParams = z.strictObject({ id: Uuid, eventId: Uuid });
