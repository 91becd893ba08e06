import { ageOn } from '../../shared/case-record/dates.ts';
import { AppError } from '../http/app-error.ts';

export { ageOn };

/**
 * The age at registration from the date of birth or the stated age, checking that the two
 * agree (±1 year: a stated age is often approximate) and that birth precedes registration.
 */
export function ageAtRegistration(
  person: { dateOfBirth?: string | undefined; age?: number | undefined },
  registrationDate: string,
): number | null {
  if (!person.dateOfBirth) return person.age ?? null;
  if (person.dateOfBirth > registrationDate) {
    throw AppError.invalid([
      { path: 'person.dateOfBirth', message: 'must be on or before the registration date' },
    ]);
  }
  const age = ageOn(person.dateOfBirth, registrationDate);
  if (age > 120) {
    throw AppError.invalid([{ path: 'person.dateOfBirth', message: 'gives an age over 120' }]);
  }
  if (person.age !== undefined && Math.abs(person.age - age) > 1) {
    throw AppError.invalid([
      { path: 'person.age', message: 'does not agree with the date of birth' },
    ]);
  }
  return age;
}
