import { can } from '../../shared/policy/grants.ts';
import { AccountPage } from '../pages/account/AccountPage.tsx';
import { UsersPage } from '../pages/admin/UsersPage.tsx';
import { WebhooksPage } from '../pages/admin/webhooks/WebhooksPage.tsx';
import { PackagesPage } from '../pages/partners/PackagesPage.tsx';
import { PartnersPage } from '../pages/partners/PartnersPage.tsx';
import { CaseListPage } from '../pages/cases/CaseListPage.tsx';
import { CaseloadPage } from '../pages/cases/CaseloadPage.tsx';
import { CasePage } from '../pages/cases/CasePage.tsx';
import { directoryRoute } from '../pages/directory/directory-routes.tsx';
import { hubRoute } from '../pages/hub/hub-routes.tsx';
import { insightsRoute } from '../pages/insights/insights-routes.tsx';
import { referralRoute } from '../pages/referrals/referral-routes.tsx';
import { MetricsPage } from '../pages/referrals/metrics/MetricsPage.tsx';
import { NewCasePage } from '../pages/cases/NewCasePage.tsx';
import { ForbiddenPage } from '../pages/ForbiddenPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { screeningRoute } from '../pages/screening/screening-routes.tsx';
import { tracingRoute } from '../pages/tracing/tracing-routes.tsx';
import { duplicatesRoute } from '../pages/duplicates/duplicates-routes.tsx';
import { Redirect } from '../router/Redirect.tsx';
import { canAdminister, canUseCases, homePath } from '../session/permissions.ts';
import { useUser } from '../session/session-context.ts';

const CASE_PATH = /^\/cases\/([^/]+)$/;

/** Path → page, for a signed-in user with no pending forced step. */
export function AppRoutes({ pathname }: { pathname: string }) {
  const { role } = useUser();
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const cases = canUseCases(role);
  switch (path) {
    case '/':
      return <Redirect to={homePath(role)} />;
    case '/cases':
      return cases ? <CaseListPage /> : <ForbiddenPage />;
    case '/cases/new':
      return cases ? <NewCasePage /> : <ForbiddenPage />;
    case '/caseload':
      return can(role, 'caseload:read') ? <CaseloadPage /> : <ForbiddenPage />;
    case '/account':
      return <AccountPage />;
    case '/admin/users':
      return canAdminister(role) ? <UsersPage /> : <ForbiddenPage />;
    case '/admin/webhooks':
      return can(role, 'webhook:manage') ? <WebhooksPage /> : <ForbiddenPage />;
    case '/admin/partners':
      return can(role, 'partner:manage') ? <PartnersPage /> : <ForbiddenPage />;
    case '/referrals/packages':
      return can(role, 'referral:package') ? <PackagesPage /> : <ForbiddenPage />;
    case '/referrals/metrics':
      return can(role, 'referral:metrics') ? <MetricsPage /> : <ForbiddenPage />;
  }
  const directory = directoryRoute(path, role);
  if (directory) return directory;
  const hub = hubRoute(path, role);
  if (hub) return hub;
  const insights = insightsRoute(path, role);
  if (insights) return insights;
  const referral = referralRoute(path, role);
  if (referral) return referral;
  const reunite = tracingRoute(path, role) ?? duplicatesRoute(path, role);
  if (reunite) return reunite;
  const screening = screeningRoute(path);
  if (screening) return can(role, 'screening:read') ? screening : <ForbiddenPage />;
  const caseId = CASE_PATH.exec(path)?.[1];
  if (caseId === undefined) return <NotFoundPage />;
  if (!cases) return <ForbiddenPage />;
  return <CasePage key={caseId} id={decodeURIComponent(caseId)} />;
}
