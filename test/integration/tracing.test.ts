import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TracingCandidate,
  TracingRequestDetail,
  TracingRequestList,
} from '../../src/shared/api/tracing.schema.ts';
import { auditEntries, errorOf, issuePaths } from '../support/api.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';
import { createRequest, requestBody, search, tracingCase } from './tracing-support.ts';

// Tracing requests and the candidate search: across scripts, only consenting cases, only the
// organisation's own, nothing personal in lists, explanations or audit entries.
describe('tracing requests and candidate search', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let a: TestSession;
  let sup: TestSession;
  let b: TestSession;
  const cases: Record<string, { id: string; reference: string }> = {};

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    a = await t.signIn(orgA, 'caseworker');
    sup = await t.signIn(orgA, 'supervisor');
    b = await t.signIn(orgB, 'caseworker');
    const male = { gender: 'Masculine' };
    cases.arabic = await tracingCase(t, a, {
      ...male,
      givenName: 'محمد',
      familyName: 'عبد الرحمن',
      dateOfBirth: '1990-03-04',
    });
    cases.cyrillic = await tracingCase(t, a, {
      ...male,
      givenName: 'Олександр',
      familyName: 'Шевченко',
      dateOfBirth: '1985-07-19',
    });
    // The same name and birth date, but this person has not agreed to be traced.
    cases.noConsent = await tracingCase(
      t,
      a,
      { ...male, givenName: 'Mohamed', familyName: 'Abdel Rahman', dateOfBirth: '1990-03-04' },
      { tracing: false },
    );
    cases.other = await tracingCase(t, a, {
      gender: 'Feminine',
      givenName: 'Amina',
      familyName: 'Okafor',
      dateOfBirth: '1998-04-12',
    });
    // Another organisation's person with the very name sought: never seen from org A.
    cases.orgB = await tracingCase(t, b, {
      ...male,
      givenName: 'Mohammed',
      familyName: 'Abdulrahman',
      dateOfBirth: '1990-03-04',
    });
  });
  afterAll(() => t.close());

  const url = (id = '', tail = '') => `/api/v1/tracing-requests${id ? `/${id}` : ''}${tail}`;

  describe('recording a request', () => {
    it('seals everything personal, numbers the request, audits field names only', async () => {
      const r = await createRequest(t, a, {
        givenName: 'Mohammed',
        familyName: 'Abdulrahman',
        aliases: ['Muhammad Abd al-Rahman'],
        sex: 'M',
        dateOfBirth: '1990',
        separation: { date: '2015-08', place: { country: 'SY', locality: 'Aleppo' } },
      });
      expect(r).toMatchObject({
        reference: 'TR-2026-000001',
        status: 'open',
        soughtIsChild: false,
        enquirerKind: 'family',
        sought: { givenName: 'Mohammed', dateOfBirth: '1990' },
        enquirer: { name: 'Fatima Haddad' },
        availableActions: ['confirm', 'close'],
        history: [{ action: 'created', from: null, to: 'open', by: { id: a.userId } }],
      });
      const [row] = await t.database.superuser(
        'SELECT t::text AS text FROM tracing_requests t WHERE id = $1',
        [r.id],
      );
      for (const clear of ['Mohammed', 'Abdulrahman', 'Fatima', 'Aleppo', '234 567']) {
        expect(row!.text).not.toContain(clear);
      }
      const [entry] = await auditEntries(t, orgA, 'tracing.created');
      expect(entry).toMatchObject({ recordId: r.id, actorId: a.userId });
      expect(entry!.fields).toEqual(
        expect.arrayContaining(['sought.givenName', 'sought.dateOfBirth', 'enquirer.name']),
      );
      expect(entry!.text).not.toContain('Mohammed');
    });

    it('refuses bad input with 400 naming the field, and writes nothing', async () => {
      const before = (await t.request('GET', url(), { session: a })).json<TracingRequestList>()
        .total;
      const noName = await t.request('POST', url(), {
        session: a,
        body: requestBody({ sex: 'F' }),
      });
      expect(noName.status).toBe(400);
      expect(issuePaths(noName)).toContain('sought.givenName');
      const agency = await t.request('POST', url(), {
        session: a,
        body: {
          ...requestBody({ givenName: 'X' }),
          enquirer: { name: 'Case officer', kind: 'agency' },
        },
      });
      expect(issuePaths(agency)).toEqual(['enquirer.organisation']);
      const future = await t.request('POST', url(), {
        session: a,
        body: requestBody({ givenName: 'X', dateOfBirth: '2027', separation: { date: '2026-07' } }),
      });
      expect(future.status).toBe(400);
      expect(issuePaths(future)).toEqual(['sought.dateOfBirth', 'sought.separation.date']);
      const badDate = await t.request('POST', url(), {
        session: a,
        body: requestBody({ givenName: 'X', dateOfBirth: '1990-02-30' }),
      });
      expect(issuePaths(badDate)).toEqual(['sought.dateOfBirth']);
      expect((await t.request('GET', url(), { session: a })).json<TracingRequestList>().total).toBe(
        before,
      );
    });

    it('lists requests without any name; reads one with an audit entry', async () => {
      const list = await t.request('GET', url(), { session: a });
      expect(list.status).toBe(200);
      const body = list.json<TracingRequestList>();
      expect(body.items.length).toBeGreaterThan(0);
      expect(JSON.stringify(body)).not.toMatch(/Mohammed|Fatima|"sought"|"enquirer"/);
      const id = body.items[0]!.id;
      const one = await t.request('GET', url(id), { session: a });
      expect(one.status).toBe(200);
      const reads = await auditEntries(t, orgA, 'tracing.read');
      expect(reads.at(-1)).toMatchObject({ recordId: id, actorId: a.userId });
      expect(reads.at(-1)!.fields).toContain('enquirer.phone');
    });

    it('another organisation’s request is 404 like a missing one; analysts are refused', async () => {
      const r = await createRequest(t, a, { givenName: 'Someone' });
      expect((await t.request('GET', url(r.id), { session: b })).status).toBe(404);
      expect((await t.request('POST', url(r.id, '/search'), { session: b })).status).toBe(404);
      expect((await t.request('GET', url(r.id, '/candidates'), { session: b })).status).toBe(404);
      expect(
        (await t.request('GET', url(), { session: b }))
          .json<TracingRequestList>()
          .items.map((i) => i.id),
      ).not.toContain(r.id);
      const analyst = await t.signIn(orgA, 'analyst');
      expect((await t.request('GET', url(), { session: analyst })).status).toBe(403);
    });
  });

  describe('the candidate search', () => {
    let request: TracingRequestDetail;
    beforeAll(async () => {
      request = await createRequest(t, a, {
        givenName: 'Mohammed',
        familyName: 'Abdulrahman',
        sex: 'M',
        dateOfBirth: '1990',
      });
    });

    it('finds محمد عبد الرحمن from a request for Mohammed Abdulrahman, with an explanation', async () => {
      const found = await search(t, a, request.id);
      const refs = found.candidates.map((c) => c.caseReference);
      expect(refs[0]).toBe(cases.arabic!.reference);
      const top = found.candidates[0]!;
      expect(top).toMatchObject({ caseId: cases.arabic!.id, status: 'proposed', rank: 1 });
      // The strongest candidate by a clear margin (calibration is the model's business).
      for (const other of found.candidates.slice(1)) {
        expect(top.weight).toBeGreaterThan(other.weight + 3);
      }
      const fields = top.explanation.map((f) => f.field);
      // Every comparison of the match model (matcher.ts), each with its level and weight.
      expect([...fields].sort()).toEqual(['birth', 'familyName', 'givenName', 'place', 'sex']);
      for (const field of ['givenName', 'familyName']) {
        const name = top.explanation.find((f) => f.field === field)!;
        expect(name.level).not.toBe('different');
        expect(name.weight).toBeGreaterThan(0);
      }
      // The request gave the year of birth only; the case has the full date.
      expect(top.explanation.find((f) => f.field === 'birth')).toMatchObject({ level: 'year' });
      // The explanation holds field names, levels and weights: never a value.
      // (Ids left out: a random UUID may well contain "1990".)
      const ids = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
      expect(JSON.stringify(found).replace(ids, '<id>')).not.toMatch(
        /محمد|Mohammed|Abdulrahman|1990/,
      );
      expect(found.compared).toBeGreaterThan(0);
    });

    it('never proposes a case without family-tracing consent; only supervisors see a count', async () => {
      const asWorker = await search(t, a, request.id);
      expect(asWorker.candidates.map((c) => c.caseId)).not.toContain(cases.noConsent!.id);
      expect(asWorker.withheldForConsent).toBeNull();
      const asSupervisor = await search(t, sup, request.id);
      expect(asSupervisor.candidates.map((c) => c.caseId)).not.toContain(cases.noConsent!.id);
      expect(asSupervisor.withheldForConsent).toBe(1);
      const stored = await t.database.superuser(
        'SELECT case_id AS "caseId" FROM tracing_candidates WHERE request_id = $1',
        [request.id],
      );
      expect(stored.map((s) => s.caseId)).not.toContain(cases.noConsent!.id);
    });

    it('never proposes another organisation’s case', async () => {
      const found = await search(t, a, request.id);
      expect(found.candidates.map((c) => c.caseId)).not.toContain(cases.orgB!.id);
      // and org B's own search for its request finds its own person only
      const inB = await createRequest(t, b, { givenName: 'محمد', familyName: 'عبد الرحمن' });
      const fromB = await search(t, b, inB.id);
      expect(fromB.candidates.map((c) => c.caseId)).toEqual([cases.orgB!.id]);
    });

    it('finds Олександр Шевченко from Oleksandr Shevchenko, and back', async () => {
      const latin = await createRequest(t, a, {
        givenName: 'Oleksandr',
        familyName: 'Shevchenko',
        age: 40,
      });
      const found = await search(t, a, latin.id);
      expect(found.candidates[0]?.caseId).toBe(cases.cyrillic!.id);
      const latinCase = await tracingCase(t, a, {
        gender: 'Feminine',
        givenName: 'Natalia',
        familyName: 'Ivanova',
        dateOfBirth: '1979-11-02',
      });
      const cyrillic = await createRequest(t, a, { givenName: 'Наталья', familyName: 'Иванова' });
      const back = await search(t, a, cyrillic.id);
      expect(back.candidates[0]?.caseId).toBe(latinCase.id);
    });

    it('keeps decisions across searches and lists candidates with an audit entry', async () => {
      const first = await search(t, a, request.id);
      const other = first.candidates.find((c) => c.caseId !== cases.arabic!.id);
      const target = other ?? first.candidates[0]!;
      const rejected = await t.request('POST', url(request.id, `/candidates/${target.id}/reject`), {
        session: a,
        body: { reason: 'different_person', note: 'Mother says he has a scar.' },
      });
      expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
      expect(rejected.json<TracingCandidate>()).toMatchObject({
        status: 'rejected',
        decision: {
          reason: 'different_person',
          note: 'Mother says he has a scar.',
          by: { id: a.userId },
        },
      });
      await search(t, a, request.id);
      const list = await t.request('GET', url(request.id, '/candidates'), { session: a });
      const items = list.json<{ items: TracingCandidate[] }>().items;
      expect(items.find((c) => c.id === target.id)?.status).toBe('rejected');
      const again = await t.request('POST', url(request.id, `/candidates/${target.id}/reject`), {
        session: a,
        body: { reason: 'other' },
      });
      expect(again.status).toBe(409);
      expect(errorOf(again).details).toEqual({ from: 'rejected', to: 'rejected' });
      const reads = await auditEntries(t, orgA, 'tracing.candidates.read');
      expect(reads.at(-1)).toMatchObject({ recordId: request.id });
      const [note] = await t.database.superuser(
        'SELECT note FROM tracing_candidates WHERE id = $1',
        [target.id],
      );
      expect(Buffer.from(note!.note as Uint8Array).toString('utf8')).not.toContain('scar');
      const searched = await auditEntries(t, orgA, 'reunite.candidates.searched');
      expect(searched.length).toBeGreaterThan(0);
      expect(searched.every((e) => !e.text.includes('Mohammed'))).toBe(true);
    });

    it('drops a case from open candidates when its family-tracing consent is withdrawn', async () => {
      const r = await createRequest(t, a, {
        givenName: 'Mohammed',
        familyName: 'Abdulrahman',
        dateOfBirth: '1990-03-04',
      });
      const found = await search(t, a, r.id);
      const candidate = found.candidates.find((c) => c.caseId === cases.arabic!.id)!;
      expect(candidate).toBeDefined();
      const confirm = await t.request('POST', url(r.id, `/candidates/${candidate.id}/confirm`), {
        session: a,
        body: {},
      });
      expect(confirm.json<TracingRequestDetail>().status).toBe('matched');
      t.clock.advance(60_000);
      const w = await t.request('POST', `/api/v1/cases/${cases.arabic!.id}/consents/withdraw`, {
        session: a,
        body: { purpose: 'family_tracing' },
      });
      expect(w.status).toBe(201);
      const after = await t.request('GET', url(r.id), { session: a });
      const d = after.json<TracingRequestDetail>();
      expect(d.status).toBe('open');
      expect(d.history.at(-1)).toMatchObject({
        action: 'consent_withdrawn',
        from: 'matched',
        to: 'open',
        by: null,
      });
      const list = await t.request('GET', url(request.id, '/candidates'), { session: a });
      expect(list.json<{ items: TracingCandidate[] }>().items.map((c) => c.caseId)).not.toContain(
        cases.arabic!.id,
      );
      const again = await search(t, a, request.id);
      expect(again.candidates.map((c) => c.caseId)).not.toContain(cases.arabic!.id);
      expect(await auditEntries(t, orgA, 'tracing.candidate.withdrawn')).not.toHaveLength(0);
    });
  });
});
