/**
 * The columns of the HTCDS toolkit spreadsheet and the Lantern value each one holds.
 *
 * Source: IOM, HTCDS 2.0 toolkit, "Toolkit/Excel/HTCDS Excel Spreadsheet v2.0.xlsx" and its two
 * "with validation" variants (CC BY 4.0), sheet "Case Sheet" (or "Sheet1"): row 1 (hidden) holds
 * the HTCDS field names, row 2 the labels, cases start on row 3, and column A numbers the rows
 * without a header. Two slips of the toolkit are not copied: its hidden row names N–R in another
 * order than their labels (N1 is prs_MailingCity above "Mailing Street"), and AJ1 is empty above
 * "Reason for Outgoing Referral". Lantern follows the labels, which are what people read and
 * type under, and the field names of "HTCDS Field Standards 2.0.ods".
 *
 * Multi-select columns (I, U, W, X, Y, Z in the toolkit's VBA) separate values with "; ".
 * Lantern's own columns, for values the toolkit has no column for, follow after AM.
 *
 * A column without `value` is exported empty and reported as not imported. To carry a new
 * field, give its column a value (one line), e.g. `value: multi('methodsOfControl', …)`.
 */
import {
  CASE_STATUS_LIST,
  EXPLOITATION_TYPE_LIST,
  GENDER_LIST,
  TRAFFICKING_STATUS_LIST,
} from './code-lists.ts';
import type { ColumnValue } from './column-values.ts';
import {
  country,
  date,
  exportOnly,
  multi,
  pick,
  text,
  textList,
  wholeNumber,
} from './column-values.ts';

export interface HtcdsColumn {
  /** HTCDS field name (toolkit row 1); `lnt_…` for Lantern's own columns; '' for column A. */
  field: string;
  /** The visible header (toolkit row 2). */
  label: string;
  /** Other header spellings accepted on import (the toolkit's own misspellings). */
  aliases?: readonly string[];
  /** The Lantern value in this column; absent: exported empty, not imported. */
  value?: ColumnValue;
}

const address = { joinWith: ', ' };

/** Every column, in order: A, B, … as in the toolkit, then Lantern's own. One line per column. */
// prettier-ignore
export const HTCDS_COLUMNS: readonly HtcdsColumn[] = [
  { field: '', label: '', value: exportOnly('rowNumber', 'it numbers the rows') },
  { field: 'cas_CaseOwner', label: 'Case Owner', value: exportOnly('caseOwner', 'the importing user owns the imported cases') },
  { field: 'prs_Salutation', label: 'Salutation' },
  { field: 'prs_FirstName', label: 'First Name', value: text('person.givenName') },
  { field: 'prs_SecondName', label: 'Second Name', value: text('person.familyName') },
  { field: 'con_Consent', label: 'Consent' },
  { field: 'prs_Birthdate', label: 'Birthdate', value: date('person.dateOfBirth') },
  { field: 'prs_Gender', label: 'Gender', value: pick('person.gender', GENDER_LIST) },
  { field: 'prs_Citizenship', label: 'Citizenship', value: country('citizenship', { firstOfMany: true }) },
  { field: 'prs_Title', label: 'Title' },
  { field: 'prs_Email', label: 'Email', value: text('person.email') },
  { field: 'prs_HomePhone', label: 'Home Phone' },
  { field: 'prs_MobilePhone', label: 'Mobile Phone', value: text('person.phone') },
  { field: 'prs_MailingStreet', label: 'Mailing Street', value: text('person.address', address) },
  { field: 'prs_MailingCity', label: 'Mailing City', value: text('person.address', address) },
  { field: 'prs_MailingState', label: 'Mailing State/Province', value: text('person.address', address) },
  { field: 'prs_MailingPostalCode', label: 'Mailing Zip/Postal Code', value: text('person.address', address) },
  { field: 'prs_MailingCountry', label: 'Mailing Country', value: text('person.address', address) },
  { field: 'vic_TraffickingStatus', label: 'Trafficking Status', value: pick('traffickingStatus', TRAFFICKING_STATUS_LIST) },
  { field: 'vic_TraffickingStatusDecisionMakingOrg', label: 'Trafficking Status Decision Making Organization', aliases: ['vic_TraffickinStatusDecisionMakingOrg'] },
  { field: 'vic_MethodOfRecruitment', label: 'Method of Recruitment' },
  { field: 'vic_LocationOfRecruitment', label: 'Location of Recruitment' },
  { field: 'vic_MethodsOfControl', label: 'Methods of Control' },
  { field: 'vic_TypeOfExploitation', label: 'Type of Exploitation', value: multi('typeOfExploitation', EXPLOITATION_TYPE_LIST) },
  { field: 'vic_ForcedLabourIndustry', label: 'Forced Labour Industry' },
  { field: 'vic_TypeOfSexExploitation', label: 'Type of Sex Exploitation' },
  { field: 'vic_LocationOfExploitation', label: 'Location of Exploitation', value: country('countryOfExploitation') },
  { field: 'cas_Status', label: 'Status', value: pick('status', CASE_STATUS_LIST) },
  { field: 'cas_ReferringOrganisation', label: 'Referring Organisation' },
  { field: 'cas_IncomingReferralDate', label: 'Incoming Referral Date' },
  { field: 'cas_ReferringPrimaryCaseWorker', label: 'Referring Primary Case Worker' },
  { field: 'cas_ReasonForIncomingReferral', label: 'Reason for Incoming Referral' },
  { field: 'cas_IncomingReferralDetails', label: 'Incoming Referral Details' },
  { field: 'cas_ReferredOrganisation', label: 'Referred Organisation' },
  { field: 'cas_ReferredPrimaryCaseWorker', label: 'Referred Primary Case Worker' },
  { field: 'cas_ReasonForOutgoingReferral', label: 'Reason for Outgoing Referral' },
  { field: 'cas_OutgoingReferralDate', label: 'Outgoing Referral Date' },
  { field: 'cas_OutgoingReferralDetails', label: 'Outgoing Referral Details' },
  { field: 'cas_ReasonForCaseClosure', label: 'Reason for Case Closure' },
  // Lantern's own columns (the toolkit has none for these values).
  { field: 'lnt_CaseReference', label: 'Case Reference', value: exportOnly('reference', 'imported cases get new references') },
  { field: 'lnt_RegistrationDate', label: 'Registration Date', value: date('registrationDate') },
  { field: 'lnt_AgeAtRegistration', label: 'Age at Registration', value: wholeNumber('person.age') },
  { field: 'lnt_Aliases', label: 'Aliases', value: textList('person.aliases') },
  { field: 'prs_IdentityNumber', label: 'Identity Number', value: text('person.documentNumber') },
];

/**
 * Columns whose values the import ignores and a round trip gives anew: comparing an export
 * with the export of its import leaves these out.
 */
export const IDENTITY_COLUMNS: readonly string[] = HTCDS_COLUMNS.filter(
  (c) => c.value && !c.value.importable,
).map((c) => c.field);

/** Columns an import cannot do without: the case schema requires these values. */
export const REQUIRED_PATHS = ['person.givenName', 'person.gender', 'citizenship'] as const;

/** The spreadsheet letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
