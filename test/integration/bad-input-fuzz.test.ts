import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES, EXPLOITATION_TYPES } from '../../src/shared/codes/htcds.ts';
import { rowCounts } from '../support/api.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern, caseBody } from '../support/test-app.ts';

// Whatever arrives at the API, the answer is a success or a 4xx — never a 5xx — and a case is
// written only when the answer says so.
describe('bad input, generated', () => {
  let t: TestLantern;
  let s: TestSession;

  beforeAll(async () => {
    t = await TestLantern.start();
    s = await t.signIn(await t.createOrg('Fuzz org'), 'caseworker');
  });
  afterAll(() => t.close());

  // Any UTF-16 code unit, lone surrogates included.
  const anyText = fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  });
  /** Mostly `valid` (8 in 9), otherwise `invalid`: enough whole bodies are valid to matter. */
  const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
    fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: invalid });
  const absent = fc.constant(undefined);

  /** Bodies close to valid: each field usually valid, sometimes nearly valid or of a wrong type. */
  const nearlyValid = fc
    .record({
      givenName: mostly(
        fc.constantFrom('Amina', ' José ', 'محمد'),
        fc.oneof(anyText, fc.jsonValue()),
      ),
      familyName: mostly(fc.constantFrom('Okafor', undefined), anyText),
      dateOfBirth: mostly(
        fc.constantFrom('1998-04-12', undefined),
        fc.constantFrom('2026-05-21', '2000-02-30', '0000-01-01', '1890-01-01', ''),
      ),
      age: mostly(
        absent,
        fc.oneof(fc.integer({ min: -5, max: 130 }), fc.double(), fc.constant('28')),
      ),
      gender: mostly(
        fc.constantFrom('Feminine', 'female', 'M', 'unknown'),
        fc.constantFrom('x', 3, null),
      ),
      citizenship: mostly(fc.constantFrom('NG', 'ng', ' vn '), fc.constantFrom('XX', 'NGA', '', 1)),
      countryOfExploitation: mostly(
        fc.constantFrom('IT', 'gb', undefined),
        fc.constantFrom('ZZ', null),
      ),
      typeOfExploitation: mostly(
        fc.oneof(
          fc.subarray([...EXPLOITATION_TYPES]),
          fc.constant(['sexual_exploitation', 'labour']),
        ),
        fc.oneof(
          fc.constant('SexualExploitation'),
          fc.array(fc.constantFrom('Nope', 7), { minLength: 1 }),
        ),
      ),
      registrationDate: mostly(
        fc.constantFrom('2026-05-20', '2026-06-01', '0001-01-01', undefined),
        fc.constantFrom('2026-06-02', '2023-02-30', '0000-01-01'),
      ),
      status: mostly(fc.constantFrom(...CASE_STATUSES, undefined), fc.constantFrom('Open', '')),
      extra: mostly(absent, fc.jsonValue()),
    })
    .map(({ givenName, familyName, dateOfBirth, age, gender, extra, ...kase }) =>
      JSON.stringify({
        person: { givenName, familyName, dateOfBirth, age, gender },
        ...kase,
        ...(extra === undefined ? {} : { extra }),
      }),
    );

  /** A valid body with one field, anywhere in it, replaced by any JSON value. */
  const oneFieldReplaced = fc
    .tuple(
      fc.constantFrom(
        'citizenship',
        'typeOfExploitation',
        'registrationDate',
        'person',
        'person.givenName',
        'person.age',
        'person.aliases',
        'person.email',
      ),
      fc.jsonValue(),
    )
    .map(([path, value]) => {
      const body = caseBody() as Record<string, Record<string, unknown>>;
      const [top, inner] = path.split('.') as [string, string | undefined];
      if (inner) body[top] = { ...body[top], [inner]: value };
      else (body as Record<string, unknown>)[top] = value;
      return JSON.stringify(body);
    });

  const payload = fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    anyText,
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
    { weight: 3, arbitrary: nearlyValid },
    oneFieldReplaced,
  );

  it('POST /cases: always 201 or 4xx, and the case count grows only on 201', async () => {
    let created = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(payload, async (rawBody) => {
        const before = await rowCounts(t);
        const res = await t.request('POST', '/api/v1/cases', { session: s, rawBody });
        const after = await rowCounts(t);
        const ok = res.status === 201;
        expect(
          ok || (res.status >= 400 && res.status < 500),
          `${res.status} ${JSON.stringify(res.body)}`,
        ).toBe(true);
        expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
        expect(after.cases).toBe(before.cases + (ok ? 1 : 0));
        expect(after.persons).toBe(before.persons + (ok ? 1 : 0));
        if (ok) created++;
        else refused++;
      }),
      { numRuns: 100 },
    );
    // The generators reach both outcomes, so the property says something about each.
    expect(created).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('GET /cases with generated query parameters: always 200 or 400, never 5xx', async () => {
    const params = fc.dictionary(
      fc.constantFrom(
        'status',
        'gender',
        'citizenship',
        'typeOfExploitation',
        'registeredFrom',
        'registeredTo',
        'ageMin',
        'ageMax',
        'reference',
        'limit',
        'cursor',
        'sort',
      ),
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.constantFrom(
          '0000-01-01',
          '9999-12-31',
          '2026-02-30',
          '-1',
          '1e3',
          'NaN',
          'Active,Closed',
          '%',
          'WzEsMl0',
        ),
      ),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(params, async (query) => {
        const qs = new URLSearchParams(query).toString();
        const res = await t.request('GET', `/api/v1/cases?${qs}`, { session: s });
        expect([200, 400], `${qs} → ${res.status} ${JSON.stringify(res.body)}`).toContain(
          res.status,
        );
      }),
      { numRuns: 100 },
    );
  });
});
