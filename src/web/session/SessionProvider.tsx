import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionResponse } from '../../shared/api/auth.schema.ts';
import { authApi } from '../api/auth-api.ts';
import { setCsrfToken, setSessionProblemListener, type SessionProblem } from '../api/client.ts';
import { forgetReturnPath, rememberReturnPath } from './return-path.ts';
import { SessionContext, type SessionApi, type SessionState } from './session-context.ts';

/**
 * Holds who is signed in, and reacts to session problems reported by any API call. It never
 * navigates: the App gate sends anonymous users to /login from whatever state it finds.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'authenticated', user: session.user });
  }, []);

  const refresh = useCallback(async () => {
    try {
      signedIn(await authApi.session());
    } catch {
      setCsrfToken(null);
      setState({ status: 'anonymous', notice: 'unauthenticated' });
    }
  }, [signedIn]);

  // The screen is cleared at once (a shared phone may change hands); the server is told in the
  // background. The request takes the CSRF token when it is made, before it is forgotten here.
  const signOut = useCallback(async () => {
    const told = authApi.logout().catch(() => undefined);
    setCsrfToken(null);
    forgetReturnPath();
    setState({ status: 'anonymous', notice: 'signed_out' });
    await told;
  }, []);

  useEffect(() => {
    authApi.session().then(signedIn, () => setState({ status: 'anonymous', notice: null }));
  }, [signedIn]);

  useEffect(() => {
    setSessionProblemListener((problem: SessionProblem) => {
      if (problem === 'password_change_required' || problem === 'totp_enrollment_required') {
        const flag =
          problem === 'password_change_required' ? 'mustChangePassword' : 'totpEnrollmentRequired';
        setState((s) =>
          s.status === 'authenticated' ? { ...s, user: { ...s.user, [flag]: true } } : s,
        );
        return;
      }
      setCsrfToken(null);
      rememberReturnPath(window.location.pathname + window.location.search);
      setState({ status: 'anonymous', notice: problem });
    });
    return () => setSessionProblemListener(null);
  }, []);

  const value = useMemo<SessionApi>(
    () => ({ state, signedIn, refresh, signOut }),
    [state, signedIn, refresh, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
