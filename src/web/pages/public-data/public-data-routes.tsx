import type { ReactElement } from 'react';
import { PublicDataPage } from './PublicDataPage.tsx';
import { PublicInsightsPage } from './PublicInsightsPage.tsx';
import { PublicPublicationPage } from './PublicPublicationPage.tsx';
import { PublicRoutesPage } from './PublicRoutesPage.tsx';
import { PublicSdgPage } from './PublicSdgPage.tsx';
import './public-data.css';

const ONE = /^\/data\/([^/]+)$/;
const INSIGHTS = /^\/data\/([^/]+)\/insights$/;
const FIGURES = /^\/data\/([^/]+)\/insights\/(routes|sdg)$/;

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
  const insights = INSIGHTS.exec(path);
  if (insights) {
    const id = decodeURIComponent(insights[1]!);
    return <PublicInsightsPage key={id} id={id} />;
  }
  const figures = FIGURES.exec(path);
  if (figures) {
    const id = decodeURIComponent(figures[1]!);
    return figures[2] === 'routes' ? (
      <PublicRoutesPage key={id} id={id} />
    ) : (
      <PublicSdgPage key={id} id={id} />
    );
  }
  return null;
}
