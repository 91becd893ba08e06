import type { ReactElement } from 'react';
import type { Role } from '../../../shared/api/auth.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { ForbiddenPage } from '../ForbiddenPage.tsx';
import { NewTracingPage } from './NewTracingPage.tsx';
import { TracingListPage } from './TracingListPage.tsx';
import { TracingRequestPage } from './TracingRequestPage.tsx';

const ONE = /^\/tracing\/([^/]+)$/;

/** The tracing page for a path, or null when the path is not a tracing one. */
export function tracingRoute(path: string, role: Role): ReactElement | null {
  if (path === '/tracing')
    return can(role, 'tracing:read') ? <TracingListPage /> : <ForbiddenPage />;
  if (path === '/tracing/new')
    return can(role, 'tracing:write') ? <NewTracingPage /> : <ForbiddenPage />;
  const one = ONE.exec(path);
  if (!one) return null;
  const id = decodeURIComponent(one[1]!);
  return can(role, 'tracing:read') ? <TracingRequestPage key={id} id={id} /> : <ForbiddenPage />;
}
