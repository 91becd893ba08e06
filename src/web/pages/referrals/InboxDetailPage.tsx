import { useTranslation } from 'react-i18next';
import { referralsApi } from '../../api/referrals-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { Link } from '../../router/Link.tsx';
import { ReceiverActions } from './ReceiverActions.tsx';
import { ReferralFacts } from './ReferralFacts.tsx';
import { ReferralHistory } from './ReferralHistory.tsx';
import { ReferralMessages } from './ReferralMessages.tsx';
import { ReferralUnavailable } from './ReferralUnavailable.tsx';
import { SharedSection, useErasedNotice } from './SharedSection.tsx';
import { useReferralView } from './use-referral-view.ts';
import { DownloadPackageButton } from '../partners/DownloadPackageButton.tsx';
import './referrals.css';

/**
 * /referrals/inbox/:id — the provider's view of one referral: only what the sender chose to
 * share (never the case), the answers, and the messages. The server audits every view.
 */
export function InboxDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const erasedNotice = useErasedNotice();
  const { state, status, alert, outcome } = useReferralView(`inbox/${id}`, () =>
    referralsApi.inboxGet(id),
  );

  const back = (
    <p>
      <Link to="/referrals/inbox">{t('referrals.inbox.back')}</Link>
    </p>
  );
  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.status === 'error') return <ReferralUnavailable back={back} error={state.error} />;
  const r = state.data;
  return (
    <>
      {back}
      <PageHeading title={t('referrals.detail.title', { reference: r.reference })} />
      <StatusMessage message={status} />
      <FormAlert message={alert} />
      <section aria-labelledby="referral-facts-heading" className="section">
        <h2 id="referral-facts-heading">{t('referrals.detail.summary')}</h2>
        <ReferralFacts
          referral={r}
          lead={[{ label: t('referrals.fields.from'), value: <bdi>{r.fromOrgName}</bdi> }]}
        />
      </section>
      <SharedSection
        heading={t('referrals.detail.sharedWithYou')}
        hint={t('referrals.detail.sharedHint')}
        referral={r}
        noSnapshot={erasedNotice(r.status)}
      />
      <ReceiverActions
        referralId={r.id}
        version={r.version}
        actions={r.actions}
        onOutcome={outcome}
      />
      {r.partnerPackage === 'reply' && (
        <DownloadPackageButton referralId={r.id} kind="reply" reference={r.reference} />
      )}
      <ReferralMessages
        referralId={r.id}
        events={r.history}
        closed={r.status === 'withdrawn'}
        onPosted={() => outcome({ kind: 'done', message: t('referrals.messages.posted') })}
      />
      <ReferralHistory events={r.history} />
    </>
  );
}
