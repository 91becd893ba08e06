import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern, caseBody } from '../support/test-app.ts';
import { MINUTE, errorCode, setCookieOf } from '../support/auth-helpers.ts';

let t: TestLantern;
let org: string;
beforeAll(async () => {
  t = await TestLantern.start({ loginAttempts: { limit: 10_000, windowMs: MINUTE } });
  org = await t.createOrg();
});
afterAll(() => t.close());

// Each test signs in its own users: the clock moves forward in some tests and would expire
// sessions shared between tests.
describe('sessions', () => {
  const getSession = (s?: TestSession, cookie?: string) =>
    t.request('GET', '/api/v1/auth/session', {
      ...(s ? { session: s } : {}),
      ...(cookie ? { headers: { cookie } } : {}),
    });

  it('GET /auth/session answers the signed-in user and the same CSRF token', async () => {
    const s = await t.signIn(org, 'supervisor');
    const res = await getSession(s);
    expect(res.status).toBe(200);
    const body = res.json<{ csrfToken: string; user: { id: string; role: string } }>();
    expect(body.csrfToken).toBe(s.csrfToken);
    expect(body.user).toMatchObject({ id: s.userId, role: 'supervisor', orgId: org });
  });

  it('answers 401 unauthenticated without a cookie, or with a forged or empty cookie value', async () => {
    await t.signIn(org, 'caseworker');
    for (const cookie of [
      undefined,
      `lantern_session=${randomBytes(32).toString('base64url')}`,
      'lantern_session=',
      `other_cookie=${randomBytes(32).toString('base64url')}`,
    ]) {
      const res = await getSession(undefined, cookie);
      expect(res.status, String(cookie)).toBe(401);
      expect(errorCode(res)).toBe('unauthenticated');
    }
  });

  it('the CSRF token is not a session: sending it as the cookie is refused', async () => {
    const s = await t.signIn(org, 'caseworker');
    const res = await getSession(undefined, `lantern_session=${s.csrfToken}`);
    expect(res.status).toBe(401);
  });

  it('ends a session idle for more than 30 minutes: 401 session_expired', async () => {
    const s = await t.signIn(org, 'caseworker');
    t.clock.advance(29 * MINUTE);
    expect((await getSession(s)).status).toBe(200);
    t.clock.advance(31 * MINUTE);
    const res = await getSession(s);
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('session_expired');
    // It stays ended: activity afterwards does not revive it.
    expect(errorCode(await getSession(s))).toBe('session_expired');
  });

  it('activity keeps a session alive, up to the absolute limit of 12 hours after sign-in', async () => {
    const s = await t.signIn(org, 'caseworker');
    // A request every 20 minutes: 35 of them reach 11 h 40 min after sign-in.
    for (let i = 1; i <= 35; i++) {
      t.clock.advance(20 * MINUTE);
      const res = await t.request('GET', '/api/v1/cases', { session: s });
      expect(res.status, `request at ${i * 20} min`).toBe(200);
    }
    t.clock.advance(20 * MINUTE); // 12 h after sign-in
    const res = await getSession(s);
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('session_expired');
    // Signing in again gives a fresh 12 hours.
    const again = await t.login(s.cookie ? await userEmail(s.userId) : '');
    expect(again.status).toBe(200);
  });

  it('POST /auth/logout answers 204, clears the cookie, and the session no longer works', async () => {
    const s = await t.signIn(org, 'caseworker');
    const res = await t.request('POST', '/api/v1/auth/logout', { session: s });
    expect(res.status).toBe(204);
    expect(setCookieOf(res)).toMatch(/^lantern_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
    const after = await getSession(s);
    expect(after.status).toBe(401);
    expect(errorCode(after)).toBe('unauthenticated');
    expect((await t.request('GET', '/api/v1/cases', { session: s })).status).toBe(401);
  });

  it('logging out ends only that session, not the user’s other ones', async () => {
    const user = await t.createUser(org, 'caseworker');
    const [first, second] = [await t.login(user.email), await t.login(user.email)];
    const one: TestSession = sessionOf(first, user.id);
    const two: TestSession = sessionOf(second, user.id);
    expect((await t.request('POST', '/api/v1/auth/logout', { session: one })).status).toBe(204);
    expect((await getSession(one)).status).toBe(401);
    expect((await getSession(two)).status).toBe(200);
  });

  it('logging out needs the CSRF token (another site cannot sign the user out)', async () => {
    const s = await t.signIn(org, 'caseworker');
    const res = await t.request('POST', '/api/v1/auth/logout', { headers: { cookie: s.cookie } });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('csrf_failed');
    expect((await getSession(s)).status).toBe(200);
  });

  async function userEmail(id: string): Promise<string> {
    const [row] = await t.database.superuser('SELECT email FROM users WHERE id = $1', [id]);
    return String(row!.email);
  }

  function sessionOf(res: Awaited<ReturnType<TestLantern['login']>>, userId: string): TestSession {
    expect(res.status).toBe(200);
    return {
      cookie: setCookieOf(res)!.split(';')[0]!,
      csrfToken: res.json<{ csrfToken: string }>().csrfToken,
      userId,
      orgId: org,
    };
  }
});

describe('CSRF and content-type defences on state-changing requests', () => {
  let s: TestSession;
  let other: TestSession;
  beforeAll(async () => {
    s = await t.signIn(org, 'caseworker');
    other = await t.signIn(org, 'caseworker');
  });

  const countCases = async () =>
    Number((await t.database.superuser('SELECT count(*)::int AS n FROM cases'))[0]!.n);

  const postCase = (headers: Record<string, string>) =>
    t.request('POST', '/api/v1/cases', {
      headers: { cookie: s.cookie, ...headers },
      body: caseBody(),
    });

  it.each([
    ['no x-csrf-token header', {}],
    ['a wrong token', { 'x-csrf-token': randomBytes(32).toString('base64url') }],
    ['an empty token', { 'x-csrf-token': '' }],
  ])('refuses POST /cases with %s: 403 csrf_failed, nothing written', async (_what, headers) => {
    const before = await countCases();
    const res = await postCase(headers);
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('csrf_failed');
    expect(await countCases()).toBe(before);
  });

  it('refuses the CSRF token of another session: 403 csrf_failed, nothing written', async () => {
    const before = await countCases();
    const res = await postCase({ 'x-csrf-token': other.csrfToken });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('csrf_failed');
    expect(await countCases()).toBe(before);
  });

  it('accepts the same request with the session’s own token (the refusals above are the token’s)', async () => {
    const before = await countCases();
    const res = await postCase({ 'x-csrf-token': s.csrfToken });
    expect(res.status).toBe(201);
    expect(await countCases()).toBe(before + 1);
  });

  it.each([
    ['application/x-www-form-urlencoded', 'givenName=Amina&familyName=Okafor'],
    ['text/plain', JSON.stringify(caseBody())],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--',
    ],
  ])(
    'refuses a body sent as %s (what an HTML form can send): 415 unsupported_media_type',
    async (contentType, rawBody) => {
      const before = await countCases();
      const res = await t.request('POST', '/api/v1/cases', {
        session: s, // even with the right token
        rawBody,
        headers: { 'content-type': contentType },
      });
      expect(res.status).toBe(415);
      expect(errorCode(res)).toBe('unsupported_media_type');
      expect(await countCases()).toBe(before);
    },
  );
});
