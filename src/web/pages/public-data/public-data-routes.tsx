import type { ReactElement } from 'react';
import { PublicDataPage } from './PublicDataPage.tsx';
import { PublicPublicationPage } from './PublicPublicationPage.tsx';
import './public-data.css';

const ONE = /^\/data\/([^/]+)$/;

/**
 * The public data page for a path (no session needed), or null. Only released publications
 * exist there: the public API never returns a draft (docs/hub.md).
 */
export function publicDataRoute(pathname: string): ReactElement | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/data') return <PublicDataPage />;
  const one = ONE.exec(path);
  if (one) {
    const id = decodeURIComponent(one[1]!);
    return <PublicPublicationPage key={id} id={id} />;
  }
  return null;
}
