import { useMemo, useSyncExternalStore } from 'react';

/** A tiny router on the History API: one store of the current URL, no library. */
const listeners = new Set<() => void>();
let navigationCount = 0;

function emit(): void {
  navigationCount += 1;
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', emit);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = (): string => window.location.pathname + window.location.search;

/** Goes to a same-origin path; `replace` rewrites the current history entry instead. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  emit();
}

/** True once the user has moved between pages (not on the first render of the app). */
export const hasNavigated = (): boolean => navigationCount > 0;

export interface Location {
  pathname: string;
  search: URLSearchParams;
  href: string;
}

/** The current path and query, re-rendering the caller whenever they change. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => {
    const url = new URL(href, window.location.origin);
    return { pathname: url.pathname, search: url.searchParams, href };
  }, [href]);
}

/** Only same-origin absolute paths may be used as a return target after sign-in. */
export const isSafeReturnPath = (path: string): boolean =>
  path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/login');
