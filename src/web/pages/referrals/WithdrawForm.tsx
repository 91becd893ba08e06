import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WITHDRAW_REASONS, type WithdrawReason } from '../../../shared/referrals/lifecycle.ts';
import { referralsApi } from '../../api/referrals-api.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { isConflict, referralFailure } from './referral-errors.ts';
import type { ActionOutcome } from './ReceiverActions.tsx';
import { useReferralLabels } from './use-referral-labels.ts';

interface Props {
  referralId: string;
  version: number;
  onOutcome: (outcome: ActionOutcome) => void;
}

/**
 * Withdraw with a reason; the note stays with the sender. Withdrawing erases the snapshot's key:
 * the provider keeps the referral's existence and history, never the person's data.
 */
export function WithdrawForm({ referralId, version, onOutcome }: Props) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const [reason, setReason] = useState<WithdrawReason | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason) {
      setError(t('fieldErrors.required'));
      document.getElementById('referral-withdraw-reason')?.focus();
      return;
    }
    setBusy(true);
    try {
      const text = note.trim();
      await referralsApi.withdraw(referralId, { version, reason, ...(text ? { note: text } : {}) });
      setError(undefined);
      onOutcome({ kind: 'done', message: t('referrals.withdraw.done') });
    } catch (e) {
      onOutcome({ kind: isConflict(e) ? 'conflict' : 'failed', message: referralFailure(t, e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="case-details">
      <summary>{t('referrals.withdraw.legend')}</summary>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('referrals.withdraw.hint')}</p>
        <SelectField
          id="referral-withdraw-reason"
          label={t('referrals.withdraw.reason')}
          value={reason}
          onValue={(v) => setReason(v as WithdrawReason | '')}
          error={error}
          required
        >
          <option value="">{t('common.choose')}</option>
          {WITHDRAW_REASONS.map((r) => (
            <option key={r} value={r}>
              {labels.withdrawReason(r)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id="referral-withdraw-note"
          label={t('referrals.withdraw.note')}
          hint={t('referrals.withdraw.noteHint')}
          value={note}
          onValue={setNote}
          maxLength={2000}
        />
        <div className="actions">
          <button type="submit" className="button button--danger" disabled={busy}>
            {t('referrals.withdraw.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}
