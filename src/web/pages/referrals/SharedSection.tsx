import { useTranslation } from 'react-i18next';
import type { ReferralDetail } from '../../../shared/api/referrals.schema.ts';
import type { ReferralStatus } from '../../../shared/referrals/lifecycle.ts';
import { SnapshotFacts } from './SnapshotFacts.tsx';

interface Props {
  heading: string;
  hint?: string;
  referral: Pick<ReferralDetail, 'snapshot' | 'message'>;
  /** Said instead of the facts when there is no snapshot (not sent yet, or erased). */
  noSnapshot: string;
}

/**
 * Why a sent referral no longer shows what was shared: the server erases the provider's copy
 * when the referral is declined or expires, and the whole of it when it is withdrawn.
 */
export function useErasedNotice(): (status: ReferralStatus) => string {
  const { t } = useTranslation();
  return (status) =>
    status === 'declined'
      ? t('referrals.detail.snapshotErasedDeclined')
      : status === 'expired'
        ? t('referrals.detail.snapshotErasedExpired')
        : t('referrals.detail.snapshotErased');
}

/** What the sender shared with the provider, and the sender's message. */
export function SharedSection({ heading, hint, referral, noSnapshot }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="referral-shared-heading" className="section">
      <h2 id="referral-shared-heading">{heading}</h2>
      {hint && <p className="hint">{hint}</p>}
      {referral.snapshot ? (
        <SnapshotFacts snapshot={referral.snapshot} />
      ) : (
        <p className="hint">{noSnapshot}</p>
      )}
      {referral.message && (
        <>
          <h3>{t('referrals.detail.senderMessage')}</h3>
          <p className="case-log__text" dir="auto">
            {referral.message}
          </p>
        </>
      )}
    </section>
  );
}
