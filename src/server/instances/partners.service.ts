import type {
  Partner,
  PartnerCreateBody,
  PartnerList,
  PartnerUpdateBody,
  ServicePartnerBody,
  ServicePartnerLink,
} from '../../shared/api/instances.schema.ts';
import {
  normaliseSafetyNumber,
  safetyNumber,
  sameSafetyNumber,
} from '../../shared/instances/safety-number.ts';
import { AppError } from '../http/app-error.ts';
import type { Tx } from '../db/database.ts';
import type { AuditEvent, ServiceContext } from '../http/context.ts';
import type { Clock } from '../shared/clock.ts';
import { newId } from '../shared/ids.ts';
import type { InstanceIdentity } from './identity.ts';
import type { PartnerRow } from './instances.repo.ts';
import {
  findPartner,
  findPartnerByInstance,
  findServiceLink,
  insertPartner,
  listPartners,
  removePartner,
  renamePartner,
  setServiceLink,
} from './instances.repo.ts';
import type { PublicIdentity } from './package.ts';
import { b64url, checkPublicIdentity, fingerprintOf, PackageError } from './package.ts';

export const publicIdentityOf = (p: PartnerRow): PublicIdentity => ({
  instanceId: p.instanceId,
  signingKey: b64url(p.signingKey),
  encryptionKey: b64url(p.encryptionKey),
});

export function presentPartner(p: PartnerRow): Partner {
  return {
    id: p.id,
    name: p.name,
    instanceId: p.instanceId,
    signingKey: b64url(p.signingKey),
    encryptionKey: b64url(p.encryptionKey),
    fingerprint: safetyNumber(p.fingerprint),
    verifiedAt: p.verifiedAt.toISOString(),
    verifiedBy:
      p.verifiedById !== null ? { id: p.verifiedById, displayName: p.verifiedByName ?? '' } : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

export async function getPartners(ctx: ServiceContext): Promise<PartnerList> {
  return { items: (await listPartners(ctx.tx)).map(presentPartner) };
}

export async function getPartner(ctx: ServiceContext, id: string): Promise<Partner> {
  const p = await findPartner(ctx.tx, id);
  if (!p) throw AppError.notFound('partner');
  return presentPartner(p);
}

/** What adding a partner needs: a request's context, or the CLI's (acting for nobody). */
export interface PartnerWriter {
  tx: Tx;
  orgId: string;
  userId: string | null;
  clock: Clock;
  audit(event: AuditEvent): Promise<void>;
}

export const partnerWriterOf = (ctx: ServiceContext): PartnerWriter => ({
  tx: ctx.tx,
  orgId: ctx.actor.orgId,
  userId: ctx.actor.userId,
  clock: ctx.clock,
  audit: (e) => ctx.audit(e),
});

/**
 * Adds a partner instance from its card, once the fingerprint read aloud by the partner (by
 * telephone or in person: a channel an attacker who swapped the card file does not control)
 * matches the one computed here from the card's keys. The card's own `fingerprint` field is
 * only checked for consistency: it travelled with the keys, so it proves nothing.
 */
export async function addPartner(
  ctx: PartnerWriter,
  me: InstanceIdentity,
  body: PartnerCreateBody,
): Promise<Partner> {
  const { card } = body;
  const identity: PublicIdentity = {
    instanceId: card.instanceId.toLowerCase(),
    signingKey: card.signingKey,
    encryptionKey: card.encryptionKey,
  };
  try {
    checkPublicIdentity(identity, 'card');
  } catch (e) {
    if (e instanceof PackageError) throw AppError.invalid([{ path: e.path, message: e.message }]);
    throw e;
  }
  if (identity.instanceId === me.identity.instanceId) {
    throw AppError.invalid([
      { path: 'card.instanceId', message: 'is this instance’s own card, not a partner’s' },
    ]);
  }
  const fingerprint = fingerprintOf(identity);
  const expected = safetyNumber(fingerprint);
  if (!normaliseSafetyNumber(body.fingerprint)) {
    throw AppError.invalid([
      { path: 'fingerprint', message: 'must be 60 digits (12 groups of 5), as read aloud' },
    ]);
  }
  if (!sameSafetyNumber(card.fingerprint, expected)) {
    throw AppError.invalid([
      {
        path: 'card.fingerprint',
        message: 'does not match the card’s keys: the card was altered; do not add this partner',
      },
    ]);
  }
  if (!sameSafetyNumber(body.fingerprint, expected)) {
    throw AppError.invalid([
      {
        path: 'fingerprint',
        message:
          'does not match the card: the card may have been swapped on its way; do not add this partner until the fingerprints match',
      },
    ]);
  }
  if (await findPartnerByInstance(ctx.tx, ctx.orgId, identity.instanceId)) {
    throw new AppError('conflict', 'This instance is already a partner of your organisation.', {
      instanceId: identity.instanceId,
    });
  }
  const id = newId();
  const now = ctx.clock.now();
  try {
    await insertPartner(ctx.tx, {
      id,
      orgId: ctx.orgId,
      name: body.name ?? (card.name.trim().slice(0, 200) || 'Lantern'),
      instanceId: identity.instanceId,
      signingKey: Buffer.from(identity.signingKey, 'base64url'),
      encryptionKey: Buffer.from(identity.encryptionKey, 'base64url'),
      fingerprint,
      verifiedBy: ctx.userId,
      now,
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') {
      throw new AppError('conflict', 'This instance is already a partner of your organisation.', {
        instanceId: identity.instanceId,
      });
    }
    throw e;
  }
  await ctx.audit({
    action: 'partner.added',
    recordType: 'partner',
    recordId: id,
    fields: ['instanceId', 'signingKey', 'encryptionKey', 'fingerprint', 'name'],
  });
  const stored = await findPartner(ctx.tx, id);
  if (!stored) throw new Error('partner not found after insert');
  return presentPartner(stored);
}

export async function updatePartner(
  ctx: ServiceContext,
  id: string,
  body: PartnerUpdateBody,
): Promise<Partner> {
  const p = await findPartner(ctx.tx, id, { lock: true });
  if (!p) throw AppError.notFound('partner');
  if (!(await renamePartner(ctx.tx, id, body.version, body.name, ctx.clock.now()))) {
    throw new AppError('conflict', 'The partner was changed meanwhile: reload and try again.', {
      version: p.version,
    });
  }
  await ctx.audit({
    action: 'partner.updated',
    recordType: 'partner',
    recordId: id,
    fields: ['name'],
  });
  return getPartner(ctx, id);
}

/** Stops trusting a partner: its packages are refused from now on (unknown sender). */
export async function deletePartner(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await removePartner(ctx.tx, id, ctx.actor.userId, ctx.clock.now()))) {
    throw AppError.notFound('partner');
  }
  await ctx.audit({ action: 'partner.removed', recordType: 'partner', recordId: id });
}

/**
 * Lists a service of the directory as offered at a partner instance: referrals to it travel as
 * sealed packages. Only the listing organisation may, only to its own partner, and only for an
 * external provider (one with an inbox here receives its referrals directly).
 */
export async function linkServiceToPartner(
  ctx: ServiceContext,
  serviceId: string,
  body: ServicePartnerBody | null,
): Promise<ServicePartnerLink> {
  const s = await findServiceLink(ctx.tx, serviceId);
  if (!s || s.orgId !== ctx.actor.orgId) throw AppError.notFound('service');
  if (body) {
    if (s.providerOrgId !== null) {
      throw AppError.invalid([
        {
          path: 'serviceId',
          message:
            'is offered by an organisation on this instance: referrals reach its inbox directly',
        },
      ]);
    }
    if (!(await findPartner(ctx.tx, body.partnerId))) {
      throw AppError.invalid([
        { path: 'partnerId', message: 'is not a partner of your organisation' },
      ]);
    }
  }
  await setServiceLink(
    ctx.tx,
    serviceId,
    body?.partnerId ?? null,
    body?.remoteServiceId ?? null,
    ctx.clock.now(),
  );
  await ctx.audit({
    action: body ? 'service.partner.linked' : 'service.partner.unlinked',
    recordType: 'service',
    recordId: serviceId,
    fields: ['partnerId', 'remoteServiceId'],
  });
  return {
    serviceId,
    partnerId: body?.partnerId ?? null,
    remoteServiceId: body?.remoteServiceId ?? null,
  };
}
