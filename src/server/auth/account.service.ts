import type { Keyring } from '../crypto/keyring.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import type { UserRow } from '../users/users.repo.ts';
import { findUser, recordLoginFailure, setPassword, setTotp } from '../users/users.repo.ts';
import type { SessionPolicy } from './auth.service.ts';
import { nextFailure } from './auth.service.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { deleteUserSessions } from './sessions.repo.ts';
import { openTotpSecret, sealTotpSecret } from './totp-secret.ts';
import { base32Encode, newTotpSecret, otpauthUrl, verifyTotp } from './totp.ts';

async function currentUser(ctx: ServiceContext) {
  const user = await findUser(ctx.tx, ctx.actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first.');
  return user;
}

/** A refusal whose bookkeeping (failure count, lock, audit entry) must be committed. */
export type Checked = { ok: true } | { ok: false; error: AppError };

/**
 * A wrong password typed inside a session counts towards lock-out like a wrong sign-in, so an
 * unattended session cannot be used to guess the password; reaching the limit signs the user
 * out everywhere. Returns the error for the caller to raise after the transaction commits.
 */
async function refusePassword(
  ctx: ServiceContext,
  user: UserRow,
  policy: SessionPolicy,
  field: string,
): Promise<Checked> {
  const { attempts, lockedUntil } = nextFailure(user, ctx.clock.now(), policy);
  await recordLoginFailure(ctx.tx, user.id, attempts, lockedUntil);
  if (lockedUntil) await deleteUserSessions(ctx.tx, user.id);
  await ctx.audit({
    action: lockedUntil ? 'auth.account_locked' : 'auth.password_check_failed',
    recordType: 'user',
    recordId: user.id,
  });
  return {
    ok: false,
    error: lockedUntil
      ? new AppError('account_locked', 'Too many wrong passwords. You have been signed out.')
      : new AppError('validation_failed', 'The password is not correct.', [
          { path: field, message: 'is not correct' },
        ]),
  };
}

/** Changes the signed-in user's password and signs out their other sessions. */
export async function changePassword(
  ctx: ServiceContext,
  policy: SessionPolicy,
  input: { currentPassword: string; newPassword: string },
): Promise<Checked> {
  const user = await currentUser(ctx);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return refusePassword(ctx, user, policy, 'currentPassword');
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation_failed', 'Choose a password different from the current one.', [
      { path: 'newPassword', message: 'must differ from the current password' },
    ]);
  }
  await setPassword(ctx.tx, user.id, await hashPassword(input.newPassword), false, ctx.clock.now());
  await deleteUserSessions(ctx.tx, user.id, ctx.actor.sessionId);
  await ctx.audit({ action: 'user.password_changed', recordType: 'user', recordId: user.id });
  return { ok: true };
}

/** Starts TOTP enrolment: a new secret, stored but not yet active until a code confirms it. */
export async function setupTotp(
  ctx: ServiceContext,
  keyring: Keyring,
): Promise<{ secret: string; otpauthUrl: string }> {
  const user = await currentUser(ctx);
  if (user.totpEnabled) throw new AppError('conflict', 'Two-factor sign-in is already on.');
  const secret = newTotpSecret();
  const sealed = await sealTotpSecret(ctx.tx, keyring, user.orgId, user.id, secret);
  await setTotp(ctx.tx, user.id, { secret: sealed, enabled: false }, ctx.clock.now());
  await ctx.audit({ action: 'user.totp_setup', recordType: 'user', recordId: user.id });
  return { secret: base32Encode(secret), otpauthUrl: otpauthUrl(secret, user.email) };
}

export async function confirmTotp(
  ctx: ServiceContext,
  keyring: Keyring,
  code: string,
): Promise<void> {
  const user = await currentUser(ctx);
  if (user.totpEnabled || !user.totpSecret) {
    throw new AppError('conflict', 'Start two-factor set-up first.');
  }
  const secret = await openTotpSecret(ctx.tx, keyring, user.orgId, user.id, user.totpSecret);
  const step = verifyTotp(secret, code, ctx.clock.now(), null);
  if (step === null) throw new AppError('invalid_totp', 'The code is not correct.');
  await setTotp(
    ctx.tx,
    user.id,
    { secret: Buffer.from(user.totpSecret), enabled: true, lastStep: step },
    ctx.clock.now(),
  );
  await ctx.audit({ action: 'user.totp_enabled', recordType: 'user', recordId: user.id });
}

export async function disableTotp(
  ctx: ServiceContext,
  policy: SessionPolicy,
  password: string,
): Promise<Checked> {
  const user = await currentUser(ctx);
  if (!(await verifyPassword(user.passwordHash, password))) {
    return refusePassword(ctx, user, policy, 'password');
  }
  await setTotp(ctx.tx, user.id, { secret: null, enabled: false }, ctx.clock.now());
  await ctx.audit({ action: 'user.totp_disabled', recordType: 'user', recordId: user.id });
  return { ok: true };
}
