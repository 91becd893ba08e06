import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';
import { MINUTE, auditActions, errorCode, sessionFor } from '../support/auth-helpers.ts';

interface UserView {
  id: string;
  email: string;
  role: string;
  disabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
}

describe('user administration', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let admin: TestSession;
  let adminB: TestSession;
  beforeAll(async () => {
    t = await TestLantern.start({ loginAttempts: { limit: 10_000, windowMs: MINUTE } });
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    admin = await t.signIn(orgA, 'admin');
    adminB = await t.signIn(orgB, 'admin');
  });
  afterAll(() => t.close());

  const email = () => `user-${randomBytes(4).toString('hex')}@example.org`;
  const create = (session: TestSession, body: Record<string, unknown>) =>
    t.request('POST', '/api/v1/users', { session, body });
  const patch = (session: TestSession, id: string, body: Record<string, unknown>) =>
    t.request('PATCH', `/api/v1/users/${id}`, { session, body });
  const resetPassword = (session: TestSession, id: string) =>
    t.request('POST', `/api/v1/users/${id}/reset-password`, { session });
  const listUsers = async (session: TestSession) => {
    const res = await t.request('GET', '/api/v1/users', { session });
    expect(res.status).toBe(200);
    return res.json<{ items: UserView[] }>().items;
  };
  const usersWithEmail = async (address: string) =>
    Number(
      (
        await t.database.superuser('SELECT count(*)::int AS n FROM users WHERE email = $1', [
          address,
        ])
      )[0]!.n,
    );

  it('lists the users of the administrator’s own organisation only', async () => {
    const inA = await t.createUser(orgA, 'caseworker');
    const inB = await t.createUser(orgB, 'caseworker');
    const ids = (await listUsers(admin)).map((u) => u.id);
    expect(ids).toContain(inA.id);
    expect(ids).toContain(admin.userId);
    expect(ids).not.toContain(inB.id);
    expect(ids).not.toContain(adminB.userId);
  });

  it.each(['supervisor', 'caseworker', 'analyst', 'provider'] as const)(
    'a %s cannot list or create users (403 forbidden)',
    async (role) => {
      const s = await t.signIn(orgA, role);
      expect(errorCode(await t.request('GET', '/api/v1/users', { session: s }))).toBe('forbidden');
      const address = email();
      const res = await create(s, { email: address, displayName: 'X', role: 'admin' });
      expect(res.status).toBe(403);
      expect(await usersWithEmail(address)).toBe(0);
    },
  );

  it('creates a user who must change the one-time password, and audits it', async () => {
    const address = email();
    const res = await create(admin, { email: address, displayName: 'Nadia', role: 'caseworker' });
    expect(res.status).toBe(201);
    const body = res.json<{ user: UserView; oneTimePassword: string }>();
    expect(body.user).toMatchObject({
      email: address,
      role: 'caseworker',
      mustChangePassword: true,
    });
    expect(body.oneTimePassword.length).toBeGreaterThanOrEqual(12);
    expect((await t.login(address, body.oneTimePassword)).status).toBe(200);
    expect(await auditActions(t, admin.userId)).toContain('user.created');
  });

  it('refuses a duplicate e-mail address in the same organisation with 409 conflict', async () => {
    const existing = await t.createUser(orgA, 'caseworker');
    for (const address of [existing.email, existing.email.toUpperCase()]) {
      const res = await create(admin, { email: address, displayName: 'Again', role: 'analyst' });
      expect(res.status, address).toBe(409);
      expect(errorCode(res)).toBe('conflict');
    }
    expect(await usersWithEmail(existing.email)).toBe(1);
  });

  it('refuses an e-mail address that exists in another organisation with 409 conflict', async () => {
    const inB = await t.createUser(orgB, 'caseworker');
    const res = await create(admin, { email: inB.email, displayName: 'Taken', role: 'caseworker' });
    expect(res.status).toBe(409);
    expect(errorCode(res)).toBe('conflict');
    expect(await usersWithEmail(inB.email)).toBe(1);
    // The existing user is untouched and still in org B.
    const [row] = await t.database.superuser('SELECT org_id FROM users WHERE email = $1', [
      inB.email,
    ]);
    expect(row!.org_id).toBe(orgB);
  });

  it('changes a role, and the user’s open session acts with the new role at once', async () => {
    const s = await t.signIn(orgA, 'caseworker');
    expect((await t.request('GET', '/api/v1/cases', { session: s })).status).toBe(200);
    const res = await patch(admin, s.userId, { role: 'analyst' });
    expect(res.status).toBe(200);
    expect(res.json<UserView>().role).toBe('analyst');
    const after = await t.request('GET', '/api/v1/cases', { session: s });
    expect(after.status).toBe(403);
    expect(errorCode(after)).toBe('forbidden');
  });

  it('disabling a user ends their sessions and stops sign-in; re-enabling allows it again', async () => {
    const user = await t.createUser(orgA, 'caseworker');
    const s = await sessionFor(t, user, orgA);
    const res = await patch(admin, user.id, { disabled: true });
    expect(res.status).toBe(200);
    expect(res.json<UserView>().disabled).toBe(true);
    const session = await t.request('GET', '/api/v1/auth/session', { session: s });
    expect(session.status).toBe(401);
    expect(errorCode(session)).toBe('unauthenticated');
    expect(errorCode(await t.login(user.email))).toBe('invalid_credentials');

    expect((await patch(admin, user.id, { disabled: false })).status).toBe(200);
    expect((await t.login(user.email)).status).toBe(200);
    // The sessions were ended, not suspended: re-enabling does not bring them back.
    expect((await t.request('GET', '/api/v1/auth/session', { session: s })).status).toBe(401);
  });

  it('resetting a password ends the user’s sessions and forces a change at next sign-in', async () => {
    const user = await t.createUser(orgA, 'caseworker');
    const s = await sessionFor(t, user, orgA);
    const res = await resetPassword(admin, user.id);
    expect(res.status).toBe(200);
    const { oneTimePassword } = res.json<{ oneTimePassword: string }>();

    expect((await t.request('GET', '/api/v1/auth/session', { session: s })).status).toBe(401);
    expect(errorCode(await t.login(user.email))).toBe('invalid_credentials');
    const fresh = await sessionFor(t, user, orgA, oneTimePassword);
    expect(errorCode(await t.request('GET', '/api/v1/cases', { session: fresh }))).toBe(
      'password_change_required',
    );
    expect(await auditActions(t, admin.userId)).toContain('user.password_reset');
  });

  it('resetting the password of a locked-out user lets them sign in with the one-time password', async () => {
    const user = await t.createUser(orgA, 'caseworker');
    for (let i = 0; i < 5; i++) await t.login(user.email, 'wrong password');
    expect((await listUsers(admin)).find((u) => u.id === user.id)?.locked).toBe(true);
    const { oneTimePassword } = (await resetPassword(admin, user.id)).json<{
      oneTimePassword: string;
    }>();
    expect((await t.login(user.email, oneTimePassword)).status).toBe(200);
    expect((await listUsers(admin)).find((u) => u.id === user.id)?.locked).toBe(false);
  });

  it('an administrator cannot disable themselves or give up their own admin role (409)', async () => {
    const self = await t.signIn(orgA, 'admin');
    for (const body of [{ disabled: true }, { role: 'caseworker' }]) {
      const res = await patch(self, self.userId, body);
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(errorCode(res)).toBe('conflict');
    }
    const me = (await listUsers(self)).find((u) => u.id === self.userId)!;
    expect(me).toMatchObject({ role: 'admin', disabled: false });
    // Renaming oneself is fine.
    expect((await patch(self, self.userId, { displayName: 'Renamed Admin' })).status).toBe(200);
  });

  it('a user of another organisation is not found: PATCH and reset answer exactly as for a random id', async () => {
    const inB = await t.createUser(orgB, 'caseworker');
    const sB = await sessionFor(t, inB, orgB);
    const random = randomUUID();

    const cross = await patch(admin, inB.id, { disabled: true, role: 'admin' });
    const missing = await patch(admin, random, { disabled: true, role: 'admin' });
    expect(cross.status).toBe(404);
    expect(errorCode(cross)).toBe('not_found');
    expect(cross.body).toEqual(missing.body);

    const crossReset = await resetPassword(admin, inB.id);
    const missingReset = await resetPassword(admin, random);
    expect(crossReset.status).toBe(404);
    expect(crossReset.body).toEqual(missingReset.body);

    // Org B's user is untouched: same role, enabled, old password and session still good.
    const [row] = await t.database.superuser(
      'SELECT role, disabled, must_change_password FROM users WHERE id = $1',
      [inB.id],
    );
    expect(row).toEqual({ role: 'caseworker', disabled: false, must_change_password: false });
    expect((await t.request('GET', '/api/v1/auth/session', { session: sB })).status).toBe(200);
    expect((await t.login(inB.email)).status).toBe(200);
  });

  it('only an administrator can change users or the organisation', async () => {
    const supervisor = await t.signIn(orgA, 'supervisor');
    const target = await t.createUser(orgA, 'caseworker');
    expect(errorCode(await patch(supervisor, target.id, { role: 'admin' }))).toBe('forbidden');
    expect(errorCode(await resetPassword(supervisor, target.id))).toBe('forbidden');
    const org = await t.request('PATCH', '/api/v1/organisation', {
      session: supervisor,
      body: { requireTotp: true },
    });
    expect(errorCode(org)).toBe('forbidden');
    const [row] = await t.database.superuser('SELECT role FROM users WHERE id = $1', [target.id]);
    expect(row!.role).toBe('caseworker');
  });
});
