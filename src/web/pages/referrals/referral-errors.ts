import type { TFunction } from 'i18next';
import type { ServiceType } from '../../../shared/codes/service-types.ts';
import { errorCode, errorMessage } from '../../lib/error-message.ts';
import { consentRefusal } from './referral-model.ts';

/**
 * A refused referral action in words: a missing consent names the service type, a conflict
 * (someone else acted first) says the referral was read again; anything else by its code.
 */
export function referralFailure(t: TFunction, error: unknown, fallbackType?: ServiceType): string {
  const refusal = consentRefusal(error);
  if (refusal) {
    const type = refusal.serviceType ?? fallbackType;
    return type
      ? t('referrals.errors.consentRequired', { service: t(`consent.serviceType.${type}`) })
      : t('errors.consent_required');
  }
  if (errorCode(error) === 'conflict') return t('referrals.errors.conflict');
  if (errorCode(error) === 'not_found') return t('referrals.errors.notFound');
  return errorMessage(t, error);
}

export const isConflict = (error: unknown): boolean => errorCode(error) === 'conflict';
