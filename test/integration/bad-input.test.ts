import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../support/api.ts';
import { caseWith, errorOf, issuePaths, rowCounts } from '../support/api.ts';
import type { TestResponse, TestSession } from '../support/test-app.ts';
import { TestLantern, caseBody } from '../support/test-app.ts';

// Bad input of every kind gets a clear 4xx with a stable code, writes nothing, and the process
// keeps serving.
describe('bad input', () => {
  let t: TestLantern;
  let s: TestSession;

  beforeAll(async () => {
    t = await TestLantern.start();
    const org = await t.createOrg('Bad input org');
    s = await t.signIn(org, 'caseworker');
    await t.createCase(s);
  });
  afterAll(() => t.close());

  const postCase = (body: unknown) => t.request('POST', '/api/v1/cases', { session: s, body });
  const postRaw = (rawBody: string | Buffer, headers?: Record<string, string>) =>
    t.request('POST', '/api/v1/cases', { session: s, rawBody, ...(headers ? { headers } : {}) });
  const withPersonJson = (personJson: string) =>
    JSON.stringify(caseBody()).replace(/"person":\{[^}]*\}/, `"person":${personJson}`);

  interface Case {
    send: () => Promise<TestResponse>;
    status: number;
    code: string;
    /** Field paths the error must name (all of them, in any order; more are allowed). */
    paths?: string[];
  }

  const cases: Record<string, Case> = {
    'malformed JSON': { send: () => postRaw('{"person":'), status: 400, code: 'malformed_json' },
    'a stated age that is a string': {
      send: () => postCase(caseWith({ age: 'x', dateOfBirth: undefined })),
      status: 400,
      code: 'validation_failed',
      paths: ['person.age'],
    },
    'typeOfExploitation not an array': {
      send: () => postCase(caseWith({}, { typeOfExploitation: 'SexualExploitation' })),
      status: 400,
      code: 'validation_failed',
      paths: ['typeOfExploitation'],
    },
    'several wrong types at once': {
      send: () => postCase(caseWith({ age: 'x', givenName: 42 }, { citizenship: ['NG'] })),
      status: 400,
      code: 'validation_failed',
      paths: ['person.age', 'person.givenName', 'citizenship'],
    },
    'an unknown top-level field': {
      send: () => postCase(caseWith({}, { priority: 'high' })),
      status: 400,
      code: 'validation_failed',
      paths: ['priority'],
    },
    'an unknown person field': {
      send: () => postCase(caseWith({ nickname: 'Mina' })),
      status: 400,
      code: 'validation_failed',
      paths: ['person.nickname'],
    },
    'a body over 1 MiB': {
      send: () => postCase(caseWith({ address: 'x'.repeat(1_100_000) })),
      status: 413,
      code: 'body_too_large',
    },
    'a given name of 10,000 characters': {
      send: () => postCase(caseWith({ givenName: 'a'.repeat(10_000) })),
      status: 400,
      code: 'validation_failed',
      paths: ['person.givenName'],
    },
    'a family name of 201 characters': {
      send: () => postCase(caseWith({ familyName: 'b'.repeat(201) })),
      status: 400,
      code: 'validation_failed',
      paths: ['person.familyName'],
    },
    ...Object.fromEntries(
      ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085'].map((c) => [
        `control character U+${c.charCodeAt(0).toString(16).padStart(4, '0')} in names`,
        {
          send: () => postCase(caseWith({ givenName: `Am${c}ina`, familyName: `Oka${c}for` })),
          status: 400,
          code: 'validation_failed',
          paths: ['person.givenName', 'person.familyName'],
        },
      ]),
    ),
    'a control character in an alias': {
      send: () => postCase(caseWith({ aliases: ['ok', 'bad\u0007'] })),
      status: 400,
      code: 'validation_failed',
      paths: ['person.aliases.1'],
    },
    'invalid UTF-8 inside a JSON string': {
      send: () => {
        const [head, tail] = JSON.stringify(caseBody()).split('Amina') as [string, string];
        return postRaw(
          Buffer.concat([Buffer.from(head), Buffer.from([0x41, 0xc3, 0x28]), Buffer.from(tail)]),
        );
      },
      status: 400,
      code: 'invalid_encoding',
    },
    'a lone surrogate (JSON escape)': {
      send: () => postRaw(JSON.stringify(caseBody()).replace('Amina', 'Am\\ud800ina')),
      status: 400,
      code: 'validation_failed',
      paths: ['person.givenName'],
    },
    'a __proto__ key at the top level': {
      send: () =>
        postRaw(JSON.stringify(caseBody()).replace(/^\{/, '{"__proto__":{"isAdmin":true},')),
      status: 400,
      code: 'malformed_json',
    },
    'a __proto__ key inside person': {
      send: () => postRaw(withPersonJson('{"__proto__":{"x":1},"givenName":"A","gender":"f"}')),
      status: 400,
      code: 'malformed_json',
    },
    'a constructor key': {
      send: () =>
        postRaw(withPersonJson('{"constructor":{"prototype":{}},"givenName":"A","gender":"f"}')),
      status: 400,
      code: 'malformed_json',
    },
    'an empty body': {
      send: () => postRaw(''),
      status: 400,
      code: 'validation_failed',
      paths: [''],
    },
    'a JSON null body': {
      send: () => postRaw('null'),
      status: 400,
      code: 'validation_failed',
      paths: [''],
    },
    'a JSON array body': {
      send: () => postRaw('[]'),
      status: 400,
      code: 'validation_failed',
      paths: [''],
    },
    'a body that is not JSON': {
      send: () => postRaw('person=Amina', { 'content-type': 'application/x-www-form-urlencoded' }),
      status: 415,
      code: 'unsupported_media_type',
    },
    'an unknown country code': {
      send: () => postCase(caseWith({}, { citizenship: 'XX' })),
      status: 400,
      code: 'validation_failed',
      paths: ['citizenship'],
    },
    'a date that does not exist (2023-02-30)': {
      send: () =>
        postCase(caseWith({ dateOfBirth: '2000-02-30' }, { registrationDate: '2023-02-30' })),
      status: 400,
      code: 'validation_failed',
      paths: ['registrationDate', 'person.dateOfBirth'],
    },
    'year 0000, which PostgreSQL cannot store': {
      send: () =>
        postCase(caseWith({ dateOfBirth: undefined }, { registrationDate: '0000-01-01' })),
      status: 400,
      code: 'validation_failed',
      paths: ['registrationDate'],
    },
    'a date in another format': {
      send: () => postCase(caseWith({}, { registrationDate: '20/05/2026' })),
      status: 400,
      code: 'validation_failed',
      paths: ['registrationDate'],
    },
    'a forged session cookie': {
      send: () =>
        t.request('POST', '/api/v1/cases', {
          body: caseBody(),
          headers: { cookie: 'lantern_session=forged-token', 'x-csrf-token': s.csrfToken },
        }),
      status: 401,
      code: 'unauthenticated',
    },
    'a missing CSRF token': {
      send: () =>
        t.request('POST', '/api/v1/cases', { body: caseBody(), headers: { cookie: s.cookie } }),
      status: 403,
      code: 'csrf_failed',
    },
    'a wrong CSRF token': {
      send: () =>
        t.request('POST', '/api/v1/cases', {
          body: caseBody(),
          headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(s.csrfToken.length) },
        }),
      status: 403,
      code: 'csrf_failed',
    },
    'an unknown route': {
      send: () => t.request('GET', '/api/v1/nothing-here', { session: s }),
      status: 404,
      code: 'not_found',
    },
    'a case id that is not a UUID': {
      send: () => t.request('GET', "/api/v1/cases/1'%20OR%20'1'='1", { session: s }),
      status: 400,
      code: 'validation_failed',
      paths: ['params.id'],
    },
    'an unknown query parameter': {
      send: () => t.request('GET', '/api/v1/cases?orderBy=name', { session: s }),
      status: 400,
      code: 'validation_failed',
      paths: ['querystring.orderBy'],
    },
    'limit=1000': {
      send: () => t.request('GET', '/api/v1/cases?limit=1000', { session: s }),
      status: 400,
      code: 'validation_failed',
      paths: ['querystring.limit'],
    },
    'limit=0': {
      send: () => t.request('GET', '/api/v1/cases?limit=0', { session: s }),
      status: 400,
      code: 'validation_failed',
      paths: ['querystring.limit'],
    },
    'a filter date that does not exist': {
      send: () => t.request('GET', '/api/v1/cases?registeredFrom=2026-02-30', { session: s }),
      status: 400,
      code: 'validation_failed',
      paths: ['querystring.registeredFrom'],
    },
  };

  it.each(Object.entries(cases))('%s → clear 4xx, nothing written', async (_, c) => {
    const before = await rowCounts(t);
    const res = await c.send();
    expect(res.status, JSON.stringify(res.body)).toBe(c.status);
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    const error: ApiError = errorOf(res);
    expect(error.code).toBe(c.code);
    expect(error.message).toEqual(expect.any(String));
    if (c.paths) {
      for (const d of error.details ?? []) {
        expect([typeof d.path, typeof d.message, Object.keys(d).length]).toEqual([
          'string',
          'string',
          2,
        ]);
      }
      expect(issuePaths(res)).toEqual(expect.arrayContaining(c.paths));
    }
    expect(await rowCounts(t)).toEqual(before);
    // …and the process keeps serving.
    const alive = await t.request('GET', '/api/v1/auth/session', { session: s });
    expect(alive.status).toBe(200);
  });

  it('a too-long name is refused with the real limit in the message', async () => {
    const res = await postCase(caseWith({ givenName: 'a'.repeat(10_000) }));
    expect(errorOf(res).details).toEqual([
      { path: 'person.givenName', message: 'must be at most 200 characters' },
    ]);
  });

  it('a wrong method on a known path answers 404 or 405 as JSON', async () => {
    const res = await t.request('PUT', '/api/v1/cases', { session: s, body: caseBody() });
    expect([404, 405]).toContain(res.status);
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    expect(['not_found', 'method_not_allowed']).toContain(errorOf(res).code);
  });

  it('an expired session answers 401 session_expired', async () => {
    const old = await t.signIn(s.orgId, 'caseworker');
    t.clock.advance(31 * 60_000); // past the 30-minute idle limit
    const res = await t.request('GET', '/api/v1/cases', { session: old });
    expect(res.status).toBe(401);
    expect(errorOf(res).code).toBe('session_expired');
    s = await t.signIn(s.orgId, 'caseworker'); // the shared session expired too
  });

  describe('SQL and HTML in every text field', () => {
    const sql = "Robert'); DROP TABLE cases;--";
    const html = '<script>alert(1)</script>';
    const img = '<img src=x onerror=alert(1)>';

    it('are stored and returned verbatim as JSON, and the cases table survives', async () => {
      const person = {
        givenName: sql,
        familyName: html,
        aliases: [img, `"; DELETE FROM persons; --`, "' OR '1'='1"],
        documentNumber: `${sql} ${img}`.slice(0, 64),
        address: `${html} ${img} ${sql} \\ % _ $1`,
      };
      const created = await t.request('POST', '/api/v1/cases', {
        session: s,
        body: caseWith(person),
      });
      expect(created.status).toBe(201);
      expect(String(created.headers['content-type'])).toMatch(/^application\/json/);
      expect(created.json<{ person: unknown }>().person).toMatchObject(person);

      const id = created.json<{ id: string }>().id;
      const read = await t.request('GET', `/api/v1/cases/${id}`, { session: s });
      expect(String(read.headers['content-type'])).toMatch(/^application\/json/);
      expect(read.json<{ person: unknown }>().person).toMatchObject(person);
      expect(read.headers['x-content-type-options']).toBe('nosniff');

      const [table] = await t.database.superuser("SELECT to_regclass('cases') IS NOT NULL AS ok");
      expect(table!.ok).toBe(true);
      const [{ n }] = (await t.database.superuser('SELECT count(*)::int AS n FROM cases')) as [
        { n: number },
      ];
      expect(n).toBeGreaterThanOrEqual(2);
    });

    it('are harmless in a look-up and in list filters', async () => {
      const found = await t.request('POST', '/api/v1/persons/lookup', {
        session: s,
        body: { givenName: sql, familyName: html },
      });
      expect(found.status).toBe(200);
      expect(found.json<{ items: unknown[] }>().items).toHaveLength(1);
      const q = encodeURIComponent("' OR 1=1; --");
      const listed = await t.request('GET', `/api/v1/cases?reference=${q}`, { session: s });
      expect(listed.status).toBe(200);
      expect(listed.json<{ items: unknown[] }>().items).toEqual([]);
      const wildcard = await t.request(
        'GET',
        `/api/v1/cases?reference=${encodeURIComponent('%')}`,
        {
          session: s,
        },
      );
      expect(wildcard.json<{ items: unknown[] }>().items).toEqual([]);
    });
  });

  it('after all of this, a valid case is still created', async () => {
    const res = await t.request('POST', '/api/v1/cases', { session: s, body: caseBody() });
    expect(res.status).toBe(201);
  });
});
