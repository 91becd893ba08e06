import { useTranslation } from 'react-i18next';
import { Link } from '../../router/Link.tsx';
import { useLocation } from '../../router/history.ts';
import './insights.css';

const PAGES = [
  { to: '/insights', key: 'dashboard' },
  { to: '/insights/alerts', key: 'alerts' },
  { to: '/insights/hotspots', key: 'hotspots' },
  { to: '/insights/routes', key: 'routes' },
  { to: '/insights/sdg', key: 'sdg' },
] as const;

/** The links between the five Understand pages, shown at the top of each. */
export function InsightsNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return (
    <nav className="insights-nav" aria-label={t('insights.nav.label')}>
      <ul>
        {PAGES.map((p) => (
          <li key={p.to}>
            <Link to={p.to} aria-current={path === p.to ? 'page' : undefined}>
              {t(`insights.nav.${p.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
