import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/api/auth.schema.ts';
import { can } from '../../shared/policy/grants.ts';
import { Link } from '../router/Link.tsx';
import { useLocation } from '../router/history.ts';
import { canAdminister, canUseCases } from '../session/permissions.ts';

/** The main navigation; links the role cannot use are not shown (the server still decides). */
export function MainNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const links = [
    { to: '/cases', label: t('nav.cases'), show: canUseCases(role) },
    { to: '/cases/new', label: t('nav.newCase'), show: canUseCases(role) },
    { to: '/caseload', label: t('casework.ui.caseload'), show: can(role, 'caseload:read') },
    { to: '/directory', label: t('directory.nav'), show: can(role, 'directory:read') },
    { to: '/referrals/inbox', label: t('referrals.nav.inbox'), show: can(role, 'referral:inbox') },
    { to: '/referrals', label: t('referrals.nav.list'), show: can(role, 'referral:read') },
    {
      to: '/referrals/metrics',
      label: t('referralMetrics.nav'),
      show: can(role, 'referral:metrics'),
    },
    { to: '/tracing', label: t('tracing.nav'), show: can(role, 'tracing:read') },
    { to: '/duplicates', label: t('duplicates.nav'), show: can(role, 'duplicate:review') },
    {
      to: '/hub/contributions',
      label: t('hub.nav.contributions'),
      show: can(role, 'hub:contribute'),
    },
    { to: '/hub/publications', label: t('hub.nav.hub'), show: can(role, 'hub:read') },
    { to: '/insights', label: t('insights.nav.main'), show: can(role, 'insights:read') },
    { to: '/data', label: t('publicData.nav'), show: true },
    { to: '/admin/users', label: t('nav.users'), show: canAdminister(role) },
    { to: '/admin/webhooks', label: t('webhooks.nav'), show: can(role, 'webhook:manage') },
    { to: '/admin/partners', label: t('partners.nav'), show: can(role, 'partner:manage') },
    {
      to: '/referrals/packages',
      label: t('packages.nav'),
      show: can(role, 'referral:package'),
    },
    { to: '/account', label: t('nav.account'), show: true },
  ].filter((l) => l.show);
  const current = (to: string) =>
    to === '/cases'
      ? pathname === '/cases' || (pathname.startsWith('/cases/') && pathname !== '/cases/new')
      : to === '/insights'
        ? pathname === to || pathname.startsWith('/insights/')
        : pathname === to;
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to} aria-current={current(l.to) ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
