import { useTranslation } from 'react-i18next';
import type { ReferralSummary } from '../../../shared/api/referrals.schema.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { ReferralStatus } from './ReferralStatus.tsx';
import { useReferralLabels } from './use-referral-labels.ts';

interface Props {
  items: readonly ReferralSummary[];
  caption: string;
  /** On the referrals page each row names its case; on the case page that is the page itself. */
  showCase?: boolean;
}

/** The sender's referrals: reference, need, service and provider, status, dates. */
export function ReferralTable({ items, caption, showCase }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useReferralLabels();
  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time> : '—';
  return (
    <table className="stack-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('referrals.fields.reference')}</th>
          {showCase && <th scope="col">{t('referrals.fields.case')}</th>}
          <th scope="col">{t('referrals.fields.serviceType')}</th>
          <th scope="col">{t('referrals.fields.serviceAndProvider')}</th>
          <th scope="col">{t('referrals.fields.status')}</th>
          <th scope="col">{t('referrals.fields.sentAt')}</th>
          <th scope="col">{t('referrals.fields.lastChange')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <th scope="row" data-label={t('referrals.fields.reference')}>
              <Link to={`/referrals/${encodeURIComponent(r.id)}`}>
                <bdi dir="ltr">{r.reference}</bdi>
              </Link>
            </th>
            {showCase && (
              <td data-label={t('referrals.fields.case')}>
                <Link to={`/cases/${encodeURIComponent(r.caseId)}`}>
                  <bdi dir="ltr">{r.caseReference ?? '—'}</bdi>
                </Link>
              </td>
            )}
            <td data-label={t('referrals.fields.serviceType')}>
              {labels.serviceType(r.serviceType)}
            </td>
            <td data-label={t('referrals.fields.serviceAndProvider')}>
              <span>
                <bdi>{r.serviceName}</bdi> · <bdi>{r.providerName}</bdi>
              </span>
            </td>
            <td data-label={t('referrals.fields.status')}>
              <ReferralStatus status={r.status} />
            </td>
            <td data-label={t('referrals.fields.sentAt')}>{when(r.sentAt)}</td>
            <td data-label={t('referrals.fields.lastChange')}>
              {when(r.closedAt ?? r.startedAt ?? r.answeredAt ?? r.sentAt ?? r.createdAt)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
