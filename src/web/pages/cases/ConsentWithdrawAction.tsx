import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceType } from '../../../shared/codes/service-types.ts';
import type { ConsentPurpose } from '../../../shared/consent/index.ts';
import { consentApi } from '../../api/consent-api.ts';
import { errorMessage } from '../../lib/error-message.ts';

interface Props {
  caseId: string;
  purpose: ConsentPurpose;
  /** Referral only; null withdraws referral for every service type. */
  serviceType: ServiceType | null;
  /** "Referral: Shelter", for the button's accessible name and the question. */
  subject: string;
  /** The visible text of the first button (default "Withdraw"). */
  label?: string;
  onDone: () => void;
  onError: (message: string) => void;
}

/** "Withdraw", then a confirmation naming what is withdrawn (GDPR art. 7(3): as easy as giving). */
export function ConsentWithdrawAction(props: Props) {
  const { caseId, purpose, serviceType, subject, label, onDone, onError } = props;
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const withdraw = async () => {
    setBusy(true);
    try {
      await consentApi.withdraw(caseId, {
        purpose,
        ...(purpose === 'referral' && serviceType ? { serviceType } : {}),
      });
      setConfirming(false);
      onDone();
    } catch (e) {
      onError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--secondary"
        aria-label={label ? undefined : t('consent.withdrawOf', { subject })}
        onClick={() => setConfirming(true)}
      >
        {label ?? t('consent.withdraw')}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={t('consent.withdrawOf', { subject })}>
      <span>{t('consent.withdrawConfirm', { subject })}</span>
      <button
        type="button"
        className="button button--danger"
        onClick={() => void withdraw()}
        disabled={busy}
        autoFocus
      >
        {t('consent.withdrawYes')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => setConfirming(false)}
      >
        {t('common.cancel')}
      </button>
    </span>
  );
}
