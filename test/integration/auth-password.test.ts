import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../support/test-app.ts';
import { PASSWORD, TestLantern } from '../support/test-app.ts';
import { auditActions, errorCode, errorOf, sessionFor } from '../support/auth-helpers.ts';

const NEW_PASSWORD = 'a brand new passphrase';

describe('password change', () => {
  let t: TestLantern;
  let org: string;
  let admin: TestSession;
  beforeAll(async () => {
    t = await TestLantern.start();
    org = await t.createOrg();
    admin = await t.signIn(org, 'admin');
  });
  afterAll(() => t.close());

  /** A caseworker created by the administrator, with the one-time password they were given. */
  async function createdByAdmin(): Promise<{ id: string; email: string; otp: string }> {
    const email = `new-${randomBytes(4).toString('hex')}@example.org`;
    const res = await t.request('POST', '/api/v1/users', {
      session: admin,
      body: { email, displayName: 'New Caseworker', role: 'caseworker' },
    });
    expect(res.status).toBe(201);
    const body = res.json<{
      user: { id: string; mustChangePassword: boolean };
      oneTimePassword: string;
    }>();
    expect(body.user.mustChangePassword).toBe(true);
    return { id: body.user.id, email, otp: body.oneTimePassword };
  }

  const changePassword = (s: TestSession, currentPassword: string, newPassword: string) =>
    t.request('POST', '/api/v1/auth/password', {
      session: s,
      body: { currentPassword, newPassword },
    });

  it('a new user signs in with the one-time password but must change it before anything else', async () => {
    const user = await createdByAdmin();
    const login = await t.login(user.email, user.otp);
    expect(login.status).toBe(200);
    expect(login.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(
      true,
    );
    const s = await sessionFor(t, user, org, user.otp);
    const cases = await t.request('GET', '/api/v1/cases', { session: s });
    expect(cases.status).toBe(403);
    expect(errorCode(cases)).toBe('password_change_required');
    // The session itself and the password change stay reachable.
    expect((await t.request('GET', '/api/v1/auth/session', { session: s })).status).toBe(200);
  });

  it('after the change: cases work, other sessions are signed out, only the new password works', async () => {
    const user = await createdByAdmin();
    const s = await sessionFor(t, user, org, user.otp);
    const elsewhere = await sessionFor(t, user, org, user.otp);

    const res = await changePassword(s, user.otp, NEW_PASSWORD);
    expect(res.status).toBe(204);

    expect((await t.request('GET', '/api/v1/cases', { session: s })).status).toBe(200);
    const session = await t.request('GET', '/api/v1/auth/session', { session: s });
    expect(session.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(
      false,
    );

    const other = await t.request('GET', '/api/v1/auth/session', { session: elsewhere });
    expect(other.status).toBe(401);
    expect(errorCode(other)).toBe('unauthenticated');

    const old = await t.login(user.email, user.otp);
    expect(old.status).toBe(401);
    expect(errorCode(old)).toBe('invalid_credentials');
    const fresh = await t.login(user.email, NEW_PASSWORD);
    expect(fresh.status).toBe(200);
    expect(fresh.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(
      false,
    );
    expect(await auditActions(t, user.id)).toContain('user.password_changed');
  });

  it('refuses a new password shorter than 12 characters with 400 naming newPassword', async () => {
    const user = await createdByAdmin();
    const s = await sessionFor(t, user, org, user.otp);
    const res = await changePassword(s, user.otp, 'elevenchars');
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('validation_failed');
    expect(errorOf(res).details).toEqual([expect.objectContaining({ path: 'newPassword' })]);
    // Nothing changed: the one-time password still works, the change is still required.
    expect(errorCode(await t.request('GET', '/api/v1/cases', { session: s }))).toBe(
      'password_change_required',
    );
    expect((await t.login(user.email, user.otp)).status).toBe(200);
  });

  it('accepts a new password of exactly 12 characters', async () => {
    const user = await createdByAdmin();
    const s = await sessionFor(t, user, org, user.otp);
    expect((await changePassword(s, user.otp, 'twelve chars')).status).toBe(204);
  });

  it('refuses a wrong current password with 400 naming currentPassword, and changes nothing', async () => {
    const s = await t.signIn(org, 'caseworker');
    const res = await changePassword(s, 'not my password', NEW_PASSWORD);
    expect(res.status).toBe(400);
    expect(errorOf(res).details).toEqual([expect.objectContaining({ path: 'currentPassword' })]);
    const [row] = await t.database.superuser('SELECT email FROM users WHERE id = $1', [s.userId]);
    expect((await t.login(String(row!.email), PASSWORD)).status).toBe(200);
  });

  it('refuses the current password as the new one', async () => {
    const user = await createdByAdmin();
    const s = await sessionFor(t, user, org, user.otp);
    const res = await changePassword(s, user.otp, user.otp);
    expect(res.status).toBe(400);
    expect(errorOf(res).details).toEqual([expect.objectContaining({ path: 'newPassword' })]);
  });

  it('needs the CSRF token', async () => {
    const s = await t.signIn(org, 'caseworker');
    const res = await t.request('POST', '/api/v1/auth/password', {
      headers: { cookie: s.cookie },
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('csrf_failed');
  });
  it('wrong current passwords inside a session count towards lock-out and end the session', async () => {
    const s = await t.signIn(org, 'caseworker');
    const user = { email: '' };
    const [row] = await t.database.superuser('SELECT email FROM users WHERE id = $1', [s.userId]);
    user.email = String(row!.email);
    for (let i = 0; i < 4; i++) {
      const res = await changePassword(s, 'not my password at all', NEW_PASSWORD);
      expect(res.status).toBe(400);
      expect(errorOf(res).details).toEqual([
        { path: 'currentPassword', message: 'is not correct' },
      ]);
    }
    const fifth = await changePassword(s, 'not my password at all', NEW_PASSWORD);
    expect(fifth.status).toBe(423);
    expect(errorCode(fifth)).toBe('account_locked');
    expect((await t.request('GET', '/api/v1/auth/session', { session: s })).status).toBe(401);
    expect((await t.login(user.email, PASSWORD)).status).toBe(423);
    expect(await auditActions(t, s.userId)).toContain('auth.password_check_failed');
  });
});
