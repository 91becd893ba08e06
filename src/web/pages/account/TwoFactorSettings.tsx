import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useSession, useUser } from '../../session/session-context.ts';
import { TotpEnrolment } from '../auth/TotpEnrolment.tsx';
import { TotpDisableForm } from './TotpDisableForm.tsx';

/** Turns two-factor sign-in (TOTP) on or off for the signed-in user. */
export function TwoFactorSettings() {
  const { t } = useTranslation();
  const user = useUser();
  const { refresh } = useSession();
  const [status, setStatus] = useState<string | null>(null);
  const done = (message: string) => {
    setStatus(message);
    void refresh();
  };
  return (
    <section className="section" aria-labelledby="account-totp-heading">
      <h2 id="account-totp-heading">{t('account.totpHeading')}</h2>
      <StatusMessage message={status} />
      <p>{user.totpEnabled ? t('account.totpIsOn') : t('account.totpIsOff')}</p>
      {user.totpEnabled ? (
        <TotpDisableForm onDisabled={() => done(t('account.totpDisabled'))} />
      ) : (
        <TotpEnrolment key="enrol" onEnabled={() => done(t('account.totpEnabled'))} />
      )}
    </section>
  );
}
