import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgScope } from '../../src/server/db/database.ts';
import { AppError } from '../../src/server/http/app-error.ts';
import type { MayIQuestion } from '../../src/server/consent/may-i.ts';
import { mayI, requireConsent } from '../../src/server/consent/may-i.ts';
import type { ConsentOverview, ConsentRecord } from '../../src/shared/api/consent.schema.ts';
import { caseWith, errorOf, issuePaths } from '../support/api.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Recording and withdrawing consent by purpose, and what `mayI` answers as the history grows.
// The clock stands at 2026-06-01T09:00Z and moves one minute per record, so that each record
// has its own instant.
describe('consent by purpose', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let a: TestSession;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    a = await t.signIn(orgA, 'caseworker');
  });
  afterAll(() => t.close());

  const url = (caseId: string, tail = '') => `/api/v1/cases/${caseId}/consents${tail}`;
  async function grant(session: TestSession, caseId: string, body: Record<string, unknown>) {
    t.clock.advance(60_000);
    return t.request('POST', url(caseId), { session, body });
  }
  async function withdraw(session: TestSession, caseId: string, body: Record<string, unknown>) {
    t.clock.advance(60_000);
    return t.request('POST', url(caseId, '/withdraw'), { session, body });
  }
  const overview = async (session: TestSession, caseId: string) => {
    const res = await t.request('GET', url(caseId), { session });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.json<ConsentOverview>();
  };
  const ask = (orgId: string, q: MayIQuestion) =>
    t.db.transaction(orgScope(orgId, null), (tx) => mayI(tx, q));
  const now = () => t.clock.now();
  /** A case whose person has these fields replaced (registered on 2026-05-20). */
  const personCase = (person: Record<string, unknown>) => t.createCase(a, caseWith(person));
  const stateOf = (o: ConsentOverview, purpose: string, serviceType: string | null = null) =>
    o.current.find((s) => s.purpose === purpose && s.serviceType === serviceType);

  describe('an adult', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = (await t.createCase(a)).id;
    });

    it('starts with no consent for anything, and mayI says so', async () => {
      const o = await overview(a, caseId);
      expect(o.history).toEqual([]);
      expect(o.personIsChild).toBe(false);
      // each purpose once, referral once per service type
      expect(o.current).toHaveLength(14);
      expect(o.current.every((s) => !s.allowed && s.basis === 'none')).toBe(true);
      expect(
        await ask(orgA, { caseId, purpose: 'referral', serviceType: 'shelter', at: now() }),
      ).toEqual({
        allowed: false,
        basis: 'none',
        reason: 'no consent recorded for referral to shelter',
      });
    });

    it('records a grant: who, how, when; mayI then says yes and names the record', async () => {
      const res = await grant(a, caseId, { purpose: 'assistance', method: 'verbal' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const rec = res.json<ConsentRecord>();
      expect(rec).toMatchObject({
        caseId,
        purpose: 'assistance',
        serviceType: null,
        granted: true,
        method: 'verbal',
        guardian: null,
        childAssent: null,
        expiresOn: null,
        note: null,
        recordedBy: { id: a.userId },
        recordedAt: now().toISOString(),
      });
      expect(await ask(orgA, { caseId, purpose: 'assistance', at: now() })).toEqual({
        allowed: true,
        basis: 'granted',
        reason: 'consent for assistance given on 2026-06-01 (verbal)',
        consentId: rec.id,
      });
      expect(stateOf(await overview(a, caseId), 'assistance')).toMatchObject({
        allowed: true,
        consentId: rec.id,
      });
    });

    it('withdrawal at any time ends it; mayI explains, and requireConsent refuses', async () => {
      const res = await withdraw(a, caseId, { purpose: 'assistance', note: 'Changed her mind.' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const w = res.json<ConsentRecord>();
      expect(w).toMatchObject({ granted: false, method: null, note: 'Changed her mind.' });
      const q = { caseId, purpose: 'assistance', at: now() } as const;
      expect(await ask(orgA, q)).toEqual({
        allowed: false,
        basis: 'withdrawn',
        reason: 'consent for assistance was withdrawn on 2026-06-01',
        consentId: w.id,
      });
      const refused = await t.db
        .transaction(orgScope(orgA, null), (tx) => requireConsent(tx, q))
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({
        code: 'consent_required',
        status: 403,
        details: {
          purpose: 'assistance',
          serviceType: null,
          basis: 'withdrawn',
          reason: 'consent for assistance was withdrawn on 2026-06-01',
        },
      });
    });

    it('keeps the whole history, newest first, and still answers for the past', async () => {
      const again = (
        await grant(a, caseId, { purpose: 'assistance', method: 'written' })
      ).json<ConsentRecord>();
      const o = await overview(a, caseId);
      expect(o.history.map((r) => [r.purpose, r.granted, r.method])).toEqual([
        ['assistance', true, 'written'],
        ['assistance', false, null],
        ['assistance', true, 'verbal'],
      ]);
      expect(stateOf(o, 'assistance')).toMatchObject({ allowed: true, consentId: again.id });
      const [, withdrawal, first] = o.history;
      // One second before the withdrawal, the first grant held.
      const before = new Date(Date.parse(withdrawal!.recordedAt) - 1000);
      expect(await ask(orgA, { caseId, purpose: 'assistance', at: before })).toMatchObject({
        allowed: true,
        consentId: first!.id,
      });
    });

    it('referral: all service types, then one withdrawn; a withdrawal of all ends the rest', async () => {
      const all = await grant(a, caseId, {
        purpose: 'referral',
        method: 'written',
        note: 'Signed form 12.',
      });
      expect(all.status).toBe(201);
      const noShelter = await withdraw(a, caseId, { purpose: 'referral', serviceType: 'shelter' });
      expect(noShelter.status).toBe(201);
      let o = await overview(a, caseId);
      expect(stateOf(o, 'referral', 'shelter')).toMatchObject({
        allowed: false,
        basis: 'withdrawn',
      });
      expect(stateOf(o, 'referral', 'medical')).toMatchObject({
        allowed: true,
        reason:
          'consent for referral to medical given on 2026-06-01 (written) (it covered all service types)',
      });
      expect(
        await ask(orgA, { caseId, purpose: 'referral', serviceType: 'legal_aid', at: now() }),
      ).toMatchObject({ allowed: true });

      await withdraw(a, caseId, { purpose: 'referral', method: 'verbal' });
      o = await overview(a, caseId);
      expect(
        o.current.filter((s) => s.purpose === 'referral').every((s) => s.basis === 'withdrawn'),
      ).toBe(true);
      // and the other purposes are untouched
      expect(stateOf(o, 'assistance')?.allowed).toBe(true);
    });

    it('a withdrawal with nothing granted before is a refusal', async () => {
      const res = await withdraw(a, caseId, { purpose: 'family_tracing' });
      expect(res.status).toBe(201);
      expect(await ask(orgA, { caseId, purpose: 'family_tracing', at: now() })).toMatchObject({
        allowed: false,
        basis: 'refused',
        reason: 'consent for family tracing was refused on 2026-06-01',
      });
    });

    it('an expiry date ends consent after that day', async () => {
      const res = await grant(a, caseId, {
        purpose: 'statistics',
        method: 'written',
        expiresOn: '2026-06-30',
      });
      expect(res.status).toBe(201);
      const q = { caseId, purpose: 'statistics' } as const;
      expect(await ask(orgA, { ...q, at: new Date('2026-06-30T23:00:00Z') })).toMatchObject({
        allowed: true,
        reason:
          'consent for sharing de-identified data for statistics given on 2026-06-01 (written), valid until 2026-06-30',
      });
      expect(await ask(orgA, { ...q, at: new Date('2026-07-01T00:00:00Z') })).toMatchObject({
        allowed: false,
        basis: 'expired',
      });
      expect(stateOf(await overview(a, caseId), 'statistics')).toMatchObject({
        allowed: true,
        expiresOn: '2026-06-30',
      });
    });

    it('refuses what the rules refuse, naming the field', async () => {
      const cases: [Record<string, unknown>, string[]][] = [
        [{ purpose: 'statistics', serviceType: 'shelter', method: 'written' }, ['serviceType']],
        [{ purpose: 'assistance', method: 'guardian' }, ['guardian']],
        [{ purpose: 'assistance', method: 'written', childAssent: 'given' }, ['childAssent']],
        [{ purpose: 'assistance', method: 'written', expiresOn: '2026-05-31' }, ['expiresOn']],
        [{ purpose: 'marketing', method: 'written' }, ['purpose']],
        [{ purpose: 'referral', serviceType: 'massage', method: 'written' }, ['serviceType']],
        [{ purpose: 'assistance', method: 'telepathy' }, ['method']],
        [{ purpose: 'assistance' }, ['method']],
        [{ purpose: 'assistance', method: 'written', extra: 1 }, ['extra']],
      ];
      for (const [body, paths] of cases) {
        const res = await grant(a, caseId, body);
        expect([body, res.status]).toEqual([body, 400]);
        expect([body, errorOf(res).code]).toEqual([body, 'validation_failed']);
        expect([body, issuePaths(res)]).toEqual([body, paths]);
      }
      const w = await withdraw(a, caseId, { purpose: 'statistics', serviceType: 'shelter' });
      expect(w.status).toBe(400);
      expect(issuePaths(w)).toEqual(['serviceType']);
    });
  });

  describe('a child', () => {
    let caseId: string;
    beforeAll(async () => {
      // 16 at registration
      caseId = (await personCase({ dateOfBirth: '2010-01-15' })).id;
    });

    it('cannot consent without a guardian: 400 naming method, guardian and childAssent', async () => {
      const res = await grant(a, caseId, { purpose: 'assistance', method: 'verbal' });
      expect(res.status).toBe(400);
      expect(errorOf(res).code).toBe('validation_failed');
      expect(issuePaths(res)).toEqual(['method', 'guardian', 'childAssent']);
      const noGuardian = await grant(a, caseId, {
        purpose: 'assistance',
        method: 'guardian',
        childAssent: 'given',
      });
      expect(issuePaths(noGuardian)).toEqual(['guardian']);
      expect(errorOf(noGuardian).message).toBe('Invalid value for: guardian');
      expect((await overview(a, caseId)).history).toEqual([]);
    });

    it('a guardian consents with the child’s assent; the overview says the person is a child', async () => {
      const res = await grant(a, caseId, {
        purpose: 'family_tracing',
        method: 'guardian',
        guardian: { relationship: 'appointed_guardian', name: 'Chiamaka Eze' },
        childAssent: 'given',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.json<ConsentRecord>()).toMatchObject({
        method: 'guardian',
        guardian: { relationship: 'appointed_guardian', name: 'Chiamaka Eze' },
        childAssent: 'given',
      });
      const o = await overview(a, caseId);
      expect(o.personIsChild).toBe(true);
      expect(stateOf(o, 'family_tracing')?.allowed).toBe(true);
    });

    it('a guardian’s consent does not override the child’s refusal', async () => {
      const res = await grant(a, caseId, {
        purpose: 'statistics',
        method: 'guardian',
        guardian: { relationship: 'parent', name: 'Ngozi Okafor' },
        childAssent: 'refused',
      });
      expect(res.status).toBe(400);
      expect(issuePaths(res)).toEqual(['childAssent']);
    });

    it('the child may withdraw without the guardian', async () => {
      const res = await withdraw(a, caseId, { purpose: 'family_tracing', method: 'verbal' });
      expect(res.status).toBe(201);
      expect(await ask(orgA, { caseId, purpose: 'family_tracing', at: now() })).toMatchObject({
        allowed: false,
        basis: 'withdrawn',
      });
    });

    it('with no date of birth, the stated age at registration decides', async () => {
      const stated = await personCase({ dateOfBirth: undefined, age: 17 });
      const res = await grant(a, stated.id, { purpose: 'assistance', method: 'written' });
      expect(issuePaths(res)).toEqual(['method', 'guardian', 'childAssent']);
    });

    it('a person who has turned 18 since registration consents for themselves', async () => {
      // 17 when registered on 2026-05-20, 18 on 2026-05-25
      const grown = await personCase({ dateOfBirth: '2008-05-25' });
      const o = await overview(a, grown.id);
      expect(o.personIsChild).toBe(false);
      const res = await grant(a, grown.id, { purpose: 'assistance', method: 'verbal' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    });

    it('with no age at all, no child rule applies', async () => {
      const unknown = await personCase({ dateOfBirth: undefined });
      expect((await overview(a, unknown.id)).personIsChild).toBeNull();
      const res = await grant(a, unknown.id, { purpose: 'assistance', method: 'verbal' });
      expect(res.status).toBe(201);
    });
  });

  describe('another organisation', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = (await t.createCase(a)).id;
      await grant(a, caseId, { purpose: 'referral', method: 'written' });
    });

    it('its case is 404 on every consent endpoint, exactly like a missing one', async () => {
      const b = await t.signIn(orgB, 'supervisor');
      for (const id of [caseId, randomUUID()]) {
        const responses = [
          await t.request('GET', url(id), { session: b }),
          await grant(b, id, { purpose: 'assistance', method: 'verbal' }),
          await withdraw(b, id, { purpose: 'referral' }),
        ];
        for (const res of responses) {
          expect(res.status).toBe(404);
          expect(errorOf(res).code).toBe('not_found');
        }
      }
      // the foreign withdrawal changed nothing
      const o = await overview(a, caseId);
      expect(o.history).toHaveLength(1);
    });

    it('mayI from another organisation sees no consent (row-level security)', async () => {
      const q = { caseId, purpose: 'referral', serviceType: 'medical', at: now() } as const;
      expect((await ask(orgA, q)).allowed).toBe(true);
      expect(await ask(orgB, q)).toEqual({
        allowed: false,
        basis: 'none',
        reason: 'no consent recorded for referral to medical',
      });
    });
  });
});
