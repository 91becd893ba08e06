import { useTranslation } from 'react-i18next';
import type { ReferralEvent } from '../../../shared/api/referrals.schema.ts';
import type { DeclineReason, WithdrawReason } from '../../../shared/referrals/lifecycle.ts';
import { DECLINE_REASONS } from '../../../shared/referrals/lifecycle.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useReferralLabels } from './use-referral-labels.ts';

const isDecline = (r: string): r is DeclineReason =>
  (DECLINE_REASONS as readonly string[]).includes(r);

/** What happened to the referral, oldest first: each change, who made it (or Lantern), notes. */
export function ReferralHistory({ events }: { events: readonly ReferralEvent[] }) {
  const { t, i18n } = useTranslation();
  const labels = useReferralLabels();
  const changes = events.filter((e) => e.action !== 'message');
  return (
    <section aria-labelledby="referral-history-heading" className="section">
      <h2 id="referral-history-heading">{t('referrals.detail.history')}</h2>
      {changes.length === 0 ? (
        <p className="hint">{t('referrals.detail.historyEmpty')}</p>
      ) : (
        <ol className="case-log">
          {changes.map((e, i) => {
            const reason =
              e.reason === null
                ? null
                : e.action === 'decline' && isDecline(e.reason)
                  ? labels.declineReason(e.reason)
                  : e.action === 'withdraw'
                    ? labels.withdrawReason(e.reason as WithdrawReason)
                    : null;
            return (
              <li key={e.id ?? `pending-${i}`}>
                <p className="case-log__title">
                  <strong>{labels.event(e.action)}</strong>
                  {reason && ` · ${reason}`}
                </p>
                <p className="case-log__meta">
                  <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>{' '}
                  {e.actorName ? (
                    <>
                      {t('referrals.detail.by')} <bdi>{e.actorName}</bdi>
                    </>
                  ) : (
                    t('referrals.detail.byLantern')
                  )}
                </p>
                {e.note && (
                  <p className="case-log__text" dir="auto">
                    {e.note}
                  </p>
                )}
                {e.noteWithheld && <p className="hint">{t('referrals.detail.noteWithheld')}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
