import type { ReferralStatus as Status } from '../../../shared/referrals/lifecycle.ts';
import { useReferralLabels } from './use-referral-labels.ts';

/** A referral's status in words, styled by what it means (the words alone carry the meaning). */
export function ReferralStatus({ status }: { status: Status }) {
  const labels = useReferralLabels();
  return (
    <span className={`referral-status referral-status--${status}`}>{labels.status(status)}</span>
  );
}
