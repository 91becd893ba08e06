import { describe, expect, it } from 'vitest';
import { PERPETRATOR_ROLES, SUPPORT_TYPES, TRAFFICKING_EVENT_TYPES } from './htcds-case.ts';
import {
  INDUSTRY_CODES,
  INDUSTRY_TIER1,
  INDUSTRY_TIER2,
  INDUSTRY_TIER3,
  industryPath,
} from './htcds-industries.ts';
import {
  METHODS_OF_CONTROL,
  METHOD_OF_CONTROL_BY_FIELD_NAME,
  methodsOfControlFromFlags,
} from './htcds-methods-of-control.ts';
import {
  DECISION_MAKING_ORGS,
  RECRUITMENT_METHODS,
  RELATIONSHIPS_TO_TRAFFICKER,
  SEX_EXPLOITATION_TYPES,
  WEBSITES_AND_APPS,
} from './htcds-victim.ts';

// Counts and spellings checked against HTCDS Field Standards 2.0.ods and Field Definitions.md
// (/work/shared/standards/htcds); a change here is a change of standard, not a refactoring.
describe('HTCDS 2.0 code lists of the case record', () => {
  it.each([
    ['vic_TraffickingStatusDecisionMakingOrg', DECISION_MAKING_ORGS, 5],
    ['vic_RelationshipToTrafficker', RELATIONSHIPS_TO_TRAFFICKER, 3],
    ['vic_MethodOfRecruitment', RECRUITMENT_METHODS, 10],
    ['vic_RecruitmentWebsitesAndApps', WEBSITES_AND_APPS, 15],
    ['vic_MethodsOfControl', METHODS_OF_CONTROL, 16],
    ['vic_TypeOfSexExploitation', SEX_EXPLOITATION_TYPES, 4],
    ['vic_ForcedLabourIndustry', INDUSTRY_TIER1, 21],
    ['hte_Type', TRAFFICKING_EVENT_TYPES, 3],
    ['per_RoleInProcess', PERPETRATOR_ROLES, 15],
    ['spl_Type', SUPPORT_TYPES, 9],
  ] as const)('%s has the standard’s values, without repeats', (_name, list, n) => {
    expect(list).toHaveLength(n);
    expect(new Set(list).size).toBe(n);
  });

  it('keeps the standard’s own spellings', () => {
    expect(RELATIONSHIPS_TO_TRAFFICKER).toContain('Unaquainted');
    expect(DECISION_MAKING_ORGS).toContain('NonPoliceGovernmentalOrganization');
    expect(WEBSITES_AND_APPS).toContain('4Sale');
    expect(METHODS_OF_CONTROL).toContain('PsychoactiveSubstance');
  });

  it('tier 1 industries are the 21 ISIC sections A…U in order', () => {
    expect(INDUSTRY_TIER1.map((c) => c[0]).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(INDUSTRY_TIER1.every((c) => /^[A-U]_[A-Za-z]+$/.test(c))).toBe(true);
  });

  it('every sub-level names an existing parent one tier up and starts with its section', () => {
    for (const i of INDUSTRY_TIER2) {
      expect(INDUSTRY_TIER1).toContain(i.parent);
      expect(i.code[0]).toBe(i.parent[0]);
    }
    const tier2 = INDUSTRY_TIER2.map((i) => i.code);
    for (const i of INDUSTRY_TIER3) expect(tier2).toContain(i.parent);
    expect(new Set(INDUSTRY_CODES).size).toBe(INDUSTRY_CODES.length);
  });

  it('has the sub-levels Field Definitions.md lists: 40 of tier 2, 8 of tier 3', () => {
    expect(INDUSTRY_TIER2).toHaveLength(40);
    expect(INDUSTRY_TIER3).toHaveLength(8);
    expect(INDUSTRY_TIER2.find((i) => i.code === 'C13_Textiles')?.isic).toBe('13');
  });

  it('gives the path from the ISIC section down to a code', () => {
    expect(industryPath('A03_MarineFishingOrAquaculture')).toEqual([
      'A_AgricultureForestryAndFishing',
      'A03_FishingAndAquaculture',
      'A03_MarineFishingOrAquaculture',
    ]);
    expect(industryPath('F_Construction')).toEqual(['F_Construction']);
  });

  it('maps each of the 17 MethodsOfControl* definitions onto a picklist value', () => {
    const names = Object.keys(METHOD_OF_CONTROL_BY_FIELD_NAME);
    expect(names).toHaveLength(17);
    expect(names.every((n) => n.startsWith('MethodsOfControl'))).toBe(true);
    // Every picklist value is reachable from some definition.
    expect(new Set(Object.values(METHOD_OF_CONTROL_BY_FIELD_NAME))).toEqual(
      new Set(METHODS_OF_CONTROL),
    );
  });

  it('turns definition flags into picklist values, in list order and without repeats', () => {
    expect(
      methodsOfControlFromFlags({
        MethodsOfControlThreats: true,
        MethodsOfControlRestrictsMovement: true,
        MethodsOfControlOther: true,
        MethodsOfControlDebtBondage: true,
        MethodsOfControlSexualAbuse: false,
      }),
    ).toEqual(['PhysicalThreats', 'DebtBondage', 'Other']);
  });
});
