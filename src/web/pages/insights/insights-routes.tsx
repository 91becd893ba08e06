import type { ReactElement } from 'react';
import type { Role } from '../../../shared/api/auth.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { ForbiddenPage } from '../ForbiddenPage.tsx';
import { AlertsPage } from './AlertsPage.tsx';
import { DashboardPage } from './DashboardPage.tsx';
import { HotspotsPage } from './HotspotsPage.tsx';
import { RoutesPage } from './RoutesPage.tsx';
import { SdgPage } from './SdgPage.tsx';
import './insights.css';

/**
 * The Understand page for a path, or null when the path is not one of them. Supervisors and
 * analysts read their organisation's figures (insights:read, docs/insights.md); the server
 * decides again on every request.
 */
export function insightsRoute(pathname: string, role: Role): ReactElement | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path !== '/insights' && !path.startsWith('/insights/')) return null;
  const page = (element: ReactElement) =>
    can(role, 'insights:read') ? element : <ForbiddenPage />;
  switch (path) {
    case '/insights':
      return page(<DashboardPage />);
    case '/insights/alerts':
      return page(<AlertsPage />);
    case '/insights/hotspots':
      return page(<HotspotsPage />);
    case '/insights/routes':
      return page(<RoutesPage />);
    case '/insights/sdg':
      return page(<SdgPage />);
  }
  return null;
}
