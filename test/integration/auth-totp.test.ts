import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totpAt } from '../../src/server/auth/totp.ts';
import type { TestSession } from '../support/test-app.ts';
import { PASSWORD, TestLantern } from '../support/test-app.ts';
import {
  MINUTE,
  auditActions,
  errorCode,
  errorOf,
  sessionFor,
  setCookieOf,
} from '../support/auth-helpers.ts';

const STEP = 30_000;

let t: TestLantern;
beforeAll(async () => {
  t = await TestLantern.start({ loginAttempts: { limit: 10_000, windowMs: MINUTE } });
});
afterAll(() => t.close());

/** The code an authenticator app shows now for `secret`. */
const codeNow = (secret: string) => totpAt(base32Decode(secret), t.clock.now());

/** A 6-digit code that is valid in none of the steps around now. */
function wrongCode(secret: string): string {
  const key = base32Decode(secret);
  const valid = new Set(
    [-1, 0, 1].map((d) => totpAt(key, new Date(t.clock.now().getTime() + d * STEP))),
  );
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

async function setup(s: TestSession): Promise<string> {
  const res = await t.request('POST', '/api/v1/auth/totp/setup', { session: s });
  expect(res.status).toBe(200);
  return res.json<{ secret: string }>().secret;
}

/** Enrols the user of `s` and moves past the step of the confirming code. */
async function enrol(s: TestSession): Promise<string> {
  const secret = await setup(s);
  const res = await t.request('POST', '/api/v1/auth/totp/confirm', {
    session: s,
    body: { code: codeNow(secret) },
  });
  expect(res.status).toBe(204);
  t.clock.advance(STEP);
  return secret;
}

async function emailOf(userId: string): Promise<string> {
  const [row] = await t.database.superuser('SELECT email FROM users WHERE id = $1', [userId]);
  return String(row!.email);
}

describe('two-factor sign-in (TOTP)', () => {
  let org: string;
  beforeAll(async () => {
    org = await t.createOrg();
  });

  it('set-up answers a base32 secret and an otpauth URL naming the user', async () => {
    const s = await t.signIn(org, 'caseworker');
    const res = await t.request('POST', '/api/v1/auth/totp/setup', { session: s });
    expect(res.status).toBe(200);
    const { secret, otpauthUrl } = res.json<{ secret: string; otpauthUrl: string }>();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Lantern%3A/);
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(decodeURIComponent(otpauthUrl)).toContain(await emailOf(s.userId));
    // The secret is stored encrypted, not as the bytes an authenticator holds.
    const [row] = await t.database.superuser('SELECT totp_secret FROM users WHERE id = $1', [
      s.userId,
    ]);
    expect(Buffer.from(row!.totp_secret as Uint8Array).includes(base32Decode(secret))).toBe(false);
  });

  it('is not required at sign-in until a code confirms the set-up', async () => {
    const s = await t.signIn(org, 'caseworker');
    const secret = await setup(s);
    const email = await emailOf(s.userId);
    expect((await t.login(email)).status).toBe(200);
    const wrong = await t.request('POST', '/api/v1/auth/totp/confirm', {
      session: s,
      body: { code: wrongCode(secret) },
    });
    expect(wrong.status).toBe(401);
    expect(errorCode(wrong)).toBe('invalid_totp');
    expect((await t.login(email)).status).toBe(200);
  });

  it('once confirmed, sign-in needs the code: none → totp_required, wrong → invalid_totp, right → 200', async () => {
    const s = await t.signIn(org, 'caseworker');
    const secret = await enrol(s);
    const email = await emailOf(s.userId);

    const none = await t.login(email);
    expect(none.status).toBe(401);
    expect(errorCode(none)).toBe('totp_required');
    expect(setCookieOf(none)).toBeUndefined();

    const wrong = await t.login(email, PASSWORD, wrongCode(secret));
    expect(wrong.status).toBe(401);
    expect(errorCode(wrong)).toBe('invalid_totp');
    expect(setCookieOf(wrong)).toBeUndefined();

    const right = await t.login(email, PASSWORD, codeNow(secret));
    expect(right.status).toBe(200);
    expect(right.json<{ user: { totpEnabled: boolean } }>().user.totpEnabled).toBe(true);
  });

  it('a right code with a wrong password is still refused as invalid_credentials', async () => {
    const s = await t.signIn(org, 'caseworker');
    const secret = await enrol(s);
    const res = await t.login(await emailOf(s.userId), 'not the password', codeNow(secret));
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('invalid_credentials');
  });

  it('a wrong code counts as a failed sign-in: five lock the account', async () => {
    const s = await t.signIn(org, 'caseworker');
    const secret = await enrol(s);
    const email = await emailOf(s.userId);
    for (let i = 0; i < 5; i++) {
      expect(errorCode(await t.login(email, PASSWORD, wrongCode(secret)))).toBe('invalid_totp');
    }
    const res = await t.login(email, PASSWORD, codeNow(secret));
    expect(res.status).toBe(423);
    expect(errorCode(res)).toBe('account_locked');
    expect((await auditActions(t, s.userId)).filter((a) => a === 'auth.login_failed')).toHaveLength(
      4,
    );
  });

  it('refuses to replay a code: the same code for a second sign-in in the same 30 s step', async () => {
    const s = await t.signIn(org, 'caseworker');
    const secret = await enrol(s);
    const email = await emailOf(s.userId);
    const code = codeNow(secret);
    expect((await t.login(email, PASSWORD, code)).status).toBe(200);
    const replay = await t.login(email, PASSWORD, code);
    expect(replay.status).toBe(401);
    expect(errorCode(replay)).toBe('invalid_totp');
    // The next step's code works.
    t.clock.advance(STEP);
    expect((await t.login(email, PASSWORD, codeNow(secret))).status).toBe(200);
  });

  it('refuses the code that confirmed the set-up for a sign-in in the same step', async () => {
    const s = await t.signIn(org, 'caseworker');
    const secret = await setup(s);
    const code = codeNow(secret);
    const confirm = await t.request('POST', '/api/v1/auth/totp/confirm', {
      session: s,
      body: { code },
    });
    expect(confirm.status).toBe(204);
    expect(errorCode(await t.login(await emailOf(s.userId), PASSWORD, code))).toBe('invalid_totp');
  });

  it('turning it off needs the password; afterwards sign-in needs no code', async () => {
    const s = await t.signIn(org, 'caseworker');
    const secret = await enrol(s);
    const email = await emailOf(s.userId);
    const session = await sessionFor(t, { id: s.userId, email }, org, PASSWORD, codeNow(secret));

    const wrong = await t.request('POST', '/api/v1/auth/totp/disable', {
      session,
      body: { password: 'not the password' },
    });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong).details).toEqual([expect.objectContaining({ path: 'password' })]);
    expect(errorCode(await t.login(email))).toBe('totp_required');

    const missing = await t.request('POST', '/api/v1/auth/totp/disable', { session, body: {} });
    expect(missing.status).toBe(400);

    const right = await t.request('POST', '/api/v1/auth/totp/disable', {
      session,
      body: { password: PASSWORD },
    });
    expect(right.status).toBe(204);
    expect((await t.login(email)).status).toBe(200);
  });

  it('set-up again while it is on is refused with 409 (the active secret is kept)', async () => {
    const s = await t.signIn(org, 'caseworker');
    const secret = await enrol(s);
    const res = await t.request('POST', '/api/v1/auth/totp/setup', { session: s });
    expect(res.status).toBe(409);
    expect((await t.login(await emailOf(s.userId), PASSWORD, codeNow(secret))).status).toBe(200);
  });
});

describe('organisation requiring two-factor sign-in', () => {
  let org: string;
  let admin: TestSession;
  beforeAll(async () => {
    org = await t.createOrg();
    admin = await t.signIn(org, 'admin');
    const res = await t.request('PATCH', '/api/v1/organisation', {
      session: admin,
      body: { requireTotp: true },
    });
    expect(res.status).toBe(200);
    expect(res.json<{ requireTotp: boolean }>().requireTotp).toBe(true);
  });

  it('a user without TOTP can sign in but gets 403 totp_enrollment_required on cases', async () => {
    const s = await t.signIn(org, 'caseworker');
    const session = await t.request('GET', '/api/v1/auth/session', { session: s });
    expect(session.status).toBe(200);
    expect(
      session.json<{ user: { totpEnrollmentRequired: boolean } }>().user.totpEnrollmentRequired,
    ).toBe(true);
    const cases = await t.request('GET', '/api/v1/cases', { session: s });
    expect(cases.status).toBe(403);
    expect(errorCode(cases)).toBe('totp_enrollment_required');
  });

  it('the user can set up TOTP, and then works with cases', async () => {
    const s = await t.signIn(org, 'caseworker');
    await enrol(s);
    expect((await t.request('GET', '/api/v1/cases', { session: s })).status).toBe(200);
  });

  it('applies to the administrator who switched it on, too', async () => {
    const res = await t.request('GET', '/api/v1/users', { session: admin });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('totp_enrollment_required');
  });

  it('does not apply to users of other organisations', async () => {
    const elsewhere = await t.signIn(await t.createOrg(), 'caseworker');
    expect((await t.request('GET', '/api/v1/cases', { session: elsewhere })).status).toBe(200);
  });
});
