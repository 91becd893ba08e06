import './directory.css';
import type { ReactElement } from 'react';
import type { Role } from '../../../shared/api/auth.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { ForbiddenPage } from '../ForbiddenPage.tsx';
import { DirectoryPage } from './DirectoryPage.tsx';
import { ManagePage } from './ManagePage.tsx';
import { NewProviderPage } from './NewProviderPage.tsx';
import { ProviderPage } from './ProviderPage.tsx';
import { ServiceEditPage } from './ServiceEditPage.tsx';

const PROVIDER = /^\/directory\/providers\/([^/]+)$/;
const NEW_SERVICE = /^\/directory\/providers\/([^/]+)\/services\/new$/;
const EDIT_SERVICE = /^\/directory\/providers\/([^/]+)\/services\/([^/]+)\/edit$/;

/** The directory's page for a path (null when the path is not the directory's). */
export function directoryRoute(path: string, role: Role): ReactElement | null {
  if (path !== '/directory' && !path.startsWith('/directory/')) return null;
  if (!can(role, 'directory:read')) return <ForbiddenPage />;
  const manage = can(role, 'directory:manage');
  if (path === '/directory') return <DirectoryPage />;
  if (path === '/directory/manage') return manage ? <ManagePage /> : <ForbiddenPage />;
  if (path === '/directory/providers/new') return manage ? <NewProviderPage /> : <ForbiddenPage />;
  const id = (m: RegExpExecArray, i: number) => decodeURIComponent(m[i]!);
  const edit = EDIT_SERVICE.exec(path);
  if (edit) {
    if (!manage) return <ForbiddenPage />;
    const key = `${id(edit, 1)}/${id(edit, 2)}`;
    return <ServiceEditPage key={key} providerId={id(edit, 1)} serviceId={id(edit, 2)} />;
  }
  const added = NEW_SERVICE.exec(path);
  if (added) {
    if (!manage) return <ForbiddenPage />;
    return <ServiceEditPage key={id(added, 1)} providerId={id(added, 1)} serviceId={null} />;
  }
  const provider = PROVIDER.exec(path);
  if (provider) return <ProviderPage key={id(provider, 1)} id={id(provider, 1)} />;
  return null;
}
