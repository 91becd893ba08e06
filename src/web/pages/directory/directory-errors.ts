import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { issueFieldErrors, knownIssueMessage, type KnownIssues } from '../../lib/schema-issues.ts';

// The directory schema's own messages (src/shared/api/directory.schema.ts), beyond the shared
// ones that lib/field-errors.ts knows.
const KNOWN: KnownIssues = [
  [
    /between (-?\d+) and (-?\d+)/,
    (m, t) => t('directory.errors.between', { min: Number(m[1]), max: Number(m[2]) }),
  ],
  [/must not be below zero/, (_m, t) => t('directory.errors.notNegative')],
  [/at most (\d+)$/, (m, t) => t('directory.errors.atMost', { max: Number(m[1]) })],
  [/whole number/, (_m, t) => t('fieldErrors.number')],
  [/must be a number/, (_m, t) => t('directory.errors.number')],
  [/language code/, (_m, t) => t('directory.errors.language')],
  [/http or https/, (_m, t) => t('directory.errors.website')],
  [/greater than ageMax/, (_m, t) => t('directory.errors.ageOrder')],
  [/greater than capacityTotal/, (_m, t) => t('directory.errors.capacityOrder')],
  [/base64|larger than/, (_m, t) => t('directory.import.unreadable')],
];

/** One server validation message in the interface language (never the server's own words). */
export function directoryIssueMessage(t: TFunction, message: string): string {
  return knownIssueMessage(t, KNOWN, message);
}

/** The field errors of a directory write's 400 answer, keyed by form field; null otherwise. */
export function directoryFieldErrors(
  t: TFunction,
  error: unknown,
  fieldOf: (path: string) => string = (p) => p,
): FieldErrors | null {
  return issueFieldErrors(error, fieldOf, (message) => directoryIssueMessage(t, message));
}

export interface ImportProblem {
  row: number;
  column: string | null;
  message: string;
}

/** The row-level problems of a refused CSV import (400 `validation_failed`), or null. */
export function importProblems(t: TFunction, error: unknown): ImportProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return null;
  const details: unknown = error.details;
  const list = Array.isArray(details)
    ? details
    : typeof details === 'object' &&
        details !== null &&
        Array.isArray((details as { errors?: unknown }).errors)
      ? (details as { errors: unknown[] }).errors
      : null;
  if (!list) return null;
  const out: ImportProblem[] = [];
  for (const d of list as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const { row, column, message } = d as { row?: unknown; column?: unknown; message?: unknown };
    if (typeof row !== 'number' || typeof message !== 'string') continue;
    out.push({
      row,
      column: typeof column === 'string' ? column : null,
      message: directoryIssueMessage(t, message),
    });
  }
  return out.length > 0 ? out : null;
}
