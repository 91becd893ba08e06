import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referralsApi } from '../../api/referrals-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { Link } from '../../router/Link.tsx';
import { ReceiverActions, type ActionOutcome } from './ReceiverActions.tsx';
import { isConflict, referralFailure } from './referral-errors.ts';
import { consentRefusal } from './referral-model.ts';
import { ReferralFacts } from './ReferralFacts.tsx';
import { ReferralHistory } from './ReferralHistory.tsx';
import { ReferralMessages } from './ReferralMessages.tsx';
import { ReferralUnavailable } from './ReferralUnavailable.tsx';
import { SharedSection, useErasedNotice } from './SharedSection.tsx';
import { useReferralView } from './use-referral-view.ts';
import { WithdrawForm } from './WithdrawForm.tsx';
import { DownloadPackageButton } from '../partners/DownloadPackageButton.tsx';
import './referrals.css';

/** /referrals/:id — the sender's view: status, what was shared, history, messages, withdraw. */
export function ReferralDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const erasedNotice = useErasedNotice();
  const view = useReferralView(`referral/${id}`, () => referralsApi.get(id));
  const { state, status, alert } = view;
  const [consentMissing, setConsentMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  const outcome = (o: ActionOutcome) => {
    setConsentMissing(false);
    view.outcome(o);
  };

  const back = (
    <p>
      <Link to="/referrals">{t('referrals.list.back')}</Link>
    </p>
  );
  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.status === 'error') return <ReferralUnavailable back={back} error={state.error} />;
  const r = state.data;
  const caseUrl = `/cases/${encodeURIComponent(r.caseId)}`;

  const send = async () => {
    setBusy(true);
    try {
      await referralsApi.send(r.id, { version: r.version });
      outcome({ kind: 'done', message: t('referrals.wizard.sent') });
    } catch (e) {
      const refused = consentRefusal(e) !== null;
      outcome({
        kind: isConflict(e) ? 'conflict' : 'failed',
        message: referralFailure(t, e, r.serviceType),
      });
      setConsentMissing(refused);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {back}
      <PageHeading title={t('referrals.detail.title', { reference: r.reference })} />
      <StatusMessage message={status} />
      <FormAlert message={alert} />
      {consentMissing && (
        <p>
          <a href={`${caseUrl}#case-consent-heading`}>{t('referrals.wizard.consentLink')}</a>
        </p>
      )}
      <section aria-labelledby="referral-facts-heading" className="section">
        <h2 id="referral-facts-heading">{t('referrals.detail.summary')}</h2>
        <ReferralFacts
          referral={r}
          lead={[
            {
              label: t('referrals.fields.case'),
              value: (
                <Link to={caseUrl}>
                  <bdi dir="ltr">{r.caseReference ?? t('referrals.detail.caseLink')}</bdi>
                </Link>
              ),
            },
          ]}
        />
        {r.external && <p className="hint">{t('referrals.detail.external')}</p>}
        {r.warnings.map((w) => (
          <p key={w.code} className="panel panel--notice">
            {t(`referrals.warning.${w.code}`)}
          </p>
        ))}
        {r.actions.includes('send') && (
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void send()}>
              {t('referrals.wizard.send')}
            </button>
          </div>
        )}
        {r.partnerPackage && (
          <DownloadPackageButton
            referralId={r.id}
            kind={r.partnerPackage}
            reference={r.reference}
          />
        )}
      </section>
      <SharedSection
        heading={t('referrals.detail.shared')}
        referral={r}
        noSnapshot={
          r.status === 'draft' ? t('referrals.detail.draftNotShared') : erasedNotice(r.status)
        }
      />
      {r.external && (
        <ReceiverActions
          referralId={r.id}
          version={r.version}
          actions={r.actions}
          onBehalf
          onOutcome={outcome}
        />
      )}
      {r.actions.includes('withdraw') && (
        <WithdrawForm referralId={r.id} version={r.version} onOutcome={outcome} />
      )}
      <ReferralMessages
        referralId={r.id}
        events={r.history}
        closed={r.status === 'withdrawn' || r.status === 'draft'}
        onPosted={() => outcome({ kind: 'done', message: t('referrals.messages.posted') })}
      />
      <ReferralHistory events={r.history} />
    </>
  );
}
