import { createContext, useContext } from 'react';
import type { SessionResponse, SessionUser } from '../../shared/api/auth.schema.ts';

/** Why the sign-in page is showing, when it is not the user's own choice. */
export type SignInNotice = 'session_expired' | 'unauthenticated' | 'signed_out';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; notice: SignInNotice | null }
  | { status: 'authenticated'; user: SessionUser };

export interface SessionApi {
  state: SessionState;
  /** Stores the session a successful sign-in returned. */
  signedIn: (session: SessionResponse) => void;
  /** Re-reads the session (after a password change or TOTP enrolment). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for components rendered behind the sign-in gate. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useUser without a session');
  return state.user;
}
