import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirstAdmin } from '../../src/server/bootstrap.ts';
import { ensureFirstAdmin } from '../../src/server/bootstrap.ts';
import { TestLantern } from '../support/test-app.ts';
import { errorCode, sessionFor } from '../support/auth-helpers.ts';

describe('first start', () => {
  let t: TestLantern;
  let first: FirstAdmin | undefined;
  beforeAll(async () => {
    t = await TestLantern.start(); // a fresh database: no organisation, no user
    first = await ensureFirstAdmin(
      t.db,
      { keyring: t.keyring, clock: t.clock },
      { orgName: 'Helpline North', email: 'admin@example.org' },
    );
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    Number((await t.database.superuser(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

  it('creates an organisation and its administrator with a one-time password', async () => {
    expect(first).toBeDefined();
    expect(first!.email).toBe('admin@example.org');
    expect(first!.oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const orgs = await t.database.superuser('SELECT id, name FROM organisations');
    expect(orgs).toEqual([{ id: first!.orgId, name: 'Helpline North' }]);
    const users = await t.database.superuser(
      'SELECT org_id, role, must_change_password FROM users',
    );
    expect(users).toEqual([{ org_id: first!.orgId, role: 'admin', must_change_password: true }]);
  });

  it('does nothing and answers undefined once a user exists', async () => {
    const again = await ensureFirstAdmin(
      t.db,
      { keyring: t.keyring, clock: t.clock },
      { orgName: 'Another', email: 'someone-else@example.org' },
    );
    expect(again).toBeUndefined();
    expect(await count('organisations')).toBe(1);
    expect(await count('users')).toBe(1);
  });

  it('the first administrator must change the one-time password before managing users', async () => {
    const { email, orgId, oneTimePassword } = first!;
    const [row] = await t.database.superuser('SELECT id FROM users WHERE email = $1', [email]);
    const s = await sessionFor(t, { id: String(row!.id), email }, orgId, oneTimePassword);
    const session = await t.request('GET', '/api/v1/auth/session', { session: s });
    expect(session.json<{ user: unknown }>().user).toMatchObject({
      role: 'admin',
      mustChangePassword: true,
    });
    expect(errorCode(await t.request('GET', '/api/v1/users', { session: s }))).toBe(
      'password_change_required',
    );

    const change = await t.request('POST', '/api/v1/auth/password', {
      session: s,
      body: { currentPassword: oneTimePassword, newPassword: 'the first admin passphrase' },
    });
    expect(change.status).toBe(204);
    const users = await t.request('GET', '/api/v1/users', { session: s });
    expect(users.status).toBe(200);
    expect(users.json<{ items: { email: string }[] }>().items.map((u) => u.email)).toEqual([email]);
    expect(errorCode(await t.login(email, oneTimePassword))).toBe('invalid_credentials');
  });
});
