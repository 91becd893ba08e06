/**
 * The weights of the synthetic CTDC generator. They give data the shape of the published CTDC
 * Global Dataset — a long tail of countries with a few large ones, domestic trafficking common,
 * sexual exploitation mostly of women and girls, forced labour mostly of men and in a few
 * industries, children over-represented in forced marriage, begging and armed groups, many
 * values missing — following UNODC's Global Report on Trafficking in Persons (2022, 2024), ILO,
 * Walk Free and IOM's Global Estimates of Modern Slavery (2022) and CTDC's own dashboards.
 * Every number is an illustrative choice for realistic test data, NOT an estimate of anything.
 */

/** Citizenship, most frequent first; weights fall as 1 / rank^1.1 (a Zipf-like long tail). */
export const ORIGINS: readonly string[] = (
  'UA PH MD US ID BY KH MX RO VN BD NG MM NP TH KG UZ HT GH ET AF IN CN KE UG AL BG SD ER SO ' +
  'GT HN SV CO VE BO PE KZ TJ LA LK PK SN ML NE CI CM CD ZW MZ MW ZA EG MA TN SY IQ YE BR DO ' +
  'PY NI EC GN SL LR BF TD RW BI TZ ZM AO MG PG FJ MN GE AM AZ RS BA MK XK HU SK CZ PL LT LV'
).split(' ');

/** Country of exploitation when it is not the citizenship, most frequent first (same law). */
export const DESTINATIONS: readonly string[] = (
  'US RU TR AE SA TH MY UA PL GB DE IT KZ LB JO KW QA ID MX ES NL GH ZA CN IN JP KR LY EG CZ ' +
  'FR BE AT GR CY IL OM BH SG HK TW KH MM VN BR AR CL DO CO PE KE NG CI ML SD ET CA AU NZ SE'
).split(' ');

/** Share of records exploited in their own country (UNODC GLOTIP 2022: domestic flows ~40 %). */
export const DOMESTIC_SHARE = 0.42;

export const FIRST_YEAR = 2002;
export const LAST_YEAR = 2024;
/** Relative weight of a registration year: rising with reporting, dip in 2020. */
export const yearWeight = (y: number): number =>
  (1 + (y - FIRST_YEAR) ** 1.6) * (y === 2020 ? 0.7 : 1) * (y === LAST_YEAR ? 0.8 : 1);

/** The main situation of a record: which exploitation flags it carries. */
export type Situation =
  | 'sexual'
  | 'labour'
  | 'sexAndLabour'
  | 'marriage'
  | 'slavery'
  | 'military'
  | 'organ'
  | 'other'
  | 'unknown';

export interface SituationTraits {
  /** Relative weights among case-management records, and among hotline records. */
  caseManagement: number;
  hotline: number;
  /** Share of Female among records of known, binary gender. */
  female: number;
  /** Share of minors (under 18 at registration). */
  minor: number;
  /** Probability of abduction, when the question was recorded. */
  abduction: number;
}

export const SITUATIONS: Readonly<Record<Situation, SituationTraits>> = {
  sexual: { caseManagement: 40, hotline: 62, female: 0.93, minor: 0.27, abduction: 0.04 },
  labour: { caseManagement: 38, hotline: 26, female: 0.3, minor: 0.12, abduction: 0.02 },
  sexAndLabour: { caseManagement: 4, hotline: 5, female: 0.62, minor: 0.2, abduction: 0.04 },
  marriage: { caseManagement: 4, hotline: 1, female: 0.97, minor: 0.5, abduction: 0.15 },
  slavery: { caseManagement: 3, hotline: 0.5, female: 0.72, minor: 0.25, abduction: 0.06 },
  military: { caseManagement: 0.8, hotline: 0, female: 0.12, minor: 0.6, abduction: 0.4 },
  organ: { caseManagement: 0.4, hotline: 0, female: 0.3, minor: 0.05, abduction: 0.1 },
  other: { caseManagement: 4.8, hotline: 3.5, female: 0.45, minor: 0.35, abduction: 0.05 },
  unknown: { caseManagement: 5, hotline: 2, female: 0.55, minor: 0.2, abduction: 0.03 },
};

/** Adult age bands and their weights (young adults most often identified). */
export const ADULT_BANDS = [
  ['18--20', 16],
  ['21--23', 16],
  ['24--26', 15],
  ['27--29', 12],
  ['30--38', 24],
  ['39--47', 11],
  ['48+', 6],
] as const;
/** Share of 0–8 among minors. */
export const YOUNG_CHILD_SHARE = 0.12;

/** Means of control and their probability per profile: [sexual, labour, other]. */
export const MEANS_PROFILE = [
  ['meansOfControlDebtBondage', 0.15, 0.35, 0.1],
  ['meansOfControlTakesEarnings', 0.35, 0.4, 0.1],
  ['meansOfControlRestrictsFinancialAccess', 0.1, 0.15, 0.05],
  ['meansOfControlThreats', 0.4, 0.3, 0.25],
  ['meansOfControlPsychologicalAbuse', 0.55, 0.35, 0.4],
  ['meansOfControlPhysicalAbuse', 0.4, 0.25, 0.3],
  ['meansOfControlSexualAbuse', 0.35, 0.05, 0.2],
  ['meansOfControlFalsePromises', 0.3, 0.4, 0.2],
  ['meansOfControlPsychoactiveSubstances', 0.18, 0.03, 0.05],
  ['meansOfControlRestrictsMovement', 0.4, 0.35, 0.4],
  ['meansOfControlRestrictsMedicalCare', 0.05, 0.08, 0.05],
  ['meansOfControlExcessiveWorkingHours', 0.1, 0.4, 0.2],
  ['meansOfControlUsesChildren', 0.03, 0.02, 0.05],
  ['meansOfControlThreatOfLawEnforcement', 0.08, 0.1, 0.03],
  ['meansOfControlWithholdsNecessities', 0.1, 0.2, 0.15],
  ['meansOfControlWithholdsDocuments', 0.15, 0.4, 0.15],
  ['meansOfControlOther', 0.05, 0.05, 0.1],
] as const;

/** Type of labour weights: [men, women]; minors beg and peddle more (MINOR_LABOUR). */
export const LABOUR_PROFILE = [
  ['typeOfLabourAgriculture', 20, 10],
  ['typeOfLabourAquafarming', 10, 1],
  ['typeOfLabourBegging', 3, 4],
  ['typeOfLabourConstruction', 25, 2],
  ['typeOfLabourDomesticWork', 4, 45],
  ['typeOfLabourHospitality', 5, 12],
  ['typeOfLabourIllicitActivities', 4, 2],
  ['typeOfLabourManufacturing', 14, 14],
  ['typeOfLabourMiningOrDrilling', 5, 1],
  ['typeOfLabourPeddling', 2, 3],
  ['typeOfLabourTransportation', 3, 1],
  ['typeOfLabourOther', 5, 5],
] as const;
export const MINOR_LABOUR: Readonly<Record<string, number>> = {
  typeOfLabourBegging: 8,
  typeOfLabourPeddling: 3,
};

/** Type of sexual exploitation: probability for adults, for minors. */
export const SEX_PROFILE = [
  ['typeOfSexProstitution', 0.85, 0.7],
  ['typeOfSexPornography', 0.1, 0.3],
  ['typeOfSexRemoteInteractiveServices', 0.04, 0.08],
  ['typeOfSexPrivateSexualServices', 0.05, 0.04],
] as const;

/** Relationship to the recruiter, by profile: [sexual, labour, other]. */
export const RELATION_PROFILE = [
  ['recruiterRelationIntimatePartner', 30, 2, 8],
  ['recruiterRelationFriend', 20, 20, 15],
  ['recruiterRelationFamily', 20, 8, 30],
  ['recruiterRelationOther', 25, 65, 42],
  ['recruiterRelationUnknown', 5, 5, 5],
] as const;

/** Shares of records with a group left unrecorded (-99), by data source [case mgmt, hotline]. */
export const MISSING = {
  gender: [0.02, 0.04],
  age: [0.12, 0.3],
  citizenship: [0.08, 0.45],
  countryOfExploitation: [0.12, 0.05],
  means: [0.45, 0.2],
  labourType: [0.3, 0.4],
  sexType: [0.4, 0.3],
  abduction: [0.55, 0.9],
  relation: [0.5, 0.35],
  majorityEntry: [0.8, 0.95],
  majorityAtExploit: [0.9, 0.97],
} as const;

/** Share of Hotline among records (Polaris's US hotline data in CTDC). */
export const HOTLINE_SHARE = 0.25;
/** Hotline records are mostly exploited in the United States, from 2015. */
export const HOTLINE_COUNTRY = 'US';
export const HOTLINE_FIRST_YEAR = 2015;
/** Share of transgender among records of known gender. */
export const TRANSGENDER_SHARE = 0.006;
