import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxList, ReferralList } from '../../src/shared/api/referrals.schema.ts';
import { expireDueReferrals } from '../../src/server/referrals/expiry.ts';
import { auditEntries, errorOf } from '../support/api.ts';
import {
  ACTION_BODY,
  act,
  createDraft,
  grantReferralConsent,
  insertProvider,
  insertService,
  sendDraft,
  storedReferral,
} from '../support/referrals.ts';
import { apiRouteKeys } from '../support/routes.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Who reaches what: a provider never reaches the case; another organisation reaches nothing.
describe('referrals: access', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let orgC: string;
  let a: TestSession;
  let provB: TestSession;
  let cwB: TestSession;
  let caseId: string;
  let id: string;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Sender NGO');
    orgB = await t.createOrg('Provider Org');
    orgC = await t.createOrg('Bystander Org');
    a = await t.signIn(orgA, 'caseworker');
    provB = await t.signIn(orgB, 'provider');
    cwB = await t.signIn(orgB, 'caseworker');
    const p = await insertProvider(t, { orgId: orgB, providerOrgId: orgB });
    const shelter = await insertService(t, { orgId: orgB, providerId: p });
    caseId = (await t.createCase(a)).id;
    await grantReferralConsent(t, a, caseId);
    id = (await createDraft(t, a, { caseId, serviceId: shelter, fields: ['givenName'] })).id;
    await sendDraft(t, a, id);
  });
  afterAll(() => t.close());

  /** Every GET route about one case, with the case's id in place of :id. */
  const caseReads = () =>
    apiRouteKeys(t.app)
      .filter((k) => k.startsWith('GET /api/v1/cases/:id'))
      .map((k) => k.slice(4).replace(':id', caseId))
      .filter((url) => !url.includes('/:'));

  it('never lets a provider-role user reach the case, by any case endpoint', async () => {
    const urls = caseReads();
    expect(urls).toEqual(
      expect.arrayContaining([
        `/api/v1/cases/${caseId}`,
        `/api/v1/cases/${caseId}/record`,
        `/api/v1/cases/${caseId}/consents`,
      ]),
    );
    for (const url of urls) {
      const res = await t.request('GET', url, { session: provB });
      expect([403, 404], url).toContain(res.status);
    }
    // nor the sender's view of the referral, which names the case
    expect((await t.request('GET', `/api/v1/referrals/${id}`, { session: provB })).status).toBe(
      403,
    );
  });

  it('gives a caseworker of the receiving organisation 404 for the sender’s case (row-level security)', async () => {
    for (const url of [
      `/api/v1/cases/${caseId}`,
      `/api/v1/cases/${caseId}/record`,
      `/api/v1/cases/${caseId}/consents`,
    ]) {
      const res = await t.request('GET', url, { session: cwB });
      expect(res.status, url).toBe(404);
    }
    for (const url of caseReads()) {
      expect((await t.request('GET', url, { session: cwB })).status, url).not.toBe(200);
    }
    // nor is the referral theirs to read as a sender; and the inbox is not a caseworker's
    expect((await t.request('GET', `/api/v1/referrals/${id}`, { session: cwB })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/referrals/inbox/${id}`, { session: cwB })).status).toBe(
      403,
    );
    const accept = await act(t, cwB, id, 'accept');
    expect(accept.status).toBe(403);
    expect((await storedReferral(t, id))?.status).toBe('sent');
  });

  it('gives another organisation 404 for everything, whatever the role', async () => {
    for (const role of ['caseworker', 'supervisor', 'provider'] as const) {
      const s = await t.signIn(orgC, role);
      const reads = [`/api/v1/referrals/${id}`, `/api/v1/referrals/inbox/${id}`];
      for (const url of reads) {
        const res = await t.request('GET', url, { session: s });
        // 403 only where the role lacks the action altogether; never the referral
        expect([403, 404], `${role} ${url}`).toContain(res.status);
      }
      for (const action of ['send', 'accept', 'decline', 'start', 'complete', 'withdraw']) {
        const res = await act(t, s, id, action, ACTION_BODY[action]);
        expect([403, 404], `${role} ${action}`).toContain(res.status);
        if (role === 'supervisor') expect(res.status, `${role} ${action}`).toBe(404);
      }
      const m = await t.request('POST', `/api/v1/referrals/${id}/messages`, {
        session: s,
        body: { text: 'hi' },
      });
      expect(m.status).toBe(404);
      const patch = await t.request('PATCH', `/api/v1/referrals/${id}`, {
        session: s,
        body: { urgency: 'urgent' },
      });
      expect([403, 404]).toContain(patch.status);
      if (role !== 'provider') {
        expect(
          (await t.request('GET', '/api/v1/referrals', { session: s })).json<ReferralList>().items,
        ).toEqual([]);
      }
      if (role !== 'caseworker') {
        expect(
          (await t.request('GET', '/api/v1/referrals/inbox', { session: s })).json<InboxList>()
            .items,
        ).toEqual([]);
      }
    }
    const supC = await t.signIn(orgC, 'supervisor');
    expect(
      errorOf(await t.request('GET', `/api/v1/referrals/inbox/${id}`, { session: supC })).code,
    ).toBe('not_found');
  });

  it('refuses administrators and analysts every referral endpoint (403)', async () => {
    for (const role of ['admin', 'analyst'] as const) {
      const s = await t.signIn(orgA, role);
      for (const url of [
        '/api/v1/referrals',
        `/api/v1/referrals/${id}`,
        '/api/v1/referrals/inbox',
        `/api/v1/referrals/inbox/${id}`,
      ]) {
        expect((await t.request('GET', url, { session: s })).status, `${role} ${url}`).toBe(403);
      }
      for (const action of ['accept', 'withdraw', 'messages']) {
        const body = action === 'messages' ? { text: 'x' } : ACTION_BODY[action];
        expect((await act(t, s, id, action, body)).status, `${role} ${action}`).toBe(403);
      }
    }
  });

  it('audits each view in the viewer’s own chain', async () => {
    await t.request('GET', `/api/v1/referrals/inbox/${id}`, { session: provB });
    await t.request('GET', `/api/v1/referrals/${id}`, { session: a });
    const inB = (await auditEntries(t, orgB, 'referral.read')).filter((e) => e.recordId === id);
    const inA = (await auditEntries(t, orgA, 'referral.read')).filter((e) => e.recordId === id);
    expect(inB.map((e) => e.actorId)).toContain(provB.userId);
    expect(inA.map((e) => e.actorId)).toContain(a.userId);
    expect(inB.every((e) => e.fields.includes('givenName'))).toBe(true);
    expect((await auditEntries(t, orgC, 'referral.read')).length).toBe(0);
  });
});

describe('referrals: expiry with the controllable clock', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let id: string;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Sender NGO');
    orgB = await t.createOrg('Provider Org');
    const a = await t.signIn(orgA, 'caseworker');
    const p = await insertProvider(t, { orgId: orgB, providerOrgId: orgB });
    const svc = await insertService(t, { orgId: orgB, providerId: p, responseDays: 2 });
    const caseId = (await t.createCase(a)).id;
    await grantReferralConsent(t, a, caseId);
    id = (await createDraft(t, a, { caseId, serviceId: svc, fields: ['givenName'] })).id;
    const sent = await sendDraft(t, a, id);
    expect(sent.answerDueAt).toBe('2026-06-03T09:00:00.000Z');
  });
  afterAll(() => t.close());

  const DAY = 86_400_000;

  it('stays sent until its due instant, then shows as expired at once (before the job runs)', async () => {
    t.clock.advance(2 * DAY - 1);
    let provB = await t.signIn(orgB, 'provider');
    let v = await t.request('GET', `/api/v1/referrals/inbox/${id}`, { session: provB });
    expect(v.json<{ status: string }>().status).toBe('sent');
    expect(v.json<{ snapshot: unknown }>().snapshot).not.toBeNull();
    t.clock.advance(1);
    provB = await t.signIn(orgB, 'provider');
    v = await t.request('GET', `/api/v1/referrals/inbox/${id}`, { session: provB });
    // unanswered in time, the provider no longer sees the person's data
    expect(v.json()).toMatchObject({
      status: 'expired',
      closedAt: '2026-06-03T09:00:00.000Z',
      actions: [],
      snapshot: null,
      message: null,
    });
    expect(v.json<{ history: unknown[] }>().history.at(-1)).toMatchObject({
      id: null,
      action: 'expire',
      side: 'system',
      at: '2026-06-03T09:00:00.000Z',
    });
    const accept = await act(t, provB, id, 'accept');
    expect(accept.status).toBe(409);
    expect(errorOf(accept).details).toMatchObject({ from: 'expired', to: 'accepted' });
    const expired = await t.request('GET', '/api/v1/referrals/inbox?status=expired', {
      session: provB,
    });
    expect(expired.json<InboxList>().items.map((r) => r.id)).toEqual([id]);
    const sent = await t.request('GET', '/api/v1/referrals/inbox?status=sent', { session: provB });
    expect(sent.json<InboxList>().items).toEqual([]);
    expect((await storedReferral(t, id))?.status).toBe('sent');
  });

  it('expireDueReferrals records it once: event at the due time, audit in both chains, notice', async () => {
    t.clock.advance(DAY);
    expect(await expireDueReferrals(t.db, t.clock)).toBe(1);
    expect(await expireDueReferrals(t.db, t.clock)).toBe(0);
    const row = await storedReferral(t, id);
    expect(row).toMatchObject({ status: 'expired', snapshot: null });
    expect((row?.closed_at as Date).toISOString()).toBe('2026-06-03T09:00:00.000Z');
    const [ev] = await t.database.superuser(
      `SELECT action, actor_id, actor_side, at FROM referral_events WHERE referral_id = $1 ORDER BY seq DESC LIMIT 1`,
      [id],
    );
    expect(ev).toMatchObject({ action: 'expire', actor_id: null, actor_side: 'system' });
    expect((ev?.at as Date).toISOString()).toBe('2026-06-03T09:00:00.000Z');
    for (const org of [orgA, orgB]) {
      const entries = await auditEntries(t, org, 'referral.expired');
      expect(entries.map((e) => [e.recordId, e.actorId])).toEqual([[id, null]]);
    }
    const notices = await t.database.superuser(
      `SELECT type FROM notify_events WHERE subject_id = $1 ORDER BY seq`,
      [id],
    );
    expect(notices.map((n) => n.type)).toEqual(['referral.sent', 'referral.expired']);
    // the recorded expiry replaces the shown one: one expire event, with its id
    const provB = await t.signIn(orgB, 'provider');
    const v = await t.request('GET', `/api/v1/referrals/inbox/${id}`, { session: provB });
    const expires = v
      .json<{ history: { action: string; id: string | null }[] }>()
      .history.filter((e) => e.action === 'expire');
    expect(expires).toHaveLength(1);
    expect(expires[0]?.id).not.toBeNull();
  });
});
