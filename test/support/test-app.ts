import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/shared/api/auth.schema.ts';
import type { CaseCreateBody } from '../../src/shared/api/cases.schema.ts';
import { buildApp } from '../../src/server/app.ts';
import type { AppOptions } from '../../src/server/app.ts';
import { Keyring } from '../../src/server/crypto/keyring.ts';
import { SYSTEM } from '../../src/server/db/database.ts';
import type { ZodApp } from '../../src/server/http/zod-app.ts';
import {
  provisionOrganisation,
  provisionUser,
} from '../../src/server/organisations/organisations.service.ts';
import { ManualClock } from '../../src/server/shared/clock.ts';
import type { TestDatabase } from './test-db.ts';
import { createTestDatabase } from './test-db.ts';

export const PASSWORD = 'a long test password';

export interface TestSession {
  cookie: string;
  csrfToken: string;
  userId: string;
  orgId: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface TestResponse {
  status: number;
  body: unknown;
  headers: Record<string, unknown>;
  /** The parsed body, typed by the caller. */
  json<T>(): T;
}

/**
 * An in-process Lantern on a fresh database with a controllable clock, and factories for
 * organisations, users, sessions and cases (STYLE.md: factories before features).
 */
export class TestLantern {
  private constructor(
    readonly app: ZodApp,
    readonly database: TestDatabase,
    readonly keyring: Keyring,
    readonly clock: ManualClock,
  ) {}

  static async start(options: Partial<AppOptions> = {}): Promise<TestLantern> {
    const database = await createTestDatabase();
    const keyring = new Keyring(randomBytes(32));
    const clock = new ManualClock('2026-06-01T09:00:00Z');
    // Totals are counted afresh by default, so that tests writing through SQL see them at once.
    const app = await buildApp({ db: database.db, keyring, clock, caseCountTtlMs: 0, ...options });
    await app.ready();
    return new TestLantern(app, database, keyring, clock);
  }

  get db() {
    return this.database.db;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.close();
  }

  async createOrg(name = `Org ${randomBytes(3).toString('hex')}`): Promise<string> {
    const { id } = await this.db.transaction(SYSTEM, (tx) =>
      provisionOrganisation(tx, { keyring: this.keyring, clock: this.clock }, name),
    );
    return id;
  }

  /** A user with a known password that needs no change at first sign-in. */
  async createUser(
    orgId: string,
    role: Role,
    email?: string,
  ): Promise<{ id: string; email: string }> {
    const address = email ?? `${role}-${randomBytes(4).toString('hex')}@example.org`;
    const { id } = await this.db.transaction(SYSTEM, (tx) =>
      provisionUser(tx, { clock: this.clock }, { orgId, email: address, role, password: PASSWORD }),
    );
    return { id, email: address };
  }

  async login(email: string, password = PASSWORD, totp?: string): Promise<TestResponse> {
    return this.request('POST', '/api/v1/auth/login', { body: { email, password, totp } });
  }

  /** Creates a user of `role` in `orgId` and signs them in. */
  async signIn(orgId: string, role: Role): Promise<TestSession> {
    const user = await this.createUser(orgId, role);
    const res = await this.login(user.email);
    if (res.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    return {
      cookie,
      csrfToken: res.json<{ csrfToken: string }>().csrfToken,
      userId: user.id,
      orgId,
    };
  }

  async request(
    method: Method,
    url: string,
    opts: {
      session?: TestSession;
      body?: unknown;
      rawBody?: string | Buffer;
      headers?: Record<string, string>;
    } = {},
  ): Promise<TestResponse> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.session) {
      headers.cookie = opts.session.cookie;
      if (method !== 'GET') headers['x-csrf-token'] = opts.session.csrfToken;
    }
    const payload =
      opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    if (payload !== undefined && !headers['content-type'])
      headers['content-type'] = 'application/json';
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
    });
    let body: unknown = res.body;
    try {
      body = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.statusCode, body, headers: res.headers, json: <T>() => body as T };
  }

  async createCase(
    session: TestSession,
    body: Partial<CaseCreateBody> = {},
  ): Promise<{ id: string; reference: string }> {
    const res = await this.request('POST', '/api/v1/cases', { session, body: caseBody(body) });
    if (res.status !== 201) throw new Error(`case creation failed: ${JSON.stringify(res.body)}`);
    return res.json<{ id: string; reference: string }>();
  }
}

/** A valid case body; override any part. */
export function caseBody(over: Partial<CaseCreateBody> = {}): Record<string, unknown> {
  return {
    person: {
      givenName: 'Amina',
      familyName: 'Okafor',
      dateOfBirth: '1998-04-12',
      gender: 'Feminine',
    },
    citizenship: 'NG',
    countryOfExploitation: 'IT',
    typeOfExploitation: ['SexualExploitation'],
    registrationDate: '2026-05-20',
    ...over,
  };
}
