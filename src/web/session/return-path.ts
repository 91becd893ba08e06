import { isSafeReturnPath } from '../router/history.ts';

// Kept in memory only: a path can carry filters, and it is not worth persisting.
let returnPath: string | null = null;

/** Notes where to go back to once the user has signed in again. */
export function rememberReturnPath(path: string): void {
  if (isSafeReturnPath(path)) returnPath = path;
}

/** Where to land after signing in: the remembered path, or "/" (the role's start page). */
export const returnPathAfterSignIn = (): string => returnPath ?? '/';

/** Forgets the remembered path (on an explicit sign-out: the next user starts afresh). */
export function forgetReturnPath(): void {
  returnPath = null;
}
