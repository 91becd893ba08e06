import './screening.css';
import type { ReactElement } from 'react';
import { ScreeningPage } from './ScreeningPage.tsx';
import { ScreeningStartPage } from './ScreeningStartPage.tsx';

const NEW_PATH = /^\/cases\/([^/]+)\/screenings\/new$/;
const SCREENING_PATH = /^\/cases\/([^/]+)\/screenings\/([^/]+)$/;

/** The screening page for a path, or null when the path is not a screening's. */
export function screeningRoute(path: string): ReactElement | null {
  const started = NEW_PATH.exec(path);
  if (started) {
    const caseId = decodeURIComponent(started[1]!);
    return <ScreeningStartPage key={caseId} caseId={caseId} />;
  }
  const found = SCREENING_PATH.exec(path);
  if (found) {
    const caseId = decodeURIComponent(found[1]!);
    const id = decodeURIComponent(found[2]!);
    return <ScreeningPage key={`${caseId}/${id}`} caseId={caseId} id={id} />;
  }
  return null;
}
