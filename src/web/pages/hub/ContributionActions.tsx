import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionDetail } from '../../../shared/api/hub-contributions.schema.ts';
import { contributionsApi } from '../../api/hub-api.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { refusalOf, type Refusal } from './hub-errors.ts';
import { RefusalPanel } from './RefusalPanel.tsx';

interface Props {
  c: ContributionDetail;
  onChange: (c: ContributionDetail) => void;
}

/**
 * Approve, reject (with a reason) or withdraw. The server lists what this user may do now:
 * approve and reject are absent for the supervisor who prepared it (four-eyes), which is said
 * in words rather than by a button that would be refused.
 */
export function ContributionActions({ c, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [withdrawReason, setWithdrawReason] = useState('');
  const [alert, setAlert] = useState<Refusal | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const may = (a: ContributionDetail['actions'][number]) => c.actions.includes(a);
  const preparerOnly = c.status === 'prepared' && !may('approve');

  const run = async (action: () => Promise<ContributionDetail>, done: string) => {
    setAlert(null);
    setStatus(null);
    setBusy(true);
    try {
      onChange(await action());
      setStatus(done);
    } catch (e) {
      // The preparer's own approval, a stale contribution, rows no longer k-anonymous: in words.
      setAlert(refusalOf(t, i18n.language, e));
    } finally {
      setBusy(false);
    }
  };

  const reject = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('fieldErrors.required'));
      document.getElementById('contribution-reject-reason')?.focus();
      return;
    }
    setReasonError(undefined);
    void run(() => contributionsApi.reject(c.id, reason.trim()), t('hub.actions.rejected'));
  };

  const withdraw = (event: FormEvent) => {
    event.preventDefault();
    const text = withdrawReason.trim();
    void run(() => contributionsApi.withdraw(c.id, text || undefined), t('hub.actions.withdrawn'));
  };

  if (c.actions.length === 0 && !preparerOnly) {
    return <StatusMessage message={status} />;
  }
  return (
    <section className="section" aria-labelledby="contribution-decision">
      <h2 id="contribution-decision">{t('hub.actions.heading')}</h2>
      <RefusalPanel refusal={alert} />
      {preparerOnly && <p className="panel panel--notice">{t('hub.actions.fourEyes')}</p>}
      {may('approve') && (
        <div className="actions">
          <p className="hint">{t('hub.actions.approveHint')}</p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void run(() => contributionsApi.approve(c.id), t('hub.actions.approved'))
            }
          >
            {t('hub.actions.approve')}
          </button>
        </div>
      )}
      {may('reject') && (
        <details className="hub-details">
          <summary>{t('hub.actions.reject')}</summary>
          <form className="form" noValidate onSubmit={reject}>
            <TextAreaField
              id="contribution-reject-reason"
              label={t('hub.actions.rejectReason')}
              hint={t('hub.actions.rejectHint')}
              value={reason}
              onValue={setReason}
              maxLength={2000}
              required
              error={reasonError}
            />
            <div className="actions">
              <button type="submit" className="button button--danger" disabled={busy}>
                {t('hub.actions.reject')}
              </button>
            </div>
          </form>
        </details>
      )}
      {may('withdraw') && (
        <details className="hub-details">
          <summary>{t('hub.actions.withdraw')}</summary>
          <form className="form" noValidate onSubmit={withdraw}>
            <p className="hint">{t('hub.actions.withdrawHint')}</p>
            <TextAreaField
              id="contribution-withdraw-reason"
              label={t('hub.actions.withdrawReason')}
              value={withdrawReason}
              onValue={setWithdrawReason}
              maxLength={2000}
            />
            <div className="actions">
              <button type="submit" className="button button--danger" disabled={busy}>
                {t('hub.actions.withdraw')}
              </button>
            </div>
          </form>
        </details>
      )}
      <StatusMessage message={status} />
    </section>
  );
}
