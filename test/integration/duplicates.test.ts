import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DuplicateCheckResult,
  DuplicateList,
  DuplicatePair,
  DuplicatePairDetail,
  DuplicateScanResult,
} from '../../src/shared/api/duplicates.schema.ts';
import { auditEntries, caseWith, errorOf, issuePaths, rowCounts } from '../support/api.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Duplicates: the check before registration, and the organisation's batch review.
describe('duplicate detection', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let cw: TestSession;
  let sup: TestSession;
  let cwB: TestSession;
  let amina: { id: string; reference: string };
  let mohammed: { id: string; reference: string };
  let joy: { id: string; reference: string };

  const check = (person: Record<string, unknown>, session = cw, extra = {}) =>
    t.request('POST', '/api/v1/cases/duplicates/check', {
      session,
      body: { person: { gender: 'Feminine', ...person }, citizenship: 'NG', ...extra },
    });
  const found = async (person: Record<string, unknown>, session = cw) => {
    const res = await check(person, session);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.json<DuplicateCheckResult>().items;
  };

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    cw = await t.signIn(orgA, 'caseworker');
    sup = await t.signIn(orgA, 'supervisor');
    cwB = await t.signIn(orgB, 'caseworker');
    amina = await t.createCase(
      cw,
      caseWith({ givenName: 'Amina', familyName: 'Okafor', phone: '+234 801 234 5678' }),
    );
    mohammed = await t.createCase(
      cw,
      caseWith(
        { givenName: 'محمد', familyName: 'الحسن', dateOfBirth: '1990-02-03', gender: 'Masculine' },
        { citizenship: 'SD' },
      ),
    );
    joy = await t.createCase(
      cw,
      caseWith({
        givenName: 'Joy',
        familyName: 'Eze',
        dateOfBirth: '2001-07-09',
        documentNumber: 'A1234567',
      }),
    );
    await t.createCase(
      cw,
      caseWith({ givenName: 'Grace', familyName: 'Mensah', dateOfBirth: '1985-01-30' }),
    );
  });
  afterAll(() => t.close());

  describe('the check at registration', () => {
    it('finds a duplicate typed with another spelling, and explains it by field', async () => {
      const items = await found({
        givenName: 'Aminah',
        familyName: 'Okafor',
        dateOfBirth: '1998-04-12',
      });
      expect(items.map((i) => i.reference)).toEqual([amina.reference]);
      const hit = items[0]!;
      expect(hit).toMatchObject({ caseId: amina.id, displayName: 'Amina Okafor', stage: 'intake' });
      expect(hit.probability).toBeGreaterThan(0.9);
      const levels = Object.fromEntries(hit.fields.map((f) => [f.field, f.level]));
      // The match model's comparisons (src/server/reunite/matcher.ts): a spelling variant of the
      // given name, the same family name, date of birth, sex and citizenship.
      expect(levels).toMatchObject({ familyName: 'exact', birth: 'exact', sex: 'exact' });
      expect(['transliterated', 'phonetic', 'fuzzy_high']).toContain(levels.givenName);
      expect(Object.keys(levels).sort()).toEqual([
        'birth',
        'familyName',
        'givenName',
        'place',
        'sex',
      ]);
      expect(hit.fields.find((f) => f.field === 'birth')!.weight).toBeGreaterThan(0);
    });

    it('finds a duplicate with given and family names swapped', async () => {
      const items = await found({
        givenName: 'Okafor',
        familyName: 'Amina',
        dateOfBirth: '1998-04-12',
      });
      expect(items[0]?.caseId).toBe(amina.id);
      const level = (field: string) => items[0]!.fields.find((f) => f.field === field)!.level;
      expect([level('givenName'), level('familyName')]).toEqual(['swapped', 'swapped']);
    });

    it('finds a duplicate written in another script', async () => {
      const items = await found({
        givenName: 'Mohammed',
        familyName: 'Alhassan',
        dateOfBirth: '1990-02-03',
        gender: 'Masculine',
      });
      expect(items.map((i) => i.caseId)).toContain(mohammed.id);
      const hit = items.find((i) => i.caseId === mohammed.id)!;
      expect(hit.displayName).toBe('محمد الحسن');
      for (const field of ['givenName', 'familyName'])
        expect(hit.fields.find((f) => f.field === field)!.level).not.toBe('different');
    });

    it('does not find an unrelated person', async () => {
      expect(
        await found({ givenName: 'Chidinma', familyName: 'Obi', dateOfBirth: '1975-11-02' }),
      ).toEqual([]);
    });

    it('takes an exact document number as strong evidence, whatever the names say', async () => {
      const items = await found({
        givenName: 'Blessing',
        familyName: 'Nwosu',
        documentNumber: 'a1234567 ',
      });
      expect(items.map((i) => i.caseId)).toEqual([joy.id]);
      expect(items[0]!.exactIdentifiers).toEqual(['documentNumber']);
      expect(items[0]!.fields[0]).toMatchObject({ field: 'documentNumber', level: 'exact' });
    });

    it('counts a telephone number that agrees, in another format', async () => {
      // A woman who shares only the given name (another family name, born five years later)
      // stays below the threshold; the same number, written nationally rather than
      // internationally, brings her above it, for the caseworker to look at.
      const other = { givenName: 'Amina', familyName: 'Bello', dateOfBirth: '2003-09-30' };
      const without = await found(other);
      expect(without.map((i) => i.caseId)).not.toContain(amina.id);
      const withPhone = await found({ ...other, phone: '0801 234 5678' });
      const hit = withPhone.find((i) => i.caseId === amina.id)!;
      expect(hit.exactIdentifiers).toEqual(['phone']);
      expect(hit.fields.map((f) => f.field)).toContain('phone');
    });

    it('creates nothing, and audits the search and each candidate shown', async () => {
      const before = await rowCounts(t);
      const items = await found({
        givenName: 'Amina',
        familyName: 'Okafor',
        dateOfBirth: '1998-04-12',
      });
      const after = await rowCounts(t);
      expect({ cases: after.cases, persons: after.persons, caseSeq: after.caseSeq }).toEqual({
        cases: before.cases,
        persons: before.persons,
        caseSeq: before.caseSeq,
      });
      const entries = (await auditEntries(t, orgA)).slice(before.audit - after.audit);
      expect(entries.length).toBeGreaterThan(2);
      expect(entries.map((e) => e.action)).toEqual([
        'reunite.candidates.searched',
        'duplicate.checked',
        ...items.map(() => 'duplicate.candidate.read'),
      ]);
      expect(entries.at(-1)).toMatchObject({ recordType: 'case', recordId: items.at(-1)!.caseId });
      expect(entries.find((e) => e.action === 'duplicate.checked')!.fields).toEqual([
        'givenName',
        'familyName',
        'dateOfBirth',
        'gender',
      ]);
      for (const e of entries) expect(e.text).not.toMatch(/Amina|Okafor/);
    });

    it('never crosses organisations', async () => {
      expect(
        await found({ givenName: 'Amina', familyName: 'Okafor', dateOfBirth: '1998-04-12' }, cwB),
      ).toEqual([]);
      const own = await t.createCase(cwB, caseWith({ givenName: 'Amina', familyName: 'Okafor' }));
      const items = await found(
        { givenName: 'Amina', familyName: 'Okafor', dateOfBirth: '1998-04-12' },
        cwB,
      );
      expect(items.map((i) => i.caseId)).toEqual([own.id]);
    });

    it('refuses bad input with a 400 naming the field, and other roles with 403', async () => {
      const res = await check({ givenName: '' });
      expect(res.status).toBe(400);
      expect(issuePaths(res)).toContain('person.givenName');
      const mismatch = await check({ givenName: 'Amina', dateOfBirth: '1998-04-12', age: 40 });
      expect(mismatch.status).toBe(400);
      expect(issuePaths(mismatch)).toEqual(['person.age']);
      const analyst = await t.signIn(orgA, 'analyst');
      expect((await check({ givenName: 'Amina' }, analyst)).status).toBe(403);
    });
  });

  describe('the batch review', () => {
    let twin: { id: string };
    const scan = async (session = sup) => {
      const res = await t.request('POST', '/api/v1/duplicates/scan', { session, body: {} });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.json<DuplicateScanResult>();
    };
    const list = async (query = '') => {
      const res = await t.request('GET', `/api/v1/duplicates${query}`, { session: sup });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.json<DuplicateList>();
    };

    beforeAll(async () => {
      twin = await t.createCase(cw, caseWith({ givenName: 'Aminah', familyName: 'Okafor' }));
      await t.createCase(
        cw,
        caseWith(
          {
            givenName: 'Mohamed',
            familyName: 'Al Hassan',
            dateOfBirth: '1990-02-03',
            gender: 'Masculine',
          },
          { citizenship: 'SD' },
        ),
      );
    });

    it('stores the pairs above the threshold, highest first, with case references and no names', async () => {
      const r = await scan();
      expect(r.opened).toBeGreaterThanOrEqual(2);
      const { items } = await list();
      expect(items.length).toBe(r.opened);
      const probs = items.map((p) => p.probability);
      expect(probs).toEqual([...probs].sort((x, y) => y - x));
      const ids = items.map((p) => [p.a.id, p.b.id].sort().join());
      expect(ids).toContain([amina.id, twin.id].sort().join());
      expect(items.every((p) => p.state === 'open' && p.a.reference.startsWith('LNT-'))).toBe(true);
      const stored = await t.database.superuser('SELECT d::text AS text FROM duplicate_pairs d');
      for (const s of stored) expect(s.text).not.toMatch(/Amina|Okafor|محمد/);
    });

    it('is idempotent: a second scan rescores the same pairs and opens none', async () => {
      const before = (await list()).items.map((p) => p.id).sort();
      const r = await scan();
      expect(r).toMatchObject({ opened: 0, updated: before.length, obsolete: 0 });
      expect((await list()).items.map((p) => p.id).sort()).toEqual(before);
    });

    it('pages through the list with a cursor', async () => {
      const all = (await list()).items.map((p) => p.id);
      const first = await list('?limit=1');
      expect(first.items.map((p) => p.id)).toEqual(all.slice(0, 1));
      const second = await list(`?limit=1&cursor=${first.nextCursor}`);
      expect(second.items.map((p) => p.id)).toEqual(all.slice(1, 2));
      const bad = await t.request('GET', '/api/v1/duplicates?cursor=nonsense', { session: sup });
      expect(bad.status).toBe(400);
      expect(issuePaths(bad)).toEqual(['cursor']);
    });

    it('shows both records side by side and audits the read of both identities', async () => {
      const pair = (await list()).items.find((p) => [p.a.id, p.b.id].includes(twin.id))!;
      const res = await t.request('GET', `/api/v1/duplicates/${pair.id}`, { session: sup });
      expect(res.status).toBe(200);
      const d = res.json<DuplicatePairDetail>();
      const names = [d.a.person.givenName, d.b.person.givenName].sort();
      expect(names).toEqual(['Amina', 'Aminah']);
      const reads = (await auditEntries(t, orgA, 'case.read')).slice(-2);
      expect(reads.map((e) => e.recordId).sort()).toEqual([pair.a.id, pair.b.id].sort());
      expect((await auditEntries(t, orgA, 'duplicate.read')).at(-1)!.recordId).toBe(pair.id);
    });

    it('a pair decided not a duplicate stays decided on rescan, until a record changes', async () => {
      const pair = (await list()).items.find((p) => [p.a.id, p.b.id].includes(twin.id))!;
      const res = await t.request('POST', `/api/v1/duplicates/${pair.id}/decision`, {
        session: sup,
        body: { decision: 'not_duplicate', reason: 'Sisters: checked with the family' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.json<DuplicatePair>()).toMatchObject({ id: pair.id, state: 'not_duplicate' });
      const again = await t.request('POST', `/api/v1/duplicates/${pair.id}/decision`, {
        session: sup,
        body: { decision: 'not_duplicate' },
      });
      expect(again.status).toBe(409);
      expect(errorOf(again).details).toEqual({ from: 'not_duplicate', to: 'not_duplicate' });
      const stored = await t.database.superuser(
        'SELECT reason FROM duplicate_pairs WHERE id = $1',
        [pair.id],
      );
      expect(Buffer.from(stored[0]!.reason as Uint8Array).toString('utf8')).not.toContain(
        'Sisters',
      );

      const r = await scan();
      expect(r.opened).toBe(0);
      expect(r.unchanged).toBe(1);
      expect((await list()).items.map((p) => p.id)).not.toContain(pair.id);
      const detail = (
        await t.request('GET', `/api/v1/duplicates/${pair.id}`, { session: sup })
      ).json<DuplicatePairDetail>();
      expect(detail).toMatchObject({
        state: 'not_duplicate',
        reason: 'Sisters: checked with the family',
        decidedBy: { id: sup.userId },
      });

      // One record changes (another country of exploitation learnt later): open again.
      await t.database.superuser(`UPDATE cases SET country_of_exploitation = 'FR' WHERE id = $1`, [
        twin.id,
      ]);
      const r2 = await scan();
      expect(r2.opened).toBe(1);
      expect((await list()).items.map((p) => p.id)).toContain(pair.id);
    });

    it('is the organisation’s own: another organisation sees no pair and cannot decide one', async () => {
      const pair = (await list()).items[0]!;
      const supB = await t.signIn(orgB, 'supervisor');
      expect(
        (await t.request('GET', '/api/v1/duplicates', { session: supB })).json<DuplicateList>()
          .items,
      ).toEqual([]);
      expect(
        (await t.request('GET', `/api/v1/duplicates/${pair.id}`, { session: supB })).status,
      ).toBe(404);
      const decide = await t.request('POST', `/api/v1/duplicates/${pair.id}/decision`, {
        session: supB,
        body: { decision: 'not_duplicate' },
      });
      expect(decide.status).toBe(404);
    });

    it('is for supervisors: a caseworker may check but not review', async () => {
      expect((await t.request('GET', '/api/v1/duplicates', { session: cw })).status).toBe(403);
      expect(
        (await t.request('POST', '/api/v1/duplicates/scan', { session: cw, body: {} })).status,
      ).toBe(403);
    });
  });
});
