import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/** Field path (as the API names it, e.g. `person.givenName`) → translated message. */
export type FieldErrors = Record<string, string>;

// The validation messages of src/shared/api/*.schema.ts and zod's defaults, mapped to catalogue
// keys; anything else becomes a generic "check this field".
const KNOWN: readonly [RegExp, (m: RegExpMatchArray, t: TFunction) => string][] = [
  [/^is required$/, (_m, t) => t('fieldErrors.required')],
  [/telephone/, (_m, t) => t('fieldErrors.phone')],
  [/e-?mail/i, (_m, t) => t('fieldErrors.email')],
  [/at least (\d+) characters/, (m, t) => t('fieldErrors.tooShort', { count: Number(m[1]) })],
  [/at most (\d+) characters/, (m, t) => t('fieldErrors.tooLong', { count: Number(m[1]) })],
  [/6 digits/, (_m, t) => t('fieldErrors.totpCode')],
  [/YYYY-MM-DD|calendar date/, (_m, t) => t('fieldErrors.date')],
  [/country code/, (_m, t) => t('fieldErrors.country')],
  [/control characters/, (_m, t) => t('fieldErrors.controlCharacters')],
  [/repeat/, (_m, t) => t('fieldErrors.repeated')],
  [/must be one of/, (_m, t) => t('fieldErrors.choice')],
  [/too (small|big)|expected int|expected number/i, (_m, t) => t('fieldErrors.number')],
];

function translateIssue(t: TFunction, message: string): string {
  for (const [pattern, render] of KNOWN) {
    const match = message.match(pattern);
    if (match) return render(match, t);
  }
  return t('fieldErrors.invalid');
}

interface Issue {
  path: string;
  message: string;
}

const isIssue = (v: unknown): v is Issue =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Issue).path === 'string' &&
  typeof (v as Issue).message === 'string';

/**
 * The field errors of a 400 `validation_failed` response, keyed by the path's form field:
 * `person.aliases.2` is reported on `person.aliases`. Returns null for any other error.
 */
export function fieldErrorsFrom(
  t: TFunction,
  error: unknown,
  fieldOf: (path: string) => string = (p) => p,
): FieldErrors | null {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return null;
  if (!Array.isArray(error.details)) return null;
  const result: FieldErrors = {};
  for (const issue of error.details.filter(isIssue)) {
    const field = fieldOf(issue.path);
    result[field] ??= translateIssue(t, issue.message);
  }
  return Object.keys(result).length > 0 ? result : null;
}

/** Moves keyboard focus to the first field (in `order`) that has an error. */
export function focusFirstInvalid(errors: FieldErrors, order: readonly string[], prefix: string) {
  const first = order.find((field) => errors[field] !== undefined);
  if (first !== undefined) document.getElementById(`${prefix}${first}`)?.focus();
}
