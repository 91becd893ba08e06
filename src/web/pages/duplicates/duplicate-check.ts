import type { DuplicateCheckInput } from '../../../shared/api/duplicates.schema.ts';
import type { NewCaseDraft } from '../cases/new-case-draft.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+?[0-9 ()-]{3,32}$/;
const COUNTRY = /^[A-Z]{2}$/;
const NAME_MAX = 200;

const validDate = (s: string): boolean => {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * The duplicate check's body from the registration form as typed, or null while there is not
 * enough to check: a given name and a date of birth or an age (names alone would warn about
 * every namesake). Only values the API would accept are sent, so a half-typed phone number does
 * not turn the check into a validation error; the form checks everything again on submit.
 */
export function checkBodyFrom(d: NewCaseDraft): DuplicateCheckInput | null {
  const givenName = d.givenName.trim();
  if (!givenName || givenName.length > NAME_MAX) return null;
  const familyName = d.familyName.trim();
  const dateOfBirth = validDate(d.dateOfBirth) ? d.dateOfBirth : undefined;
  const ageText = d.age.trim();
  const age =
    !dateOfBirth && /^\d{1,3}$/.test(ageText) && Number(ageText) <= 120
      ? Number(ageText)
      : undefined;
  if (dateOfBirth === undefined && age === undefined) return null;
  const aliases = d.aliases
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a && a.length <= NAME_MAX)
    .slice(0, 20);
  const phone = d.phone.trim();
  const documentNumber = d.documentNumber.trim();
  return {
    person: {
      givenName,
      ...(familyName && familyName.length <= NAME_MAX ? { familyName } : {}),
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(dateOfBirth ? { dateOfBirth } : {}),
      ...(age !== undefined ? { age } : {}),
      gender: d.gender || 'NonSpecifiedUnknown',
      ...(PHONE.test(phone) ? { phone } : {}),
      ...(documentNumber && documentNumber.length <= 64 ? { documentNumber } : {}),
    },
    ...(COUNTRY.test(d.citizenship) ? { citizenship: d.citizenship } : {}),
    ...(validDate(d.registrationDate) ? { registrationDate: d.registrationDate } : {}),
    limit: 5,
  };
}
