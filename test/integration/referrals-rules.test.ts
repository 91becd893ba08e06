import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxDetail, ReferralDetail } from '../../src/shared/api/referrals.schema.ts';
import type { ReferralStatus } from '../../src/shared/referrals/lifecycle.ts';
import { errorOf, issuePaths } from '../support/api.ts';
import {
  ACTION_BODY,
  act,
  createDraft,
  grantReferralConsent,
  insertProvider,
  insertService,
  sendDraft,
  setServiceActive,
  storedReferral,
  withdrawReferralConsent,
} from '../support/referrals.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// The rules: every illegal transition refused through the API, consent gating, minimal
// disclosure, and what withdrawing consent does to open referrals.
describe('referrals: rules', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let a: TestSession;
  let provB: TestSession;
  let shelter: string;
  let medical: string;
  let interp: string;
  let caseId: string;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Sender NGO');
    orgB = await t.createOrg('Provider Org');
    a = await t.signIn(orgA, 'caseworker');
    provB = await t.signIn(orgB, 'provider');
    const p = await insertProvider(t, { orgId: orgB, providerOrgId: orgB });
    shelter = await insertService(t, { orgId: orgB, providerId: p, serviceType: 'shelter' });
    medical = await insertService(t, { orgId: orgB, providerId: p, serviceType: 'medical' });
    interp = await insertService(t, { orgId: orgB, providerId: p, serviceType: 'interpretation' });
    caseId = (await t.createCase(a)).id;
    await grantReferralConsent(t, a, caseId);
  });
  afterAll(() => t.close());

  const draft = (over: Record<string, unknown> = {}) =>
    createDraft(t, a, { caseId, serviceId: shelter, fields: ['givenName', 'gender'], ...over });

  /** A referral brought to `status` through the API (expired: its due time moved to the past). */
  async function referralIn(status: ReferralStatus): Promise<string> {
    const { id } = await draft();
    if (status === 'draft') return id;
    if (status === 'withdrawn') {
      expect((await act(t, a, id, 'withdraw', ACTION_BODY.withdraw)).status).toBe(200);
      return id;
    }
    await sendDraft(t, a, id);
    if (status === 'sent') return id;
    if (status === 'expired') {
      await t.database.superuser(`UPDATE referrals SET answer_due_at = $2 WHERE id = $1`, [
        id,
        new Date(t.clock.now().getTime() - 60_000),
      ]);
      return id;
    }
    if (status === 'declined') {
      expect((await act(t, provB, id, 'decline', ACTION_BODY.decline)).status).toBe(200);
      return id;
    }
    expect((await act(t, provB, id, 'accept')).status).toBe(200);
    if (status === 'accepted') return id;
    if (status === 'in_progress' || status === 'completed') {
      expect((await act(t, provB, id, 'start')).status).toBe(200);
    }
    if (status === 'completed') {
      expect((await act(t, provB, id, 'complete', ACTION_BODY.complete)).status).toBe(200);
    }
    return id;
  }

  const STATUSES: ReferralStatus[] = [
    'draft',
    'sent',
    'accepted',
    'declined',
    'in_progress',
    'completed',
    'withdrawn',
    'expired',
  ];
  const ACTIONS = ['send', 'accept', 'decline', 'start', 'complete', 'withdraw'] as const;
  const TARGET = {
    send: 'sent',
    accept: 'accepted',
    decline: 'declined',
    start: 'in_progress',
    complete: 'completed',
    withdraw: 'withdrawn',
  } as const;
  // written out from the issue: from → the actions that are legal
  const LEGAL: Record<ReferralStatus, string[]> = {
    draft: ['send', 'withdraw'],
    sent: ['accept', 'decline', 'withdraw'],
    accepted: ['start', 'complete', 'withdraw'],
    in_progress: ['complete', 'withdraw'],
    declined: [],
    completed: [],
    withdrawn: [],
    expired: [],
  };
  const cases = STATUSES.flatMap((s) => ACTIONS.map((action) => [s, action] as const));

  it.each(cases)(
    'from %s, %s: legal ones succeed, others are 409 naming from and to',
    async (from, action) => {
      const id = await referralIn(from);
      const side = action === 'send' || action === 'withdraw' ? a : provB;
      const res = await act(t, side, id, action, ACTION_BODY[action]);
      if (from === 'draft' && side === provB) {
        // a draft is the sender's alone: the provider cannot even see it
        expect(res.status).toBe(404);
      } else if (LEGAL[from].includes(action)) {
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.json<{ status: string }>().status).toBe(TARGET[action]);
      } else {
        expect(res.status, JSON.stringify(res.body)).toBe(409);
        expect(errorOf(res)).toMatchObject({
          code: 'conflict',
          details: { from, to: TARGET[action], action },
        });
        // nothing changed
        expect((await storedReferral(t, id))?.status).toBe(from === 'expired' ? 'sent' : from);
      }
    },
  );

  it('refuses each side the other side’s actions (403), whatever the status', async () => {
    const id = await referralIn('sent');
    for (const action of ['accept', 'decline'] as const) {
      const res = await act(t, a, id, action, ACTION_BODY[action]);
      expect(res.status).toBe(403);
      expect(errorOf(res).message).toBe(`Only the provider may ${action} a referral.`);
    }
    // a provider-role user holds no referral:write at all
    const w = await act(t, provB, id, 'withdraw', ACTION_BODY.withdraw);
    expect(w.status).toBe(403);
    expect(errorOf(w).message).toBe('Your role does not allow this action.');
    // a supervisor of the receiving organisation holds it, but is not the sender
    const supB = await t.signIn(orgB, 'supervisor');
    const w2 = await act(t, supB, id, 'withdraw', ACTION_BODY.withdraw);
    expect(w2.status).toBe(403);
    expect(errorOf(w2).message).toBe('Only the referring organisation may withdraw a referral.');
    expect(errorOf(await act(t, supB, id, 'send')).message).toBe(
      'Only the referring organisation may send a referral.',
    );
    expect((await storedReferral(t, id))?.status).toBe('sent');
  });

  it('needs a reason to decline and an outcome to complete (400 naming the field)', async () => {
    const id = await referralIn('sent');
    const noReason = await act(t, provB, id, 'decline', {});
    expect(noReason.status).toBe(400);
    expect(issuePaths(noReason)).toEqual(['reason']);
    expect(issuePaths(await act(t, provB, id, 'decline', { reason: 'busy' }))).toEqual(['reason']);
    await act(t, provB, id, 'accept');
    expect(issuePaths(await act(t, provB, id, 'complete', {}))).toEqual(['outcome']);
  });

  describe('minimal disclosure', () => {
    it('refuses a field not allowed for the service type, naming it', async () => {
      const res = await t.request('POST', '/api/v1/referrals', {
        session: a,
        body: { caseId, serviceId: interp, fields: ['givenName', 'typeOfExploitation'] },
      });
      expect(res.status).toBe(400);
      expect(errorOf(res).details).toEqual([
        {
          path: 'fields.1',
          message: 'typeOfExploitation may not be disclosed to a service of type interpretation',
        },
      ]);
      const unknown = await t.request('POST', '/api/v1/referrals', {
        session: a,
        body: { caseId, serviceId: shelter, fields: ['favouriteColour'] },
      });
      expect(unknown.status).toBe(400);
      expect(issuePaths(unknown)).toEqual(['fields.0']);
    });

    it('refuses a stated value whose field is not chosen, and a chosen one left empty at sending', async () => {
      const res = await t.request('POST', '/api/v1/referrals', {
        session: a,
        body: {
          caseId,
          serviceId: medical,
          fields: ['givenName'],
          stated: { healthNotes: 'Asthma.' },
        },
      });
      expect(res.status).toBe(400);
      expect(issuePaths(res)).toEqual(['stated.healthNotes']);
      const d = await createDraft(t, a, {
        caseId,
        serviceId: medical,
        fields: ['givenName', 'healthNotes'],
      });
      const send = await act(t, a, d.id, 'send');
      expect(send.status).toBe(400);
      expect(issuePaths(send)).toEqual(['stated.healthNotes']);
      expect((await storedReferral(t, d.id))?.status).toBe('draft');
    });

    it('refuses a change of service that would make a chosen field disallowed', async () => {
      const d = await createDraft(t, a, {
        caseId,
        serviceId: medical,
        fields: ['givenName', 'typeOfExploitation'],
      });
      const res = await t.request('PATCH', `/api/v1/referrals/${d.id}`, {
        session: a,
        body: { serviceId: interp },
      });
      expect(res.status).toBe(400);
      expect(issuePaths(res)).toEqual(['fields.1']);
    });

    it('refuses a service of another type than the one asked for, and an inactive service', async () => {
      const res = await t.request('POST', '/api/v1/referrals', {
        session: a,
        body: { caseId, serviceId: shelter, serviceType: 'medical', fields: ['givenName'] },
      });
      expect(res.status).toBe(400);
      expect(errorOf(res).details).toEqual([
        {
          path: 'serviceId',
          message: 'the provider does not offer medical at this service (it is a shelter service)',
        },
      ]);
      const d = await draft();
      await setServiceActive(t, shelter, false);
      try {
        const send = await act(t, a, d.id, 'send');
        expect(send.status).toBe(409);
        expect(errorOf(send).message).toBe(
          'This service is not active in the directory: choose another.',
        );
      } finally {
        await setServiceActive(t, shelter, true);
      }
      const missing = await t.request('POST', '/api/v1/referrals', {
        session: a,
        body: { caseId, serviceId: '00000000-0000-4000-8000-000000000000', fields: [] },
      });
      expect(issuePaths(missing)).toEqual(['serviceId']);
    });
  });

  describe('consent', () => {
    let c2: string;
    beforeAll(async () => {
      c2 = (await t.createCase(a)).id;
    });
    const draftFor = (serviceId: string) =>
      createDraft(t, a, { caseId: c2, serviceId, fields: ['givenName'] });

    it('refuses to send without consent, naming the service type; nothing is disclosed', async () => {
      const d = await draftFor(shelter);
      const res = await act(t, a, d.id, 'send');
      expect(res.status).toBe(403);
      expect(errorOf(res)).toMatchObject({
        code: 'consent_required',
        message: 'Consent is required for referral to shelter.',
        details: { purpose: 'referral', serviceType: 'shelter', basis: 'none' },
      });
      const row = await storedReferral(t, d.id);
      expect(row).toMatchObject({ status: 'draft', snapshot: null, sent_at: null });
    });

    it('consent for another service type does not cover it; for that type it does', async () => {
      await grantReferralConsent(t, a, c2, 'medical');
      const s = await draftFor(shelter);
      expect(errorOf(await act(t, a, s.id, 'send'))).toMatchObject({
        code: 'consent_required',
        details: { serviceType: 'shelter' },
      });
      const m = await draftFor(medical);
      expect((await act(t, a, m.id, 'send')).status).toBe(200);
    });

    it('consent for all service types covers each', async () => {
      await grantReferralConsent(t, a, c2);
      const s = await draftFor(shelter);
      expect((await act(t, a, s.id, 'send')).status).toBe(200);
    });

    it('withdrawn consent withdraws the open referrals of that type, erasing their snapshots', async () => {
      const draftS = await draftFor(shelter);
      const sentS = await draftFor(shelter);
      await sendDraft(t, a, sentS.id);
      const accS = await draftFor(shelter);
      await sendDraft(t, a, accS.id);
      await act(t, provB, accS.id, 'accept');
      const doneS = await draftFor(shelter);
      await sendDraft(t, a, doneS.id);
      await act(t, provB, doneS.id, 'accept');
      await act(t, provB, doneS.id, 'complete', ACTION_BODY.complete);
      const sentM = await draftFor(medical);
      await sendDraft(t, a, sentM.id);

      const res = await withdrawReferralConsent(t, a, c2, 'shelter');
      expect(res.status, JSON.stringify(res.body)).toBe(201);

      for (const id of [draftS.id, sentS.id, accS.id]) {
        const row = await storedReferral(t, id);
        expect(row).toMatchObject({
          status: 'withdrawn',
          snapshot: null,
          snapshot_key: null,
          draft: null,
        });
      }
      expect((await storedReferral(t, doneS.id))?.status).toBe('completed');
      expect((await storedReferral(t, sentM.id))?.status).toBe('sent');

      // the provider keeps the referral's existence and history, never the person's data
      const v = (
        await t.request('GET', `/api/v1/referrals/inbox/${accS.id}`, { session: provB })
      ).json<InboxDetail>();
      expect(v).toMatchObject({ status: 'withdrawn', snapshot: null, message: null });
      expect(v.history.at(-1)).toMatchObject({
        action: 'withdraw',
        reason: 'consent_withdrawn',
        fromStatus: 'accepted',
        side: 'sender',
      });
      expect(JSON.stringify(v)).not.toContain('Amina');
      // a message can no longer be sealed
      const m = await t.request('POST', `/api/v1/referrals/${accS.id}/messages`, {
        session: provB,
        body: { text: 'Is she still coming?' },
      });
      expect(m.status).toBe(409);
      // the sender too sees no snapshot any more
      const s = (
        await t.request('GET', `/api/v1/referrals/${sentS.id}`, { session: a })
      ).json<ReferralDetail>();
      expect(s.snapshot).toBeNull();
      // the draft's withdrawal never reached the provider
      const notices = await t.database.superuser(
        `SELECT type FROM notify_events WHERE subject_id = $1`,
        [draftS.id],
      );
      expect(notices).toEqual([]);
    });

    it('withdrawing consent for all service types withdraws every open referral of the case', async () => {
      const res = await withdrawReferralConsent(t, a, c2);
      expect(res.status).toBe(201);
      const rows = await t.database.superuser(
        `SELECT status, count(*)::int AS n FROM referrals WHERE case_id = $1 GROUP BY status ORDER BY status`,
        [c2],
      );
      expect(rows.map((r) => r.status)).toEqual(['completed', 'withdrawn']);
    });

    it('keeps the withdrawal note with the sender, out of the provider’s reach', async () => {
      const d = await createDraft(t, a, { caseId, serviceId: shelter, fields: ['givenName'] });
      await sendDraft(t, a, d.id);
      const w = await act(t, a, d.id, 'withdraw', {
        reason: 'person_request',
        note: 'She moved to Milan.',
      });
      expect(w.status).toBe(200);
      expect(w.json<ReferralDetail>().history.at(-1)).toMatchObject({
        note: 'She moved to Milan.',
        noteWithheld: false,
      });
      const v = (
        await t.request('GET', `/api/v1/referrals/inbox/${d.id}`, { session: provB })
      ).json<InboxDetail>();
      expect(v.history.at(-1)).toMatchObject({
        reason: 'person_request',
        note: null,
        noteWithheld: true,
      });
    });
  });
});
