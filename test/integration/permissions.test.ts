import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totpAt } from '../../src/server/auth/totp.ts';
import type { Role } from '../../src/shared/api/auth.schema.ts';
import { ROLES } from '../../src/shared/api/auth.schema.ts';
import { auditEntries, errorOf } from '../support/api.ts';
import { apiRouteKeys } from '../support/routes.ts';
import type { TestResponse, TestSession } from '../support/test-app.ts';
import { PASSWORD, TestLantern, caseBody } from '../support/test-app.ts';

type ByRole = Record<Role, number>;
/** One row of statuses, in the column order of the table below. */
const by = (
  admin: number,
  supervisor: number,
  caseworker: number,
  analyst: number,
  provider: number,
): ByRole => ({
  admin,
  supervisor,
  caseworker,
  analyst,
  provider,
});

interface Row {
  /** Without a session cookie. */
  anon: number;
  /** Signed in; any record the endpoint names belongs to the user's own organisation. */
  same: ByRole;
  /** Signed in; the record the endpoint names belongs to another organisation. */
  other?: ByRole;
}

// The expected answers, written out by hand from the intended policy (src/server/policy/policy.ts
// and docs/security.md): administrators manage users and the organisation but do not read case
// files; supervisors and caseworkers do casework; analysts and providers touch neither; everyone
// reads their own organisation and manages their own account. Records of another organisation:
// 404 where the role may act at all, 403 where it may not (the policy answers before any look-up).
//
// Columns of by(…): admin, supervisor, caseworker, analyst, provider.
const MATRIX: Record<string, Row> = {
  'POST /api/v1/auth/login': { anon: 200, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/auth/session': { anon: 401, same: by(200, 200, 200, 200, 200) },
  'POST /api/v1/auth/logout': { anon: 401, same: by(204, 204, 204, 204, 204) },
  'POST /api/v1/auth/password': { anon: 401, same: by(204, 204, 204, 204, 204) },
  'POST /api/v1/auth/totp/setup': { anon: 401, same: by(200, 200, 200, 200, 200) },
  'POST /api/v1/auth/totp/confirm': { anon: 401, same: by(204, 204, 204, 204, 204) },
  'POST /api/v1/auth/totp/disable': { anon: 401, same: by(204, 204, 204, 204, 204) },
  'GET /api/v1/cases': { anon: 401, same: by(403, 200, 200, 403, 403) },
  'POST /api/v1/cases': { anon: 401, same: by(403, 201, 201, 403, 403) },
  'GET /api/v1/cases/:id': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/persons/lookup': { anon: 401, same: by(403, 200, 200, 403, 403) },
  'GET /api/v1/users': { anon: 401, same: by(200, 403, 403, 403, 403) },
  'POST /api/v1/users': { anon: 401, same: by(201, 403, 403, 403, 403) },
  'PATCH /api/v1/users/:id': {
    anon: 401,
    same: by(200, 403, 403, 403, 403),
    other: by(404, 403, 403, 403, 403),
  },
  'POST /api/v1/users/:id/reset-password': {
    anon: 401,
    same: by(200, 403, 403, 403, 403),
    other: by(404, 403, 403, 403, 403),
  },
  'GET /api/v1/organisation': { anon: 401, same: by(200, 200, 200, 200, 200) },
  'PATCH /api/v1/organisation': { anon: 401, same: by(200, 403, 403, 403, 403) },
  // The API's own documentation is public: the same answer for everyone.
  'GET /api/v1/openapi.json': { anon: 200, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/docs': { anon: 200, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/docs/': { anon: 200, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/docs/*': { anon: 200, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/docs/json': { anon: 200, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/docs/yaml': { anon: 200, same: by(200, 200, 200, 200, 200) },
  // Swagger UI redirects its static index page to /api/v1/docs/.
  'GET /api/v1/docs/static/index.html': { anon: 302, same: by(302, 302, 302, 302, 302) },
  'GET /api/v1/docs/static/swagger-initializer.js': {
    anon: 200,
    same: by(200, 200, 200, 200, 200),
  },
};

type Method = 'GET' | 'POST' | 'PATCH';
interface Target {
  caseId: string;
  userId: string;
}
interface Cell {
  /** The acting user, or null for an unauthenticated request. */
  session: TestSession | null;
  email: string;
  target: Target;
}

describe('permission matrix', () => {
  let t: TestLantern;
  let orgA: string;
  const targets: Record<'same' | 'other' | 'missing', Target> = {} as never;

  beforeAll(async () => {
    // Every cell signs in anew: lift the sign-in throttle well above the matrix's size.
    t = await TestLantern.start({ loginAttempts: { limit: 100_000, windowMs: 60_000 } });
    orgA = await t.createOrg('Org A');
    const orgB = await t.createOrg('Org B');
    for (const [key, org] of [
      ['same', orgA],
      ['other', orgB],
    ] as const) {
      const worker = await t.signIn(org, 'caseworker');
      const { id: caseId } = await t.createCase(worker);
      const { id: userId } = await t.createUser(org, 'caseworker');
      targets[key] = { caseId, userId };
    }
    targets.missing = { caseId: randomUUID(), userId: randomUUID() };
  });
  afterAll(() => t.close());

  /** The request a cell sends: a valid one, so that only the permission decides. */
  async function send(key: string, cell: Cell): Promise<TestResponse> {
    const [method, pattern] = key.split(' ') as [Method, string];
    const url = pattern
      .replace('/cases/:id', `/cases/${cell.target.caseId}`)
      .replace('/users/:id', `/users/${cell.target.userId}`)
      .replace('/docs/*', '/docs/static/swagger-ui.css');
    const session = cell.session ?? undefined;
    const bodies: Record<string, () => unknown> = {
      'POST /api/v1/auth/login': () => ({ email: cell.email, password: PASSWORD }),
      'POST /api/v1/auth/password': () => ({
        currentPassword: PASSWORD,
        newPassword: 'another long password',
      }),
      'POST /api/v1/auth/totp/confirm': async () => {
        if (!session) return { code: '123456' };
        const setup = await t.request('POST', '/api/v1/auth/totp/setup', { session });
        const secret = base32Decode(setup.json<{ secret: string }>().secret);
        return { code: totpAt(secret, t.clock.now()) };
      },
      'POST /api/v1/auth/totp/disable': () => ({ password: PASSWORD }),
      'POST /api/v1/cases': () => caseBody(),
      'POST /api/v1/persons/lookup': () => ({ givenName: 'Amina', familyName: 'Okafor' }),
      'POST /api/v1/users': () => ({
        email: `new-${randomBytes(4).toString('hex')}@example.org`,
        displayName: 'New Colleague',
        role: 'caseworker',
      }),
      'PATCH /api/v1/users/:id': () => ({ displayName: 'Renamed Colleague' }),
      'PATCH /api/v1/organisation': () => ({ name: 'Org A (renamed)' }),
    };
    const body = await bodies[key]?.();
    return t.request(method, url, {
      ...(session ? { session } : {}),
      ...(body === undefined ? {} : { body }),
    });
  }

  /** A fresh user of `role` in org A, signed in unless the endpoint is the sign-in itself. */
  async function actor(
    role: Role,
    key: string,
  ): Promise<{ session: TestSession | null; email: string }> {
    if (key === 'POST /api/v1/auth/login')
      return { session: null, email: (await t.createUser(orgA, role)).email };
    return { session: await t.signIn(orgA, role), email: '' };
  }

  const expectAnswer = (res: TestResponse, status: number) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const codes: Record<number, string> = {
      401: 'unauthenticated',
      403: 'forbidden',
      404: 'not_found',
    };
    if (codes[status]) expect(errorOf(res).code).toBe(codes[status]);
  };

  it('covers every endpoint registered under /api/v1, and only those', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(apiRouteKeys(t.app));
  });

  it('has an other-organisation row exactly for the endpoints that name a record', () => {
    for (const [key, row] of Object.entries(MATRIX))
      expect([key, row.other !== undefined]).toEqual([key, key.includes(':id')]);
  });

  describe.each(Object.entries(MATRIX))('%s', (key, row) => {
    it(`unauthenticated → ${row.anon}`, async () => {
      const email = (await t.createUser(orgA, 'caseworker')).email;
      expectAnswer(await send(key, { session: null, email, target: targets.same }), row.anon);
    });

    it.each(ROLES.map((r) => [r, row.same[r]] as const))(
      '%s, own organisation → %i',
      async (role, status) => {
        expectAnswer(
          await send(key, { ...(await actor(role, key)), target: targets.same }),
          status,
        );
      },
    );

    if (row.other) {
      const other = row.other;
      it.each(ROLES.map((r) => [r, other[r]] as const))(
        '%s, another organisation’s record → %i, exactly as for a record that does not exist',
        async (role, status) => {
          const a = await actor(role, key);
          const foreign = await send(key, { ...a, target: targets.other });
          expectAnswer(foreign, status);
          const missing = await send(key, { ...a, target: targets.missing });
          expect(missing.status).toBe(foreign.status);
          expect(missing.body).toEqual(foreign.body);
        },
      );
    }
  });

  it('a refused case read is decided before the case is fetched: no case.read is written', async () => {
    const before = await auditEntries(t, orgA, 'case.read');
    for (const role of ['admin', 'analyst', 'provider'] as const) {
      const session = await t.signIn(orgA, role);
      const res = await t.request('GET', `/api/v1/cases/${targets.same.caseId}`, { session });
      expect(res.status).toBe(403);
    }
    expect(await auditEntries(t, orgA, 'case.read')).toHaveLength(before.length);
  });
});
