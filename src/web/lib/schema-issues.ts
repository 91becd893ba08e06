import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';
import { fieldErrorsFrom, type FieldErrors } from './field-errors.ts';

/** A schema's own validation messages: pattern → the sentence in the interface language. */
export type KnownIssues = readonly [RegExp, (m: RegExpMatchArray, t: TFunction) => string][];

/**
 * One server validation message in the interface language (never the server's own words): the
 * first of `known` that matches, else the shared wording of lib/field-errors.ts, else "invalid".
 */
export function knownIssueMessage(t: TFunction, known: KnownIssues, message: string): string {
  for (const [pattern, render] of known) {
    const match = message.match(pattern);
    if (match) return render(match, t);
  }
  const shared = fieldErrorsFrom(
    t,
    new ApiError(400, 'validation_failed', '', [{ path: 'field', message }]),
  );
  return shared?.field ?? t('fieldErrors.invalid');
}

/**
 * The field errors of a write's 400 `validation_failed` answer, each issue's message rendered
 * by `render` and keyed by `fieldOf(path)` (the first issue of a field wins); null otherwise.
 */
export function issueFieldErrors(
  error: unknown,
  fieldOf: (path: string) => string,
  render: (message: string) => string,
): FieldErrors | null {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return null;
  if (!Array.isArray(error.details)) return null;
  const out: FieldErrors = {};
  for (const issue of error.details as unknown[]) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    out[fieldOf(path)] ??= render(message);
  }
  return Object.keys(out).length > 0 ? out : null;
}
