import type { TestLantern, TestResponse, TestSession } from './test-app.ts';

/** The error code of an API error response (`undefined` when the body is not an error). */
export const errorCode = (res: TestResponse): string | undefined =>
  (res.body as { error?: { code?: string } } | undefined)?.error?.code;

export const errorOf = (res: TestResponse) =>
  res.json<{ error: { code: string; message: string; details?: unknown } }>().error;

/** The raw Set-Cookie header of a response, as one string. */
export function setCookieOf(res: TestResponse): string | undefined {
  const header = res.headers['set-cookie'];
  if (typeof header === 'string') return header;
  if (Array.isArray(header)) return header.map(String).join('\n');
  return undefined;
}

/** The `name=value` part of the session cookie a sign-in answered. */
export function cookieOf(res: TestResponse): string {
  const header = setCookieOf(res);
  if (!header) throw new Error(`no Set-Cookie in response ${res.status}`);
  return header.split(';')[0]!;
}

/** Signs in with explicit credentials and answers the session, or throws with the reason. */
export async function sessionFor(
  t: TestLantern,
  user: { id: string; email: string },
  orgId: string,
  password?: string,
  totp?: string,
): Promise<TestSession> {
  const res = await t.login(user.email, password, totp);
  if (res.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
  return {
    cookie: cookieOf(res),
    csrfToken: res.json<{ csrfToken: string }>().csrfToken,
    userId: user.id,
    orgId,
  };
}

/** Rows of audit_log for one actor, oldest first (read as the superuser, across scopes). */
export async function auditActions(t: TestLantern, actorId: string): Promise<string[]> {
  const rows = await t.database.superuser(
    'SELECT action FROM audit_log WHERE actor_id = $1 ORDER BY seq',
    [actorId],
  );
  return rows.map((r) => String(r.action));
}

export const MINUTE = 60_000;
