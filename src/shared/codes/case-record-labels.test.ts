import { describe, expect, it } from 'vitest';
import { flatten } from '../i18n/catalogue-keys.ts';
import { catalogues } from '../i18n/i18n.ts';
import { WITHHOLDABLE } from '../policy/sensitive-sections.ts';
import { PERPETRATOR_ROLES, SUPPORT_TYPES, TRAFFICKING_EVENT_TYPES } from './htcds-case.ts';
import { INDUSTRY_CODES } from './htcds-industries.ts';
import { METHODS_OF_CONTROL } from './htcds-methods-of-control.ts';
import {
  DECISION_MAKING_ORGS,
  RECRUITMENT_METHODS,
  RELATIONSHIPS_TO_TRAFFICKER,
  SEX_EXPLOITATION_TYPES,
  WEBSITES_AND_APPS,
} from './htcds-victim.ts';
import { CRIMINAL_JUSTICE_STAGES, NEED_STATUSES, SERVICE_STATUSES } from './lantern-case.ts';
import {
  REINTEGRATION_DIMENSIONS,
  REINTEGRATION_LEVELS,
  REINTEGRATION_OUTCOMES,
} from './reintegration.ts';

// The web app shows labels, never codes: every value of the case record's lists needs one in
// the complete catalogues (English and Arabic).
const LISTS: Record<string, readonly string[]> = {
  decisionMakingOrg: DECISION_MAKING_ORGS,
  relationshipToTrafficker: RELATIONSHIPS_TO_TRAFFICKER,
  recruitmentMethod: RECRUITMENT_METHODS,
  websiteOrApp: WEBSITES_AND_APPS,
  methodOfControl: METHODS_OF_CONTROL,
  sexExploitation: SEX_EXPLOITATION_TYPES,
  industry: INDUSTRY_CODES,
  eventType: TRAFFICKING_EVENT_TYPES,
  perpetratorRole: PERPETRATOR_ROLES,
  supportType: SUPPORT_TYPES,
  needStatus: NEED_STATUSES,
  serviceStatus: SERVICE_STATUSES,
  criminalJusticeStage: CRIMINAL_JUSTICE_STAGES,
  reintegrationDimension: REINTEGRATION_DIMENSIONS,
  reintegrationLevel: REINTEGRATION_LEVELS,
  reintegrationOutcome: REINTEGRATION_OUTCOMES,
};
const wanted = [
  ...Object.entries(LISTS).flatMap(([list, values]) => values.map((v) => `codes.${list}.${v}`)),
  ...WITHHOLDABLE.map((s) => `caseRecord.sections.${s}`),
];

describe('labels of the case record’s code lists', () => {
  it.each(['en', 'ar'] as const)('%s labels every value', (code) => {
    const flat = flatten(catalogues[code]);
    expect(wanted.filter((k) => !flat.has(k))).toEqual([]);
  });
});
