import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// With the total cache on (as `lantern serve` runs), a new case shows in the total at once,
// and the total is never another organisation's.
describe('case list totals with the cache on', () => {
  let t: TestLantern;
  let a: TestSession;
  let b: TestSession;

  beforeAll(async () => {
    t = await TestLantern.start({ caseCountTtlMs: 60_000 });
    a = await t.signIn(await t.createOrg(), 'caseworker');
    b = await t.signIn(await t.createOrg(), 'caseworker');
  });
  afterAll(() => t.close());

  const total = async (s: TestSession) =>
    (await t.request('GET', '/api/v1/cases', { session: s })).json<{ total: number }>().total;

  it('a case created through the API is counted immediately', async () => {
    expect(await total(a)).toBe(0);
    await t.createCase(a);
    expect(await total(a)).toBe(1);
    await t.createCase(a);
    expect(await total(a)).toBe(2);
  });

  it('one organisation never gets the other’s total', async () => {
    expect(await total(b)).toBe(0);
    await t.createCase(b);
    expect(await total(b)).toBe(1);
    expect(await total(a)).toBe(2);
  });

  it('a filter not asked before is counted exactly, even after a write that bypassed the service', async () => {
    await t.database.superuser(`UPDATE cases SET status = 'Closed' WHERE org_id = $1`, [a.orgId]);
    const res = await t.request('GET', '/api/v1/cases?status=Closed', { session: a });
    // A filter not counted before is counted now: exact.
    expect(res.json<{ total: number; items: unknown[] }>().total).toBe(2);
  });
});
