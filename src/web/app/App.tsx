import { useTranslation } from 'react-i18next';
import { ForcedPasswordChange } from '../pages/auth/ForcedPasswordChange.tsx';
import { ForcedTotpEnrolment } from '../pages/auth/ForcedTotpEnrolment.tsx';
import { LoginPage } from '../pages/login/LoginPage.tsx';
import { publicDataRoute } from '../pages/public-data/public-data-routes.tsx';
import { Redirect } from '../router/Redirect.tsx';
import { useLocation } from '../router/history.ts';
import { mayOpen } from '../session/permissions.ts';
import { rememberReturnPath, returnPathAfterSignIn } from '../session/return-path.ts';
import { useSession } from '../session/session-context.ts';
import { AppRoutes } from './AppRoutes.tsx';
import { Layout } from './Layout.tsx';

/** The sign-in gate: anonymous users see sign-in, restricted sessions see the forced screens. */
export function App() {
  const { t } = useTranslation();
  const { state } = useSession();
  const location = useLocation();
  const onLogin = location.pathname === '/login';
  // The public data page needs no session: released publications only (docs/hub.md).
  const publicData = publicDataRoute(location.pathname);
  if (publicData) return <Layout>{publicData}</Layout>;

  if (state.status === 'loading') {
    return (
      <Layout>
        <p role="status">{t('common.loading')}</p>
      </Layout>
    );
  }
  if (state.status === 'anonymous') {
    if (!onLogin) {
      if (state.notice !== 'signed_out') rememberReturnPath(location.href);
      return <Redirect to="/login" />;
    }
    return (
      <Layout>
        <LoginPage notice={state.notice} />
      </Layout>
    );
  }
  if (onLogin) {
    const target = returnPathAfterSignIn();
    return <Redirect to={mayOpen(state.user.role, target) ? target : '/'} />;
  }
  return (
    <Layout>
      {state.user.mustChangePassword ? (
        <ForcedPasswordChange />
      ) : state.user.totpEnrollmentRequired ? (
        <ForcedTotpEnrolment />
      ) : (
        <AppRoutes pathname={location.pathname} />
      )}
    </Layout>
  );
}
