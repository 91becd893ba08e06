import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useSession, useUser } from '../../session/session-context.ts';
import { ChangePasswordForm } from '../auth/ChangePasswordForm.tsx';
import { TwoFactorSettings } from './TwoFactorSettings.tsx';

/** /account: the signed-in user's password and two-factor sign-in. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { refresh } = useSession();
  const [passwordStatus, setPasswordStatus] = useState<string | null>(null);
  return (
    <>
      <PageHeading title={t('account.title')} />
      <p>
        <bdi>{user.displayName}</bdi> · <bdi dir="ltr">{user.email}</bdi> ·{' '}
        {t(`roles.${user.role}`)}
      </p>
      <section className="section" aria-labelledby="account-password-heading">
        <h2 id="account-password-heading">{t('account.passwordHeading')}</h2>
        <StatusMessage message={passwordStatus} />
        <ChangePasswordForm
          onChanged={() => {
            setPasswordStatus(t('account.passwordChanged'));
            void refresh();
          }}
        />
      </section>
      <TwoFactorSettings />
    </>
  );
}
