import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DECLINE_REASONS,
  OUTCOMES,
  type ReferralAction,
} from '../../../shared/referrals/lifecycle.ts';
import { referralsApi } from '../../api/referrals-api.ts';
import { CodedAnswerForm } from './CodedAnswerForm.tsx';
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
  const may = (a: ReferralAction) => actions.includes(a);

  /** Resolves true when the server took the answer. */
  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await call();
      onOutcome({ kind: 'done', message: done });
      return true;
    } catch (e) {
      onOutcome({ kind: isConflict(e) ? 'conflict' : 'failed', message: referralFailure(t, e) });
      return false;
    } finally {
      setBusy(false);
    }
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
          <CodedAnswerForm
            id="referral-decline-reason"
            noteId="referral-decline-note"
            legend={t('referrals.actions.declineLegend')}
            codeLabel={t('referrals.actions.declineReason')}
            codes={DECLINE_REASONS}
            labelOf={labels.declineReason}
            noteLabel={t('referrals.actions.declineNote')}
            submitLabel={t('referrals.actions.decline')}
            danger
            busy={busy}
            onAnswer={(reason, note) =>
              run(
                () =>
                  referralsApi.decline(referralId, { version, reason, ...(note ? { note } : {}) }),
                t('referrals.actions.declined'),
              )
            }
          />
        )}
        {may('complete') && (
          <CodedAnswerForm
            id="referral-outcome"
            noteId="referral-outcome-note"
            legend={t('referrals.actions.completeLegend')}
            codeLabel={t('referrals.actions.outcome')}
            codes={OUTCOMES}
            labelOf={labels.outcome}
            noteLabel={t('referrals.actions.outcomeNote')}
            submitLabel={t('referrals.actions.complete')}
            busy={busy}
            onAnswer={(outcome, note) =>
              run(
                () =>
                  referralsApi.complete(referralId, {
                    version,
                    outcome,
                    ...(note ? { note } : {}),
                  }),
                t('referrals.actions.completed'),
              )
            }
          />
        )}
      </div>
    </section>
  );
}
