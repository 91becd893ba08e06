import type { FieldIssue } from '../api/errors.ts';
import { addDays, addYears, ageOn } from './dates.ts';

/**
 * Date rules of the case record. Each check returns the issue it finds (naming the field, never
 * the value) or null; services collect them and refuse the request with all of them at once.
 */

/** When the person can have been born: exactly, or a range from the age at registration. */
export interface BirthBounds {
  earliest: string;
  latest: string;
}

/**
 * From the date of birth when it is known; otherwise from the age at registration (aged A on
 * day R means born after R − (A + 1) years and on or before R − A years); null when neither.
 */
export function birthBounds(p: {
  dateOfBirth: string | null;
  ageAtRegistration: number | null;
  registrationDate: string;
}): BirthBounds | null {
  if (p.dateOfBirth) return { earliest: p.dateOfBirth, latest: p.dateOfBirth };
  if (p.ageAtRegistration === null) return null;
  return {
    earliest: addDays(addYears(p.registrationDate, -(p.ageAtRegistration + 1)), 1),
    latest: addYears(p.registrationDate, -p.ageAtRegistration),
  };
}

type Issue = FieldIssue | null;

export const notInFuture = (path: string, date: string | null, today: string): Issue =>
  date !== null && date > today ? { path, message: 'must not be in the future' } : null;

/** Nothing of a person's story happens before they were born (e.g. exploitation). */
export const notBeforeBirth = (
  path: string,
  date: string | null,
  birth: BirthBounds | null,
): Issue =>
  date !== null && birth !== null && date < birth.earliest
    ? { path, message: 'is before the person’s date of birth' }
    : null;

/** An end (or any later date) on or after its start; `startName` is the start's field name. */
export const notBefore = (
  path: string,
  date: string | null,
  start: string | null,
  startName: string,
): Issue =>
  date !== null && start !== null && date < start
    ? { path, message: `must be on or after ${startName}` }
    : null;

/** An age in the person's past: not above the oldest they can be today. */
export function ageReached(
  path: string,
  age: number | null,
  birth: BirthBounds | null,
  today: string,
): Issue {
  if (age === null || birth === null) return null;
  return age > ageOn(birth.earliest, today)
    ? { path, message: 'is more than the person’s age today' }
    : null;
}

/** The issues found, without the checks that passed. */
export const issues = (...found: Issue[]): FieldIssue[] =>
  found.filter((i): i is FieldIssue => i !== null);
