import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorCode } from '../../lib/error-message.ts';
import { referralFailure } from './referral-errors.ts';

/** A referral page that could not be read: a missing or malformed id says "not found". */
export function ReferralUnavailable({ back, error }: { back: ReactNode; error: unknown }) {
  const { t } = useTranslation();
  const missing = ['not_found', 'validation_failed'].includes(errorCode(error) ?? '');
  return (
    <>
      {back}
      <PageHeading title={t('referrals.detail.notFoundTitle')} />
      <FormAlert message={missing ? t('referrals.errors.notFound') : referralFailure(t, error)} />
    </>
  );
}
