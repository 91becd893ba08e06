import type { ReactElement } from 'react';
import type { Role } from '../../../shared/api/auth.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { ForbiddenPage } from '../ForbiddenPage.tsx';
import { DuplicatePairPage } from './DuplicatePairPage.tsx';
import { DuplicatesPage } from './DuplicatesPage.tsx';

const ONE = /^\/duplicates\/([^/]+)$/;

/** The duplicate review page for a path, or null when the path is not a duplicates one. */
export function duplicatesRoute(path: string, role: Role): ReactElement | null {
  const allowed = can(role, 'duplicate:review');
  if (path === '/duplicates') return allowed ? <DuplicatesPage /> : <ForbiddenPage />;
  const one = ONE.exec(path);
  if (!one) return null;
  const id = decodeURIComponent(one[1]!);
  return allowed ? <DuplicatePairPage key={id} id={id} /> : <ForbiddenPage />;
}
