import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSession } from '../../session/session-context.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** Shown instead of any page while the account still has a one-time or reset password. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  return (
    <div className="narrow">
      <PageHeading title={t('password.forcedTitle')} />
      <p>{t('password.forcedIntro')}</p>
      <ChangePasswordForm onChanged={() => void refresh()} />
    </div>
  );
}
