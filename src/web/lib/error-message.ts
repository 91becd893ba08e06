import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/** The translated sentence for any thrown value; server messages are never shown as such. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) return t(`errors.${error.code}`);
  return t('errors.unknown');
}

/** The API error code of a thrown value, or null when it was not an API error. */
export const errorCode = (error: unknown): string | null =>
  error instanceof ApiError ? error.code : null;
