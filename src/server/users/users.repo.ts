import type { Role } from '../../shared/api/auth.schema.ts';
import type { Tx } from '../db/database.ts';

export interface UserRow {
  id: string;
  orgId: string;
  email: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
  totpSecret: Uint8Array | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  failedAttempts: number;
  lockedUntil: Date | null;
  disabled: boolean;
  createdAt: Date;
}

const COLUMNS = `id, org_id AS "orgId", email, display_name AS "displayName", role,
  password_hash AS "passwordHash", must_change_password AS "mustChangePassword",
  totp_secret AS "totpSecret", totp_enabled AS "totpEnabled", totp_last_step AS "totpLastStep",
  failed_attempts AS "failedAttempts", locked_until AS "lockedUntil", disabled,
  created_at AS "createdAt"`;

export async function insertUser(
  tx: Tx,
  u: {
    id: string;
    orgId: string;
    email: string;
    displayName: string;
    role: Role;
    passwordHash: string;
    mustChangePassword: boolean;
    now: Date;
  },
): Promise<UserRow> {
  const [row] = await tx.query<UserRow>(
    `INSERT INTO users (id, org_id, email, display_name, role, password_hash, must_change_password,
                        created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING ${COLUMNS}`,
    [u.id, u.orgId, u.email, u.displayName, u.role, u.passwordHash, u.mustChangePassword, u.now],
  );
  return row!;
}

export async function emailTaken(tx: Tx, email: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM users WHERE email = $1', [email]);
  return rows.length > 0;
}

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await tx.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE email = $1`, [email]);
  return row;
}

export async function findUser(tx: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return row;
}

export async function listUsers(tx: Tx): Promise<UserRow[]> {
  return tx.query<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY display_name, email`);
}

export async function updateUser(
  tx: Tx,
  id: string,
  patch: {
    displayName?: string | undefined;
    role?: Role | undefined;
    disabled?: boolean | undefined;
  },
  now: Date,
): Promise<UserRow | undefined> {
  const [row] = await tx.query<UserRow>(
    `UPDATE users SET display_name = coalesce($2, display_name), role = coalesce($3, role),
       disabled = coalesce($4, disabled), updated_at = $5
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, patch.displayName ?? null, patch.role ?? null, patch.disabled ?? null, now],
  );
  return row;
}

export async function setPassword(
  tx: Tx,
  id: string,
  passwordHash: string,
  mustChange: boolean,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE users SET password_hash = $2, must_change_password = $3, failed_attempts = 0,
       locked_until = NULL, updated_at = $4 WHERE id = $1`,
    [id, passwordHash, mustChange, now],
  );
}

export async function recordLoginFailure(
  tx: Tx,
  id: string,
  attempts: number,
  lockedUntil: Date | null,
): Promise<void> {
  await tx.query('UPDATE users SET failed_attempts = $2, locked_until = $3 WHERE id = $1', [
    id,
    attempts,
    lockedUntil,
  ]);
}

export async function recordLoginSuccess(
  tx: Tx,
  id: string,
  totpStep: number | null,
): Promise<void> {
  await tx.query(
    `UPDATE users SET failed_attempts = 0, locked_until = NULL,
       totp_last_step = coalesce($2, totp_last_step) WHERE id = $1`,
    [id, totpStep],
  );
}

export async function setTotp(
  tx: Tx,
  id: string,
  t: { secret: Buffer | null; enabled: boolean; lastStep?: number | null },
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE users SET totp_secret = $2, totp_enabled = $3, totp_last_step = $4, updated_at = $5
     WHERE id = $1`,
    [id, t.secret, t.enabled, t.lastStep ?? null, now],
  );
}
