import { describe, expect, it } from 'vitest';
import { writeTable } from '../table.ts';
import { COUNTRY_CODES } from '../../codes/countries.ts';
import { EXPLOITATION_TYPES, GENDERS } from '../../codes/htcds.ts';
import { PERPETRATOR_ROLES } from '../../codes/htcds-case.ts';
import { INDUSTRY_CODES } from '../../codes/htcds-industries.ts';
import { METHODS_OF_CONTROL } from '../../codes/htcds-methods-of-control.ts';
import { RELATIONSHIPS_TO_TRAFFICKER, SEX_EXPLOITATION_TYPES } from '../../codes/htcds-victim.ts';
import type { CtdcCaseInput } from './case-input.ts';
import { CTDC_COLUMNS, ctdcRowOfCase, readCtdc } from './index.ts';

/** A case as the server would describe it: no name, no identifier. */
const CASE: CtdcCaseInput = {
  registrationDate: '2023-05-10',
  dataSource: 'Case Management',
  gender: 'Feminine',
  dateOfBirth: '2006-09-01',
  ageAtRegistration: null,
  ageWhenTrafficked: 15,
  exploitationStartDate: '2022-03-01',
  recruitmentDate: '2021-07-15',
  citizenship: 'NP',
  countryOfExploitation: 'IN',
  typeOfExploitation: ['ForcedLabour', 'SexualExploitation'],
  methodsOfControl: ['DebtBondage', 'WithholdsDocuments', 'PhysicalThreats'],
  forcedLabourIndustry: 'T_ActivitiesOfHouseholdsAsEmployers',
  typeOfSexExploitation: ['Prostitution'],
  methodOfRecruitment: ['ThroughFriendsOrSocialEvents'],
  relationshipToTrafficker: 'Acquainted',
  perpetratorRoles: ['RecruiterOrIntermediary', 'Kidnapper'],
};

const asRecord = (row: string[]) =>
  Object.fromEntries(CTDC_COLUMNS.map((c, i) => [c, row[i]])) as Record<string, string>;

describe('ctdcRowOfCase', () => {
  it('maps a hand-made case to the expected global-layout row', () => {
    const row = ctdcRowOfCase(CASE);
    expect(row).toHaveLength(63);
    const r = asRecord(row);
    expect(r).toMatchObject({
      yearOfRegistration: '2023',
      Datasource: 'Case Management',
      gender: 'Female',
      ageBroad: '9--17', // 16 on 2023-05-10
      majorityStatus: 'Minor',
      majorityStatusAtExploit: 'Minor', // 15 on 2022-03-01
      majorityEntry: 'Minor', // vic_AgeWhenTrafficked 15
      citizenship: 'NP',
      CountryOfExploitation: 'IN',
      meansOfControlDebtBondage: '1',
      meansOfControlWithholdsDocuments: '1',
      meansOfControlThreats: '1',
      meansOfControlTakesEarnings: '0',
      meansOfControlRestrictsMovement: '0',
      meansOfControlNotSpecified: '0',
      meansOfControlConcatenated: 'Debt bondage;Threats;Withholds documents',
      isForcedLabour: '1',
      isSexualExploit: '1',
      isSexAndLabour: '1',
      isOtherExploit: '0',
      isForcedMarriage: '0',
      typeOfExploitConcatenated: 'Forced labour;Sexual exploitation',
      typeOfLabourDomesticWork: '1',
      typeOfLabourAgriculture: '0',
      typeOfLabourNotSpecified: '0',
      typeOfLabourConcatenated: 'Domestic work',
      typeOfSexProstitution: '1',
      typeOfSexPornography: '0',
      typeOfSexConcatenated: 'Prostitution',
      isAbduction: '1',
      RecruiterRelationship: 'Friend',
      recruiterRelationFriend: '1',
      recruiterRelationFamily: '0',
      recruiterRelationIntimatePartner: '0',
    });
  });

  it('writes -99 for everything not recorded', () => {
    const row = ctdcRowOfCase({
      registrationDate: null,
      dataSource: 'Hotline',
      gender: 'NonSpecifiedUnknown',
      dateOfBirth: null,
      ageAtRegistration: null,
      ageWhenTrafficked: null,
      exploitationStartDate: null,
      recruitmentDate: null,
      citizenship: null,
      countryOfExploitation: null,
      typeOfExploitation: [],
      methodsOfControl: [],
      forcedLabourIndustry: null,
      typeOfSexExploitation: [],
      methodOfRecruitment: [],
      relationshipToTrafficker: null,
      perpetratorRoles: null,
    });
    expect(row.filter((v) => v !== '-99')).toEqual(['Hotline']);
  });

  it('uses the stated age without a birth date, and an adult on entry was an adult when exploited', () => {
    const r = asRecord(
      ctdcRowOfCase({
        ...CASE,
        dateOfBirth: null,
        ageAtRegistration: 34,
        ageWhenTrafficked: 29,
        gender: 'TransgenderMasculine',
      }),
    );
    expect(r).toMatchObject({
      ageBroad: '30--38',
      majorityStatus: 'Adult',
      majorityEntry: 'Adult',
      majorityStatusAtExploit: 'Adult',
      gender: 'Transgender',
    });
  });

  it('maps industries and other exploitation types to CTDC categories', () => {
    const r = asRecord(
      ctdcRowOfCase({
        ...CASE,
        typeOfExploitation: ['ForcedBegging', 'ForcedMarriage'],
        forcedLabourIndustry: 'A03_MarineFishingOrAquaculture',
        perpetratorRoles: ['Exploiter'],
        relationshipToTrafficker: 'Familial',
      }),
    );
    expect(r).toMatchObject({
      isForcedLabour: '1',
      isSexualExploit: '0',
      isOtherExploit: '1',
      isForcedMarriage: '1',
      typeOfExploitConcatenated: 'Forced labour;Other;Forced marriage',
      typeOfLabourConcatenated: 'Aquafarming;Begging',
      typeOfSexConcatenated: '-99', // not sexually exploited
      typeOfSexProstitution: '-99',
      isAbduction: '0',
      RecruiterRelationship: 'Family',
    });
  });

  it('records forced labour without an industry as "not specified"', () => {
    const r = asRecord(
      ctdcRowOfCase({ ...CASE, typeOfExploitation: ['ForcedLabour'], forcedLabourIndustry: null }),
    );
    expect(r.typeOfLabourNotSpecified).toBe('1');
    expect(r.typeOfLabourConcatenated).toBe('Not specified');
  });

  it('gives a valid row for every HTCDS code of every mapped field', () => {
    const cases: CtdcCaseInput[] = [
      ...GENDERS.map((gender) => ({ ...CASE, gender })),
      ...EXPLOITATION_TYPES.map((t) => ({ ...CASE, typeOfExploitation: [t] })),
      { ...CASE, typeOfExploitation: [...EXPLOITATION_TYPES] },
      { ...CASE, methodsOfControl: [...METHODS_OF_CONTROL] },
      ...INDUSTRY_CODES.map((forcedLabourIndustry) => ({ ...CASE, forcedLabourIndustry })),
      { ...CASE, typeOfSexExploitation: [...SEX_EXPLOITATION_TYPES] },
      ...RELATIONSHIPS_TO_TRAFFICKER.map((relationshipToTrafficker) => ({
        ...CASE,
        relationshipToTrafficker,
      })),
      { ...CASE, perpetratorRoles: [...PERPETRATOR_ROLES] },
      ...COUNTRY_CODES.map((c) => ({ ...CASE, citizenship: c, countryOfExploitation: c })),
      ...[0, 8, 9, 17, 18, 47, 48, 120].map((age) => ({
        ...CASE,
        dateOfBirth: null,
        ageAtRegistration: age,
      })),
    ];
    const table = { columns: [...CTDC_COLUMNS], rows: cases.map(ctdcRowOfCase) };
    expect(readCtdc(writeTable(table)).table).toEqual(table);
    // Every industry lands in one type of labour, never "not specified".
    const notSpecified = CTDC_COLUMNS.indexOf('typeOfLabourNotSpecified');
    expect(table.rows.filter((r) => r[notSpecified] === '1')).toEqual([]);
  });

  it('gives rows that pass the layout check', () => {
    const rows = [ctdcRowOfCase(CASE), ctdcRowOfCase({ ...CASE, typeOfExploitation: ['Other'] })];
    const table = { columns: [...CTDC_COLUMNS], rows };
    expect(readCtdc(writeTable(table)).table).toEqual(table);
  });
});
