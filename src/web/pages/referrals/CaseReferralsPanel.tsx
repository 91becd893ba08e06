import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/cases.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { referralsApi } from '../../api/referrals-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useUser } from '../../session/session-context.ts';
import { referralFailure } from './referral-errors.ts';
import { ReferralTable } from './ReferralTable.tsx';
import { ReferWizard } from './ReferWizard.tsx';
import './referrals.css';

/** The case page's referrals: what was sent where and how it stands, and "Refer". */
export function CaseReferralsPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { role } = useUser();
  const [revision, setRevision] = useState(0);
  const { state } = useResource(`case-referrals/${detail.id}/${revision}`, () =>
    referralsApi.list({ caseId: detail.id }),
  );
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const referButton = useRef<HTMLButtonElement>(null);
  if (!can(role, 'referral:read')) return null;
  const mayRefer = can(role, 'referral:write');

  const close = () => {
    setOpen(false);
    // Back to where the wizard was opened, once the button is there again.
    setTimeout(() => referButton.current?.focus(), 0);
  };

  return (
    <section aria-labelledby="case-referrals-heading" className="section">
      <h2 id="case-referrals-heading">{t('referrals.panel.heading')}</h2>
      <StatusMessage message={status} />
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && <FormAlert message={referralFailure(t, state.error)} />}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p className="hint">{t('referrals.panel.empty')}</p>
        ) : (
          <ReferralTable items={state.data.items} caption={t('referrals.panel.heading')} />
        ))}
      {mayRefer &&
        (open ? (
          <ReferWizard
            detail={detail}
            onSent={(r) => {
              setStatus(
                t('referrals.panel.sent', { reference: r.reference, provider: r.providerName }),
              );
              setRevision((n) => n + 1);
              close();
            }}
            onDraftSaved={() => setRevision((n) => n + 1)}
            onCancel={close}
          />
        ) : (
          <div className="actions">
            <button
              ref={referButton}
              type="button"
              className="button"
              onClick={() => {
                setStatus(null);
                setOpen(true);
              }}
            >
              {t('referrals.panel.refer')}
            </button>
          </div>
        ))}
    </section>
  );
}
