import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  InboxDetail,
  InboxList,
  ReferralDetail,
  ReferralEvent,
  ReferralList,
} from '../../src/shared/api/referrals.schema.ts';
import { auditEntries, caseWith, errorOf } from '../support/api.ts';
import {
  act,
  createDraft,
  grantReferralConsent,
  insertProvider,
  insertService,
  sendDraft,
  storedReferral,
} from '../support/referrals.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// The referral from caseworker to provider and back: a draft, sending (snapshot of the chosen
// fields), the provider's inbox, answers, the two-way thread, views audited on both sides.
describe('referrals: the flow between sender and receiver', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let a: TestSession; // caseworker of the sending organisation
  let provB: TestSession; // provider user of the receiving organisation
  let provB2: TestSession;
  let shelter: string;
  let caseId: string;
  let caseRef: string;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Sender NGO');
    orgB = await t.createOrg('Harbour House Org');
    a = await t.signIn(orgA, 'caseworker');
    provB = await t.signIn(orgB, 'provider');
    provB2 = await t.signIn(orgB, 'provider');
    const p = await insertProvider(t, { orgId: orgB, providerOrgId: orgB });
    shelter = await insertService(t, { orgId: orgB, providerId: p, name: 'Harbour shelter' });
    const c = await t.createCase(
      a,
      caseWith({ phone: '+39 333 123 4567', address: 'Via Roma 1, Torino', documentNumber: 'X1' }),
    );
    caseId = c.id;
    caseRef = c.reference;
    await grantReferralConsent(t, a, caseId, 'shelter');
  });
  afterAll(() => t.close());

  const FIELDS = ['givenName', 'age', 'gender', 'phone', 'languages', 'safetyConcerns'];
  const STATED = {
    languages: ['en', 'YO'],
    safetyConcerns: 'The trafficker knows her old address.',
  };
  let id: string;

  it('creates a draft: numbered, nothing disclosed yet, invisible to the provider', async () => {
    const d = await createDraft(t, a, {
      caseId,
      serviceId: shelter,
      urgency: 'urgent',
      fields: FIELDS,
      stated: STATED,
      message: 'Please call her before 18:00.',
    });
    id = d.id;
    expect(d).toMatchObject({
      reference: 'R-2026-000001',
      status: 'draft',
      caseId,
      caseReference: caseRef,
      serviceType: 'shelter',
      serviceName: 'Harbour shelter',
      providerName: 'Harbour House',
      urgency: 'urgent',
      disclosedFields: FIELDS,
      snapshot: null,
      message: 'Please call her before 18:00.',
      stated: { languages: ['en', 'yo'], safetyConcerns: STATED.safetyConcerns },
      external: false,
      version: 1,
      actions: ['send', 'withdraw'],
    });
    expect(d.history.map((e) => e.action)).toEqual(['create']);
    // the draft is sealed: no plaintext in the row
    const row = await storedReferral(t, id);
    expect(row?.snapshot).toBeNull();
    expect(Buffer.from(row?.draft as Uint8Array).toString('latin1')).not.toContain('18:00');
    // the receiving organisation does not see drafts
    expect(
      (await t.request('GET', `/api/v1/referrals/inbox/${id}`, { session: provB })).status,
    ).toBe(404);
    const inbox = await t.request('GET', '/api/v1/referrals/inbox', { session: provB });
    expect(inbox.json<InboxList>().items).toEqual([]);
    expect((await act(t, provB, id, 'accept')).status).toBe(404);
  });

  it('edits a draft and refuses a stale version', async () => {
    const res = await t.request('PATCH', `/api/v1/referrals/${id}`, {
      session: a,
      body: { version: 1, urgency: 'emergency' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.json<ReferralDetail>()).toMatchObject({ urgency: 'emergency', version: 2 });
    const stale = await t.request('PATCH', `/api/v1/referrals/${id}`, {
      session: a,
      body: { version: 1, urgency: 'routine' },
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale)).toMatchObject({ code: 'conflict', details: { version: 2 } });
  });

  it('sends: snapshots exactly the chosen fields, sealed; due in response_days', async () => {
    const sent = await sendDraft(t, a, id);
    expect(sent).toMatchObject({
      status: 'sent',
      sentAt: '2026-06-01T09:00:00.000Z',
      answerDueAt: '2026-06-06T09:00:00.000Z',
      warnings: [],
      message: 'Please call her before 18:00.',
      stated: null,
      snapshot: {
        givenName: 'Amina',
        age: 28,
        gender: 'Feminine',
        phone: '+39 333 123 4567',
        languages: ['en', 'yo'],
        safetyConcerns: STATED.safetyConcerns,
      },
    });
    expect(Object.keys(sent.snapshot ?? {}).sort()).toEqual([...FIELDS].sort());
    const row = await storedReferral(t, id);
    expect(row?.draft).toBeNull();
    expect(row?.from_org_name).toBe('Sender NGO');
    const sealed = Buffer.from(row?.snapshot as Uint8Array).toString('latin1');
    expect(sealed).not.toContain('Amina');
    expect(sealed).not.toContain('333');
  });

  it('shows the provider the referral and its snapshot, never the case', async () => {
    const list = (
      await t.request('GET', '/api/v1/referrals/inbox', { session: provB })
    ).json<InboxList>();
    expect(list.items.map((r) => r.id)).toEqual([id]);
    const res = await t.request('GET', `/api/v1/referrals/inbox/${id}`, { session: provB });
    expect(res.status).toBe(200);
    const v = res.json<InboxDetail>();
    expect(v).toMatchObject({
      reference: 'R-2026-000001',
      fromOrgName: 'Sender NGO',
      status: 'sent',
      actions: ['accept', 'decline'],
      message: 'Please call her before 18:00.',
    });
    expect(Object.keys(v.snapshot ?? {}).sort()).toEqual([...FIELDS].sort());
    const text = JSON.stringify(v) + JSON.stringify(list);
    for (const secret of [
      caseId,
      caseRef,
      'Okafor',
      '1998-04-12',
      'Via Roma',
      'X1',
      '"NG"',
      'SexualExploitation',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(v).not.toHaveProperty('caseId');
    expect(v).not.toHaveProperty('caseReference');
    // the draft's history stays with the sender
    expect(v.history.map((e) => e.action)).toEqual(['send']);
  });

  it('lets one provider user accept; a second, concurrent accept is refused (409)', async () => {
    const [r1, r2] = await Promise.all([
      act(t, provB, id, 'accept', { version: 3 }),
      act(t, provB2, id, 'accept', { version: 3 }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const refused = r1.status === 409 ? r1 : r2;
    expect(errorOf(refused).code).toBe('conflict');
    const ok = (r1.status === 200 ? r1 : r2).json<InboxDetail>();
    expect(ok).toMatchObject({ status: 'accepted', version: 4, actions: ['start', 'complete'] });
    expect(ok).not.toHaveProperty('caseId');
  });

  it('carries a two-way thread, sealed, visible to both sides', async () => {
    const m1 = await t.request('POST', `/api/v1/referrals/${id}/messages`, {
      session: provB,
      body: { text: 'Bed ready from Monday.' },
    });
    expect(m1.status, JSON.stringify(m1.body)).toBe(201);
    expect(m1.json<ReferralEvent>()).toMatchObject({
      action: 'message',
      side: 'receiver',
      note: 'Bed ready from Monday.',
    });
    const m2 = await t.request('POST', `/api/v1/referrals/${id}/messages`, {
      session: a,
      body: { text: 'She will arrive with her daughter.' },
    });
    expect(m2.status).toBe(201);
    const [ev] = await t.database.superuser(
      `SELECT note FROM referral_events WHERE referral_id = $1 AND action = 'message' ORDER BY seq LIMIT 1`,
      [id],
    );
    expect(Buffer.from(ev?.note as Uint8Array).toString('latin1')).not.toContain('Monday');
    const sender = (
      await t.request('GET', `/api/v1/referrals/${id}`, { session: a })
    ).json<ReferralDetail>();
    const receiver = (
      await t.request('GET', `/api/v1/referrals/inbox/${id}`, { session: provB })
    ).json<InboxDetail>();
    for (const v of [sender, receiver]) {
      expect(v.history.filter((e) => e.action === 'message').map((e) => [e.side, e.note])).toEqual([
        ['receiver', 'Bed ready from Monday.'],
        ['sender', 'She will arrive with her daughter.'],
      ]);
    }
  });

  it('starts and completes with an outcome; the sender sees each answer', async () => {
    t.clock.advance(10 * 60_000);
    expect((await act(t, provB, id, 'start')).status).toBe(200);
    const done = await act(t, provB, id, 'complete', {
      outcome: 'service_provided',
      note: 'Stayed six weeks.',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const v = (
      await t.request('GET', `/api/v1/referrals/${id}`, { session: a })
    ).json<ReferralDetail>();
    expect(v).toMatchObject({
      status: 'completed',
      outcome: 'service_provided',
      answeredAt: '2026-06-01T09:00:00.000Z',
      startedAt: '2026-06-01T09:10:00.000Z',
      closedAt: '2026-06-01T09:10:00.000Z',
      actions: [],
    });
    expect(v.history.map((e) => [e.action, e.fromStatus, e.toStatus, e.side])).toEqual([
      ['create', null, 'draft', 'sender'],
      ['update', 'draft', 'draft', 'sender'],
      ['send', 'draft', 'sent', 'sender'],
      ['accept', 'sent', 'accepted', 'receiver'],
      ['message', 'accepted', 'accepted', 'receiver'],
      ['message', 'accepted', 'accepted', 'sender'],
      ['start', 'accepted', 'in_progress', 'receiver'],
      ['complete', 'in_progress', 'completed', 'receiver'],
    ]);
    expect(v.history.at(-1)?.note).toBe('Stayed six weeks.');
  });

  it('lists the sender’s referrals by case and status', async () => {
    const all = (
      await t.request('GET', `/api/v1/referrals?caseId=${caseId}`, { session: a })
    ).json<ReferralList>();
    expect(all.items.map((r) => [r.id, r.status, r.caseReference])).toEqual([
      [id, 'completed', caseRef],
    ]);
    const none = (
      await t.request('GET', '/api/v1/referrals?status=sent,accepted', { session: a })
    ).json<ReferralList>();
    expect(none.items).toEqual([]);
    // the receiving organisation has sent nothing
    const supB = await t.signIn(orgB, 'supervisor');
    expect(
      (await t.request('GET', '/api/v1/referrals', { session: supB })).json<ReferralList>().items,
    ).toEqual([]);
  });

  it('audits every write and every view, in the actor’s own chain, with field names only', async () => {
    const a1 = await auditEntries(t, orgA);
    const actionsA = a1.filter((e) => e.recordId === id).map((e) => e.action);
    expect(actionsA).toEqual(
      expect.arrayContaining([
        'referral.created',
        'referral.updated',
        'referral.sent',
        'referral.message',
        'referral.read',
      ]),
    );
    const b1 = await auditEntries(t, orgB);
    const actionsB = b1.filter((e) => e.recordId === id).map((e) => e.action);
    expect(actionsB).toEqual(
      expect.arrayContaining([
        'referral.read',
        'referral.accepted',
        'referral.started',
        'referral.completed',
        'referral.message',
      ]),
    );
    const reads = b1.filter((e) => e.action === 'referral.read' && e.recordId === id);
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(reads.every((e) => e.recordType === 'referral' && e.actorId === provB.userId)).toBe(
      true,
    );
    expect(reads[0]?.fields).toEqual(expect.arrayContaining(['givenName', 'phone', 'message']));
    for (const e of [...a1, ...b1]) {
      expect(e.text).not.toContain('Amina');
      expect(e.text).not.toContain('Monday');
    }
  });

  it('publishes each transition to both parties, with no personal data', async () => {
    const rows = await t.database.superuser(
      'SELECT type, recipients, subject_reference FROM notify_events WHERE subject_id = $1 ORDER BY seq',
      [id],
    );
    expect(rows.map((r) => r.type)).toEqual([
      'referral.sent',
      'referral.accepted',
      'referral.message',
      'referral.message',
      'referral.started',
      'referral.completed',
    ]);
    expect(rows[0]?.recipients).toEqual([
      { orgId: orgA, side: 'sender', userIds: [a.userId] },
      { orgId: orgB, side: 'receiver' },
    ]);
    // a message is news for the other side: the provider's for the referral's author, the
    // author's for the provider's users; the writer's own side only through its supervisors
    expect(rows[2]?.recipients).toEqual([
      { orgId: orgA, side: 'sender', userIds: [a.userId] },
      { orgId: orgB, side: 'receiver', userIds: [] },
    ]);
    expect(rows[3]?.recipients).toEqual([
      { orgId: orgA, side: 'sender', userIds: [] },
      { orgId: orgB, side: 'receiver' },
    ]);
    expect(JSON.stringify(rows)).not.toContain('Amina');
  });
  it('erases the provider’s copy of the person’s data when it declines, keeping the history', async () => {
    const d = await createDraft(t, a, { caseId, serviceId: shelter, fields: ['givenName', 'age'] });
    await sendDraft(t, a, d.id);
    const before = await t.request('GET', `/api/v1/referrals/inbox/${d.id}`, { session: provB });
    expect(Object.keys(before.json<InboxDetail>().snapshot ?? {}).sort()).toEqual([
      'age',
      'givenName',
    ]);
    const declined = await act(t, provB, d.id, 'decline', {
      reason: 'no_capacity',
      note: 'Full until next month.',
    });
    expect(declined.status).toBe(200);
    expect((await storedReferral(t, d.id))?.snapshot).toBeNull();
    const after = await t.request('GET', `/api/v1/referrals/inbox/${d.id}`, { session: provB });
    const view = after.json<InboxDetail>();
    expect(view).toMatchObject({ status: 'declined', snapshot: null, message: null });
    // the answer and its note stay readable to both sides
    expect(view.history.at(-1)).toMatchObject({
      action: 'decline',
      note: 'Full until next month.',
    });
    const sender = await t.request('GET', `/api/v1/referrals/${d.id}`, { session: a });
    expect(sender.json<ReferralDetail>().history.at(-1)).toMatchObject({
      action: 'decline',
      reason: 'no_capacity',
      note: 'Full until next month.',
    });
  });
});

describe('referrals: an external provider', () => {
  let t: TestLantern;
  let orgA: string;
  let a: TestSession;
  let legal: string;
  let caseId: string;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Sender NGO');
    a = await t.signIn(orgA, 'caseworker');
    const p = await insertProvider(t, { orgId: orgA, providerOrgId: null, name: 'Studio Legale' });
    legal = await insertService(t, {
      orgId: orgA,
      providerId: p,
      serviceType: 'legal_aid',
      capacityTotal: null,
      capacityAvailable: null,
    });
    caseId = (await t.createCase(a)).id;
    await grantReferralConsent(t, a, caseId);
  });
  afterAll(() => t.close());

  it('lets the sender record the provider’s answers with referral:write, and no one else', async () => {
    const d = await createDraft(t, a, {
      caseId,
      serviceId: legal,
      fields: ['givenName', 'typeOfExploitation'],
    });
    const sent = await sendDraft(t, a, d.id);
    expect(sent).toMatchObject({ external: true, actions: ['withdraw', 'accept', 'decline'] });
    // a provider-role user of the sending organisation holds referral:inbox, not referral:write
    const provA = await t.signIn(orgA, 'provider');
    const refused = await act(t, provA, d.id, 'accept');
    expect(refused.status).toBe(403);
    const analyst = await t.signIn(orgA, 'analyst');
    expect((await act(t, analyst, d.id, 'accept')).status).toBe(403);
    const ok = await act(t, a, d.id, 'accept', { version: sent.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const v = ok.json<ReferralDetail>();
    expect(v).toMatchObject({
      status: 'accepted',
      caseId,
      actions: ['withdraw', 'start', 'complete'],
    });
    expect(v.history.at(-1)).toMatchObject({ action: 'accept', side: 'receiver' });
    const done = await act(t, a, d.id, 'complete', { outcome: 'partially_provided' });
    expect(done.json<ReferralDetail>()).toMatchObject({
      status: 'completed',
      outcome: 'partially_provided',
    });
    // nobody else to tell: the events name the sender only
    const rows = await t.database.superuser(
      'SELECT recipients FROM notify_events WHERE subject_id = $1',
      [d.id],
    );
    for (const r of rows)
      expect(r.recipients).toEqual([{ orgId: orgA, side: 'sender', userIds: [a.userId] }]);
  });

  it('warns, without blocking, when the service reports no places', async () => {
    const p = await insertProvider(t, { orgId: orgA, providerOrgId: null, name: 'Full House' });
    const full = await insertService(t, {
      orgId: orgA,
      providerId: p,
      capacityTotal: 8,
      capacityAvailable: 0,
    });
    const d = await createDraft(t, a, { caseId, serviceId: full, fields: ['givenName'] });
    const sent = await sendDraft(t, a, d.id);
    expect(sent.status).toBe('sent');
    expect(sent.warnings).toEqual([
      {
        code: 'no_capacity',
        message:
          'The service reported no places available on 2026-06-01; the referral was sent all the same.',
      },
    ]);
  });
});
