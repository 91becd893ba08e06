import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgScope } from '../../src/server/db/database.ts';
import type {
  InstrumentDefinition,
  InstrumentList,
  ScreeningDetail,
  ScreeningList,
} from '../../src/shared/api/screenings.schema.ts';
import { evaluate } from '../../src/shared/screening/index.ts';
import { auditEntries, errorOf, issuePaths } from '../support/api.ts';
import type { TestResponse, TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Screenings stored on cases: a draft is answered in parts (pause, resume on another device),
// completed, and read back with its result recomputed from the stored answers and version.
// The clock stands at 2026-06-01T09:00Z.
describe('screenings API', () => {
  let t: TestLantern;
  let orgA: string;
  let a: TestSession;
  let a2: TestSession;
  let b: TestSession;
  let caseId: string;
  let otherCaseId: string;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    const orgB = await t.createOrg('Org B');
    a = await t.signIn(orgA, 'caseworker');
    a2 = await t.signIn(orgA, 'supervisor');
    b = await t.signIn(orgB, 'caseworker');
    caseId = (await t.createCase(a)).id;
    otherCaseId = (await t.createCase(a)).id;
  });
  afterAll(() => t.close());

  const base = (c = caseId) => `/api/v1/cases/${c}/screenings`;
  const start = async (instrumentId: string, session = a, c = caseId) => {
    const res = await t.request('POST', base(c), { session, body: { instrumentId } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.json<ScreeningDetail>();
  };
  const patch = (id: string, body: unknown, session = a, c = caseId) =>
    t.request('PATCH', `${base(c)}/${id}`, { session, body });
  const complete = (id: string, body: unknown = {}, session = a, c = caseId) =>
    t.request('POST', `${base(c)}/${id}/complete`, { session, body });
  const read = async (id: string, session = a) => {
    const res = await t.request('GET', `${base()}/${id}`, { session });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.json<ScreeningDetail>();
  };
  const stored = async (id: string) =>
    (await t.database.superuser('SELECT * FROM screenings WHERE id = $1', [id]))[0]!;
  const expect400 = (res: TestResponse, paths: string[]) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(errorOf(res).code).toBe('validation_failed');
    expect(issuePaths(res)).toEqual(paths);
  };

  describe('instruments', () => {
    it('lists every instrument with its versions and titles in every language', async () => {
      const res = await t.request('GET', '/api/v1/instruments', { session: a });
      expect(res.status).toBe(200);
      const { items } = res.json<InstrumentList>();
      expect(items.map((i) => i.id)).toEqual(['palermo', 'ilo-fl', 'ilo-ec', 'domv']);
      const palermo = items[0]!;
      expect(palermo).toMatchObject({ kind: 'palermo', versions: ['1.0.0'], latest: '1.0.0' });
      expect(Object.keys(palermo.title).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'uk']);
    });

    it('gives one version in full: questions, translations, child wording, skip logic', async () => {
      const res = await t.request('GET', '/api/v1/instruments/palermo/1.0.0', { session: a });
      expect(res.status).toBe(200);
      const def = res.json<InstrumentDefinition>();
      expect(def.questions.map((q) => q.id)).toEqual([
        'ageAtRecruitment',
        'act',
        'means',
        'purpose',
        'consent',
        'citizenship',
        'countryOfExploitation',
      ]);
      const act = def.questions[1]!;
      expect(act.text.ar).toBeTruthy();
      expect(act.childText?.en).toMatch(/someone/i);
      expect(act.answer.type === 'codes' && act.answer.options[0]?.code).toBe('recruitment');
      expect(def.questions[4]!.showIf).toEqual({
        any: [
          { question: 'means', op: 'nonEmpty' },
          { question: 'ageAtRecruitment', op: 'lt', value: 18 },
        ],
      });
    });

    it('marks where unknown indicators go, and which ILO–EC lists each indicator belongs to', async () => {
      const fl = (
        await t.request('GET', '/api/v1/instruments/ilo-fl/1.0.0', { session: a })
      ).json<InstrumentDefinition>();
      expect(fl.questions[0]!.answer).toMatchObject({ type: 'codes', unknownListKey: 'unknown' });
      const ec = (
        await t.request('GET', '/api/v1/instruments/ilo-ec/1.0.0', { session: a })
      ).json<InstrumentDefinition>();
      const present = ec.questions.find((q) => q.id === 'present')!.answer;
      const adultOnly =
        present.type === 'codes'
          ? present.options.find((o) => o.code === 'ex.social_protection')
          : null;
      expect(adultOnly?.showIf).toEqual({
        any: [
          {
            all: [
              { not: { question: 'ageAtRecruitment', op: 'lt', value: 18 } },
              { question: 'exploitation', op: 'eq', value: 'labour' },
            ],
          },
          {
            all: [
              { not: { question: 'ageAtRecruitment', op: 'lt', value: 18 } },
              { question: 'exploitation', op: 'eq', value: 'sexual' },
            ],
          },
        ],
      });
    });

    it('answers 404 for an unknown instrument or version', async () => {
      for (const url of ['/api/v1/instruments/palermo/9.9.9', '/api/v1/instruments/nope/1.0.0']) {
        const res = await t.request('GET', url, { session: a });
        expect(res.status).toBe(404);
        expect(errorOf(res).code).toBe('not_found');
      }
    });
  });

  describe('a Palermo screening: start, pause, resume, complete', () => {
    let id: string;
    const answers = {
      ageAtRecruitment: 16,
      act: ['recruitment', 'transportation'],
      means: [],
      purpose: ['sexual_exploitation'],
      citizenship: 'NG',
      countryOfExploitation: 'IT',
    };

    it('starts a draft with the latest version and no answers', async () => {
      const s = await start('palermo');
      id = s.id;
      expect(s).toMatchObject({
        caseId,
        instrumentId: 'palermo',
        version: '1.0.0',
        status: 'draft',
        answers: {},
        result: null,
        determination: null,
        completedAt: null,
        createdBy: { id: a.userId },
        createdAt: '2026-06-01T09:00:00.000Z',
        personUnder18: false,
      });
    });

    it('saves answers in parts (pause) and merges them key by key', async () => {
      const first = await patch(id, { answers: { ageAtRecruitment: 16, act: answers.act } });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      t.clock.advance(60_000);
      const second = await patch(id, { answers: { means: [] }, version: '1.0.0' });
      expect(second.status).toBe(200);
      expect(second.json<ScreeningDetail>()).toMatchObject({
        status: 'draft',
        answers: { ageAtRecruitment: 16, act: answers.act, means: [] },
        result: null,
        updatedAt: '2026-06-01T09:01:00.000Z',
      });
    });

    it('resumes elsewhere: a colleague on another device reads the same answers', async () => {
      const s = await read(id, a2);
      expect(s.answers).toEqual({ ageAtRecruitment: 16, act: answers.act, means: [] });
      expect(s.status).toBe('draft');
    });

    it('removes answers a question no longer shown had', async () => {
      expect((await patch(id, { answers: { consent: 'yes' } })).status).toBe(200);
      const res = await patch(id, { answers: {}, remove: ['consent'] });
      expect(res.json<ScreeningDetail>().answers).not.toHaveProperty('consent');
    });

    it('completes with the last answers: the result is the engine’s for the same answers', async () => {
      t.clock.advance(60_000);
      const res = await complete(id, {
        answers: {
          purpose: answers.purpose,
          citizenship: 'NG',
          countryOfExploitation: 'IT',
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const s = res.json<ScreeningDetail>();
      expect(s).toMatchObject({
        status: 'completed',
        determination: 'likely',
        completedAt: '2026-06-01T09:02:00.000Z',
        answers,
      });
      expect(s.result).toEqual(evaluate('palermo', '1.0.0', answers));
      expect(s.result?.reasons.length).toBeGreaterThan(2);
      const row = await stored(id);
      expect(row).toMatchObject({ status: 'completed', determination: 'likely' });
    });

    it('reads back the same result, recomputed from the stored answers, not from a stored copy', async () => {
      expect((await read(id)).result).toEqual(evaluate('palermo', '1.0.0', answers));
      // Were the result stored, this would change what the read shows.
      await t.database.superuser(
        `UPDATE screenings SET determination = 'not_indicated' WHERE id = $1`,
        [id],
      );
      const again = await read(id);
      expect(again.result).toMatchObject({ determination: 'likely' });
      expect(again.determination).toBe('not_indicated');
      await t.database.superuser(`UPDATE screenings SET determination = 'likely' WHERE id = $1`, [
        id,
      ]);
    });

    it('lists the case’s screenings without answers', async () => {
      const other = await start('ilo-fl');
      const res = await t.request('GET', base(), { session: a });
      expect(res.status).toBe(200);
      const { items } = res.json<ScreeningList>();
      expect(items.map((i) => [i.id, i.status, i.determination])).toEqual([
        [other.id, 'draft', null],
        [id, 'completed', 'likely'],
      ]);
      expect(items[0]).not.toHaveProperty('answers');
      expect(items[0]).not.toHaveProperty('result');
    });

    it('refuses changes once completed (409), leaving the screening as it was', async () => {
      for (const res of [await patch(id, { answers: { means: ['force'] } }), await complete(id)]) {
        expect(res.status).toBe(409);
        expect(errorOf(res).code).toBe('conflict');
      }
      expect((await read(id)).answers).toEqual(answers);
    });
  });

  it.each([
    ['ilo-fl', { present: ['deception', 'debt_bondage'], unknown: ['isolation'] }],
    [
      'ilo-ec',
      {
        ageAtRecruitment: 30,
        exploitation: 'labour',
        present: ['dr.nature_of_job', 'dr.wages', 'ex.excessive_hours', 'cd.debt_bondage'],
        unknown: ['cd.violence'],
      },
    ],
    ['domv', { ageAtScreening: 15, present: ['unaccompanied_child', 'no_documents'] }],
  ])('completes a %s screening with the engine’s full result', async (instrumentId, answers) => {
    const s = await start(instrumentId);
    const res = await complete(s.id, { answers });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const expected = evaluate(instrumentId, '1.0.0', answers);
    expect(res.json<ScreeningDetail>().result).toEqual(expected);
    expect((await read(s.id)).result).toEqual(expected);
    expect(res.json<ScreeningDetail>().determination).toBe(
      'determination' in expected ? expected.determination : null,
    );
  });

  describe('bad input: a clear error naming the field, nothing saved', () => {
    let id: string;
    beforeAll(async () => {
      id = (await start('palermo')).id;
      expect((await patch(id, { answers: { ageAtRecruitment: 30 } })).status).toBe(200);
    });

    it.each([
      ['an unknown code', { answers: { means: ['force', 'bribery'] } }, ['answers.means[1]']],
      ['an age over 120', { answers: { ageAtRecruitment: 130 } }, ['answers.ageAtRecruitment']],
      ['a negative age', { answers: { ageAtRecruitment: -1 } }, ['answers.ageAtRecruitment']],
      ['an age as text', { answers: { ageAtRecruitment: '16' } }, ['answers.ageAtRecruitment']],
      ['a misspelt question', { answers: { purpse: ['slavery'] } }, ['answers.purpse']],
      ['an unknown country', { answers: { citizenship: 'XX' } }, ['answers.citizenship']],
      ['answers for another version', { answers: { act: [] }, version: '2.0.0' }, ['version']],
      [
        'a version inside the answers',
        { answers: { act: [], version: '0.9.0' } },
        ['answers.version'],
      ],
      [
        'a contradiction (codes and unknown)',
        { answers: { act: ['transfer'], unknown: ['act'] } },
        ['answers.unknown[0]'],
      ],
    ])('%s', async (_name, body, paths) => {
      const before = await stored(id);
      const audit = (await auditEntries(t, orgA)).length;
      expect400(await patch(id, body), paths);
      expect400(await complete(id, body), paths);
      const after = await stored(id);
      expect(after.answers).toEqual(before.answers);
      expect(after).toMatchObject({ status: 'draft', updated_at: before.updated_at });
      expect(await auditEntries(t, orgA)).toHaveLength(audit);
      expect((await read(id)).answers).toEqual({ ageAtRecruitment: 30 });
    });

    it('names the message: unknown code and age range', async () => {
      const res = await patch(id, { answers: { means: ['bribery'], ageAtRecruitment: 130 } });
      const details = errorOf(res).details ?? [];
      expect(details).toEqual(
        expect.arrayContaining([
          {
            path: 'answers.means[0]',
            message: expect.stringContaining('unknown code "bribery"') as string,
          },
          { path: 'answers.ageAtRecruitment', message: 'must be an age from 0 to 120' },
        ]),
      );
    });

    it('refuses an unknown instrument or version when starting, and saves nothing', async () => {
      const count = async () =>
        (await t.database.superuser('SELECT count(*)::int AS n FROM screenings'))[0]!.n;
      const before = await count();
      expect400(await t.request('POST', base(), { session: a, body: { instrumentId: 'nope' } }), [
        'instrumentId',
      ]);
      expect400(
        await t.request('POST', base(), {
          session: a,
          body: { instrumentId: 'palermo', version: '2.0.0' },
        }),
        ['version'],
      );
      expect400(
        await t.request('POST', base(), { session: a, body: { instrumentId: 'palermo', x: 1 } }),
        ['x'],
      );
      expect(await count()).toBe(before);
    });

    it('refuses to complete while a required answer is missing, naming it', async () => {
      const s = await start('ilo-fl');
      const res = await complete(s.id, { answers: { unknown: ['deception'] } });
      expect400(res, ['answers.present']);
      expect(errorOf(res).details).toEqual([
        { path: 'answers.present', message: 'must be answered before the screening is completed' },
      ]);
      expect((await read(s.id)).answers).toEqual({});
    });

    it('checks a draft against the list that applies once the age is known (ILO–EC)', async () => {
      const s = await start('ilo-ec');
      // Before the age is known the adults' list may apply: an adults-only indicator is allowed.
      const first = await patch(s.id, {
        answers: { exploitation: 'labour', present: ['ex.social_protection'] },
      });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect400(await patch(s.id, { answers: { ageAtRecruitment: 15 } }), ['answers.present[0]']);
      expect((await patch(s.id, { answers: { ageAtRecruitment: 35 } })).status).toBe(200);
    });

    it('refuses a DOMV factor hidden for the person (an adult is no unaccompanied child)', async () => {
      const s = await start('domv');
      expect400(
        await patch(s.id, { answers: { ageAtScreening: 30, present: ['unaccompanied_child'] } }),
        ['answers.present[0]'],
      );
    });

    it('refuses an answers value that is not an object, and a path id that is not a UUID', async () => {
      expect400(await patch(id, { answers: [1] }), ['answers']);
      const res = await t.request('GET', `${base()}/not-a-uuid`, { session: a });
      expect(res.status).toBe(400);
      expect(issuePaths(res)).toEqual(['params.sid']);
    });
  });

  describe('isolation', () => {
    let id: string;
    beforeAll(async () => {
      id = (await start('palermo')).id;
    });

    const every = (c: string, sid: string, session: TestSession) => [
      t.request('GET', `${base(c)}`, { session }),
      t.request('POST', `${base(c)}`, { session, body: { instrumentId: 'palermo' } }),
      t.request('GET', `${base(c)}/${sid}`, { session }),
      t.request('PATCH', `${base(c)}/${sid}`, { session, body: { answers: {} } }),
      t.request('POST', `${base(c)}/${sid}/complete`, { session, body: {} }),
    ];

    it('another organisation’s case and screening are not found, exactly like missing ones', async () => {
      const foreign = await Promise.all(every(caseId, id, b));
      const missing = await Promise.all(every(randomUUID(), randomUUID(), b));
      for (const [i, res] of foreign.entries()) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual(missing[i]!.body);
      }
      expect((await read(id)).status).toBe('draft');
    });

    it('a screening is found only under its own case', async () => {
      const res = await t.request('GET', `${base(otherCaseId)}/${id}`, { session: a });
      expect(res.status).toBe(404);
      expect(errorOf(res).code).toBe('not_found');
    });

    it('the screenings table has row-level security enabled and forced', async () => {
      const [row] = await t.database.superuser(
        `SELECT relrowsecurity AS "on", relforcerowsecurity AS "forced" FROM pg_class
          WHERE oid = 'screenings'::regclass`,
      );
      expect(row).toEqual({ on: true, forced: true });
    });

    it('row-level security refuses writing a screening into another organisation', async () => {
      await expect(
        t.db.transaction(orgScope(b.orgId, b.userId), (tx) =>
          tx.query(
            `INSERT INTO screenings (id, org_id, case_id, instrument_id, instrument_version,
               answers, created_at, updated_at)
             VALUES ($1, $2, $3, 'palermo', '1.0.0', '\\x00', now(), now())`,
            [randomUUID(), orgA, caseId],
          ),
        ),
      ).rejects.toThrow(/row-level security/);
    });

    it('row-level security hides another organisation’s screenings from any query', async () => {
      const rows = await t.db.transaction(orgScope(b.orgId, b.userId), (tx) =>
        tx.query('SELECT id FROM screenings'),
      );
      expect(rows).toEqual([]);
    });
  });

  describe('audit and storage', () => {
    it('audits every write and every read of answers, naming fields, never values', async () => {
      const s = await start('palermo', a2);
      await patch(
        s.id,
        { answers: { ageAtRecruitment: 25, means: ['abuse_of_vulnerability'] } },
        a2,
      );
      await complete(s.id, { answers: { act: ['harbouring'], purpose: ['forced_begging'] } }, a2);
      await read(s.id, a2);
      await t.request('GET', base(), { session: a2 });
      const mine = (await auditEntries(t, orgA)).filter((e) => e.recordId === s.id);
      expect(mine.map((e) => [e.action, e.actorId, e.recordType, e.fields])).toEqual([
        ['screening.created', a2.userId, 'screening', ['caseId', 'instrumentId', 'version']],
        ['screening.answered', a2.userId, 'screening', ['ageAtRecruitment', 'means']],
        ['screening.completed', a2.userId, 'screening', ['act', 'purpose', 'determination']],
        ['screening.read', a2.userId, 'screening', ['ageAtRecruitment', 'means', 'act', 'purpose']],
      ]);
      for (const e of mine) {
        expect(e.text).not.toContain('abuse_of_vulnerability');
        expect(e.text).not.toContain('forced_begging');
        expect(e.text).not.toContain('likely');
      }
    });

    it('keeps answers only as ciphertext bound to the screening: no answer in the heap file', async () => {
      const s = await start('palermo');
      await complete(s.id, {
        answers: {
          ageAtRecruitment: 17,
          act: ['harbouring'],
          means: ['giving_payments'],
          purpose: ['organ_removal'],
        },
      });
      const row = await stored(s.id);
      const sealed = Buffer.from(row.answers as Uint8Array);
      expect(sealed.includes('organ_removal')).toBe(false);
      await t.database.superuser('CHECKPOINT');
      const [file] = await t.database.superuser(
        `SELECT pg_read_binary_file(pg_relation_filepath('screenings')) AS bytes`,
      );
      const bytes = Buffer.from(file!.bytes as Uint8Array);
      expect(bytes.length).toBeGreaterThan(0);
      for (const needle of ['organ_removal', 'giving_payments', 'harbouring', 'ageAtRecruitment'])
        expect(bytes.includes(needle), needle).toBe(false);
      // Moved to another screening's row, the ciphertext no longer opens: the read fails.
      const other = await start('palermo');
      await t.database.superuser('UPDATE screenings SET answers = $1 WHERE id = $2', [
        sealed,
        other.id,
      ]);
      const res = await t.request('GET', `${base()}/${other.id}`, { session: a });
      expect(res.status).toBe(500);
    });

    it('tells the wizard whether the person is a child now, or that the age is not known', async () => {
      const child = (
        await t.createCase(a, {
          person: { givenName: 'Lina', gender: 'Feminine', age: 15 } as never,
        })
      ).id;
      const unknown = (
        await t.createCase(a, { person: { givenName: 'Sam', gender: 'Masculine' } as never })
      ).id;
      expect((await start('palermo', a, child)).personUnder18).toBe(true);
      expect((await start('palermo', a, unknown)).personUnder18).toBeNull();
    });
  });
});
