/**
 * What the CTDC export needs from one case record: the HTCDS 2.0 fields that the CTDC global
 * dataset summarises, as plain values. The server fills it from the case (`CaseSummary`,
 * `CaseDetail.person`), its victim context (`CaseProfile`), its historic trafficking events and,
 * when the role may read them, its perpetrators. It never carries a name, an identifier, a
 * reference, a place below the country, or free text: nothing here can point at one person by
 * itself, and `ctdcRowOfCase` publishes coarser values still (age bands, years).
 *
 * Field names follow the Lantern case record; the HTCDS field each one comes from is given
 * (HTCDS Field Standards 2.0, docs/htcds-mapping.md). `null` and `[]` mean "not recorded" and
 * become CTDC's `-99`.
 */
import type { CountryCode } from '../../codes/countries.ts';
import type { ExploitationType, Gender } from '../../codes/htcds.ts';
import type { PerpetratorRole } from '../../codes/htcds-case.ts';
import type { MethodOfControl } from '../../codes/htcds-methods-of-control.ts';
import type {
  RecruitmentMethod,
  RelationshipToTrafficker,
  SexExploitationType,
} from '../../codes/htcds-victim.ts';
import type { CtdcDataSource } from './global-layout.ts';

export interface CtdcCaseInput {
  /** cas_RegistrationDate (`CaseSummary.registrationDate`), ISO `YYYY-MM-DD`. */
  registrationDate: string | null;
  /**
   * CTDC `Datasource`: how the organisation received the case. Lantern is a case management
   * system, so its own cases are `Case Management`; `Hotline` is for a hotline's case files.
   */
  dataSource: CtdcDataSource;
  /** prs_Gender (`CaseSummary.gender`). */
  gender: Gender | null;
  /**
   * prs_Birthdate (`Person.dateOfBirth`), ISO `YYYY-MM-DD`. Used only to compute ages; it is
   * never written out. Give `null` when unknown and `ageAtRegistration` instead.
   */
  dateOfBirth: string | null;
  /** Stated age in years at registration (`CaseSummary.ageAtRegistration`) when no birth date. */
  ageAtRegistration: number | null;
  /** vic_AgeWhenTrafficked (`CaseProfile.ageWhenTrafficked`): age on entering trafficking. */
  ageWhenTrafficked: number | null;
  /**
   * hte_Date of the earliest historic event of type `Exploitation` (ISO date), when recorded:
   * with `dateOfBirth` it gives the age when exploitation began.
   */
  exploitationStartDate: string | null;
  /** hte_Date of the earliest `Recruitment` event (ISO date), for the age at entry. */
  recruitmentDate: string | null;
  /** prs_Citizenship (`CaseSummary.citizenship`), ISO 3166-1 alpha-2. */
  citizenship: CountryCode | null;
  /**
   * Country where the person was exploited: the case's `countryOfExploitation`, or else hte_Country
   * of the first `Exploitation` event. ISO 3166-1 alpha-2.
   */
  countryOfExploitation: CountryCode | null;
  /** vic_TypeOfExploitation (multiselect). */
  typeOfExploitation: readonly ExploitationType[];
  /** vic_MethodsOfControl (multiselect, picklist values). */
  methodsOfControl: readonly MethodOfControl[];
  /** vic_ForcedLabourIndustry: an ISIC section code or a tier 2/3 code below it, or null. */
  forcedLabourIndustry: string | null;
  /** vic_TypeOfSexExploitation (multiselect). */
  typeOfSexExploitation: readonly SexExploitationType[];
  /** vic_MethodOfRecruitment (multiselect). */
  methodOfRecruitment: readonly RecruitmentMethod[];
  /** vic_RelationshipToTrafficker. */
  relationshipToTrafficker: RelationshipToTrafficker | null;
  /**
   * per_RoleInProcess of every perpetrator of the case, merged (a role present in any of them).
   * `null` when the perpetrators were not read (the role may not see them, or none recorded):
   * the abduction flag is then `-99`, not `0`.
   */
  perpetratorRoles: readonly PerpetratorRole[] | null;
}
