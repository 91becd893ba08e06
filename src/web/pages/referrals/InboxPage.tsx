import { useTranslation } from 'react-i18next';
import {
  REFERRAL_STATUSES,
  type ReferralStatus as Status,
} from '../../../shared/referrals/lifecycle.ts';
import { referralsApi } from '../../api/referrals-api.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { navigate, useLocation } from '../../router/history.ts';
import { PagedResults } from './PagedResults.tsx';
import { usePagedList } from './use-paged-list.ts';
import { dueState, inboxOrder } from './referral-model.ts';
import { ReferralStatus } from './ReferralStatus.tsx';
import { useReferralLabels } from './use-referral-labels.ts';
import './referrals.css';

/** What the inbox shows by default: referrals that still ask something of the provider. */
const OPEN: readonly Status[] = ['sent', 'accepted', 'in_progress'];
/** The provider never sees drafts. */
const FILTERS = REFERRAL_STATUSES.filter((s) => s !== 'draft');

/** The filter in the query string (`?status=sent`): a code, never anything about a person. */
function statusFilter(value: string | null): {
  key: string;
  statuses: readonly Status[] | undefined;
} {
  if (value === 'all') return { key: 'all', statuses: undefined };
  const one = FILTERS.find((s) => s === value);
  return one ? { key: one, statuses: [one] } : { key: 'open', statuses: OPEN };
}

/** /referrals/inbox — the provider's referrals: new first, due and overdue answers flagged. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const labels = useReferralLabels();
  const { search } = useLocation();
  const filter = statusFilter(search.get('status'));
  const list = usePagedList(`inbox/${filter.key}`, (cursor) =>
    referralsApi.inbox({
      ...(filter.statuses ? { status: filter.statuses } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  );
  const now = new Date();
  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time> : '—';

  return (
    <>
      <PageHeading title={t('referrals.inbox.title')} />
      <p className="hint">{t('referrals.inbox.intro')}</p>
      <div className="filters grid">
        <SelectField
          id="inbox-status"
          label={t('referrals.inbox.filter')}
          value={filter.key}
          onValue={(v) =>
            navigate(v === 'open' ? '/referrals/inbox' : `/referrals/inbox?status=${v}`)
          }
        >
          <option value="open">{t('referrals.inbox.open')}</option>
          <option value="all">{t('referrals.inbox.all')}</option>
          {FILTERS.map((s) => (
            <option key={s} value={s}>
              {labels.status(s)}
            </option>
          ))}
        </SelectField>
      </div>
      <PagedResults list={list} empty={t('referrals.inbox.empty')}>
        {(items) => (
          <table className="stack-table">
            <caption className="visually-hidden">{t('referrals.inbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.fields.reference')}</th>
                <th scope="col">{t('referrals.fields.status')}</th>
                <th scope="col">{t('referrals.fields.from')}</th>
                <th scope="col">{t('referrals.fields.service')}</th>
                <th scope="col">{t('referrals.fields.urgency')}</th>
                <th scope="col">{t('referrals.fields.sentAt')}</th>
                <th scope="col">{t('referrals.fields.answerDueAt')}</th>
              </tr>
            </thead>
            <tbody>
              {inboxOrder(items).map((r) => {
                const due = dueState(r, now);
                return (
                  <tr key={r.id} className={due ? 'referral-row--attention' : undefined}>
                    <th scope="row" data-label={t('referrals.fields.reference')}>
                      <Link to={`/referrals/inbox/${encodeURIComponent(r.id)}`}>
                        <bdi dir="ltr">{r.reference}</bdi>
                      </Link>
                    </th>
                    <td data-label={t('referrals.fields.status')}>
                      <span>
                        <ReferralStatus status={r.status} />
                        {r.status === 'sent' && (
                          <>
                            {' · '}
                            <strong>{t('referrals.inbox.new')}</strong>
                          </>
                        )}
                      </span>
                    </td>
                    <td data-label={t('referrals.fields.from')}>
                      <bdi>{r.fromOrgName}</bdi>
                    </td>
                    <td data-label={t('referrals.fields.service')}>
                      <span>
                        {labels.serviceType(r.serviceType)} · <bdi>{r.serviceName}</bdi>
                      </span>
                    </td>
                    <td data-label={t('referrals.fields.urgency')}>{labels.urgency(r.urgency)}</td>
                    <td data-label={t('referrals.fields.sentAt')}>{when(r.sentAt)}</td>
                    <td data-label={t('referrals.fields.answerDueAt')}>
                      <span>
                        {r.status === 'sent' || r.status === 'expired' ? when(r.answerDueAt) : '—'}
                        {due && (
                          <>
                            {' '}
                            <span className="referral-flag">
                              {due === 'overdue'
                                ? t('referrals.inbox.overdue')
                                : t('referrals.inbox.dueSoon')}
                            </span>
                          </>
                        )}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </PagedResults>
    </>
  );
}
