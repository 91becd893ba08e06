import { request, setCsrfToken } from '../../api/client.ts';

/**
 * Where the quick exit goes: a blank page of the browser's own, which names no site. The address
 * bar then shows about:blank, not Lantern.
 */
export const NEUTRAL_PAGE = 'about:blank';

let exited = false;

/**
 * Leaves at once, so that an onlooker sees nothing of the screening (docs/screening.md, "Quick
 * exit"):
 * 1. the page is emptied on the spot (no case, question or answer stays on screen while the
 *    browser loads the next page);
 * 2. the session is ended on the server (a keep-alive request that outlives the page), so Back or
 *    a reopened tab shows the sign-in page, never the case;
 * 3. the current history entry is replaced by a blank page (location.replace), so Back does not
 *    return to the screening.
 * The answer on screen that was not saved yet is dropped; every earlier step was saved.
 */
export function quickExit(): void {
  exited = true;
  document.title = '\u00a0';
  document.body.replaceChildren();
  request('POST', '/auth/logout', undefined, {
    keepalive: true,
    reportSessionProblems: false,
  }).catch(() => undefined);
  setCsrfToken(null);
  window.location.replace(NEUTRAL_PAGE);
}

// A browser may keep the emptied page in its back-forward cache, JavaScript state included:
// coming back to it, reload, so the app starts afresh (and asks to sign in).
window.addEventListener('pageshow', (event) => {
  if (event.persisted && exited) window.location.reload();
});

const DOUBLE_PRESS_MS = 1000;

/** Calls `quickExit` when Escape is pressed twice within a second; returns the remover. */
export function listenForDoubleEscape(onExit: () => void = quickExit): () => void {
  let last = -Infinity;
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (event.timeStamp - last <= DOUBLE_PRESS_MS) onExit();
    last = event.timeStamp;
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
