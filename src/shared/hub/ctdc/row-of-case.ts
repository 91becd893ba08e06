/**
 * One HTCDS 2.0 case record → one row of the CTDC global layout. Each mapping cites the HTCDS
 * field (HTCDS Field Standards 2.0) and the CTDC variable (CTDC Data Codebook); docs/ctdc-format.md
 * has the tables. Nothing identifying leaves: the year of registration, not the date; an age
 * band, not the age; the birth date is read only to compute ages.
 */
import type { Gender } from '../../codes/htcds.ts';
import type { ExploitationType } from '../../codes/htcds.ts';
import type { MethodOfControl } from '../../codes/htcds-methods-of-control.ts';
import type { RelationshipToTrafficker, SexExploitationType } from '../../codes/htcds-victim.ts';
import type { CtdcCaseInput } from './case-input.ts';
import {
  CONCATENATED_LABELS,
  CTDC_COLUMNS,
  CTDC_MISSING,
  ageBand,
  concatenate,
  type CtdcColumn,
} from './global-layout.ts';

/**
 * prs_Gender → gender. CTDC's global layout has Female, Male and Transgender; its synthetic
 * codebook groups "Trans/Transgender/NonConforming", so NonConforming goes with Transgender.
 */
const GENDER: Record<Gender, string> = {
  Feminine: 'Female',
  Masculine: 'Male',
  TransgenderFeminine: 'Transgender',
  TransgenderMasculine: 'Transgender',
  NonConforming: 'Transgender',
  NonSpecifiedUnknown: CTDC_MISSING,
};

/**
 * vic_TypeOfExploitation → the CTDC exploitation flags. ChildLabour and ForcedBegging are forced
 * labour (CTDC records begging as a type of labour); Servitude is "slavery and similar
 * practices" (UN 1956 Supplementary Convention). Forced marriage, forced military service, organ
 * removal, servitude and the types CTDC has no flag for (ForcedAdoption, Surrogacy, Other) are
 * also `isOtherExploit`: CTDC's "other than forced labour or sexual exploitation".
 */
const EXPLOITATION: Record<ExploitationType, readonly CtdcColumn[]> = {
  ForcedLabour: ['isForcedLabour'],
  SexualExploitation: ['isSexualExploit'],
  ChildLabour: ['isForcedLabour'],
  ForcedBegging: ['isForcedLabour'],
  ForcedMarriage: ['isOtherExploit', 'isForcedMarriage'],
  Servitude: ['isOtherExploit', 'isSlaveryAndPractices'],
  ForcedMilitaryByNonStateActors: ['isOtherExploit', 'isForcedMilitary'],
  OrganRemoval: ['isOtherExploit', 'isOrganRemoval'],
  ForcedAdoption: ['isOtherExploit'],
  Surrogacy: ['isOtherExploit'],
  Other: ['isOtherExploit'],
};

/**
 * vic_MethodsOfControl (picklist) → meansOfControl flags. The HTCDS definitions name the same
 * variables as CTDC (MethodsOfControlDebtBondage …, Field Definitions.md); the picklist spells
 * four of them differently (src/shared/codes/htcds-methods-of-control.ts). HTCDS 2.0 has no
 * picklist value for RestrictsMovement, so that flag is 0 whenever means are recorded.
 */
const MEANS: Record<MethodOfControl, CtdcColumn> = {
  PhysicalThreats: 'meansOfControlThreats',
  ThreatsLawEnforcement: 'meansOfControlThreatOfLawEnforcement',
  ThreatensChildrenFamily: 'meansOfControlUsesChildren',
  DebtBondage: 'meansOfControlDebtBondage',
  FalsePromises: 'meansOfControlFalsePromises',
  PhysicalAbuse: 'meansOfControlPhysicalAbuse',
  SexualAbuse: 'meansOfControlSexualAbuse',
  TakesEarnings: 'meansOfControlTakesEarnings',
  RestrictsFinancialAccess: 'meansOfControlRestrictsFinancialAccess',
  RestrictsMedicalCare: 'meansOfControlRestrictsMedicalCare',
  WithholdsNecessities: 'meansOfControlWithholdsNecessities',
  PsychologicalAbuse: 'meansOfControlPsychologicalAbuse',
  PsychoactiveSubstance: 'meansOfControlPsychoactiveSubstances',
  ExcessiveWorkingHours: 'meansOfControlExcessiveWorkingHours',
  WithholdsDocuments: 'meansOfControlWithholdsDocuments',
  Other: 'meansOfControlOther',
};

/** vic_TypeOfSexExploitation → typeOfSex flags (same four values in both standards). */
const SEX: Record<SexExploitationType, CtdcColumn> = {
  Prostitution: 'typeOfSexProstitution',
  Pornography: 'typeOfSexPornography',
  RemoteInteractiveServices: 'typeOfSexRemoteInteractiveServices',
  PrivateSexualServices: 'typeOfSexPrivateSexualServices',
};

/**
 * vic_RelationshipToTrafficker → recruiterRelation flags. HTCDS has three values: Familial is
 * Family; Acquainted (knew the trafficker) is Friend, CTDC's only acquaintance category;
 * Unaquainted (a stranger) is Other. HTCDS has no intimate-partner value.
 */
const RELATION: Record<RelationshipToTrafficker, CtdcColumn> = {
  Familial: 'recruiterRelationFamily',
  Acquainted: 'recruiterRelationFriend',
  Unaquainted: 'recruiterRelationOther',
};

/**
 * vic_ForcedLabourIndustry (ISIC Rev. 4 section, division or group) → typeOfLabour. The
 * longest matching code prefix decides; a section CTDC has no type for (wholesale and retail
 * trade included: ISIC does not separate street peddling) is Other.
 */
const INDUSTRY_PREFIXES: readonly (readonly [string, CtdcColumn])[] = [
  ['A03', 'typeOfLabourAquafarming'], // fishing and aquaculture
  ['A', 'typeOfLabourAgriculture'],
  ['B', 'typeOfLabourMiningOrDrilling'],
  ['C', 'typeOfLabourManufacturing'],
  ['F', 'typeOfLabourConstruction'],
  ['H', 'typeOfLabourTransportation'],
  ['I', 'typeOfLabourHospitality'],
  ['T', 'typeOfLabourDomesticWork'], // households as employers of domestic personnel
];

function labourType(industry: string): CtdcColumn {
  for (const [prefix, column] of INDUSTRY_PREFIXES) {
    if (industry.startsWith(prefix)) return column;
  }
  return 'typeOfLabourOther';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole years from `birth` to `on` (ISO dates), or null when either is missing or unreadable. */
export function yearsBetween(birth: string | null, on: string | null): number | null {
  const b = birth ? DATE.exec(birth) : null;
  const o = on ? DATE.exec(on) : null;
  if (!b || !o) return null;
  let years = Number(o[1]) - Number(b[1]);
  if (o[2]! + o[3]! < b[2]! + b[3]!) years--;
  return years >= 0 && years <= 120 ? years : null;
}

const majority = (age: number | null) =>
  age === null ? CTDC_MISSING : age < 18 ? 'Minor' : 'Adult';

const INDEX = new Map<string, number>(CTDC_COLUMNS.map((c, i) => [c, i]));

/** The flags of each concatenated group, which are 0 or 1 together once the group is recorded. */
const keys = (o: object) => Object.keys(o) as CtdcColumn[];
const GROUPS = {
  means: keys(CONCATENATED_LABELS.meansOfControlConcatenated),
  exploitation: [...keys(CONCATENATED_LABELS.typeOfExploitConcatenated), 'isSexAndLabour'],
  labour: keys(CONCATENATED_LABELS.typeOfLabourConcatenated),
  sex: keys(CONCATENATED_LABELS.typeOfSexConcatenated),
  relation: keys(CONCATENATED_LABELS.RecruiterRelationship),
} as const satisfies Record<string, readonly CtdcColumn[]>;
/** One case record as one row of the CTDC global layout (`CTDC_COLUMNS` order). */
export function ctdcRowOfCase(input: CtdcCaseInput): string[] {
  const row = new Array<string>(CTDC_COLUMNS.length).fill(CTDC_MISSING);
  const set = (c: CtdcColumn, v: string) => (row[INDEX.get(c)!] = v);
  const is1 = (c: CtdcColumn) => row[INDEX.get(c)!] === '1';
  /** Every flag of a group 0, then the given ones 1: the group was recorded. */
  const flags = (group: readonly CtdcColumn[], on: Iterable<CtdcColumn>) => {
    for (const c of group) set(c, '0');
    for (const c of on) set(c, '1');
  };

  const year = input.registrationDate ? DATE.exec(input.registrationDate)?.[1] : undefined;
  if (year) set('yearOfRegistration', year);
  set('Datasource', input.dataSource);
  if (input.gender) set('gender', GENDER[input.gender]);

  // Ages: at registration (ageBroad, majorityStatus), on entering trafficking (majorityEntry,
  // HTCDS vic_AgeWhenTrafficked) and when exploitation began (majorityStatusAtExploit).
  const age = yearsBetween(input.dateOfBirth, input.registrationDate) ?? input.ageAtRegistration;
  if (age !== null) set('ageBroad', ageBand(age));
  set('majorityStatus', majority(age));
  const entry = input.ageWhenTrafficked ?? yearsBetween(input.dateOfBirth, input.recruitmentDate);
  set('majorityEntry', majority(entry));
  const exploit = yearsBetween(input.dateOfBirth, input.exploitationStartDate);
  // Exploitation follows entry: an adult on entering was an adult when exploited.
  set(
    'majorityStatusAtExploit',
    majority(exploit ?? (entry !== null && entry >= 18 ? entry : null)),
  );

  if (input.citizenship) set('citizenship', input.citizenship);
  if (input.countryOfExploitation) set('CountryOfExploitation', input.countryOfExploitation);

  if (input.methodsOfControl.length > 0) {
    flags(
      GROUPS.means,
      input.methodsOfControl.map((m) => MEANS[m]),
    );
    set('meansOfControlConcatenated', concatenate('meansOfControlConcatenated', is1));
  }

  if (input.typeOfExploitation.length > 0) {
    flags(
      GROUPS.exploitation,
      input.typeOfExploitation.flatMap((t) => EXPLOITATION[t]),
    );
    if (is1('isForcedLabour') && is1('isSexualExploit')) set('isSexAndLabour', '1');
    set('typeOfExploitConcatenated', concatenate('typeOfExploitConcatenated', is1));
  }

  // Types of labour and of sexual exploitation apply only to those exploited so (else -99).
  if (is1('isForcedLabour')) {
    const on: CtdcColumn[] = [];
    if (input.forcedLabourIndustry) on.push(labourType(input.forcedLabourIndustry));
    if (input.typeOfExploitation.includes('ForcedBegging')) on.push('typeOfLabourBegging');
    flags(GROUPS.labour, on.length > 0 ? on : ['typeOfLabourNotSpecified']);
    set('typeOfLabourConcatenated', concatenate('typeOfLabourConcatenated', is1));
  }
  if (is1('isSexualExploit') && input.typeOfSexExploitation.length > 0) {
    flags(
      GROUPS.sex,
      input.typeOfSexExploitation.map((s) => SEX[s]),
    );
    set('typeOfSexConcatenated', concatenate('typeOfSexConcatenated', is1));
  }

  // isAbduction: a perpetrator who kidnapped the person (HTCDS per_RoleInProcess "Kidnapper").
  if (input.perpetratorRoles !== null) {
    set('isAbduction', input.perpetratorRoles.includes('Kidnapper') ? '1' : '0');
  }

  if (input.relationshipToTrafficker) {
    flags(GROUPS.relation, [RELATION[input.relationshipToTrafficker]]);
    set('RecruiterRelationship', concatenate('RecruiterRelationship', is1));
  }
  return row;
}
