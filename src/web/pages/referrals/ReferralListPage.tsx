import { useTranslation } from 'react-i18next';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../shared/referrals/lifecycle.ts';
import { referralsApi } from '../../api/referrals-api.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { navigate, useLocation } from '../../router/history.ts';
import { PagedResults } from './PagedResults.tsx';
import { usePagedList } from './use-paged-list.ts';
import { ReferralTable } from './ReferralTable.tsx';
import { useReferralLabels } from './use-referral-labels.ts';
import './referrals.css';

/** /referrals — the referrals this organisation sent, by status (`?status=` holds a code only). */
export function ReferralListPage() {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const { search } = useLocation();
  const chosen = REFERRAL_STATUSES.find((s) => s === search.get('status')) ?? null;
  const list = usePagedList(`referrals/${chosen ?? 'all'}`, (cursor) =>
    referralsApi.list({
      ...(chosen ? { status: [chosen] as ReferralStatus[] } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  );
  return (
    <>
      <PageHeading title={t('referrals.list.title')} />
      <p className="hint">{t('referrals.list.intro')}</p>
      <div className="filters grid">
        <SelectField
          id="referrals-status"
          label={t('referrals.list.filter')}
          value={chosen ?? ''}
          onValue={(v) => navigate(v ? `/referrals?status=${v}` : '/referrals')}
        >
          <option value="">{t('referrals.inbox.all')}</option>
          {REFERRAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {labels.status(s)}
            </option>
          ))}
        </SelectField>
      </div>
      <PagedResults list={list} empty={t('referrals.list.empty')}>
        {(items) => <ReferralTable items={items} caption={t('referrals.list.title')} showCase />}
      </PagedResults>
    </>
  );
}
