import type { Role } from '../../shared/api/auth.schema.ts';
import type { User } from '../../shared/api/users.schema.ts';
import { hashPassword, oneTimePassword } from '../auth/passwords.ts';
import { deleteUserSessions } from '../auth/sessions.repo.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import type { UserRow } from './users.repo.ts';
import {
  emailTaken,
  findUser,
  insertUser,
  listUsers,
  setPassword,
  updateUser,
} from './users.repo.ts';

export function presentUser(u: UserRow, now: Date): User {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    disabled: u.disabled,
    totpEnabled: u.totpEnabled,
    locked: u.lockedUntil !== null && u.lockedUntil > now,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function listOrgUsers(ctx: ServiceContext): Promise<User[]> {
  const now = ctx.clock.now();
  return (await listUsers(ctx.tx)).map((u) => presentUser(u, now));
}

/** Creates a user of the actor's organisation with a one-time password to change at first sign-in. */
export async function createOrgUser(
  ctx: ServiceContext,
  input: { email: string; displayName: string; role: Role },
): Promise<{ user: User; oneTimePassword: string }> {
  // E-mail addresses are unique across organisations. Row-level security hides other
  // organisations' users from this check; the unique constraint catches those (mapped to 409).
  if (await emailTaken(ctx.tx, input.email)) {
    throw new AppError('conflict', 'A user with this e-mail address already exists.', [
      { path: 'email', message: 'is already in use' },
    ]);
  }
  const password = oneTimePassword();
  const row = await insertUser(ctx.tx, {
    id: newId(),
    orgId: ctx.actor.orgId,
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
    now: ctx.clock.now(),
  });
  await ctx.audit({
    action: 'user.created',
    recordType: 'user',
    recordId: row.id,
    fields: ['email', 'displayName', 'role'],
  });
  return { user: presentUser(row, ctx.clock.now()), oneTimePassword: password };
}

export async function updateOrgUser(
  ctx: ServiceContext,
  id: string,
  patch: {
    displayName?: string | undefined;
    role?: Role | undefined;
    disabled?: boolean | undefined;
  },
): Promise<User> {
  if (
    id === ctx.actor.userId &&
    (patch.disabled === true || (patch.role && patch.role !== 'admin'))
  ) {
    throw new AppError(
      'conflict',
      'You cannot disable yourself or remove your own administrator role.',
    );
  }
  const row = await updateUser(ctx.tx, id, patch, ctx.clock.now());
  if (!row) throw AppError.notFound('user');
  if (patch.disabled) await deleteUserSessions(ctx.tx, id);
  await ctx.audit({
    action: 'user.updated',
    recordType: 'user',
    recordId: id,
    fields: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined),
  });
  return presentUser(row, ctx.clock.now());
}

/** Replaces a user's password with a one-time password and signs them out everywhere. */
export async function resetOrgUserPassword(
  ctx: ServiceContext,
  id: string,
): Promise<{ oneTimePassword: string }> {
  if (!(await findUser(ctx.tx, id))) throw AppError.notFound('user');
  const password = oneTimePassword();
  await setPassword(ctx.tx, id, await hashPassword(password), true, ctx.clock.now());
  await deleteUserSessions(ctx.tx, id);
  await ctx.audit({ action: 'user.password_reset', recordType: 'user', recordId: id });
  return { oneTimePassword: password };
}
