import { useTranslation } from 'react-i18next';
import { can } from '../../shared/policy/grants.ts';
import { Link } from '../router/Link.tsx';
import { useSession } from '../session/session-context.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { MainNav } from './MainNav.tsx';
import { NotificationBell } from './NotificationBell.tsx';

/** The banner: organisation, navigation, user, language and sign-out. */
export function Header() {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const user = state.status === 'authenticated' ? state.user : null;
  const restricted = user !== null && (user.mustChangePassword || user.totpEnrollmentRequired);
  return (
    <header className="header">
      <div className="header__bar">
        <div className="header__brand">
          {user === null ? (
            <span className="header__home">{t('app.name')}</span>
          ) : (
            <>
              {restricted ? (
                <span className="header__home">
                  <bdi>{user.orgName}</bdi>
                </span>
              ) : (
                <Link to="/" className="header__home">
                  <bdi>{user.orgName}</bdi>
                </Link>
              )}
              <span className="header__product">{t('app.name')}</span>
            </>
          )}
        </div>
        <div className="header__tools">
          {user && (
            <span className="header__user">
              <span className="visually-hidden">{t('header.signedInAs')} </span>
              <bdi>{user.displayName}</bdi>
            </span>
          )}
          {user && !restricted && can(user.role, 'notification:read') && <NotificationBell />}
          <LanguageSwitcher />
          {user && (
            <button type="button" className="button button--quiet" onClick={() => void signOut()}>
              {t('header.signOut')}
            </button>
          )}
        </div>
      </div>
      {user && !restricted && <MainNav role={user.role} />}
    </header>
  );
}
