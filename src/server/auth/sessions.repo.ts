import type { Role } from '../../shared/api/auth.schema.ts';
import type { Tx } from '../db/database.ts';

export interface SessionRecord {
  sessionId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userId: string;
  orgId: string;
  orgName: string;
  requireTotp: boolean;
  email: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  disabled: boolean;
}

export async function insertSession(
  tx: Tx,
  s: {
    id: string;
    tokenHash: Buffer;
    userId: string;
    orgId: string;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO sessions (id, token_hash, user_id, org_id, csrf_token, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7)`,
    [s.id, s.tokenHash, s.userId, s.orgId, s.csrfToken, s.now, s.expiresAt],
  );
}

/**
 * The session with its user and organisation, by the hash of the cookie's token (system scope).
 * With `enterOrg`, the same statement also narrows the transaction to the user's organisation
 * (as `SET LOCAL ROLE lantern_app` and `lantern.org_id` do; see database.ts), saving a round
 * trip on every request; the caller rolls back if the session then turns out invalid.
 */
export async function findSession(
  tx: Tx,
  tokenHash: Buffer,
  options: { enterOrg?: boolean } = {},
): Promise<SessionRecord | undefined> {
  const enter = options.enterOrg
    ? `, set_config('lantern.org_id', u.org_id::text, true) AS "_org",
         set_config('lantern.user_id', u.id::text, true) AS "_user",
         set_config('role', 'lantern_app', true) AS "_role"`
    : '';
  const [row] = await tx.query<SessionRecord>(
    `SELECT s.id AS "sessionId", s.csrf_token AS "csrfToken", s.created_at AS "createdAt",
            s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
            u.id AS "userId", u.org_id AS "orgId", o.name AS "orgName",
            o.require_totp AS "requireTotp", u.email, u.display_name AS "displayName", u.role,
            u.must_change_password AS "mustChangePassword", u.totp_enabled AS "totpEnabled",
            u.disabled${enter}
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.org_id
      WHERE s.token_hash = $1`,
    [tokenHash],
  );
  return row;
}

export async function touchSession(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [id, now]);
}

export async function deleteSession(tx: Tx, id: string): Promise<void> {
  await tx.query('DELETE FROM sessions WHERE id = $1', [id]);
}

/** Signs a user out everywhere (after a password change, reset or disabling), except `keep`. */
export async function deleteUserSessions(tx: Tx, userId: string, keep?: string): Promise<void> {
  await tx.query('DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2', [
    userId,
    keep ?? null,
  ]);
}
