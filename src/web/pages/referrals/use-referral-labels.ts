import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceType } from '../../../shared/codes/service-types.ts';
import type { Mismatch } from '../../../shared/directory/eligibility.ts';
import type { DisclosureFieldName } from '../../../shared/referrals/disclosure.ts';
import type {
  DeclineReason,
  Outcome,
  ReferralAction,
  ReferralStatus,
  Urgency,
  WithdrawReason,
} from '../../../shared/referrals/lifecycle.ts';
import { kilometres } from '../directory/use-directory-labels.ts';

/** Translated labels of the referral codes (codes themselves never show). */
export function useReferralLabels() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(
    () => ({
      serviceType: (v: ServiceType) => t(`consent.serviceType.${v}`),
      status: (v: ReferralStatus) => t(`referrals.status.${v}`),
      urgency: (v: Urgency) => t(`referrals.urgency.${v}`),
      field: (v: DisclosureFieldName) => t(`referrals.field.${v}`),
      declineReason: (v: DeclineReason) => t(`referrals.declineReason.${v}`),
      withdrawReason: (v: WithdrawReason) => t(`referrals.withdrawReason.${v}`),
      outcome: (v: Outcome) => t(`referrals.outcome.${v}`),
      mismatch: (v: Mismatch) => t(`referrals.mismatch.${v}`),
      event: (v: ReferralAction | 'create' | 'update' | 'message') => t(`referrals.event.${v}`),
      km: (n: number) => kilometres(n, lang),
    }),
    [t, lang],
  );
}
