import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { Link } from '../../router/Link.tsx';
import type { SignInNotice } from '../../session/session-context.ts';
import { LoginForm } from './LoginForm.tsx';

/** /login: why the user is here (if not by choice), then the sign-in form. */
export function LoginPage({ notice }: { notice: SignInNotice | null }) {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeading title={t('login.title')} />
      <StatusMessage message={notice ? t(`login.notice.${notice}`) : null} />
      <LoginForm />
      <p>
        <Link to="/data">{t('publicData.fromLogin')}</Link>
      </p>
    </div>
  );
}
