import type { CountryCode } from '../../shared/codes/countries.ts';
import { COUNTRY_CODES } from '../../shared/codes/countries.ts';
import type { PerpetratorRole } from '../../shared/codes/htcds-case.ts';
import { PERPETRATOR_ROLES } from '../../shared/codes/htcds-case.ts';
import type { MethodOfControl } from '../../shared/codes/htcds-methods-of-control.ts';
import { METHODS_OF_CONTROL } from '../../shared/codes/htcds-methods-of-control.ts';
import type {
  RecruitmentMethod,
  RelationshipToTrafficker,
  SexExploitationType,
} from '../../shared/codes/htcds-victim.ts';
import {
  RECRUITMENT_METHODS,
  RELATIONSHIPS_TO_TRAFFICKER,
  SEX_EXPLOITATION_TYPES,
} from '../../shared/codes/htcds-victim.ts';
import type { ExploitationType, Gender } from '../../shared/codes/htcds.ts';
import { EXPLOITATION_TYPES, GENDERS } from '../../shared/codes/htcds.ts';
import type { CtdcCaseInput } from '../../shared/hub/ctdc/case-input.ts';
import type { ContributionCaseRow } from './contributions.repo.ts';

/** Membership of each code list, built once (a case is mapped 100,000 times in a contribution). */
const sets = new Map<readonly string[], ReadonlySet<string>>();
function setOf(list: readonly string[]): ReadonlySet<string> {
  let set = sets.get(list);
  if (!set) sets.set(list, (set = new Set(list)));
  return set;
}

/** Keeps the values of a code list (a value outside it is "not recorded": CTDC's -99). */
function within<T extends string>(list: readonly T[], values: readonly string[] | null): T[] {
  if (!values || values.length === 0) return [];
  const allowed = setOf(list);
  return values.filter((v): v is T => allowed.has(v));
}

function one<T extends string>(list: readonly T[], value: string | null): T | null {
  return value !== null && setOf(list).has(value) ? (value as T) : null;
}

/**
 * A case of the organisation as the CTDC export's input (src/shared/hub/ctdc/case-input.ts):
 * coded fields of the case, its victim context, its earliest exploitation and recruitment
 * events and its perpetrators' roles. Of the person's sealed identity only the date of birth is
 * used, to compute ages; no name, identifier, reference or free text is copied.
 */
export function caseInputOf(row: ContributionCaseRow, dateOfBirth: string | null): CtdcCaseInput {
  const roles = within<PerpetratorRole>(PERPETRATOR_ROLES, row.perpetratorRoles);
  return {
    registrationDate: row.registrationDate,
    // Lantern is a case management system (CTDC codebook, variable Datasource).
    dataSource: 'Case Management',
    gender: one<Gender>(GENDERS, row.gender),
    dateOfBirth,
    ageAtRegistration: row.ageAtRegistration,
    ageWhenTrafficked: row.ageWhenTrafficked,
    exploitationStartDate: row.exploitationStartDate,
    recruitmentDate: row.recruitmentDate,
    citizenship: one<CountryCode>(COUNTRY_CODES, row.citizenship),
    countryOfExploitation: one<CountryCode>(
      COUNTRY_CODES,
      row.countryOfExploitation ?? row.exploitationCountry,
    ),
    typeOfExploitation: within<ExploitationType>(EXPLOITATION_TYPES, row.typeOfExploitation),
    methodsOfControl: within<MethodOfControl>(METHODS_OF_CONTROL, row.methodsOfControl),
    forcedLabourIndustry: row.forcedLabourIndustry,
    typeOfSexExploitation: within<SexExploitationType>(
      SEX_EXPLOITATION_TYPES,
      row.typeOfSexExploitation,
    ),
    methodOfRecruitment: within<RecruitmentMethod>(RECRUITMENT_METHODS, row.methodOfRecruitment),
    relationshipToTrafficker: one<RelationshipToTrafficker>(
      RELATIONSHIPS_TO_TRAFFICKER,
      row.relationshipToTrafficker,
    ),
    // No perpetrator recorded: the abduction flag is unknown (-99), not "no".
    perpetratorRoles: row.perpetratorRoles === null ? null : roles,
  };
}
