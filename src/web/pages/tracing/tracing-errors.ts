import type { TFunction } from 'i18next';
import { errorCode, errorMessage } from '../../lib/error-message.ts';

/**
 * A refused tracing action in words: a conflict (the request moved on, or someone else acted
 * first) says the page was read again; a missing consent says the case no longer consents to
 * family tracing; anything else by its code.
 */
export function tracingFailure(t: TFunction, error: unknown): string {
  const code = errorCode(error);
  if (code === 'conflict') return t('tracing.errors.conflict');
  if (code === 'consent_required') return t('tracing.errors.consent');
  if (code === 'not_found') return t('tracing.errors.notFound');
  return errorMessage(t, error);
}
