import { describe, expect, it } from 'vitest';
import { caseInputOf } from './contribution-case-input.ts';
import type { ContributionCaseRow } from './contributions.repo.ts';

const row = (over: Partial<ContributionCaseRow> = {}): ContributionCaseRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  personId: '00000000-0000-4000-8000-000000000002',
  identity: new Uint8Array(),
  gender: 'Feminine',
  registrationDate: '2025-03-15',
  ageAtRegistration: 26,
  citizenship: 'NG',
  countryOfExploitation: null,
  typeOfExploitation: ['SexualExploitation'],
  typeOfSexExploitation: null,
  forcedLabourIndustry: null,
  relationshipToTrafficker: null,
  ageWhenTrafficked: null,
  methodOfRecruitment: null,
  methodsOfControl: null,
  exploitationStartDate: null,
  exploitationCountry: null,
  recruitmentDate: null,
  perpetratorRoles: null,
  ...over,
});

describe('caseInputOf', () => {
  it('copies coded fields and the date of birth, and nothing that names the case', () => {
    const input = caseInputOf(row(), '1998-04-12');
    expect(input).toMatchObject({
      registrationDate: '2025-03-15',
      dataSource: 'Case Management',
      gender: 'Feminine',
      dateOfBirth: '1998-04-12',
      citizenship: 'NG',
      typeOfExploitation: ['SexualExploitation'],
    });
    const text = JSON.stringify(input);
    expect(text).not.toContain('00000000-0000-4000-8000');
  });

  it('takes the country of the first exploitation event when the case names none', () => {
    expect(caseInputOf(row({ exploitationCountry: 'IT' }), null).countryOfExploitation).toBe('IT');
    expect(
      caseInputOf(row({ countryOfExploitation: 'DE', exploitationCountry: 'IT' }), null)
        .countryOfExploitation,
    ).toBe('DE');
  });

  it('keeps only values of the HTCDS code lists (others are "not recorded")', () => {
    const input = caseInputOf(
      row({
        gender: 'Unheard-of',
        citizenship: 'XX',
        methodsOfControl: ['DebtBondage', 'NotAMethod'],
        relationshipToTrafficker: 'Stranger',
      }),
      null,
    );
    expect(input.gender).toBeNull();
    expect(input.citizenship).toBeNull();
    expect(input.methodsOfControl).toEqual(['DebtBondage']);
    expect(input.relationshipToTrafficker).toBeNull();
  });

  it('tells "no perpetrator recorded" (null) from recorded roles', () => {
    expect(caseInputOf(row(), null).perpetratorRoles).toBeNull();
    expect(caseInputOf(row({ perpetratorRoles: ['Kidnapper'] }), null).perpetratorRoles).toEqual([
      'Kidnapper',
    ]);
  });
});
