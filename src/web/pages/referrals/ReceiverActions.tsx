import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DECLINE_REASONS,
  OUTCOMES,
  type DeclineReason,
  type Outcome,
  type ReferralAction,
} from '../../../shared/referrals/lifecycle.ts';
import { referralsApi } from '../../api/referrals-api.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { isConflict, referralFailure } from './referral-errors.ts';
import { useReferralLabels } from './use-referral-labels.ts';

export interface ActionOutcome {
  /** `conflict`: someone else acted first; the page reads the referral again. */
  kind: 'done' | 'conflict' | 'failed';
  message: string;
}

interface Props {
  referralId: string;
  version: number;
  /** What the server says may be done now; only these buttons show. */
  actions: readonly ReferralAction[];
  /** The sender recording an external provider's answer: the wording says so. */
  onBehalf?: boolean;
  onOutcome: (outcome: ActionOutcome) => void;
}

/** The provider's answers: accept, decline (reason and note), start, complete (outcome, note). */
export function ReceiverActions({ referralId, version, actions, onBehalf, onOutcome }: Props) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState<DeclineReason | ''>('');
  const [declineNote, setDeclineNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [outcomeNote, setOutcomeNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const may = (a: ReferralAction) => actions.includes(a);

  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await call();
      setErrors({});
      onOutcome({ kind: 'done', message: done });
    } catch (e) {
      onOutcome({ kind: isConflict(e) ? 'conflict' : 'failed', message: referralFailure(t, e) });
    } finally {
      setBusy(false);
    }
  };

  const decline = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) {
      setErrors({ reason: t('fieldErrors.required') });
      document.getElementById('referral-decline-reason')?.focus();
      return;
    }
    const note = declineNote.trim();
    void run(
      () => referralsApi.decline(referralId, { version, reason, ...(note ? { note } : {}) }),
      t('referrals.actions.declined'),
    );
  };
  const complete = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) {
      setErrors({ outcome: t('fieldErrors.required') });
      document.getElementById('referral-outcome')?.focus();
      return;
    }
    const note = outcomeNote.trim();
    void run(
      () => referralsApi.complete(referralId, { version, outcome, ...(note ? { note } : {}) }),
      t('referrals.actions.completed'),
    );
  };

  if (!['accept', 'decline', 'start', 'complete'].some((a) => may(a as ReferralAction)))
    return null;
  return (
    <section aria-labelledby="referral-answer-heading" className="section">
      <h2 id="referral-answer-heading">
        {onBehalf ? t('referrals.actions.onBehalfHeading') : t('referrals.actions.heading')}
      </h2>
      {onBehalf && <p className="hint">{t('referrals.actions.onBehalfHint')}</p>}
      <div className="referral-actions">
        {(may('accept') || may('start')) && (
          <div className="actions">
            {may('accept') && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => referralsApi.accept(referralId, { version }),
                    t('referrals.actions.accepted'),
                  )
                }
              >
                {t('referrals.actions.accept')}
              </button>
            )}
            {may('start') && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => referralsApi.start(referralId, { version }),
                    t('referrals.actions.started'),
                  )
                }
              >
                {t('referrals.actions.start')}
              </button>
            )}
          </div>
        )}
        {may('decline') && (
          <form className="form" noValidate onSubmit={decline}>
            <fieldset>
              <legend>{t('referrals.actions.declineLegend')}</legend>
              <SelectField
                id="referral-decline-reason"
                label={t('referrals.actions.declineReason')}
                value={reason}
                onValue={(v) => setReason(v as DeclineReason | '')}
                error={errors.reason}
                required
              >
                <option value="">{t('common.choose')}</option>
                {DECLINE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {labels.declineReason(r)}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                id="referral-decline-note"
                label={t('referrals.actions.declineNote')}
                hint={t('referrals.actions.noteHint')}
                value={declineNote}
                onValue={setDeclineNote}
                maxLength={2000}
              />
              <div className="actions">
                <button type="submit" className="button button--danger" disabled={busy}>
                  {t('referrals.actions.decline')}
                </button>
              </div>
            </fieldset>
          </form>
        )}
        {may('complete') && (
          <form className="form" noValidate onSubmit={complete}>
            <fieldset>
              <legend>{t('referrals.actions.completeLegend')}</legend>
              <SelectField
                id="referral-outcome"
                label={t('referrals.actions.outcome')}
                value={outcome}
                onValue={(v) => setOutcome(v as Outcome | '')}
                error={errors.outcome}
                required
              >
                <option value="">{t('common.choose')}</option>
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {labels.outcome(o)}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                id="referral-outcome-note"
                label={t('referrals.actions.outcomeNote')}
                hint={t('referrals.actions.noteHint')}
                value={outcomeNote}
                onValue={setOutcomeNote}
                maxLength={2000}
              />
              <div className="actions">
                <button type="submit" className="button" disabled={busy}>
                  {t('referrals.actions.complete')}
                </button>
              </div>
            </fieldset>
          </form>
        )}
      </div>
    </section>
  );
}
