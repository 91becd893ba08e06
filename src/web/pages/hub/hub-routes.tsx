import type { ReactElement } from 'react';
import type { Role } from '../../../shared/api/auth.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { ForbiddenPage } from '../ForbiddenPage.tsx';
import { BudgetPage } from './BudgetPage.tsx';
import { ContributionPage } from './ContributionPage.tsx';
import { ContributionsPage } from './ContributionsPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { PrepareContributionPage } from './PrepareContributionPage.tsx';
import { PublicationsPage } from './PublicationsPage.tsx';
import { PublicationWizard } from './PublicationWizard.tsx';
import './hub.css';

const CONTRIBUTION = /^\/hub\/contributions\/([^/]+)$/;

/**
 * The data hub's page for a path, or null when the path is not the hub's. Supervisors prepare
 * and approve their organisation's contributions; analysts import, publish and watch the budget
 * (docs/hub.md). The server decides again on every request.
 */
export function hubRoute(path: string, role: Role): ReactElement | null {
  if (path !== '/hub' && !path.startsWith('/hub/')) return null;
  const page = (action: Parameters<typeof can>[1], element: ReactElement) =>
    can(role, action) ? element : <ForbiddenPage />;
  switch (path) {
    case '/hub':
    case '/hub/publications':
      return page('hub:read', <PublicationsPage />);
    case '/hub/publications/new':
      return page('hub:publish', <PublicationWizard />);
    case '/hub/import':
      return page('hub:import', <ImportPage />);
    case '/hub/budget':
      return page('hub:read', <BudgetPage />);
    case '/hub/contributions':
      return page('hub:contribute', <ContributionsPage />);
    case '/hub/contributions/new':
      return page('hub:contribute', <PrepareContributionPage />);
  }
  const one = CONTRIBUTION.exec(path);
  if (one) {
    const id = decodeURIComponent(one[1]!);
    return page('hub:contribute', <ContributionPage key={id} id={id} />);
  }
  return null;
}
