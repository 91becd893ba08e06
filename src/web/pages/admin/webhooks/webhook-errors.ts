import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client.ts';
import { fieldErrorsFrom } from '../../../lib/field-errors.ts';

// The URL policy's messages (src/server/notify/url-policy.ts) → catalogue keys.
const URL_PROBLEMS: readonly [RegExp, string][] = [
  [/absolute URL/, 'webhooks.errors.invalid'],
  [/http or https/, 'webhooks.errors.scheme'],
  [/user name or password/, 'webhooks.errors.credentials'],
  [/fragment/, 'webhooks.errors.fragment'],
  [/private|loopback/, 'webhooks.errors.privateAddress'],
];

/** The error to show at the URL field, or null when the refusal is not about the URL. */
export function webhookUrlError(t: TFunction, error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return null;
  const details = Array.isArray(error.details) ? (error.details as unknown[]) : [];
  for (const d of details) {
    const { path, message } = (d ?? {}) as { path?: unknown; message?: unknown };
    if (path !== 'url' || typeof message !== 'string') continue;
    for (const [pattern, key] of URL_PROBLEMS) {
      if (pattern.test(message)) return t(key as 'webhooks.errors.invalid');
    }
    return fieldErrorsFrom(t, error)?.url ?? t('fieldErrors.invalid');
  }
  return null;
}
