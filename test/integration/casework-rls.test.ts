import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgScope } from '../../src/server/db/database.ts';
import { casework, ok } from '../support/casework.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

const TABLES = ['case_approvals', 'case_transitions', 'tasks', 'case_notes', 'case_events'];

// The casework tables sit under the same net as the foundation's: an unscoped query inside one
// organisation's transaction sees and writes that organisation's rows only.
describe('row-level security of casework', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let a: TestSession;

  /** One row in every casework table for the worker's organisation. */
  async function fill(session: TestSession) {
    const cx = casework(t);
    const { id } = await t.createCase(session);
    ok(await cx.move(session, id, 'screening'), 201);
    ok(
      await cx.request(session, id, { kind: 'closure', closureReason: 'other', reason: 'r' }),
      201,
    );
    const body = { title: 'T', dueDate: '2026-06-30' };
    ok(await t.request('POST', `/api/v1/cases/${id}/tasks`, { session, body }), 201);
    ok(await t.request('POST', `/api/v1/cases/${id}/notes`, { session, body: { text: 'n' } }), 201);
    return id;
  }

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    a = await t.signIn(orgA, 'caseworker');
    await fill(a);
    await fill(await t.signIn(orgB, 'caseworker'));
  });
  afterAll(() => t.close());

  it.each(TABLES)('%s has row-level security enabled and forced', async (table) => {
    const [row] = await t.database.superuser(
      `SELECT relrowsecurity AS "on", relforcerowsecurity AS "forced" FROM pg_class
        WHERE oid = $1::regclass`,
      [table],
    );
    expect(row).toEqual({ on: true, forced: true });
  });

  it.each(TABLES)(
    'an unscoped SELECT on %s inside org A returns only org A rows',
    async (table) => {
      const rows = await t.db.transaction(orgScope(orgA, a.userId), (tx) =>
        tx.query<{ org_id: string }>(`SELECT org_id FROM ${table}`),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.org_id === orgA)).toBe(true);
    },
  );

  it("org A cannot write a note onto org B's case, nor decide B's requests", async () => {
    const [bCase] = await t.database.superuser('SELECT id FROM cases WHERE org_id = $1', [orgB]);
    await expect(
      t.db.transaction(orgScope(orgA, a.userId), (tx) =>
        tx.query(
          `INSERT INTO case_notes (id, org_id, case_id, body, author_id, created_at)
           VALUES (gen_random_uuid(), $1, $2, '\\x00', $3, now())`,
          [orgB, bCase!.id, a.userId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    // with its own organisation's id the row passes row-level security, but not the foreign key
    await expect(
      t.db.transaction(orgScope(orgA, a.userId), (tx) =>
        tx.query(
          `INSERT INTO case_notes (id, org_id, case_id, body, author_id, created_at)
           VALUES (gen_random_uuid(), $1, $2, '\\x00', $3, now())`,
          [orgA, bCase!.id, a.userId],
        ),
      ),
    ).rejects.toThrow(/foreign key/);
    const decided = await t.db.transaction(orgScope(orgA, a.userId), (tx) =>
      tx.query(`UPDATE case_approvals SET state = 'rejected' WHERE org_id = $1 RETURNING id`, [
        orgB,
      ]),
    );
    expect(decided).toHaveLength(0);
  });

  it('the application role cannot rewrite history or change an approval request itself', async () => {
    for (const sql of [
      'DELETE FROM case_notes',
      'DELETE FROM case_events',
      "UPDATE case_transitions SET to_stage = 'closed'",
      "UPDATE case_approvals SET kind = 'closure'",
      'DELETE FROM tasks',
    ]) {
      await expect(
        t.db.transaction(orgScope(orgA, a.userId), (tx) => tx.query(sql)),
        sql,
      ).rejects.toThrow(/permission denied/);
    }
  });
});
