import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  InstanceCard,
  Partner,
  PackageImportResult,
} from '../../src/shared/api/instances.schema.ts';
import type { InboxDetail, ReferralDetail } from '../../src/shared/api/referrals.schema.ts';
import { SYSTEM } from '../../src/server/db/database.ts';
import { loadOrCreateIdentityTx } from '../../src/server/instances/identity.ts';
import type { InstanceSecrets, LanternPackage } from '../../src/server/instances/package.ts';
import { generateInstanceSecrets, sealPackage } from '../../src/server/instances/package.ts';
import { auditEntries, caseWith, errorOf } from '../support/api.ts';
import {
  act,
  createDraft,
  grantReferralConsent,
  insertProvider,
  insertService,
  sendDraft,
} from '../support/referrals.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Two country missions, each with its own Lantern (own database, own master key): a referral
// travels from A to B as a sealed package, B's answer travels back the same way.

interface Refusal {
  code: string;
  details: { path: string; reason: string }[];
}
const refusalOf = (res: { json<T>(): T }) => res.json<{ error: Refusal }>().error;

/** Rows that an import may write, counted outside row-level security. */
async function importTrace(t: TestLantern) {
  const [row] = await t.database.superuser(
    `SELECT (SELECT count(*)::int FROM referrals) AS referrals,
            (SELECT count(*)::int FROM referral_events) AS events,
            (SELECT count(*)::int FROM imported_packages) AS packages,
            (SELECT count(*)::int FROM audit_log) AS audit,
            (SELECT string_agg(id || ':' || status || ':' || version, ',' ORDER BY id) FROM referrals) AS states`,
  );
  return row;
}

const secretsOf = (t: TestLantern): Promise<InstanceSecrets> =>
  t.db.transaction(SYSTEM, (tx) => loadOrCreateIdentityTx(tx, t.keyring, t.clock.now()));

describe('sealed referral packages between two Lantern instances', () => {
  let A: TestLantern;
  let B: TestLantern;
  let orgA: string;
  let orgB: string;
  let orgB2: string;
  let adminA: TestSession;
  let adminB: TestSession;
  let adminB2: TestSession;
  let cwA: TestSession; // caseworker at mission A
  let supA: TestSession; // referral coordinator at A: imports replies
  let provB: TestSession; // provider user at B
  let supB2: TestSession; // another organisation on B's instance
  let cardA: InstanceCard;
  let cardB: InstanceCard;
  let partnerOfA: Partner; // B, as A's partner
  let partnerOfB: Partner; // A, as B's partner
  let serviceA: string; // A's directory entry for B's shelter
  let serviceB: string; // the shelter itself, at B
  let referralA: string;
  let referralB: string;
  let pkg: LanternPackage;

  beforeAll(async () => {
    A = await TestLantern.start();
    B = await TestLantern.start();
    orgA = await A.createOrg('Mission Italy');
    orgB = await B.createOrg('Mission Nigeria');
    orgB2 = await B.createOrg('Another NGO in Nigeria');
    adminA = await A.signIn(orgA, 'admin');
    adminB = await B.signIn(orgB, 'admin');
    adminB2 = await B.signIn(orgB2, 'admin');
    cwA = await A.signIn(orgA, 'caseworker');
    supA = await A.signIn(orgA, 'supervisor');
    provB = await B.signIn(orgB, 'provider');
    supB2 = await B.signIn(orgB2, 'supervisor');
    const provider = await insertProvider(B, {
      orgId: orgB,
      providerOrgId: orgB,
      name: 'Lagos Haven',
    });
    serviceB = await insertService(B, { orgId: orgB, providerId: provider, name: 'Lagos shelter' });
    const external = await insertProvider(A, {
      orgId: orgA,
      providerOrgId: null,
      name: 'Lagos Haven',
    });
    serviceA = await insertService(A, { orgId: orgA, providerId: external, name: 'Lagos shelter' });
  });
  afterAll(async () => {
    await A?.close();
    await B?.close();
  });

  it('shows each instance’s card, the same on every call, with a 12×5-digit fingerprint', async () => {
    const res = await A.request('GET', '/api/v1/instance/identity', { session: adminA });
    expect(res.status).toBe(200);
    cardA = res.json<InstanceCard>();
    expect(cardA).toMatchObject({ format: 'lantern-instance-card', version: 1, name: 'Lantern' });
    expect(cardA.fingerprint).toMatchObject(/^\d{5}( \d{5}){11}$/);
    const again = await A.request('GET', '/api/v1/instance/identity', { session: cwA });
    expect(again.json()).toEqual(cardA);
    cardB = (await B.request('GET', '/api/v1/instance/identity', { session: adminB })).json();
    expect(cardB.instanceId).not.toBe(cardA.instanceId);
    expect(cardB.fingerprint).not.toBe(cardA.fingerprint);
    // signed in only
    expect((await A.request('GET', '/api/v1/instance/identity')).status).toBe(401);
  });

  it('keeps the private keys sealed and out of the application role’s reach', async () => {
    const [row] = await A.database.superuser(
      'SELECT signing_private, encryption_private, wrapped_key FROM instance_identity',
    );
    const secrets = await secretsOf(A);
    const der = secrets.signingPrivate.export({ format: 'der', type: 'pkcs8' });
    expect(Buffer.from(row!.signing_private as Uint8Array).includes(der.subarray(-32))).toBe(false);
    // lantern_app has no grant on the table
    await expect(
      A.db.transaction({ kind: 'org', orgId: orgA, userId: null }, (tx) =>
        tx.query('SELECT * FROM instance_identity'),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('refuses a partner whose fingerprint, as read aloud, does not match its card', async () => {
    const digits = cardB.fingerprint.split(' ');
    digits[11] = digits[11] === '00000' ? '00001' : '00000';
    const res = await A.request('POST', '/api/v1/partners', {
      session: adminA,
      body: { card: cardB, fingerprint: digits.join(' ') },
    });
    expect(res.status).toBe(400);
    expect(errorOf(res).details?.map((d) => d.path)).toEqual(['fingerprint']);
    // a card whose keys were swapped (its own fingerprint field no longer matches)
    const swapped = { ...cardB, encryptionKey: cardA.encryptionKey };
    const res2 = await A.request('POST', '/api/v1/partners', {
      session: adminA,
      body: { card: swapped, fingerprint: cardB.fingerprint },
    });
    expect(res2.status).toBe(400);
    expect(errorOf(res2).details?.map((d) => d.path)).toEqual(['card.fingerprint']);
    // not 60 digits
    const res3 = await A.request('POST', '/api/v1/partners', {
      session: adminA,
      body: { card: cardB, fingerprint: '12345 67890' },
    });
    expect(errorOf(res3).details?.map((d) => d.path)).toEqual(['fingerprint']);
    // its own card
    const res4 = await A.request('POST', '/api/v1/partners', {
      session: adminA,
      body: { card: cardA, fingerprint: cardA.fingerprint },
    });
    expect(errorOf(res4).details?.map((d) => d.path)).toEqual(['card.instanceId']);
    const list = await A.request('GET', '/api/v1/partners', { session: adminA });
    expect(list.json<{ items: Partner[] }>().items).toEqual([]);
  });

  it('exchanges cards once, verified by the fingerprints read aloud (spacing aside)', async () => {
    const res = await A.request('POST', '/api/v1/partners', {
      session: adminA,
      body: { card: cardB, fingerprint: cardB.fingerprint.replace(/ /g, '-'), name: 'Nigeria' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    partnerOfA = res.json<Partner>();
    expect(partnerOfA).toMatchObject({
      name: 'Nigeria',
      instanceId: cardB.instanceId,
      signingKey: cardB.signingKey,
      fingerprint: cardB.fingerprint,
      verifiedBy: { id: adminA.userId },
      verifiedAt: '2026-06-01T09:00:00.000Z',
    });
    const resB = await B.request('POST', '/api/v1/partners', {
      session: adminB,
      body: { card: cardA, fingerprint: cardA.fingerprint },
    });
    expect(resB.status).toBe(201);
    partnerOfB = resB.json<Partner>();
    expect(partnerOfB.name).toBe('Lantern');
    // the same instance twice: a conflict
    const dup = await A.request('POST', '/api/v1/partners', {
      session: adminA,
      body: { card: cardB, fingerprint: cardB.fingerprint },
    });
    expect(dup.status).toBe(409);
    // audited, keys named, no values
    const [entry] = await auditEntries(A, orgA, 'partner.added');
    expect(entry).toMatchObject({ recordId: partnerOfA.id, actorId: adminA.userId });
    // another organisation does not see A's partners
    expect(
      (await B.request('GET', `/api/v1/partners/${partnerOfB.id}`, { session: adminB2 })).status,
    ).toBe(404);
  });

  it('lists A’s directory entry as B’s service, for A’s own partner only', async () => {
    const res = await A.request('PUT', `/api/v1/services/${serviceA}/partner`, {
      session: adminA,
      body: { partnerId: partnerOfA.id, remoteServiceId: serviceB },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.json()).toEqual({
      serviceId: serviceA,
      partnerId: partnerOfA.id,
      remoteServiceId: serviceB,
    });
    const wrong = await A.request('PUT', `/api/v1/services/${serviceA}/partner`, {
      session: adminA,
      body: { partnerId: randomUUID(), remoteServiceId: serviceB },
    });
    expect(errorOf(wrong).details?.map((d) => d.path)).toEqual(['partnerId']);
  });

  it('exports a sent referral as a package that carries nothing in clear', async () => {
    const c = await A.createCase(cwA, caseWith({ phone: '+39 333 765 4321' }));
    await grantReferralConsent(A, cwA, c.id, 'shelter');
    const draft = await createDraft(A, cwA, {
      caseId: c.id,
      serviceId: serviceA,
      urgency: 'urgent',
      fields: ['givenName', 'age', 'phone', 'safetyConcerns'],
      stated: { safetyConcerns: 'Avoid the central bus station.' },
      message: 'She arrives on Tuesday.',
    });
    referralA = draft.id;
    // not sent yet: no package
    const early = await A.request('GET', `/api/v1/referrals/${referralA}/package`, {
      session: cwA,
    });
    expect(early.status).toBe(409);
    await sendDraft(A, cwA, referralA);
    const res = await A.request('GET', `/api/v1/referrals/${referralA}/package`, { session: cwA });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="R-2026-000001\.referral\.lantern\.json"$/,
    );
    pkg = res.json<LanternPackage>();
    expect(pkg).toMatchObject({
      format: 'lantern-package',
      version: 1,
      kind: 'referral',
      sender: { instanceId: cardA.instanceId, signingKey: cardA.signingKey },
      recipient: { instanceId: cardB.instanceId },
    });
    const text = JSON.stringify(pkg);
    for (const clear of ['Amina', '765 4321', 'bus station', 'Tuesday', 'shelter', 'R-2026']) {
      expect(text).not.toContain(clear);
    }
    const audit = await auditEntries(A, orgA, 'referral.package.exported');
    expect(audit.map((e) => e.recordId)).toEqual([referralA]);
    // another organisation's user: like a missing referral
    const otherOrg = await A.createOrg();
    const stranger = await A.signIn(otherOrg, 'caseworker');
    expect(
      (await A.request('GET', `/api/v1/referrals/${referralA}/package`, { session: stranger }))
        .status,
    ).toBe(404);
  });

  it('leaves the answers to the partner: no one at A may record them by hand', async () => {
    const view = await A.request('GET', `/api/v1/referrals/${referralA}`, { session: cwA });
    expect(view.json<{ actions: string[] }>().actions).toEqual(['withdraw']);
    const accept = await A.request('POST', `/api/v1/referrals/${referralA}/accept`, {
      session: cwA,
      body: {},
    });
    expect(accept.status).toBe(409);
    expect(errorOf(accept).details).toMatchObject({
      action: 'accept',
      reason: 'answered_by_partner',
    });
  });

  it('refuses the package at an organisation of B that has no trust in A (unknown sender)', async () => {
    const before = await importTrace(B);
    const res = await B.request('POST', '/api/v1/referral-packages', { session: supB2, body: pkg });
    expect(res.status).toBe(400);
    expect(refusalOf(res).details[0]).toMatchObject({
      reason: 'unknown_sender',
      path: 'sender.instanceId',
    });
    expect(await importTrace(B)).toEqual(before);
  });

  it('refuses a tampered package and writes nothing', async () => {
    const before = await importTrace(B);
    // changes the first character, whatever it is (a no-op flip would import the package)
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    for (const [field, tampered] of [
      ['ciphertext', { ...pkg, ciphertext: flip(pkg.ciphertext) }],
      ['createdAt', { ...pkg, createdAt: '2026-06-01T09:00:00.001Z' }],
      ['ephemeralKey', { ...pkg, ephemeralKey: cardB.encryptionKey }],
    ] as const) {
      const res = await B.request('POST', '/api/v1/referral-packages', {
        session: provB,
        body: tampered,
      });
      expect(res.status, field).toBe(400);
      expect(refusalOf(res).details[0]!.reason, field).toBe('bad_signature');
    }
    expect(await importTrace(B)).toEqual(before);
  });

  it('imports the package at B: the referral appears in B’s inbox with its snapshot', async () => {
    const res = await B.request('POST', '/api/v1/referral-packages', { session: provB, body: pkg });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const result = res.json<PackageImportResult>();
    expect(result).toMatchObject({
      kind: 'referral',
      packageId: pkg.id,
      partnerId: partnerOfB.id,
      status: 'sent',
      applied: [],
    });
    referralB = result.referralId;
    const view = await B.request('GET', `/api/v1/referrals/inbox/${referralB}`, { session: provB });
    expect(view.status).toBe(200);
    expect(view.json<InboxDetail>()).toMatchObject({
      status: 'sent',
      urgency: 'urgent',
      serviceId: serviceB,
      serviceType: 'shelter',
      fromOrgName: 'Mission Italy',
      snapshot: {
        givenName: 'Amina',
        phone: '+39 333 765 4321',
        safetyConcerns: 'Avoid the central bus station.',
      },
      message: 'She arrives on Tuesday.',
    });
    const [row] = await B.database.superuser(
      'SELECT partner_id, remote_referral_id, case_id FROM referrals WHERE id = $1',
      [referralB],
    );
    expect(row).toMatchObject({
      partner_id: partnerOfB.id,
      remote_referral_id: referralA,
      case_id: null,
    });
    expect(
      (await auditEntries(B, orgB, 'referral.package.imported')).map((e) => e.recordId),
    ).toEqual([referralB]);
  });

  it('refuses the same package twice (replay), even from another organisation', async () => {
    const before = await importTrace(B);
    const res = await B.request('POST', '/api/v1/referral-packages', { session: provB, body: pkg });
    expect(res.status).toBe(409);
    expect(refusalOf(res).details[0]).toMatchObject({ reason: 'replayed', path: 'id' });
    // B2 now trusts A too, but the package was addressed to B's service and imported already
    await B.request('POST', '/api/v1/partners', {
      session: adminB2,
      body: { card: cardA, fingerprint: cardA.fingerprint },
    });
    const res2 = await B.request('POST', '/api/v1/referral-packages', {
      session: supB2,
      body: pkg,
    });
    expect(res2.status).toBe(409);
    expect(refusalOf(res2).details[0]!.reason).toBe('replayed');
    expect(await importTrace(B)).toEqual({ ...before, audit: (before!.audit as number) + 1 });
  });

  it('refuses a second package for the same referral (a fresh export is not a second referral)', async () => {
    const again = await A.request('GET', `/api/v1/referrals/${referralA}/package`, {
      session: cwA,
    });
    const second = again.json<LanternPackage>();
    expect(second.id).not.toBe(pkg.id);
    const res = await B.request('POST', '/api/v1/referral-packages', {
      session: provB,
      body: second,
    });
    expect(res.status).toBe(409);
    // and at an organisation whose services the package does not name
    const other = await B.request('POST', '/api/v1/referral-packages', {
      session: supB2,
      body: second,
    });
    expect(other.status).toBe(400);
    expect(errorOf(other).details?.map((d) => d.path)).toEqual(['serviceId']);
  });

  it('refuses a package addressed to another instance', async () => {
    const secretsA = await secretsOf(A);
    const elsewhere = generateInstanceSecrets(randomUUID());
    const forC = sealPackage({
      kind: 'referral',
      sender: secretsA,
      recipient: elsewhere.identity,
      plaintext: Buffer.from('{}'),
      now: A.clock.now(),
    });
    const res = await B.request('POST', '/api/v1/referral-packages', {
      session: provB,
      body: forC,
    });
    expect(res.status).toBe(400);
    expect(refusalOf(res).details[0]).toMatchObject({
      reason: 'wrong_recipient',
      path: 'recipient',
    });
  });

  it('refuses an unknown sender, and a sender posing as A with other keys', async () => {
    const secretsB = await secretsOf(B);
    const stranger = generateInstanceSecrets(randomUUID());
    const body = Buffer.from(JSON.stringify({ referral: {} }));
    const unknown = sealPackage({
      kind: 'referral',
      sender: stranger,
      recipient: secretsB.identity,
      plaintext: body,
      now: B.clock.now(),
    });
    const res = await B.request('POST', '/api/v1/referral-packages', {
      session: provB,
      body: unknown,
    });
    expect(refusalOf(res).details[0]!.reason).toBe('unknown_sender');
    const posing = sealPackage({
      kind: 'referral',
      sender: { ...stranger, identity: { ...stranger.identity, instanceId: cardA.instanceId } },
      recipient: secretsB.identity,
      plaintext: body,
      now: B.clock.now(),
    });
    const res2 = await B.request('POST', '/api/v1/referral-packages', {
      session: provB,
      body: posing,
    });
    expect(refusalOf(res2).details[0]).toMatchObject({
      reason: 'sender_key_mismatch',
      path: 'sender.signingKey',
    });
  });

  it('refuses what is not a package, or a later version, naming the field', async () => {
    const res = await B.request('POST', '/api/v1/referral-packages', {
      session: provB,
      body: { ...pkg, version: 2 },
    });
    expect(refusalOf(res).details[0]).toMatchObject({
      reason: 'unsupported_version',
      path: 'version',
    });
    const res2 = await B.request('POST', '/api/v1/referral-packages', {
      session: provB,
      body: { hello: 'world' },
    });
    expect(refusalOf(res2).details[0]).toMatchObject({ reason: 'unknown_format', path: 'format' });
  });

  it('B accepts; the reply package, imported at A, makes A’s referral accepted', async () => {
    // nothing to answer yet
    const early = await B.request('GET', `/api/v1/referrals/${referralB}/reply-package`, {
      session: provB,
    });
    expect(early.status).toBe(409);
    const accepted = await act(B, provB, referralB, 'accept', {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const res = await B.request('GET', `/api/v1/referrals/${referralB}/reply-package`, {
      session: provB,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const reply = res.json<LanternPackage>();
    expect(reply).toMatchObject({ kind: 'reply', recipient: { instanceId: cardA.instanceId } });
    // A's caseworker may not import (referral:package is the coordinator's)
    expect(
      (await A.request('POST', '/api/v1/referral-packages', { session: cwA, body: reply })).status,
    ).toBe(403);
    const imported = await A.request('POST', '/api/v1/referral-packages', {
      session: supA,
      body: reply,
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.json<PackageImportResult>()).toMatchObject({
      kind: 'reply',
      referralId: referralA,
      status: 'accepted',
      applied: ['accept'],
    });
    const view = await A.request('GET', `/api/v1/referrals/${referralA}`, { session: cwA });
    const detail = view.json<ReferralDetail>();
    expect(detail.status).toBe('accepted');
    expect(detail.history.at(-1)).toMatchObject({
      action: 'accept',
      side: 'receiver',
      actorName: 'Nigeria',
    });
    const [row] = await A.database.superuser(
      'SELECT remote_referral_id FROM referrals WHERE id = $1',
      [referralA],
    );
    expect(row!.remote_referral_id).toBe(referralB);
    // the same reply again: a replay
    const replay = await A.request('POST', '/api/v1/referral-packages', {
      session: supA,
      body: reply,
    });
    expect(replay.status).toBe(409);
  });

  it('applies only what is new in a later reply (accept already here; complete now)', async () => {
    const done = await act(B, provB, referralB, 'complete', {
      outcome: 'service_provided',
      note: 'Placed for three months.',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const reply = (
      await B.request('GET', `/api/v1/referrals/${referralB}/reply-package`, { session: provB })
    ).json<LanternPackage>();
    const res = await A.request('POST', '/api/v1/referral-packages', {
      session: supA,
      body: reply,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.json<PackageImportResult>()).toMatchObject({
      status: 'completed',
      applied: ['complete'],
    });
    const detail = (
      await A.request('GET', `/api/v1/referrals/${referralA}`, { session: cwA })
    ).json<ReferralDetail>();
    expect(detail).toMatchObject({ status: 'completed', outcome: 'service_provided' });
    expect(detail.history.at(-1)).toMatchObject({
      action: 'complete',
      note: 'Placed for three months.',
    });
  });

  it('rolls back a reply whose second answer is refused: nothing of the first stays', async () => {
    // A second referral, sent and exported; B imports it; then a reply signed by B whose second
    // answer lacks its outcome: the accept before it must not remain.
    const c = await A.createCase(cwA, caseWith({}));
    await grantReferralConsent(A, cwA, c.id, 'shelter');
    const d = await createDraft(A, cwA, {
      caseId: c.id,
      serviceId: serviceA,
      fields: ['givenName'],
    });
    await sendDraft(A, cwA, d.id);
    const p2 = (
      await A.request('GET', `/api/v1/referrals/${d.id}/package`, { session: cwA })
    ).json<LanternPackage>();
    const imp = await B.request('POST', '/api/v1/referral-packages', { session: provB, body: p2 });
    const idB = imp.json<PackageImportResult>().referralId;
    const bad = sealPackage({
      kind: 'reply',
      sender: await secretsOf(B),
      recipient: (await secretsOf(A)).identity,
      plaintext: Buffer.from(
        JSON.stringify({
          reply: {
            referralId: d.id,
            remoteReferralId: idB,
            transitions: [
              { action: 'accept', at: '2026-06-01T09:00:00.000Z' },
              { action: 'complete', at: '2026-06-01T09:00:00.000Z' },
            ],
          },
        }),
      ),
      now: B.clock.now(),
    });
    const before = await importTrace(A);
    const res = await A.request('POST', '/api/v1/referral-packages', { session: supA, body: bad });
    expect(res.status).toBe(400);
    expect(errorOf(res).details?.map((x) => x.path)).toEqual(['outcome']);
    expect(await importTrace(A)).toEqual(before);
    const after = (
      await A.request('GET', `/api/v1/referrals/${d.id}`, { session: cwA })
    ).json<ReferralDetail>();
    expect(after.status).toBe('sent');
  });

  it('refuses a package past its maximum age, or dated ahead of this instance’s clock', async () => {
    const secretsA = await secretsOf(A);
    const secretsB = await secretsOf(B);
    const at = (ms: number) =>
      sealPackage({
        kind: 'referral',
        sender: secretsA,
        recipient: secretsB.identity,
        plaintext: Buffer.from('{}'),
        now: new Date(B.clock.now().getTime() + ms),
      });
    const old = await B.request('POST', '/api/v1/referral-packages', {
      session: provB,
      body: at(-31 * 86_400_000),
    });
    expect(old.status).toBe(400);
    expect(refusalOf(old).details[0]).toMatchObject({ reason: 'expired', path: 'createdAt' });
    const ahead = await B.request('POST', '/api/v1/referral-packages', {
      session: provB,
      body: at(3_600_000),
    });
    expect(refusalOf(ahead).details[0]).toMatchObject({
      reason: 'dated_in_future',
      path: 'createdAt',
    });
  });

  it('refuses packages of a partner that was removed', async () => {
    const c = await A.createCase(cwA, caseWith({}));
    await grantReferralConsent(A, cwA, c.id, 'shelter');
    const d = await createDraft(A, cwA, {
      caseId: c.id,
      serviceId: serviceA,
      fields: ['givenName'],
    });
    await sendDraft(A, cwA, d.id);
    const p4 = (
      await A.request('GET', `/api/v1/referrals/${d.id}/package`, { session: cwA })
    ).json<LanternPackage>();
    const del = await B.request('DELETE', `/api/v1/partners/${partnerOfB.id}`, { session: adminB });
    expect(del.status).toBe(204);
    const res = await B.request('POST', '/api/v1/referral-packages', { session: provB, body: p4 });
    expect(refusalOf(res).details[0]!.reason).toBe('unknown_sender');
    expect(
      (await B.request('GET', `/api/v1/partners/${partnerOfB.id}`, { session: adminB })).status,
    ).toBe(404);
  });
});
