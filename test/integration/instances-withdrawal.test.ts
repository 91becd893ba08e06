import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  InstanceCard,
  Partner,
  PackageImportResult,
} from '../../src/shared/api/instances.schema.ts';
import type { InboxDetail, ReferralDetail } from '../../src/shared/api/referrals.schema.ts';
import { SYSTEM } from '../../src/server/db/database.ts';
import { loadOrCreateIdentityTx } from '../../src/server/instances/identity.ts';
import type { InstanceSecrets, LanternPackage } from '../../src/server/instances/package.ts';
import { openPackage, sealPackage } from '../../src/server/instances/package.ts';
import { auditEntries, caseWith, errorOf } from '../support/api.ts';
import {
  act,
  createDraft,
  grantReferralConsent,
  insertProvider,
  insertService,
  sendDraft,
  storedReferral,
  withdrawReferralConsent,
} from '../support/referrals.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Withdrawals reach the partner (a `withdrawal` package), answers are dated when the partner
// gave them, and reply packages are built without opening the snapshot (docs/instances.md).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Rows that an import may write, counted outside row-level security. */
async function importTrace(t: TestLantern) {
  const [row] = await t.database.superuser(
    `SELECT (SELECT count(*)::int FROM referrals) AS referrals,
            (SELECT count(*)::int FROM referral_events) AS events,
            (SELECT count(*)::int FROM imported_packages) AS packages,
            (SELECT string_agg(id || ':' || status || ':' || version, ',' ORDER BY id) FROM referrals) AS states`,
  );
  return row;
}

const secretsOf = (t: TestLantern): Promise<InstanceSecrets> =>
  t.db.transaction(SYSTEM, (tx) => loadOrCreateIdentityTx(tx, t.keyring, t.clock.now()));

const bodyOf = (opened: { plaintext: Buffer }) =>
  JSON.parse(opened.plaintext.toString('utf8')) as {
    withdrawal?: Record<string, unknown>;
    reply?: { transitions: unknown[] };
  };

const reasonOf = (res: { json<T>(): T }) =>
  res.json<{ error: { details: { reason?: string; path?: string }[] } }>().error.details[0];

describe('withdrawals and answer times between two Lantern instances', () => {
  let A: TestLantern;
  let B: TestLantern;
  let orgA: string;
  let orgB: string;
  let cwA: TestSession;
  let supA: TestSession;
  let provB: TestSession;
  let supB: TestSession;
  let partnerOfB: Partner; // A, as B's partner
  let serviceA: string; // A's listing of B's shelter
  let localServiceA: string; // a service of A's own instance (not between instances)

  /** A referral A sends to B's shelter; with `deliver`, its package imported at B. */
  async function referToB(deliver = true): Promise<{ idA: string; idB: string | null }> {
    const c = await A.createCase(cwA, caseWith({ phone: '+39 333 765 4321' }));
    await grantReferralConsent(A, cwA, c.id, 'shelter');
    const d = await createDraft(A, cwA, {
      caseId: c.id,
      serviceId: serviceA,
      fields: ['givenName', 'phone'],
      message: 'She arrives on Tuesday.',
    });
    await sendDraft(A, cwA, d.id);
    if (!deliver) return { idA: d.id, idB: null };
    const pkg = await A.request('GET', `/api/v1/referrals/${d.id}/package`, { session: cwA });
    const imp = await B.request('POST', '/api/v1/referral-packages', {
      session: provB,
      body: pkg.json(),
    });
    if (imp.status !== 201) throw new Error(`import failed: ${JSON.stringify(imp.body)}`);
    return { idA: d.id, idB: imp.json<PackageImportResult>().referralId };
  }

  const withdrawalPackage = (id: string, session = cwA) =>
    A.request('GET', `/api/v1/referrals/${id}/withdrawal-package`, { session });
  const importAtB = (body: unknown, session = provB) =>
    B.request('POST', '/api/v1/referral-packages', { session, body });
  const importAtA = (body: unknown) =>
    A.request('POST', '/api/v1/referral-packages', { session: supA, body });

  beforeAll(async () => {
    A = await TestLantern.start();
    B = await TestLantern.start();
    orgA = await A.createOrg('Mission Italy');
    orgB = await B.createOrg('Mission Nigeria');
    const adminA = await A.signIn(orgA, 'admin');
    const adminB = await B.signIn(orgB, 'admin');
    const cardA = (
      await A.request('GET', '/api/v1/instance/identity', { session: adminA })
    ).json<InstanceCard>();
    const cardB = (
      await B.request('GET', '/api/v1/instance/identity', { session: adminB })
    ).json<InstanceCard>();
    const pA = await A.request('POST', '/api/v1/partners', {
      session: adminA,
      body: { card: cardB, fingerprint: cardB.fingerprint, name: 'Nigeria' },
    });
    expect(pA.status).toBe(201);
    const pB = await B.request('POST', '/api/v1/partners', {
      session: adminB,
      body: { card: cardA, fingerprint: cardA.fingerprint, name: 'Italy' },
    });
    partnerOfB = pB.json<Partner>();
    const provider = await insertProvider(B, { orgId: orgB, providerOrgId: orgB, name: 'Haven' });
    const serviceB = await insertService(B, { orgId: orgB, providerId: provider, name: 'Shelter' });
    const external = await insertProvider(A, { orgId: orgA, providerOrgId: null, name: 'Haven' });
    serviceA = await insertService(A, { orgId: orgA, providerId: external, name: 'Shelter' });
    const link = await A.request('PUT', `/api/v1/services/${serviceA}/partner`, {
      session: adminA,
      body: { partnerId: pA.json<Partner>().id, remoteServiceId: serviceB },
    });
    expect(link.status).toBe(200);
    const local = await insertProvider(A, { orgId: orgA, providerOrgId: null, name: 'Roma' });
    localServiceA = await insertService(A, { orgId: orgA, providerId: local, name: 'Roma' });
  });
  /** Sessions end after 30 idle minutes: moving a clock means signing in again. */
  async function signInAll() {
    cwA = await A.signIn(orgA, 'caseworker');
    supA = await A.signIn(orgA, 'supervisor');
    provB = await B.signIn(orgB, 'provider');
    supB = await B.signIn(orgB, 'supervisor');
  }
  async function advance(t: TestLantern, ms: number) {
    t.clock.advance(ms);
    await signInAll();
  }

  // The two missions' clocks agree at the start of each test (each test moves them apart).
  beforeEach(async () => {
    const d = A.clock.now().getTime() - B.clock.now().getTime();
    if (d > 0) B.clock.advance(d);
    else A.clock.advance(-d);
    await signInAll();
  });
  afterAll(async () => {
    await A?.close();
    await B?.close();
  });

  it('A withdraws; B imports the withdrawal: withdrawn in B’s inbox, the person’s data erased', async () => {
    const { idA, idB } = await referToB();
    const sent = (
      await A.request('GET', `/api/v1/referrals/${idA}`, { session: cwA })
    ).json<ReferralDetail>();
    expect(sent.partnerPackage).toBe('referral');
    await advance(A, HOUR);
    const withdrawnAt = A.clock.now().toISOString();
    const w = await act(A, cwA, idA, 'withdraw', {
      reason: 'person_request',
      note: 'She changed her mind about Lagos.',
    });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    // the sender is told that the partner must import a package to learn of it
    expect(w.json<ReferralDetail>()).toMatchObject({
      status: 'withdrawn',
      partnerPackage: 'withdrawal',
    });

    const res = await withdrawalPackage(idA);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="R-2026-\d{6}\.withdrawal\.lantern\.json"$/,
    );
    const pkg = res.json<LanternPackage>();
    expect(pkg.kind).toBe('withdrawal');
    // what travels: the ids, the reason and the time; never the sender's note
    const opened = await openPackage(pkg, {
      me: await secretsOf(B),
      now: A.clock.now(),
      findSender: () => Promise.resolve(pkg.sender),
      alreadyImported: () => Promise.resolve(false),
    });
    expect(JSON.parse(opened.plaintext.toString('utf8'))).toEqual({
      withdrawal: {
        referralId: idA,
        remoteReferralId: null,
        reason: 'person_request',
        at: withdrawnAt,
      },
    });
    expect(
      (await auditEntries(A, orgA, 'referral.withdrawal_package.exported')).at(-1),
    ).toMatchObject({ recordId: idA, actorId: cwA.userId });

    // two days in a mailbox: B records the withdrawal at A's time, not at the import
    await advance(B, 2 * DAY);
    const imp = await importAtB(pkg);
    expect(imp.status, JSON.stringify(imp.body)).toBe(201);
    expect(imp.json<PackageImportResult>()).toMatchObject({
      kind: 'withdrawal',
      referralId: idB,
      status: 'withdrawn',
      applied: ['withdraw'],
    });
    const view = await B.request('GET', `/api/v1/referrals/inbox/${idB}`, { session: provB });
    expect(view.status).toBe(200);
    const inbox = view.json<InboxDetail>();
    expect(inbox).toMatchObject({
      status: 'withdrawn',
      snapshot: null,
      message: null,
      closedAt: withdrawnAt,
      actions: [],
    });
    expect(inbox.history.at(-1)).toMatchObject({
      action: 'withdraw',
      side: 'sender',
      actorName: 'Italy',
      reason: 'person_request',
      note: null,
      noteWithheld: false,
      at: withdrawnAt,
    });
    const list = await B.request('GET', '/api/v1/referrals/inbox?status=withdrawn', {
      session: provB,
    });
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(idB);
    const row = await storedReferral(B, idB!);
    expect(row).toMatchObject({ status: 'withdrawn', snapshot_key: null, snapshot: null });
    const [entry] = (await auditEntries(B, orgB, 'referral.package.imported')).slice(-1);
    expect(entry).toMatchObject({ recordId: idB, actorId: provB.userId });
    expect(entry!.fields).toEqual(
      expect.arrayContaining(['kind:withdrawal', `partner:${partnerOfB.id}`, 'answer:withdraw']),
    );
  });

  it('refuses the same withdrawal file twice; a fresh export applies nothing more', async () => {
    const { idA, idB } = await referToB();
    await act(A, cwA, idA, 'withdraw', { reason: 'need_met' });
    const pkg = (await withdrawalPackage(idA)).json<LanternPackage>();
    expect((await importAtB(pkg)).status).toBe(201);
    const before = await importTrace(B);
    const replay = await importAtB(pkg);
    expect(replay.status).toBe(409);
    expect(reasonOf(replay)).toMatchObject({ reason: 'replayed', path: 'id' });
    expect(await importTrace(B)).toEqual(before);
    // another export of the same withdrawal: a new file, nothing new to apply
    const again = (await withdrawalPackage(idA)).json<LanternPackage>();
    const res = await importAtB(again);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.json<PackageImportResult>()).toMatchObject({
      referralId: idB,
      status: 'withdrawn',
      applied: [],
    });
    expect(await importTrace(B)).toMatchObject({
      events: before!.events,
      packages: (before!.packages as number) + 1,
    });
  });

  it('carries a withdrawal caused by consent withdrawn, after B accepted (its id known from the reply)', async () => {
    const c = await A.createCase(cwA, caseWith({}));
    await grantReferralConsent(A, cwA, c.id, 'shelter');
    const d = await createDraft(A, cwA, {
      caseId: c.id,
      serviceId: serviceA,
      fields: ['givenName'],
    });
    await sendDraft(A, cwA, d.id);
    const p = (
      await A.request('GET', `/api/v1/referrals/${d.id}/package`, { session: cwA })
    ).json<LanternPackage>();
    const idB = (await importAtB(p)).json<PackageImportResult>().referralId;
    expect((await act(B, provB, idB, 'accept')).status).toBe(200);
    const reply = await B.request('GET', `/api/v1/referrals/${idB}/reply-package`, {
      session: provB,
    });
    expect((await importAtA(reply.json())).status).toBe(201);

    expect((await withdrawReferralConsent(A, cwA, c.id, 'shelter')).status).toBe(201);
    const detail = (
      await A.request('GET', `/api/v1/referrals/${d.id}`, { session: cwA })
    ).json<ReferralDetail>();
    expect(detail).toMatchObject({ status: 'withdrawn', partnerPackage: 'withdrawal' });
    const pkg = (await withdrawalPackage(d.id, supA)).json<LanternPackage>();
    const opened = await openPackage(pkg, {
      me: await secretsOf(B),
      now: B.clock.now(),
      findSender: () => Promise.resolve(pkg.sender),
      alreadyImported: () => Promise.resolve(false),
    });
    expect(bodyOf(opened).withdrawal).toMatchObject({
      referralId: d.id,
      remoteReferralId: idB,
      reason: 'consent_withdrawn',
    });
    const res = await importAtB(pkg);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const inbox = (
      await B.request('GET', `/api/v1/referrals/inbox/${idB}`, { session: provB })
    ).json<InboxDetail>();
    expect(inbox).toMatchObject({ status: 'withdrawn', snapshot: null });
    expect(inbox.history.map((e) => e.action)).toEqual(['send', 'accept', 'withdraw']);
    expect(inbox.history.at(-1)?.reason).toBe('consent_withdrawn');
    expect(await storedReferral(B, idB)).toMatchObject({ snapshot_key: null, snapshot: null });
  });

  it('refuses a withdrawal for a referral B never received (404, naming it) and writes nothing', async () => {
    const { idA } = await referToB(false);
    await act(A, cwA, idA, 'withdraw', { reason: 'sent_in_error' });
    const pkg = (await withdrawalPackage(idA)).json<LanternPackage>();
    const before = await importTrace(B);
    const res = await importAtB(pkg);
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('not_found');
    expect(reasonOf(res)).toMatchObject({
      reason: 'unknown_referral',
      path: 'content.withdrawal.referralId',
    });
    expect(await importTrace(B)).toEqual(before);
  });

  it('refuses a withdrawal that the referral’s state at B no longer allows (declined there)', async () => {
    const { idA, idB } = await referToB();
    expect((await act(B, provB, idB!, 'decline', { reason: 'no_capacity' })).status).toBe(200);
    // A has not imported the reply yet and withdraws
    await act(A, cwA, idA, 'withdraw', { reason: 'need_met' });
    const before = await importTrace(B);
    const res = await importAtB((await withdrawalPackage(idA)).json());
    expect(res.status).toBe(409);
    expect(errorOf(res).details).toMatchObject({ from: 'declined', to: 'withdrawn' });
    expect(await importTrace(B)).toEqual(before);
  });

  it('exports a withdrawal package only for a withdrawn referral sent to a partner, to its sender', async () => {
    const { idA, idB } = await referToB();
    const open = await withdrawalPackage(idA);
    expect(open.status).toBe(409);
    expect(errorOf(open).details).toMatchObject({
      from: 'sent',
      to: 'withdrawn',
      reason: 'not_withdrawn',
    });
    // a draft withdrawn was never sent: the partner never heard of it
    const c = await A.createCase(cwA, caseWith({}));
    const d = await createDraft(A, cwA, {
      caseId: c.id,
      serviceId: serviceA,
      fields: ['givenName'],
    });
    await act(A, cwA, d.id, 'withdraw', { reason: 'sent_in_error' });
    const draftView = (
      await A.request('GET', `/api/v1/referrals/${d.id}`, { session: cwA })
    ).json<ReferralDetail>();
    expect(draftView.partnerPackage).toBeUndefined();
    const never = await withdrawalPackage(d.id);
    expect(never.status).toBe(409);
    expect(errorOf(never).details).toMatchObject({ reason: 'not_between_instances' });
    // a referral to a service of this instance's directory, not a partner's
    await grantReferralConsent(A, cwA, c.id, 'shelter');
    const local = await createDraft(A, cwA, {
      caseId: c.id,
      serviceId: localServiceA,
      fields: ['givenName'],
    });
    await sendDraft(A, cwA, local.id);
    await act(A, cwA, local.id, 'withdraw', { reason: 'need_met' });
    const localView = (
      await A.request('GET', `/api/v1/referrals/${local.id}`, { session: cwA })
    ).json<ReferralDetail>();
    expect(localView.partnerPackage).toBeUndefined();
    expect(errorOf(await withdrawalPackage(local.id)).details).toMatchObject({
      reason: 'not_between_instances',
    });

    await act(A, cwA, idA, 'withdraw', { reason: 'need_met' });
    expect((await withdrawalPackage(idA, supA)).status).toBe(200);
    for (const role of ['admin', 'analyst', 'provider'] as const) {
      const s = await A.signIn(orgA, role);
      expect((await withdrawalPackage(idA, s)).status, role).toBe(403);
    }
    const otherOrg = await A.createOrg();
    expect((await withdrawalPackage(idA, await A.signIn(otherOrg, 'caseworker'))).status).toBe(404);
    // the receiver, even with referral:write, is not the sender of what it received
    const atB = await B.request('GET', `/api/v1/referrals/${idB}/withdrawal-package`, {
      session: supB,
    });
    expect(atB.status).toBe(404);
  });

  it('dates an imported answer when B gave it, within bounds, and accepts an answer given before expiry', async () => {
    // B answers an hour after A sent; the reply file reaches A six days later, past the due
    // time (five days): the answer was in time, and time to acceptance is one hour.
    const { idA, idB } = await referToB();
    const sentAt = A.clock.now().getTime();
    await advance(B, HOUR);
    const answeredAt = B.clock.now().toISOString();
    expect((await act(B, provB, idB!, 'accept')).status).toBe(200);
    const reply = (
      await B.request('GET', `/api/v1/referrals/${idB}/reply-package`, { session: provB })
    ).json<LanternPackage>();
    A.clock.advance(6 * DAY);
    await advance(B, 6 * DAY - HOUR); // the two missions' clocks agree again
    const res = await importAtA(reply);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.json<PackageImportResult>()).toMatchObject({ status: 'accepted' });
    const detail = (
      await A.request('GET', `/api/v1/referrals/${idA}`, { session: cwA })
    ).json<ReferralDetail>();
    expect(detail).toMatchObject({ status: 'accepted', answeredAt });
    expect(detail.history.at(-1)).toMatchObject({ action: 'accept', at: answeredAt });
    expect(new Date(answeredAt).getTime() - sentAt).toBe(HOUR);

    // A forged-looking time is bounded: before the start → the start; ahead of A's clock → now
    const secretsB = await secretsOf(B);
    const secretsA = await secretsOf(A);
    const reply2 = (transitions: unknown[]) =>
      sealPackage({
        kind: 'reply',
        sender: secretsB,
        recipient: secretsA.identity,
        plaintext: Buffer.from(
          JSON.stringify({ reply: { referralId: idA, remoteReferralId: idB, transitions } }),
        ),
        now: B.clock.now(),
      });
    const early = await importAtA(
      reply2([
        { action: 'accept', at: answeredAt },
        { action: 'start', at: '2020-01-01T00:00:00.000Z' },
      ]),
    );
    expect(early.status, JSON.stringify(early.body)).toBe(201);
    const startedAt = (
      await A.request('GET', `/api/v1/referrals/${idA}`, { session: cwA })
    ).json<ReferralDetail>().startedAt;
    expect(startedAt).toBe(answeredAt);
    const ahead = new Date(A.clock.now().getTime() + 10 * 60_000).toISOString();
    const late = await importAtA(
      reply2([
        { action: 'accept', at: answeredAt },
        { action: 'start', at: answeredAt },
        { action: 'complete', at: ahead, outcome: 'service_provided' },
      ]),
    );
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    const done = (
      await A.request('GET', `/api/v1/referrals/${idA}`, { session: cwA })
    ).json<ReferralDetail>();
    expect(done).toMatchObject({ status: 'completed', closedAt: A.clock.now().toISOString() });
  });

  it('builds a reply package without reading the snapshot: audited as an export, not a read', async () => {
    const { idB } = await referToB();
    const unanswered = await B.request('GET', `/api/v1/referrals/inbox/${idB}`, {
      session: provB,
    });
    expect(unanswered.json<InboxDetail>().partnerPackage).toBeUndefined();
    const declined = await act(B, provB, idB!, 'decline', {
      reason: 'no_capacity',
      note: 'Full until Monday.',
    });
    expect(declined.status).toBe(200);
    // the provider is told that its answer travels back only as a package
    expect(declined.json<InboxDetail>().partnerPackage).toBe('reply');
    const reads = (await auditEntries(B, orgB, 'referral.read')).length;
    const res = await B.request('GET', `/api/v1/referrals/${idB}/reply-package`, {
      session: provB,
    });
    expect(res.status).toBe(200);
    expect((await auditEntries(B, orgB, 'referral.read')).length).toBe(reads);
    const [exported] = (await auditEntries(B, orgB, 'referral.exported')).slice(-1);
    expect(exported).toMatchObject({ recordId: idB, actorId: provB.userId });
    expect(exported!.fields).toEqual(['history', 'note:decline']);
    expect(exported!.text).not.toContain('Monday');
    // the note travels with the answer
    const pkg = res.json<LanternPackage>();
    const opened = await openPackage(pkg, {
      me: await secretsOf(A),
      now: A.clock.now(),
      findSender: () => Promise.resolve(pkg.sender),
      alreadyImported: () => Promise.resolve(false),
    });
    expect(bodyOf(opened).reply?.transitions).toEqual([
      {
        action: 'decline',
        at: B.clock.now().toISOString(),
        reason: 'no_capacity',
        note: 'Full until Monday.',
      },
    ]);
  });
});
