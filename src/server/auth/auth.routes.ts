import { z } from 'zod';
import {
  ChangePasswordBody,
  LoginBody,
  SessionResponse,
  TotpConfirmBody,
  TotpDisableBody,
  TotpSetupResponse,
} from '../../shared/api/auth.schema.ts';
import { SYSTEM } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { SESSION_COOKIE, secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { changePassword, confirmTotp, disableTotp, setupTotp } from './account.service.ts';
import { login, toSessionUser } from './auth.service.ts';
import { deleteSession } from './sessions.repo.ts';
import type { AttemptThrottle } from './throttle.ts';

export interface AuthRouteDeps extends SecuredDeps {
  throttle: AttemptThrottle;
  secureCookies: boolean;
}

const NoContent = z.undefined();
const tags = ['auth'];

export function registerAuthRoutes(app: ZodApp, deps: AuthRouteDeps): void {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.secureCookies,
  };

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        security: [],
        body: LoginBody,
        response: responses({ 200: SessionResponse }),
      },
    },
    async (req, reply) => {
      if (!deps.throttle.allow(req.ip, deps.clock.now().getTime())) {
        throw new AppError('too_many_requests', 'Too many sign-in attempts. Try again later.');
      }
      const result = await deps.db.transaction(SYSTEM, (tx) =>
        login(tx, deps, { ...req.body, sourceIp: req.ip }),
      );
      if (!result.ok) throw result.error;
      void reply.setCookie(SESSION_COOKIE, result.token, {
        ...cookieOptions,
        maxAge: Math.floor(deps.policy.absoluteMs / 1000),
      });
      return { csrfToken: result.csrfToken, user: result.user };
    },
  );

  app.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in user and the CSRF token',
        response: responses({ 200: SessionResponse }),
      },
    },
    (req) =>
      secured(deps, req, { allowDuring: ['password', 'totp'] }, (_ctx, session) =>
        Promise.resolve({ csrfToken: session.csrfToken, user: toSessionUser(session) }),
      ),
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Sign out', response: responses({ 204: NoContent }) } },
    async (req, reply) => {
      await secured(deps, req, { allowDuring: ['password', 'totp'] }, async (ctx) => {
        await deleteSession(ctx.tx, ctx.actor.sessionId);
        await ctx.audit({ action: 'auth.logout', recordType: 'user', recordId: ctx.actor.userId });
      });
      return reply.clearCookie(SESSION_COOKIE, cookieOptions).code(204).send();
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your password',
        body: ChangePasswordBody,
        response: responses({ 204: NoContent }),
      },
    },
    async (req, reply) => {
      const checked = await secured(deps, req, { allowDuring: ['password', 'totp'] }, (ctx) =>
        changePassword(ctx, deps.policy, req.body),
      );
      if (!checked.ok) throw checked.error;
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/totp/setup',
    {
      schema: {
        tags,
        summary: 'Start two-factor (TOTP) enrolment',
        response: responses({ 200: TotpSetupResponse }),
      },
    },
    (req) => secured(deps, req, { allowDuring: ['totp'] }, (ctx) => setupTotp(ctx, deps.keyring)),
  );

  app.post(
    '/auth/totp/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm TOTP enrolment with a code',
        body: TotpConfirmBody,
        response: responses({ 204: NoContent }),
      },
    },
    async (req, reply) => {
      await secured(deps, req, { allowDuring: ['totp'] }, (ctx) =>
        confirmTotp(ctx, deps.keyring, req.body.code),
      );
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/totp/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor sign-in off',
        body: TotpDisableBody,
        response: responses({ 204: NoContent }),
      },
    },
    async (req, reply) => {
      const checked = await secured(deps, req, {}, (ctx) =>
        disableTotp(ctx, deps.policy, req.body.password),
      );
      if (!checked.ok) throw checked.error;
      return reply.code(204).send();
    },
  );
}
