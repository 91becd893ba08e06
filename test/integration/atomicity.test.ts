import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/server/audit/audit.repo.ts';
import { createCase } from '../../src/server/cases/cases.service.ts';
import { loadOrgKeys } from '../../src/server/crypto/org-keys.ts';
import type { Tx } from '../../src/server/db/database.ts';
import { orgScope } from '../../src/server/db/database.ts';
import type { ServiceContext } from '../../src/server/http/context.ts';
import { CaseCreateBody } from '../../src/shared/api/cases.schema.ts';
import { errorOf, rowCounts } from '../support/api.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern, caseBody } from '../support/test-app.ts';

// One request, one transaction: whatever fails after the person row is written, nothing of the
// request remains — no person, no case, no audit entry, no used-up case number.
describe('atomicity of case creation', () => {
  let t: TestLantern;
  let s: TestSession;

  beforeAll(async () => {
    t = await TestLantern.start();
    s = await t.signIn(await t.createOrg('Atomic org'), 'caseworker');
    await t.createCase(s);
  });
  afterAll(() => t.close());

  /** What a request's context holds, built by hand around a transaction. */
  const contextFor = (tx: Tx): ServiceContext => ({
    tx,
    actor: { userId: s.userId, orgId: s.orgId, role: 'caseworker', sessionId: randomUUID() },
    clock: t.clock,
    keys: () => loadOrgKeys(tx, t.keyring, s.orgId),
    keyring: t.keyring,
    audit: (e) =>
      appendAudit(tx, {
        orgId: s.orgId,
        actorId: s.userId,
        action: e.action,
        recordType: e.recordType ?? null,
        recordId: e.recordId ?? null,
        fields: e.fields ?? [],
        sourceIp: null,
        at: t.clock.now(),
      }),
  });

  const countIn = async (tx: Tx) => {
    const [row] = await tx.query<{ cases: number; persons: number; audit: number }>(
      `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM persons) AS persons,
              (SELECT count(*)::int FROM audit_log) AS audit`,
    );
    return row!;
  };

  it('a failure after createCase, in the same transaction, leaves nothing behind', async () => {
    const before = await rowCounts(t);
    let inside: { cases: number; persons: number; audit: number } | undefined;
    const failure = t.db.transaction(orgScope(s.orgId, s.userId), async (tx) => {
      const start = await countIn(tx);
      await createCase(contextFor(tx), CaseCreateBody.parse(caseBody()));
      inside = await countIn(tx);
      expect(inside).toEqual({
        cases: start.cases + 1,
        persons: start.persons + 1,
        audit: start.audit + 2,
      });
      throw new Error('a later step of the request failed');
    });
    await expect(failure).rejects.toThrow('a later step of the request failed');
    expect(inside).toBeDefined(); // the writes did happen before the failure
    expect(await rowCounts(t)).toEqual(before);
  });

  describe('a database error in the middle of a request', () => {
    // Triggers stand in for a constraint or an outage that the input checks cannot foresee.
    // (Before the fix in this change, registrationDate "0000-01-01" did this for real.)
    const failOn = async (table: 'cases' | 'audit_log', when: string) => {
      await t.database.superuser(
        `CREATE OR REPLACE FUNCTION lantern_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF ${when} THEN RAISE EXCEPTION 'injected failure (secret detail)'; END IF;
           RETURN NEW;
         END $$`,
      );
      await t.database.superuser(
        `CREATE TRIGGER lantern_test_fail BEFORE INSERT ON ${table}
           FOR EACH ROW EXECUTE FUNCTION lantern_test_fail()`,
      );
      return () => t.database.superuser(`DROP TRIGGER lantern_test_fail ON ${table}`);
    };

    it.each([
      ['the case insert (the person row is already written)', 'cases' as const, 'true'],
      [
        'the last audit entry (person and case already written)',
        'audit_log' as const,
        "NEW.action = 'case.created'",
      ],
    ])(
      'failing at %s: 500, nothing written, and the next case gets the next number',
      async (_, table, when) => {
        const before = await rowCounts(t);
        const undo = await failOn(table, when);
        let res;
        try {
          res = await t.request('POST', '/api/v1/cases', { session: s, body: caseBody() });
        } finally {
          await undo();
        }
        expect(res.status).toBe(500);
        expect(errorOf(res).code).toBe('internal');
        expect(JSON.stringify(res.body)).not.toMatch(/injected|secret|trigger/);
        expect(await rowCounts(t)).toEqual(before);

        const next = await t.request('POST', '/api/v1/cases', { session: s, body: caseBody() });
        expect(next.status).toBe(201);
        const expected = `LNT-2026-${String(before.caseSeq + 1).padStart(6, '0')}`;
        expect(next.json<{ reference: string }>().reference).toBe(expected);
      },
    );
  });
});
