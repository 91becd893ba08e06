import { can } from '../../shared/policy/grants.ts';
import { AccountPage } from '../pages/account/AccountPage.tsx';
import { UsersPage } from '../pages/admin/UsersPage.tsx';
import { CaseListPage } from '../pages/cases/CaseListPage.tsx';
import { CaseloadPage } from '../pages/cases/CaseloadPage.tsx';
import { CasePage } from '../pages/cases/CasePage.tsx';
import { NewCasePage } from '../pages/cases/NewCasePage.tsx';
import { ForbiddenPage } from '../pages/ForbiddenPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { screeningRoute } from '../pages/screening/screening-routes.tsx';
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
  }
  const screening = screeningRoute(path);
  if (screening) return can(role, 'screening:read') ? screening : <ForbiddenPage />;
  const caseId = CASE_PATH.exec(path)?.[1];
  if (caseId === undefined) return <NotFoundPage />;
  if (!cases) return <ForbiddenPage />;
  return <CasePage key={caseId} id={decodeURIComponent(caseId)} />;
}
