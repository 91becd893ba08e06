import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { fieldErrorsFrom, type FieldErrors } from '../../lib/field-errors.ts';

/** The consent form's fields, in the order focus should find the first error. */
export const CONSENT_FIELDS = [
  'purpose',
  'serviceType',
  'method',
  'guardianRelationship',
  'guardianName',
  'childAssent',
  'expiresOn',
  'note',
] as const;
export type ConsentField = (typeof CONSENT_FIELDS)[number];

/** API field path → form field (`guardian` as a whole is reported on its first field). */
export function consentFieldOf(path: string): string {
  if (path === 'guardian' || path === 'guardian.relationship') return 'guardianRelationship';
  if (path === 'guardian.name') return 'guardianName';
  return path;
}

type IssueKey =
  | 'methodGuardian'
  | 'guardianRequired'
  | 'guardianOnly'
  | 'assentRequired'
  | 'assentRefused'
  | 'assentOnlyChild'
  | 'serviceTypeOnlyReferral'
  | 'expiresPast';

/**
 * The consent rules' own refusals (src/shared/consent/grant-rules.ts), recognised by path and
 * message, so the form can say exactly what is missing; null for anything else.
 */
export function consentIssueKey(path: string, message: string): IssueKey | null {
  if (path === 'method' && /must be guardian/.test(message)) return 'methodGuardian';
  if (path === 'guardian' && /only when/.test(message)) return 'guardianOnly';
  if (path === 'guardian' && /is required/.test(message)) return 'guardianRequired';
  if (path === 'childAssent' && /is refused/.test(message)) return 'assentRefused';
  if (path === 'childAssent' && /only to a child/.test(message)) return 'assentOnlyChild';
  if (path === 'childAssent' && /is required/.test(message)) return 'assentRequired';
  if (path === 'serviceType' && /only to the referral/.test(message))
    return 'serviceTypeOnlyReferral';
  if (path === 'expiresOn' && /past/.test(message)) return 'expiresPast';
  return null;
}

/** Field errors of a refused grant: the rules' messages, else the generic translations. */
export function consentFieldErrors(t: TFunction, error: unknown): FieldErrors | null {
  const generic = fieldErrorsFrom(t, error, consentFieldOf);
  if (!generic || !(error instanceof ApiError) || !Array.isArray(error.details)) return generic;
  const result: FieldErrors = { ...generic };
  for (const issue of error.details as unknown[]) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const key = consentIssueKey(path, message);
    if (key) result[consentFieldOf(path)] = t(`consent.errors.${key}`);
  }
  return result;
}
