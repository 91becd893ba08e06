import type { SessionUser } from '../../shared/api/auth.schema.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Tx } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import type { Actor } from '../http/context.ts';
import type { Clock } from '../shared/clock.ts';
import { newId } from '../shared/ids.ts';
import { burnVerification, verifyPassword } from './passwords.ts';
import type { SessionRecord } from './sessions.repo.ts';
import { findSession, insertSession, touchSession } from './sessions.repo.ts';
import { hashToken, newToken } from './tokens.ts';
import { openTotpSecret } from './totp-secret.ts';
import { verifyTotp } from './totp.ts';
import { findUserByEmail, recordLoginFailure, recordLoginSuccess } from '../users/users.repo.ts';

export interface SessionPolicy {
  /** Signed out after this long without a request. OWASP Session Management: 15–30 min. */
  idleMs: number;
  /** Signed out this long after sign-in, whatever the activity. */
  absoluteMs: number;
  /** Consecutive failed sign-ins that lock an account … */
  maxFailures: number;
  /** … for this long. */
  lockMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
  maxFailures: 5,
  lockMs: 15 * 60_000,
};

export interface AuthDeps {
  clock: Clock;
  keyring: Keyring;
  policy: SessionPolicy;
}

export interface LoginInput {
  email: string;
  password: string;
  totp?: string | undefined;
  sourceIp: string;
}

export type LoginResult =
  | { ok: true; token: string; csrfToken: string; user: SessionUser }
  | { ok: false; error: AppError };

/**
 * The failure count and lock after one more wrong password. A lock that has run out starts a
 * fresh count, so one more mistake does not re-lock at once.
 */
export function nextFailure(
  user: { failedAttempts: number; lockedUntil: Date | null },
  now: Date,
  policy: SessionPolicy,
): { attempts: number; lockedUntil: Date | null } {
  const lockExpired = user.lockedUntil !== null && user.lockedUntil <= now;
  const attempts = (lockExpired ? 0 : user.failedAttempts) + 1;
  return {
    attempts,
    lockedUntil: attempts >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : null,
  };
}

const badCredentials = () =>
  new AppError('invalid_credentials', 'The e-mail address or password is not correct.');

/**
 * Signs in. Returns the failure instead of throwing it so that the caller commits the failed
 * attempt (counter, lock-out, audit entry) before answering.
 */
export async function login(tx: Tx, deps: AuthDeps, input: LoginInput): Promise<LoginResult> {
  const now = deps.clock.now();
  const user = await findUserByEmail(tx, input.email);
  if (!user || user.disabled) {
    await burnVerification(input.password);
    return { ok: false, error: badCredentials() };
  }
  const audit = (action: string) =>
    appendAudit(tx, {
      orgId: user.orgId,
      actorId: user.id,
      action,
      recordType: 'user',
      recordId: user.id,
      fields: [],
      sourceIp: input.sourceIp,
      at: now,
    });
  if (user.lockedUntil && user.lockedUntil > now) {
    await audit('auth.login_locked');
    return {
      ok: false,
      error: new AppError('account_locked', 'Too many failed sign-ins. Try again later.', {
        retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000),
      }),
    };
  }
  const fail = async (error: AppError): Promise<LoginResult> => {
    const { attempts, lockedUntil } = nextFailure(user, now, deps.policy);
    await recordLoginFailure(tx, user.id, attempts, lockedUntil);
    await audit(lockedUntil ? 'auth.account_locked' : 'auth.login_failed');
    return { ok: false, error };
  };
  if (!(await verifyPassword(user.passwordHash, input.password))) return fail(badCredentials());

  let totpStep: number | null = null;
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totp) {
      return {
        ok: false,
        error: new AppError('totp_required', 'Enter the 6-digit code from your authenticator.'),
      };
    }
    const secret = await openTotpSecret(tx, deps.keyring, user.orgId, user.id, user.totpSecret);
    totpStep = verifyTotp(secret, input.totp, now, user.totpLastStep);
    if (totpStep === null) return fail(new AppError('invalid_totp', 'The code is not correct.'));
  }
  await recordLoginSuccess(tx, user.id, totpStep);
  const token = newToken();
  const csrfToken = newToken();
  await insertSession(tx, {
    id: newId(),
    tokenHash: hashToken(token),
    userId: user.id,
    orgId: user.orgId,
    csrfToken,
    now,
    expiresAt: new Date(now.getTime() + deps.policy.absoluteMs),
  });
  await audit('auth.login');
  const session = await findSession(tx, hashToken(token));
  return { ok: true, token, csrfToken, user: toSessionUser(session!) };
}

export function toSessionUser(s: SessionRecord): SessionUser {
  return {
    id: s.userId,
    email: s.email,
    displayName: s.displayName,
    role: s.role,
    orgId: s.orgId,
    orgName: s.orgName,
    mustChangePassword: s.mustChangePassword,
    totpEnabled: s.totpEnabled,
    totpEnrollmentRequired: s.requireTotp && !s.totpEnabled,
  };
}

export interface Authenticated {
  actor: Actor;
  session: SessionRecord;
}

/**
 * Finds the session of a cookie token and checks that it is still valid. Throws 401
 * `unauthenticated` (no or unknown token) or `session_expired` (idle or absolute limit).
 */
export async function authenticate(
  tx: Tx,
  deps: AuthDeps,
  token: string | undefined,
  options: { enterOrg?: boolean } = {},
): Promise<Authenticated> {
  if (!token) throw new AppError('unauthenticated', 'Sign in first.');
  const session = await findSession(tx, hashToken(token), options);
  if (!session || session.disabled) throw new AppError('unauthenticated', 'Sign in first.');
  const now = deps.clock.now();
  if (
    session.expiresAt <= now ||
    now.getTime() - session.lastSeenAt.getTime() > deps.policy.idleMs
  ) {
    throw new AppError('session_expired', 'Your session has ended. Sign in again.');
  }
  // Refresh the idle timer at most once a minute: one write per minute, not per request.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await touchSession(tx, session.sessionId, now);
  }
  return {
    actor: {
      userId: session.userId,
      orgId: session.orgId,
      role: session.role,
      sessionId: session.sessionId,
    },
    session,
  };
}
