import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgScope } from '../../src/server/db/database.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Row-level security is the net under the policy layer: even a query that forgets its
// organisation filter, run inside an organisation's request transaction, sees only that
// organisation's rows.
describe('row-level security', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let a: TestSession;
  let b: TestSession;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    a = await t.signIn(orgA, 'caseworker');
    b = await t.signIn(orgB, 'caseworker');
    await t.createCase(a);
    await t.createCase(a);
    await t.createCase(b);
  });
  afterAll(() => t.close());

  it.each(['cases', 'persons', 'users', 'sessions', 'audit_log'])(
    'an unscoped SELECT on %s inside org A returns only org A rows',
    async (table) => {
      const rows = await t.db.transaction(orgScope(orgA, a.userId), (tx) =>
        tx.query<{ org_id: string }>(`SELECT org_id FROM ${table}`),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.org_id === orgA)).toBe(true);
    },
  );

  it('the same tables hold org B rows, seen from org B and the system scope', async () => {
    const fromB = await t.db.transaction(orgScope(orgB, b.userId), (tx) =>
      tx.query<{ org_id: string }>('SELECT org_id FROM cases'),
    );
    expect(fromB).toHaveLength(1);
    expect(fromB[0]!.org_id).toBe(orgB);
    const all = await t.database.superuser('SELECT count(*)::int AS n FROM cases');
    expect(all[0]!.n).toBe(3);
  });

  it('org A cannot see org B in organisations, nor update B’s cases', async () => {
    const orgs = await t.db.transaction(orgScope(orgA, a.userId), (tx) =>
      tx.query<{ id: string }>('SELECT id FROM organisations'),
    );
    expect(orgs.map((o) => o.id)).toEqual([orgA]);
    const updated = await t.db.transaction(orgScope(orgA, a.userId), (tx) =>
      tx.query(`UPDATE cases SET status = 'Closed' WHERE org_id = $1 RETURNING id`, [orgB]),
    );
    expect(updated).toHaveLength(0);
  });

  it('org A cannot insert a row that belongs to org B', async () => {
    await expect(
      t.db.transaction(orgScope(orgA, a.userId), (tx) =>
        tx.query(
          `INSERT INTO persons (id, org_id, identity, gender) VALUES (gen_random_uuid(), $1, '\\x00', 'Feminine')`,
          [orgB],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('org A cannot alter or delete audit entries, even its own', async () => {
    await expect(
      t.db.transaction(orgScope(orgA, a.userId), (tx) => tx.query('DELETE FROM audit_log')),
    ).rejects.toThrow(/permission denied|append-only/);
  });

  it('org A cannot read or change another organisation’s data key', async () => {
    await expect(
      t.db.transaction(orgScope(orgA, a.userId), (tx) =>
        tx.query('UPDATE organisations SET wrapped_key = $1', [Buffer.alloc(8)]),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
