import type { Role } from '../../shared/api/auth.schema.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { hashPassword, oneTimePassword } from '../auth/passwords.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Tx } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import type { Clock } from '../shared/clock.ts';
import { newId } from '../shared/ids.ts';
import { emailTaken, insertUser } from '../users/users.repo.ts';
import type { OrganisationRow } from './organisations.repo.ts';
import { findOrganisation, insertOrganisation, updateOrganisation } from './organisations.repo.ts';

/** Creates an organisation with its own data key (system scope: CLI and first start). */
export async function provisionOrganisation(
  tx: Tx,
  deps: { keyring: Keyring; clock: Clock },
  name: string,
): Promise<{ id: string }> {
  const id = newId();
  const now = deps.clock.now();
  await insertOrganisation(tx, { id, name, wrappedKey: deps.keyring.newWrappedKey(id), now });
  await appendAudit(tx, {
    orgId: null,
    actorId: null,
    action: 'organisation.created',
    recordType: 'organisation',
    recordId: id,
    fields: ['name'],
    sourceIp: null,
    at: now,
  });
  return { id };
}

/**
 * Creates a user in any organisation (system scope: CLI and first start). Without a password,
 * a one-time password is generated and must be changed at first sign-in.
 */
export async function provisionUser(
  tx: Tx,
  deps: { clock: Clock },
  input: { orgId: string; email: string; displayName?: string; role: Role; password?: string },
): Promise<{ id: string; oneTimePassword?: string }> {
  if (!(await findOrganisation(tx, input.orgId))) throw AppError.notFound('organisation');
  if (await emailTaken(tx, input.email)) {
    throw new AppError('conflict', 'A user with this e-mail address already exists.');
  }
  const generated = input.password === undefined ? oneTimePassword() : undefined;
  const now = deps.clock.now();
  const row = await insertUser(tx, {
    id: newId(),
    orgId: input.orgId,
    email: input.email,
    displayName: input.displayName ?? input.email.split('@')[0]!,
    role: input.role,
    passwordHash: await hashPassword(input.password ?? generated!),
    mustChangePassword: generated !== undefined,
    now,
  });
  await appendAudit(tx, {
    orgId: input.orgId,
    actorId: null,
    action: 'user.created',
    recordType: 'user',
    recordId: row.id,
    fields: ['email', 'displayName', 'role'],
    sourceIp: null,
    at: now,
  });
  return generated ? { id: row.id, oneTimePassword: generated } : { id: row.id };
}

export async function getOwnOrganisation(ctx: ServiceContext): Promise<OrganisationRow> {
  const org = await findOrganisation(ctx.tx, ctx.actor.orgId);
  if (!org) throw AppError.notFound('organisation');
  return org;
}

export async function updateOwnOrganisation(
  ctx: ServiceContext,
  patch: { name?: string | undefined; requireTotp?: boolean | undefined },
): Promise<OrganisationRow> {
  const org = await updateOrganisation(ctx.tx, ctx.actor.orgId, patch);
  if (!org) throw AppError.notFound('organisation');
  await ctx.audit({
    action: 'organisation.updated',
    recordType: 'organisation',
    recordId: org.id,
    fields: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined),
  });
  return org;
}
