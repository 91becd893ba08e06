import type { Keyring } from '../crypto/keyring.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { findUser, setPassword, setTotp } from '../users/users.repo.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { deleteUserSessions } from './sessions.repo.ts';
import { openTotpSecret, sealTotpSecret } from './totp-secret.ts';
import { base32Encode, newTotpSecret, otpauthUrl, verifyTotp } from './totp.ts';

async function currentUser(ctx: ServiceContext) {
  const user = await findUser(ctx.tx, ctx.actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first.');
  return user;
}

/** Changes the signed-in user's password and signs out their other sessions. */
export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await currentUser(ctx);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', 'The current password is not correct.', [
      { path: 'currentPassword', message: 'is not correct' },
    ]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation_failed', 'Choose a password different from the current one.', [
      { path: 'newPassword', message: 'must differ from the current password' },
    ]);
  }
  await setPassword(ctx.tx, user.id, await hashPassword(input.newPassword), false, ctx.clock.now());
  await deleteUserSessions(ctx.tx, user.id, ctx.actor.sessionId);
  await ctx.audit({ action: 'user.password_changed', recordType: 'user', recordId: user.id });
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

export async function confirmTotp(ctx: ServiceContext, keyring: Keyring, code: string): Promise<void> {
  const user = await currentUser(ctx);
  if (user.totpEnabled || !user.totpSecret) {
    throw new AppError('conflict', 'Start two-factor set-up first.');
  }
  const secret = await openTotpSecret(ctx.tx, keyring, user.orgId, user.id, user.totpSecret);
  const step = verifyTotp(secret, code, ctx.clock.now(), null);
  if (step === null) throw new AppError('invalid_totp', 'The code is not correct.');
  await setTotp(ctx.tx, user.id, { secret: Buffer.from(user.totpSecret), enabled: true, lastStep: step }, ctx.clock.now());
  await ctx.audit({ action: 'user.totp_enabled', recordType: 'user', recordId: user.id });
}

export async function disableTotp(ctx: ServiceContext, password: string): Promise<void> {
  const user = await currentUser(ctx);
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError('validation_failed', 'The password is not correct.', [
      { path: 'password', message: 'is not correct' },
    ]);
  }
  await setTotp(ctx.tx, user.id, { secret: null, enabled: false }, ctx.clock.now());
  await ctx.audit({ action: 'user.totp_disabled', recordType: 'user', recordId: user.id });
}
