import type { TFunction } from 'i18next';
import type { CaseCreateBody } from '../../../shared/api/cases.schema.ts';
import type { ExploitationType, Gender, TraffickingStatus } from '../../../shared/codes/htcds.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { todayIso } from '../../lib/format.ts';

/** The form's state: every input as typed, converted to the API body on submit. */
export interface NewCaseDraft {
  givenName: string;
  familyName: string;
  aliases: string;
  dateOfBirth: string;
  age: string;
  gender: Gender | '';
  phone: string;
  email: string;
  documentNumber: string;
  address: string;
  citizenship: string;
  countryOfExploitation: string;
  typeOfExploitation: ExploitationType[];
  registrationDate: string;
  traffickingStatus: TraffickingStatus;
}

export const emptyDraft = (): NewCaseDraft => ({
  givenName: '',
  familyName: '',
  aliases: '',
  dateOfBirth: '',
  age: '',
  gender: '',
  phone: '',
  email: '',
  documentNumber: '',
  address: '',
  citizenship: '',
  countryOfExploitation: '',
  typeOfExploitation: [],
  registrationDate: todayIso(),
  traffickingStatus: 'PossibleVictimOfTrafficking',
});

/** API field paths in the order the form shows them (focus goes to the first with an error). */
export const FIELD_ORDER = [
  'person.givenName',
  'person.familyName',
  'person.aliases',
  'person.dateOfBirth',
  'person.age',
  'person.gender',
  'person.phone',
  'person.email',
  'person.documentNumber',
  'person.address',
  'citizenship',
  'countryOfExploitation',
  'typeOfExploitation',
  'registrationDate',
  'traffickingStatus',
] as const;
export type FieldPath = (typeof FIELD_ORDER)[number];

export const ID_PREFIX = 'new-case-';
/** The element id of a field: `person.givenName` → `new-case-person.givenName`. */
export const fieldId = (path: FieldPath): string => `${ID_PREFIX}${path}`;

/** Reports `person.aliases.2` on the aliases field, `typeOfExploitation.0` on the group. */
export const fieldOf = (path: string): string => path.replace(/(\.\d+)+$/, '');

/** Checks what the browser can check, so most mistakes are caught without a round trip. */
export function validateDraft(t: TFunction, d: NewCaseDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!d.givenName.trim()) errors['person.givenName'] = t('fieldErrors.required');
  if (!d.gender) errors['person.gender'] = t('fieldErrors.required');
  if (!d.citizenship) errors.citizenship = t('fieldErrors.required');
  const age = d.age.trim();
  if (age && !(/^\d{1,3}$/.test(age) && Number(age) <= 120))
    errors['person.age'] = t('fieldErrors.age');
  else if (age && d.dateOfBirth) errors['person.age'] = t('newCase.ageOrDateOfBirth');
  return errors;
}

const optional = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

/** The POST /cases body; empty inputs are left out rather than sent as "". */
export function toBody(d: NewCaseDraft): CaseCreateBody {
  const aliases = d.aliases
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return {
    person: {
      givenName: d.givenName.trim(),
      familyName: optional(d.familyName),
      aliases: aliases.length > 0 ? aliases : undefined,
      dateOfBirth: optional(d.dateOfBirth),
      age: optional(d.age) === undefined ? undefined : Number(d.age),
      gender: d.gender || 'NonSpecifiedUnknown',
      phone: optional(d.phone),
      email: optional(d.email),
      documentNumber: optional(d.documentNumber),
      address: optional(d.address),
    },
    citizenship: d.citizenship as CaseCreateBody['citizenship'],
    countryOfExploitation: (optional(d.countryOfExploitation) ??
      undefined) as CaseCreateBody['countryOfExploitation'],
    typeOfExploitation: d.typeOfExploitation,
    registrationDate: optional(d.registrationDate),
    traffickingStatus: d.traffickingStatus,
    status: 'Active',
  };
}
