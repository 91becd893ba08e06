import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referralsApi } from '../../api/referrals-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { errorCode } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { ReceiverActions, type ActionOutcome } from './ReceiverActions.tsx';
import { referralFailure } from './referral-errors.ts';
import { ReferralFacts } from './ReferralFacts.tsx';
import { ReferralHistory } from './ReferralHistory.tsx';
import { ReferralMessages } from './ReferralMessages.tsx';
import { SnapshotFacts } from './SnapshotFacts.tsx';
import { DownloadPackageButton } from '../partners/DownloadPackageButton.tsx';
import './referrals.css';

/**
 * /referrals/inbox/:id — the provider's view of one referral: only what the sender chose to
 * share (never the case), the answers, and the messages. The server audits every view.
 */
export function InboxDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { state, reload } = useResource(`inbox/${id}`, () => referralsApi.inboxGet(id));
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const outcome = (o: ActionOutcome) => {
    if (o.kind === 'done') {
      setAlert(null);
      setStatus(o.message);
      reload();
    } else {
      setStatus(null);
      setAlert(o.message);
      // Someone else answered first: show what is true now.
      if (o.kind === 'conflict') reload();
    }
  };

  const back = (
    <p>
      <Link to="/referrals/inbox">{t('referrals.inbox.back')}</Link>
    </p>
  );
  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.status === 'error') {
    const missing = ['not_found', 'validation_failed'].includes(errorCode(state.error) ?? '');
    return (
      <>
        {back}
        <PageHeading title={t('referrals.detail.notFoundTitle')} />
        <FormAlert
          message={missing ? t('referrals.errors.notFound') : referralFailure(t, state.error)}
        />
      </>
    );
  }
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
      <section aria-labelledby="referral-shared-heading" className="section">
        <h2 id="referral-shared-heading">{t('referrals.detail.sharedWithYou')}</h2>
        <p className="hint">{t('referrals.detail.sharedHint')}</p>
        {r.snapshot ? (
          <SnapshotFacts snapshot={r.snapshot} />
        ) : (
          <p className="hint">{t('referrals.detail.snapshotErased')}</p>
        )}
        {r.message && (
          <>
            <h3>{t('referrals.detail.senderMessage')}</h3>
            <p className="case-log__text" dir="auto">
              {r.message}
            </p>
          </>
        )}
      </section>
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
