import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseList } from '../../src/shared/api/cases.schema.ts';
import { auditEntries, caseWith, errorOf, issuePaths } from '../support/api.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern, caseBody } from '../support/test-app.ts';

// Registering a person and opening a case, reading it back, and what the audit log keeps of it.
// The clock stands at 2026-06-01T09:00Z.
describe('cases API: create and read', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let a: TestSession;
  let b: TestSession;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    a = await t.signIn(orgA, 'caseworker');
    b = await t.signIn(orgB, 'supervisor');
  });
  afterAll(() => t.close());

  const post = (session: TestSession, body: unknown) =>
    t.request('POST', '/api/v1/cases', { session, body });

  describe('create', () => {
    it('answers 201 with the case, its reference and the person’s identity', async () => {
      const res = await post(a, caseWith({ phone: '+234 803 555 0101', aliases: ['Mina'] }));
      expect(res.status).toBe(201);
      const c = res.json<CaseDetail>();
      expect(c.reference).toMatch(/^LNT-2026-\d{6}$/);
      expect(c).toMatchObject({
        status: 'Active',
        traffickingStatus: 'PossibleVictimOfTrafficking',
        gender: 'Feminine',
        citizenship: 'NG',
        countryOfExploitation: 'IT',
        typeOfExploitation: ['SexualExploitation'],
        registrationDate: '2026-05-20',
        ageAtRegistration: 28,
        createdAt: '2026-06-01T09:00:00.000Z',
        createdBy: { id: a.userId },
      });
      expect(c.person).toMatchObject({
        givenName: 'Amina',
        familyName: 'Okafor',
        dateOfBirth: '1998-04-12',
        gender: 'Feminine',
        phone: '+234 803 555 0101',
        aliases: ['Mina'],
        email: null,
      });
      expect(c.person.id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('numbers cases per organisation: each organisation starts at LNT-2026-000001', async () => {
      const org = await t.createOrg('Numbering');
      const other = await t.createOrg('Numbering 2');
      const s = await t.signIn(org, 'caseworker');
      const s2 = await t.signIn(other, 'supervisor');
      const refs = [];
      for (let i = 0; i < 3; i++) refs.push((await t.createCase(s)).reference);
      const first2 = (await t.createCase(s2)).reference;
      refs.push((await t.createCase(s)).reference);
      expect(refs).toEqual([
        'LNT-2026-000001',
        'LNT-2026-000002',
        'LNT-2026-000003',
        'LNT-2026-000004',
      ]);
      expect(first2).toBe('LNT-2026-000001');
    });

    it('accepts plain spellings and maps them to HTCDS codes and ISO country codes', async () => {
      const res = await post(
        a,
        caseWith(
          { gender: 'female' },
          {
            typeOfExploitation: ['sexual_exploitation', 'forced labour'],
            citizenship: 'ng',
            countryOfExploitation: 'it',
          },
        ),
      );
      expect(res.status).toBe(201);
      const c = res.json<CaseDetail>();
      expect(c.gender).toBe('Feminine');
      expect(c.person.gender).toBe('Feminine');
      expect(c.typeOfExploitation).toEqual(['SexualExploitation', 'ForcedLabour']);
      expect(c.citizenship).toBe('NG');
      expect(c.countryOfExploitation).toBe('IT');
    });

    it.each([
      ['the day before the birthday', '2026-04-11', 27],
      ['on the birthday', '2026-04-12', 28],
      ['after the birthday', '2026-05-20', 28],
    ])('computes the age at registration from the date of birth (%s)', async (_, date, age) => {
      const res = await post(
        a,
        caseWith({ dateOfBirth: '1998-04-12' }, { registrationDate: date }),
      );
      expect(res.status).toBe(201);
      expect(res.json<CaseDetail>().ageAtRegistration).toBe(age);
    });

    it('registers a person without a date of birth but with a stated age', async () => {
      const res = await post(a, caseWith({ dateOfBirth: undefined, age: 30 }));
      expect(res.status).toBe(201);
      const c = res.json<CaseDetail>();
      expect(c.ageAtRegistration).toBe(30);
      expect(c.person.dateOfBirth).toBeNull();
    });

    it('accepts a stated age one year off the date of birth (ages are often approximate)', async () => {
      const res = await post(a, caseWith({ dateOfBirth: '1998-04-12', age: 27 }));
      expect(res.status).toBe(201);
      expect(res.json<CaseDetail>().ageAtRegistration).toBe(28);
    });

    it('registers today when no registration date is given', async () => {
      const res = await post(a, caseWith({}, { registrationDate: undefined }));
      expect(res.status).toBe(201);
      expect(res.json<CaseDetail>().registrationDate).toBe('2026-06-01');
    });

    it('refuses a date of birth after the registration date, naming person.dateOfBirth', async () => {
      const res = await post(
        a,
        caseWith({ dateOfBirth: '2026-05-21' }, { registrationDate: '2026-05-20' }),
      );
      expect(res.status).toBe(400);
      expect(errorOf(res).code).toBe('validation_failed');
      expect(issuePaths(res)).toEqual(['person.dateOfBirth']);
    });

    it('refuses a registration date in the future', async () => {
      const res = await post(a, caseWith({}, { registrationDate: '2026-06-02' }));
      expect(res.status).toBe(400);
      expect(issuePaths(res)).toEqual(['registrationDate']);
    });

    it('refuses an age that disagrees with the date of birth, naming person.age', async () => {
      const res = await post(a, caseWith({ dateOfBirth: '1998-04-12', age: 35 }));
      expect(res.status).toBe(400);
      expect(errorOf(res).code).toBe('validation_failed');
      expect(issuePaths(res)).toEqual(['person.age']);
    });
  });

  describe('read', () => {
    it('GET /cases/{id} returns the case as it was created', async () => {
      const created = (await post(a, caseBody())).json<CaseDetail>();
      const res = await t.request('GET', `/api/v1/cases/${created.id}`, { session: a });
      expect(res.status).toBe(200);
      expect(res.json<CaseDetail>()).toEqual(created);
    });

    it('another organisation’s case answers 404 exactly like a case that does not exist', async () => {
      const mine = await t.createCase(a);
      const asB = await t.request('GET', `/api/v1/cases/${mine.id}`, { session: b });
      const missing = await t.request('GET', `/api/v1/cases/${randomUUID()}`, { session: b });
      expect(asB.status).toBe(404);
      expect(errorOf(asB).code).toBe('not_found');
      expect(asB.body).toEqual(missing.body);
      expect(missing.status).toBe(404);
    });

    it('another organisation’s list never includes our cases', async () => {
      const mine = await t.createCase(a);
      await t.createCase(b);
      const list = (
        await t.request('GET', '/api/v1/cases?limit=100', { session: b })
      ).json<CaseList>();
      const [{ n }] = (await t.database.superuser(
        'SELECT count(*)::int AS n FROM cases WHERE org_id = $1',
        [orgB],
      )) as [{ n: number }];
      expect(list.total).toBe(n);
      expect(list.items.map((i) => i.id)).not.toContain(mine.id);
      const aIds = await t.database.superuser('SELECT id FROM cases WHERE org_id = $1', [orgA]);
      const bIds = new Set(list.items.map((i) => i.id));
      expect(aIds.filter((r) => bIds.has(r.id as string))).toEqual([]);
    });
  });

  describe('audit', () => {
    it('creating writes person.created and case.created naming fields, never values', async () => {
      const body = caseWith({
        givenName: 'Zainab',
        familyName: 'Quarshie',
        dateOfBirth: '1999-07-23',
      });
      const c = (await post(a, body)).json<CaseDetail>();
      const [person] = (await auditEntries(t, orgA, 'person.created')).filter(
        (e) => e.recordId === c.person.id,
      );
      const [kase] = (await auditEntries(t, orgA, 'case.created')).filter(
        (e) => e.recordId === c.id,
      );
      expect(person).toMatchObject({ actorId: a.userId, recordType: 'person' });
      expect(person!.fields).toEqual(
        expect.arrayContaining(['givenName', 'familyName', 'dateOfBirth', 'gender']),
      );
      expect(kase).toMatchObject({ actorId: a.userId, recordType: 'case' });
      expect(kase!.fields).toEqual(
        expect.arrayContaining(['citizenship', 'countryOfExploitation', 'typeOfExploitation']),
      );
      const everything = (await auditEntries(t, orgA)).map((e) => e.text).join('\n');
      for (const value of ['Zainab', 'Quarshie', '1999-07-23', 'zainab', 'ZAINAB']) {
        expect(everything).not.toContain(value);
      }
    });

    it('GET /cases/{id} writes case.read, naming the identity fields shown', async () => {
      const c = await t.createCase(a);
      const before = await auditEntries(t, orgA, 'case.read');
      await t.request('GET', `/api/v1/cases/${c.id}`, { session: a });
      const after = await auditEntries(t, orgA, 'case.read');
      expect(after).toHaveLength(before.length + 1);
      expect(after.at(-1)).toMatchObject({ actorId: a.userId, recordType: 'case', recordId: c.id });
      expect(after.at(-1)!.fields).toEqual(['givenName', 'familyName', 'dateOfBirth']);
    });

    it('a refused read (another organisation’s case) writes no case.read for it', async () => {
      const c = await t.createCase(a);
      await t.request('GET', `/api/v1/cases/${c.id}`, { session: b });
      const reads = [...(await auditEntries(t, orgA)), ...(await auditEntries(t, orgB))].filter(
        (e) => e.action === 'case.read' && e.recordId === c.id,
      );
      expect(reads).toEqual([]);
    });

    it('listing cases writes no audit entry', async () => {
      const before = await auditEntries(t, orgA);
      const res = await t.request('GET', '/api/v1/cases?status=Active&limit=5', { session: a });
      expect(res.status).toBe(200);
      expect(await auditEntries(t, orgA)).toHaveLength(before.length);
    });

    it('a refused creation writes nothing', async () => {
      const before = await auditEntries(t, orgA);
      const res = await post(a, caseWith({ dateOfBirth: '1998-04-12', age: 50 }));
      expect(res.status).toBe(400);
      expect(await auditEntries(t, orgA)).toHaveLength(before.length);
    });
  });
});
