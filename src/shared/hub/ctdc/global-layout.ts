/**
 * The CTDC global dataset layout: the 63 variables of the k-anonymised "Global Dataset" that the
 * Counter Trafficking Data Collaborative publishes (IOM and Polaris; "Data Codebook", CTDC,
 * version 6, November 2017, which lists 62 variables; `isSlaveryAndPractices` was added in the
 * 2019–2021 releases, https://www.ctdatacollaborative.org/global-dataset). Column names and
 * their order are those of the published CSV header. Value vocabularies follow the codebook;
 * where it gives no spelling (the `…Concatenated` columns) Lantern's is documented in
 * docs/ctdc-format.md.
 *
 * `-99` marks a missing value in every column (codebook, "Missing data"); flags are `0`/`1`.
 */

export const CTDC_MISSING = '-99';

/** The 63 columns of the global dataset, in their published order. */
export const CTDC_COLUMNS = [
  'yearOfRegistration',
  'Datasource',
  'gender',
  'ageBroad',
  'majorityStatus',
  'majorityStatusAtExploit',
  'majorityEntry',
  'citizenship',
  'meansOfControlDebtBondage',
  'meansOfControlTakesEarnings',
  'meansOfControlRestrictsFinancialAccess',
  'meansOfControlThreats',
  'meansOfControlPsychologicalAbuse',
  'meansOfControlPhysicalAbuse',
  'meansOfControlSexualAbuse',
  'meansOfControlFalsePromises',
  'meansOfControlPsychoactiveSubstances',
  'meansOfControlRestrictsMovement',
  'meansOfControlRestrictsMedicalCare',
  'meansOfControlExcessiveWorkingHours',
  'meansOfControlUsesChildren',
  'meansOfControlThreatOfLawEnforcement',
  'meansOfControlWithholdsNecessities',
  'meansOfControlWithholdsDocuments',
  'meansOfControlOther',
  'meansOfControlNotSpecified',
  'meansOfControlConcatenated',
  'isForcedLabour',
  'isSexualExploit',
  'isOtherExploit',
  'isSexAndLabour',
  'isForcedMarriage',
  'isForcedMilitary',
  'isOrganRemoval',
  'isSlaveryAndPractices',
  'typeOfExploitConcatenated',
  'typeOfLabourAgriculture',
  'typeOfLabourAquafarming',
  'typeOfLabourBegging',
  'typeOfLabourConstruction',
  'typeOfLabourDomesticWork',
  'typeOfLabourHospitality',
  'typeOfLabourIllicitActivities',
  'typeOfLabourManufacturing',
  'typeOfLabourMiningOrDrilling',
  'typeOfLabourPeddling',
  'typeOfLabourTransportation',
  'typeOfLabourOther',
  'typeOfLabourNotSpecified',
  'typeOfLabourConcatenated',
  'typeOfSexProstitution',
  'typeOfSexPornography',
  'typeOfSexRemoteInteractiveServices',
  'typeOfSexPrivateSexualServices',
  'typeOfSexConcatenated',
  'isAbduction',
  'RecruiterRelationship',
  'CountryOfExploitation',
  'recruiterRelationIntimatePartner',
  'recruiterRelationFriend',
  'recruiterRelationFamily',
  'recruiterRelationOther',
  'recruiterRelationUnknown',
] as const;
export type CtdcColumn = (typeof CTDC_COLUMNS)[number];

/** Datasource (codebook): case management records or calls to a hotline. */
export const CTDC_DATASOURCES = ['Case Management', 'Hotline'] as const;
export type CtdcDataSource = (typeof CTDC_DATASOURCES)[number];
/** gender (codebook). */
export const CTDC_GENDERS = ['Female', 'Male', 'Transgender'] as const;
/** ageBroad: the codebook's age bands at registration, spelled as the CSV writes them. */
export const CTDC_AGE_BANDS = [
  '0--8',
  '9--17',
  '18--20',
  '21--23',
  '24--26',
  '27--29',
  '30--38',
  '39--47',
  '48+',
] as const;
export type CtdcAgeBand = (typeof CTDC_AGE_BANDS)[number];
/** majorityStatus, majorityStatusAtExploit, majorityEntry (codebook). */
export const CTDC_MAJORITY = ['Adult', 'Minor'] as const;

/**
 * The label each flag contributes to its `…Concatenated` column, in column order. The
 * concatenated columns list the labels of the flags that are 1, separated by `;`.
 */
export const CONCATENATED_LABELS = {
  meansOfControlConcatenated: {
    meansOfControlDebtBondage: 'Debt bondage',
    meansOfControlTakesEarnings: 'Takes earnings',
    meansOfControlRestrictsFinancialAccess: 'Restricts financial access',
    meansOfControlThreats: 'Threats',
    meansOfControlPsychologicalAbuse: 'Psychological abuse',
    meansOfControlPhysicalAbuse: 'Physical abuse',
    meansOfControlSexualAbuse: 'Sexual abuse',
    meansOfControlFalsePromises: 'False promises',
    meansOfControlPsychoactiveSubstances: 'Psychoactive substances',
    meansOfControlRestrictsMovement: 'Restricts movement',
    meansOfControlRestrictsMedicalCare: 'Restricts medical care',
    meansOfControlExcessiveWorkingHours: 'Excessive working hours',
    meansOfControlUsesChildren: 'Uses children',
    meansOfControlThreatOfLawEnforcement: 'Threat of law enforcement',
    meansOfControlWithholdsNecessities: 'Withholds necessities',
    meansOfControlWithholdsDocuments: 'Withholds documents',
    meansOfControlOther: 'Other',
    meansOfControlNotSpecified: 'Not specified',
  },
  typeOfExploitConcatenated: {
    isForcedLabour: 'Forced labour',
    isSexualExploit: 'Sexual exploitation',
    isOtherExploit: 'Other',
    isForcedMarriage: 'Forced marriage',
    isForcedMilitary: 'Forced military',
    isOrganRemoval: 'Organ removal',
    isSlaveryAndPractices: 'Slavery and similar practices',
  },
  typeOfLabourConcatenated: {
    typeOfLabourAgriculture: 'Agriculture',
    typeOfLabourAquafarming: 'Aquafarming',
    typeOfLabourBegging: 'Begging',
    typeOfLabourConstruction: 'Construction',
    typeOfLabourDomesticWork: 'Domestic work',
    typeOfLabourHospitality: 'Hospitality',
    typeOfLabourIllicitActivities: 'Illicit activities',
    typeOfLabourManufacturing: 'Manufacturing',
    typeOfLabourMiningOrDrilling: 'Mining or drilling',
    typeOfLabourPeddling: 'Peddling',
    typeOfLabourTransportation: 'Transportation',
    typeOfLabourOther: 'Other',
    typeOfLabourNotSpecified: 'Not specified',
  },
  typeOfSexConcatenated: {
    typeOfSexProstitution: 'Prostitution',
    typeOfSexPornography: 'Pornography',
    typeOfSexRemoteInteractiveServices: 'Remote interactive services',
    typeOfSexPrivateSexualServices: 'Private sexual services',
  },
  RecruiterRelationship: {
    recruiterRelationIntimatePartner: 'Intimate partner',
    recruiterRelationFriend: 'Friend',
    recruiterRelationFamily: 'Family',
    recruiterRelationOther: 'Other',
    recruiterRelationUnknown: 'Unknown',
  },
} as const satisfies Partial<Record<CtdcColumn, Partial<Record<CtdcColumn, string>>>>;
export type ConcatenatedColumn = keyof typeof CONCATENATED_LABELS;

/** Separator of the labels in a concatenated column. */
export const CONCATENATION_SEPARATOR = ';';

/** The flag columns (`0`, `1` or `-99`). */
export const CTDC_FLAG_COLUMNS: readonly CtdcColumn[] = CTDC_COLUMNS.filter(
  (c) =>
    /^(meansOfControl|typeOfLabour|typeOfSex|recruiterRelation|is)/.test(c) &&
    !c.endsWith('Concatenated'),
);

/**
 * The concatenated value for the flags of one group that are `1` (labels in column order), or
 * `-99` when none is.
 */
export function concatenate(
  column: ConcatenatedColumn,
  isSet: (flag: CtdcColumn) => boolean,
): string {
  const labels: string[] = [];
  for (const [flag, label] of Object.entries(CONCATENATED_LABELS[column])) {
    if (isSet(flag as CtdcColumn)) labels.push(label);
  }
  return labels.length > 0 ? labels.join(CONCATENATION_SEPARATOR) : CTDC_MISSING;
}

/** The age band of an age in whole years (codebook, ageBroad). */
export function ageBand(age: number): CtdcAgeBand {
  if (age <= 8) return '0--8';
  if (age <= 17) return '9--17';
  if (age <= 20) return '18--20';
  if (age <= 23) return '21--23';
  if (age <= 26) return '24--26';
  if (age <= 29) return '27--29';
  if (age <= 38) return '30--38';
  if (age <= 47) return '39--47';
  return '48+';
}
