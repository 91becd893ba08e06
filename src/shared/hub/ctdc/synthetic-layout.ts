/**
 * The CTDC Global Synthetic Dataset layout: 27 variables, countries as ISO 3166-1 alpha-3,
 * missing values as empty cells ("Codebook_CTDC_global_synthetic_data_v2024", CTDC and
 * Microsoft Research, https://www.ctdatacollaborative.org/page/global-synthetic-dataset).
 * Names, order and vocabularies are reconstructed from the published CSV files and the
 * codebook's variable list (docs/ctdc-format.md says where): gender is Woman / Man /
 * Trans/Transgender/NonConforming, the age band of 9 to 17 is written `09--17`, and several
 * means of control are merged into composite flags.
 */
import iso from 'i18n-iso-countries';
import { COUNTRY_CODES } from '../../codes/countries.ts';
import type { CtdcColumn } from './global-layout.ts';

/** A missing value in the synthetic layout: an empty cell. */
export const SYNTHETIC_MISSING = '';

export const SYNTHETIC_COLUMNS = [
  'yearOfRegistration',
  'gender',
  'ageBroad',
  'citizenship',
  'CountryOfExploitation',
  'traffickMonths',
  'meansDebtBondageEarnings',
  'meansThreats',
  'meansAbusePsyPhySex',
  'meansFalsePromises',
  'meansDrugsAlcohol',
  'meansDenyBasicNeeds',
  'meansExcessiveWorkHours',
  'meansWithholdDocs',
  'isForcedLabour',
  'isSexualExploit',
  'isOtherExploit',
  'typeOfLabourAgriculture',
  'typeOfLabourConstruction',
  'typeOfLabourDomesticWork',
  'typeOfLabourHospitality',
  'typeOfSexProstitution',
  'typeOfSexPornography',
  'recruiterRelationIntimatePartner',
  'recruiterRelationFriend',
  'recruiterRelationFamily',
  'recruiterRelationOther',
] as const;
export type SyntheticColumn = (typeof SYNTHETIC_COLUMNS)[number];

export const SYNTHETIC_GENDERS = ['Woman', 'Man', 'Trans/Transgender/NonConforming'] as const;
export const SYNTHETIC_AGE_BANDS = [
  '0--8',
  '09--17',
  '18--20',
  '21--23',
  '24--26',
  '27--29',
  '30--38',
  '39--47',
  '48+',
] as const;
/** traffickMonths: how long the person was in the trafficking situation. */
export const SYNTHETIC_TRAFFICK_MONTHS = [
  '0--12 (0-1 yr)',
  '13--24 (1-2 yrs)',
  '25+ (2+ yrs)',
] as const;

/**
 * Each composite means-of-control flag of the synthetic layout and the global-layout flags it
 * merges (1 when any of them is 1).
 */
export const SYNTHETIC_MEANS: Readonly<Record<string, readonly CtdcColumn[]>> = {
  meansDebtBondageEarnings: ['meansOfControlDebtBondage', 'meansOfControlTakesEarnings'],
  meansThreats: [
    'meansOfControlThreats',
    'meansOfControlUsesChildren',
    'meansOfControlThreatOfLawEnforcement',
  ],
  meansAbusePsyPhySex: [
    'meansOfControlPsychologicalAbuse',
    'meansOfControlPhysicalAbuse',
    'meansOfControlSexualAbuse',
  ],
  meansFalsePromises: ['meansOfControlFalsePromises'],
  meansDrugsAlcohol: ['meansOfControlPsychoactiveSubstances'],
  meansDenyBasicNeeds: [
    'meansOfControlRestrictsFinancialAccess',
    'meansOfControlRestrictsMovement',
    'meansOfControlRestrictsMedicalCare',
    'meansOfControlWithholdsNecessities',
  ],
  meansExcessiveWorkHours: ['meansOfControlExcessiveWorkingHours'],
  meansWithholdDocs: ['meansOfControlWithholdsDocuments'],
};

const ALPHA3 = new Map<string, string>();
const ALPHA2 = new Map<string, string>();
for (const a2 of COUNTRY_CODES) {
  // i18n-iso-countries 7.14.0 (MIT) holds the ISO 3166-1 table; Kosovo's user-assigned XK is XKK there.
  const a3 = iso.alpha2ToAlpha3(a2);
  if (a3) {
    ALPHA3.set(a2, a3);
    ALPHA2.set(a3, a2);
  }
}

/** ISO 3166-1 alpha-3 of an alpha-2 code, or undefined for a code that is not a country. */
export const alpha3Of = (alpha2: string): string | undefined => ALPHA3.get(alpha2);
/** ISO 3166-1 alpha-2 of an alpha-3 code, or undefined. */
export const alpha2Of = (alpha3: string): string | undefined => ALPHA2.get(alpha3);
/** Whether a string is an alpha-3 code of a country Lantern knows. */
export const isAlpha3 = (code: string): boolean => ALPHA2.has(code);
