import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../audit/audit.repo.ts';
import type { AuthDeps, Authenticated } from '../auth/auth.service.ts';
import type { CaseCountCache } from '../cases/case-count-cache.ts';
import { authenticate } from '../auth/auth.service.ts';
import type { SessionRecord } from '../auth/sessions.repo.ts';
import { sameToken } from '../auth/tokens.ts';
import { loadOrgKeys } from '../crypto/org-keys.ts';
import type { Database } from '../db/database.ts';
import { SYSTEM } from '../db/database.ts';
import type { Action } from '../policy/policy.ts';
import { authorize } from '../policy/policy.ts';
import { AppError } from './app-error.ts';
import type { ServiceContext } from './context.ts';

export const SESSION_COOKIE = 'lantern_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface SecuredDeps extends AuthDeps {
  db: Database;
  caseCounts?: CaseCountCache;
}

/** What a route may still do while its user has a pending password change or TOTP enrolment. */
export type SetupStage = 'none' | 'password' | 'totp';

interface SecuredOptions {
  /** The policy action this route performs; omitted for the user's own account routes. */
  action?: Action;
  /** Allowed while the user must still change the password or enrol TOTP. */
  allowDuring?: SetupStage[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function checkSetup(auth: Authenticated, allowDuring: SetupStage[]): void {
  const s = auth.session;
  if (s.mustChangePassword && !allowDuring.includes('password')) {
    throw new AppError('password_change_required', 'Choose a new password first.');
  }
  if (s.requireTotp && !s.totpEnabled && !allowDuring.includes('totp')) {
    throw new AppError('totp_enrollment_required', 'Set up two-factor sign-in first.');
  }
}

/**
 * Runs a route's work for the signed-in user: one transaction per request that authenticates
 * the session cookie and, in the same statement, narrows the transaction to the user's
 * organisation (row-level security), checks the CSRF token on state-changing methods, asks the
 * policy layer, and calls `fn`. Any refusal rolls the whole transaction back.
 */
export function secured<R>(
  deps: SecuredDeps,
  req: FastifyRequest,
  options: SecuredOptions,
  fn: (ctx: ServiceContext, session: SessionRecord) => Promise<R>,
): Promise<R> {
  return deps.db.transaction(SYSTEM, async (tx) => {
    // The session look-up also enters the user's organisation (row-level security from here on).
    const auth = await authenticate(tx, deps, req.cookies[SESSION_COOKIE], { enterOrg: true });
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameToken(header, auth.session.csrfToken)) {
        throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header.`);
      }
    }
    checkSetup(auth, options.allowDuring ?? []);
    if (options.action) authorize(auth.actor.role, options.action);
    const { actor } = auth;
    const ctx: ServiceContext = {
      tx,
      actor,
      clock: deps.clock,
      ...(deps.caseCounts ? { caseCounts: deps.caseCounts } : {}),
      keys: () => loadOrgKeys(tx, deps.keyring, actor.orgId),
      keyring: deps.keyring,
      audit: (e) =>
        appendAudit(tx, {
          orgId: actor.orgId,
          actorId: actor.userId,
          action: e.action,
          recordType: e.recordType ?? null,
          recordId: e.recordId ?? null,
          fields: e.fields ?? [],
          sourceIp: req.ip,
          at: deps.clock.now(),
        }),
    };
    return fn(ctx, auth.session);
  });
}
