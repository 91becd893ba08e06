import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, TestLantern } from '../support/test-app.ts';
import { MINUTE, auditActions, errorCode, errorOf, setCookieOf } from '../support/auth-helpers.ts';

// All injected requests come from 127.0.0.1. Outside the per-address throttle tests, the
// throttle is set high so that it does not stand in front of the per-account behaviour.
const NO_THROTTLE = { loginAttempts: { limit: 10_000, windowMs: MINUTE } };

describe('sign-in and lock-out', () => {
  let t: TestLantern;
  let org: string;
  beforeAll(async () => {
    t = await TestLantern.start(NO_THROTTLE);
    org = await t.createOrg();
  });
  afterAll(() => t.close());

  describe('sign-in', () => {
    it('answers 200 with an HttpOnly, SameSite=Strict, Path=/ session cookie, the CSRF token and the user', async () => {
      const user = await t.createUser(org, 'caseworker');
      const res = await t.login(user.email);
      expect(res.status).toBe(200);
      const cookie = setCookieOf(res)!;
      expect(cookie).toMatch(/^lantern_session=[^;]{40,};/);
      expect(cookie).toMatch(/;\s*HttpOnly(;|$)/i);
      expect(cookie).toMatch(/;\s*SameSite=Strict(;|$)/i);
      expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
      expect(cookie).toMatch(/;\s*Max-Age=43200(;|$)/i);
      const body = res.json<{ csrfToken: string; user: Record<string, unknown> }>();
      expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
      expect(cookie).not.toContain(body.csrfToken);
      expect(body.user).toMatchObject({
        id: user.id,
        email: user.email,
        role: 'caseworker',
        orgId: org,
        mustChangePassword: false,
        totpEnabled: false,
        totpEnrollmentRequired: false,
      });
    });

    it('finds the account whatever the case and surrounding spaces of the e-mail address', async () => {
      const user = await t.createUser(org, 'caseworker');
      const res = await t.login(`  ${user.email.toUpperCase()} `);
      expect(res.status).toBe(200);
    });

    it('answers a wrong password and an unknown e-mail address alike: 401 invalid_credentials, no cookie', async () => {
      const user = await t.createUser(org, 'caseworker');
      const wrongPassword = await t.login(user.email, 'not the password');
      const unknownEmail = await t.login('nobody-here@example.org', PASSWORD);
      for (const res of [wrongPassword, unknownEmail]) {
        expect(res.status).toBe(401);
        expect(errorCode(res)).toBe('invalid_credentials');
        expect(setCookieOf(res)).toBeUndefined();
      }
      expect(errorOf(wrongPassword).message).toBe(errorOf(unknownEmail).message);
    });

    it('refuses a disabled user with the right password, as if the password were wrong', async () => {
      const admin = await t.signIn(org, 'admin');
      const user = await t.createUser(org, 'caseworker');
      const disable = await t.request('PATCH', `/api/v1/users/${user.id}`, {
        session: admin,
        body: { disabled: true },
      });
      expect(disable.status).toBe(200);
      const res = await t.login(user.email);
      expect(res.status).toBe(401);
      expect(errorCode(res)).toBe('invalid_credentials');
      expect(setCookieOf(res)).toBeUndefined();
    });

    it('refuses a body with unknown fields or a missing password with 400', async () => {
      const user = await t.createUser(org, 'caseworker');
      const extra = await t.request('POST', '/api/v1/auth/login', {
        body: { email: user.email, password: PASSWORD, remember: true },
      });
      expect(extra.status).toBe(400);
      const missing = await t.request('POST', '/api/v1/auth/login', {
        body: { email: user.email },
      });
      expect(missing.status).toBe(400);
      expect(errorCode(missing)).toBe('validation_failed');
    });
  });

  describe('account lock-out after consecutive failures', () => {
    const failTimes = async (email: string, n: number) => {
      for (let i = 0; i < n; i++) {
        const res = await t.login(email, `wrong password ${i}`);
        expect(res.status, `failure ${i + 1}`).toBe(401);
        expect(errorCode(res)).toBe('invalid_credentials');
      }
    };

    it('locks the account after 5 failures: 423 account_locked even with the right password', async () => {
      const user = await t.createUser(org, 'caseworker');
      await failTimes(user.email, 5);
      const res = await t.login(user.email);
      expect(res.status).toBe(423);
      expect(errorCode(res)).toBe('account_locked');
      expect(errorOf(res).details).toEqual({ retryAfterSeconds: 15 * 60 });
      expect(setCookieOf(res)).toBeUndefined();
    });

    it('the lock is per account: another account at the same address still signs in', async () => {
      const locked = await t.createUser(org, 'caseworker');
      const other = await t.createUser(org, 'caseworker');
      await failTimes(locked.email, 5);
      expect((await t.login(locked.email)).status).toBe(423);
      expect((await t.login(other.email)).status).toBe(200);
    });

    it('lifts the lock after 15 minutes: the right password works again', async () => {
      const user = await t.createUser(org, 'caseworker');
      await failTimes(user.email, 5);
      t.clock.advance(14 * MINUTE);
      expect((await t.login(user.email)).status).toBe(423);
      t.clock.advance(1 * MINUTE);
      const res = await t.login(user.email);
      expect(res.status).toBe(200);
    });

    it('after the lock runs out, one more wrong password does not lock again at once', async () => {
      const user = await t.createUser(org, 'caseworker');
      await failTimes(user.email, 5);
      t.clock.advance(15 * MINUTE);
      await failTimes(user.email, 1);
      expect((await t.login(user.email)).status).toBe(200);
    });

    it('a successful sign-in resets the count of failures', async () => {
      const user = await t.createUser(org, 'caseworker');
      await failTimes(user.email, 4);
      expect((await t.login(user.email)).status).toBe(200);
      await failTimes(user.email, 4);
      const res = await t.login(user.email);
      expect(res.status).toBe(200);
    });

    it('writes auth.login_failed, auth.account_locked and auth.login_locked audit entries', async () => {
      const user = await t.createUser(org, 'caseworker');
      await failTimes(user.email, 5);
      await t.login(user.email);
      t.clock.advance(15 * MINUTE);
      await t.login(user.email);
      expect(await auditActions(t, user.id)).toEqual([
        'auth.login_failed',
        'auth.login_failed',
        'auth.login_failed',
        'auth.login_failed',
        'auth.account_locked',
        'auth.login_locked',
        'auth.login',
      ]);
      const [entry] = await t.database.superuser(
        `SELECT org_id, source_ip FROM audit_log WHERE actor_id = $1 AND action = 'auth.account_locked'`,
        [user.id],
      );
      expect(entry).toEqual({ org_id: org, source_ip: '127.0.0.1' });
    });

    it('shows the administrator that the account is locked', async () => {
      const admin = await t.signIn(org, 'admin');
      const user = await t.createUser(org, 'caseworker');
      await failTimes(user.email, 5);
      const list = await t.request('GET', '/api/v1/users', { session: admin });
      const row = list
        .json<{ items: { id: string; locked: boolean }[] }>()
        .items.find((u) => u.id === user.id);
      expect(row?.locked).toBe(true);
    });
  });
});

describe('per-address sign-in throttle', () => {
  let t: TestLantern;
  let org: string;
  beforeAll(async () => {
    t = await TestLantern.start({ loginAttempts: { limit: 3, windowMs: MINUTE } });
    org = await t.createOrg();
  });
  afterAll(() => t.close());

  const loginFrom = (remoteAddress: string, email: string, password = PASSWORD) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email, password }),
    });

  it('answers the 4th attempt from one address within the window with 429 too_many_requests', async () => {
    const [a, b, c] = [
      await t.createUser(org, 'caseworker'),
      await t.createUser(org, 'caseworker'),
      await t.createUser(org, 'caseworker'),
    ];
    expect((await loginFrom('198.51.100.20', a.email, 'wrong password')).statusCode).toBe(401);
    expect((await loginFrom('198.51.100.20', b.email)).statusCode).toBe(200);
    expect((await loginFrom('198.51.100.20', 'nobody@example.org')).statusCode).toBe(401);
    const fourth = await loginFrom('198.51.100.20', c.email);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json<{ error: { code: string } }>().error.code).toBe('too_many_requests');
    expect(fourth.headers['set-cookie']).toBeUndefined();
    // Another address is not held back.
    expect((await loginFrom('203.0.113.7', c.email)).statusCode).toBe(200);
  });

  it('allows the address again once the window has passed', async () => {
    const user = await t.createUser(org, 'caseworker');
    for (let i = 0; i < 3; i++) await loginFrom('198.51.100.30', user.email, 'wrong password');
    expect((await loginFrom('198.51.100.30', user.email)).statusCode).toBe(429);
    t.clock.advance(MINUTE);
    expect((await loginFrom('198.51.100.30', user.email)).statusCode).toBe(200);
  });

  it('a throttled attempt does not count against the account', async () => {
    const user = await t.createUser(org, 'caseworker');
    for (let i = 0; i < 3; i++) await loginFrom('198.51.100.40', 'nobody@example.org');
    for (let i = 0; i < 5; i++) {
      expect((await loginFrom('198.51.100.40', user.email, 'wrong password')).statusCode).toBe(429);
    }
    expect((await loginFrom('203.0.113.8', user.email)).statusCode).toBe(200);
  });
});
