import type { z } from 'zod';
import type { PackageImportResult } from '../../shared/api/instances.schema.ts';
import type { DisclosureFieldName } from '../../shared/referrals/disclosure.ts';
import { TRANSITIONS, effectiveStatus } from '../../shared/referrals/lifecycle.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { findReferral, findServiceTarget } from '../referrals/referrals.repo.ts';
import {
  applyRemoteAnswer,
  createIncomingReferral,
  readActionsForTransfer,
  readForTransfer,
} from '../referrals/referrals.service.ts';
import type { InstanceIdentity } from './identity.ts';
import type { PartnerRow } from './instances.repo.ts';
import {
  findByRemote,
  findPartner,
  findPartnerByInstance,
  findReferralLink,
  packageSeen,
  recordImport,
  setReferralLink,
} from './instances.repo.ts';
import type { ReplyPackageBody, ReplyTransition } from './package-body.ts';
import {
  ReferralPackageBody,
  ReplyPackageBody as ReplyBody,
  WithdrawalPackageBody,
} from './package-body.ts';
import type { LanternPackage, PackageKind, PublicIdentity } from './package.ts';
import { openPackage, PackageError, sealPackage } from './package.ts';
import { publicIdentityOf } from './partners.service.ts';

/**
 * A refused package as an API error. Every refusal names the package field at fault and a
 * stable `reason` (docs/instances.md, "Refusals"); a replay is a conflict with what was there.
 */
export function packageRefusal(e: PackageError): AppError {
  const details = [{ path: e.path, message: e.message, reason: e.reason }];
  return e.reason === 'replayed'
    ? new AppError('conflict', e.message, details)
    : new AppError('validation_failed', e.message, details);
}

const seal = (
  me: InstanceIdentity,
  partner: PartnerRow,
  kind: PackageKind,
  body: unknown,
  now: Date,
): LanternPackage =>
  sealPackage({
    kind,
    sender: me,
    recipient: publicIdentityOf(partner),
    plaintext: Buffer.from(JSON.stringify(body), 'utf8'),
    now,
  });

/** The partner a referral travels to or came from, or a conflict saying why there is none. */
async function partnerOfReferral(
  ctx: ServiceContext,
  referralId: string,
  direction: 'outgoing' | 'incoming',
): Promise<{
  partner: PartnerRow;
  remoteServiceId: string | null;
  remoteReferralId: string | null;
}> {
  const link = await findReferralLink(ctx.tx, referralId);
  if (!link) throw AppError.notFound('referral');
  const partnerId =
    direction === 'outgoing' ? (link.partnerId ?? link.servicePartnerId) : link.partnerId;
  if (!partnerId || (direction === 'incoming' && !link.remoteReferralId)) {
    throw new AppError(
      'conflict',
      direction === 'outgoing'
        ? 'This referral’s service is not offered at a partner instance: no package is needed.'
        : 'This referral was not received from a partner instance: no reply package is needed.',
      { reason: 'not_between_instances' },
    );
  }
  const partner = await findPartner(ctx.tx, partnerId);
  if (!partner) {
    throw new AppError(
      'conflict',
      'The partner instance of this referral is no longer a partner of your organisation.',
      { reason: 'partner_removed', partnerId },
    );
  }
  return {
    partner,
    remoteServiceId: link.remoteServiceId,
    remoteReferralId: link.remoteReferralId,
  };
}

/**
 * The sealed package of a sent referral addressed to a partner's service (the sender side).
 * Each call makes a new package (new id, new ephemeral key); the receiver accepts one per
 * referral. Reading the snapshot is audited by readForTransfer.
 */
export async function exportReferralPackage(
  ctx: ServiceContext,
  me: InstanceIdentity,
  referralId: string,
): Promise<{ pkg: LanternPackage; reference: string }> {
  const row = await findReferral(ctx.tx, referralId);
  if (!row) throw AppError.notFound('referral');
  // The side first: a referral this user does not send is not found, whatever it is.
  const data = await readForTransfer(ctx, referralId);
  const { partner, remoteServiceId } = await partnerOfReferral(ctx, referralId, 'outgoing');
  const now = ctx.clock.now();
  const status = effectiveStatus(row, now);
  if (status !== 'sent') {
    throw new AppError('conflict', 'Only a referral waiting for its answer can be exported.', {
      from: status,
      to: 'sent',
    });
  }
  if (!remoteServiceId) {
    throw new AppError('conflict', 'The service has no id at the partner instance.', {
      reason: 'not_between_instances',
    });
  }
  if (row.partnerId !== partner.id) await setReferralLink(ctx.tx, referralId, partner.id, null);
  const body: ReferralPackageBody = {
    referral: {
      id: referralId,
      reference: data.reference,
      serviceId: remoteServiceId,
      serviceType: data.serviceType,
      urgency: data.urgency,
      fromOrganisation: data.fromOrgName,
      sentAt: data.sentAt,
      fields: data.fields,
      snapshot: data.snapshot,
      message: data.message,
    },
  };
  const pkg = seal(me, partner, 'referral', body, now);
  await ctx.audit({
    action: 'referral.package.exported',
    recordType: 'referral',
    recordId: referralId,
    fields: [`partner:${partner.id}`],
  });
  return { pkg, reference: data.reference };
}

/**
 * The answer to a referral received from a partner instance (the receiver side): every answer
 * given so far, in order, with its reason, outcome and note. Read without opening the snapshot
 * (readActionsForTransfer, audited as an export; a 404 for anyone but its receiver).
 */
export async function exportReplyPackage(
  ctx: ServiceContext,
  me: InstanceIdentity,
  referralId: string,
): Promise<{ pkg: LanternPackage; reference: string }> {
  // The side first: a referral this user does not receive is not found, whatever it is.
  const read = await readActionsForTransfer(ctx, referralId, 'receiver');
  const { partner, remoteReferralId } = await partnerOfReferral(ctx, referralId, 'incoming');
  const transitions: ReplyTransition[] = read.actions.map((a) => ({
    action: a.action as ReplyTransition['action'],
    at: a.at,
    ...(a.action === 'decline' && a.reason
      ? { reason: a.reason as ReplyTransition['reason'] }
      : {}),
    ...(a.action === 'complete' && a.outcome ? { outcome: a.outcome } : {}),
    ...(a.note ? { note: a.note } : {}),
  }));
  if (transitions.length === 0) {
    throw new AppError('conflict', 'There is no answer to send yet: accept or decline first.', {
      from: read.status,
      reason: 'no_answer_yet',
    });
  }
  const body: ReplyPackageBody = {
    reply: { referralId: remoteReferralId!, remoteReferralId: referralId, transitions },
  };
  const pkg = seal(me, partner, 'reply', body, ctx.clock.now());
  await ctx.audit({
    action: 'referral.reply_package.exported',
    recordType: 'referral',
    recordId: referralId,
    fields: [`partner:${partner.id}`, ...transitions.map((t) => `answer:${t.action}`)],
  });
  return { pkg, reference: read.reference };
}

/**
 * The withdrawal of a referral sent to a partner's service (the sender side): the partner
 * instance learns of it only from this package, and erases its copy of the person's data when
 * it imports it. Carries the reason and the time, not the withdrawal's note (the sender's own).
 */
export async function exportWithdrawalPackage(
  ctx: ServiceContext,
  me: InstanceIdentity,
  referralId: string,
): Promise<{ pkg: LanternPackage; reference: string }> {
  const read = await readActionsForTransfer(ctx, referralId, 'sender');
  if (read.status !== 'withdrawn') {
    throw new AppError('conflict', 'Only a withdrawn referral has a withdrawal to send.', {
      from: read.status,
      to: 'withdrawn',
      reason: 'not_withdrawn',
    });
  }
  const withdrawal = read.actions.find((a) => a.action === 'withdraw');
  if (!read.sentAt || !withdrawal) {
    throw new AppError(
      'conflict',
      'This referral was withdrawn before it was sent: the partner never received it.',
      { reason: 'not_between_instances' },
    );
  }
  const { partner, remoteReferralId } = await partnerOfReferral(ctx, referralId, 'outgoing');
  const body: WithdrawalPackageBody = {
    withdrawal: {
      referralId,
      remoteReferralId,
      reason: withdrawal.reason as WithdrawalPackageBody['withdrawal']['reason'],
      at: withdrawal.at,
    },
  };
  const pkg = seal(me, partner, 'withdrawal', body, ctx.clock.now());
  await ctx.audit({
    action: 'referral.withdrawal_package.exported',
    recordType: 'referral',
    recordId: referralId,
    fields: [`partner:${partner.id}`, `reason:${body.withdrawal.reason}`],
  });
  return { pkg, reference: read.reference };
}

function parseBody<S extends z.ZodType>(schema: S, plaintext: Buffer): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw new AppError('validation_failed', 'The package’s content is not JSON.', [
      { path: 'ciphertext', message: 'does not hold JSON', reason: 'malformed' },
    ]);
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({
      path: `content.${i.path.join('.')}`,
      message: i.message,
      reason: 'malformed',
    }));
    throw new AppError(
      'validation_failed',
      `The package’s content is not understood: ${issues.map((i) => i.path).join(', ')}`,
      issues,
    );
  }
  return r.data;
}

/**
 * Imports a sealed package into the caller's organisation, in the request's one transaction:
 * every check of openPackage (each refusal its own reason), then the referral created in the
 * inbox or the answers applied, then the package id recorded (a replay, even by another
 * organisation of this instance, is refused and rolls everything back).
 */
export async function importPackage(
  ctx: ServiceContext,
  me: InstanceIdentity,
  raw: unknown,
): Promise<PackageImportResult> {
  const now = ctx.clock.now();
  let opened: {
    pkg: LanternPackage;
    sender: PublicIdentity & { row: PartnerRow };
    plaintext: Buffer;
  };
  try {
    opened = await openPackage(raw, {
      me,
      now,
      findSender: async (instanceId) => {
        const row = await findPartnerByInstance(ctx.tx, ctx.actor.orgId, instanceId);
        return row ? { ...publicIdentityOf(row), row } : undefined;
      },
      alreadyImported: (id) => packageSeen(ctx.tx, id),
    });
  } catch (e) {
    if (e instanceof PackageError) throw packageRefusal(e);
    throw e;
  }
  const { pkg, plaintext } = opened;
  const partner = opened.sender.row;
  const result =
    pkg.kind === 'referral'
      ? await importReferral(ctx, partner, parseBody(ReferralPackageBody, plaintext))
      : pkg.kind === 'reply'
        ? await importReply(ctx, partner, parseBody(ReplyBody, plaintext), now)
        : await importWithdrawal(ctx, partner, parseBody(WithdrawalPackageBody, plaintext));
  const recorded = await recordImport(ctx.tx, {
    packageId: pkg.id,
    orgId: ctx.actor.orgId,
    kind: pkg.kind,
    partnerId: partner.id,
    referralId: result.referralId,
    createdAt: new Date(pkg.createdAt),
    importedBy: ctx.actor.userId,
    at: now,
  });
  if (!recorded)
    throw packageRefusal(new PackageError('replayed', 'id', 'This package was imported already.'));
  await ctx.audit({
    action: 'referral.package.imported',
    recordType: 'referral',
    recordId: result.referralId,
    fields: [
      `kind:${pkg.kind}`,
      `partner:${partner.id}`,
      ...result.applied.map((a) => `answer:${a}`),
    ],
  });
  return { kind: pkg.kind, packageId: pkg.id, partnerId: partner.id, ...result };
}

type Imported = Pick<PackageImportResult, 'referralId' | 'reference' | 'status' | 'applied'>;

async function importReferral(
  ctx: ServiceContext,
  partner: PartnerRow,
  body: ReferralPackageBody,
): Promise<Imported> {
  const r = body.referral;
  // The sender's directory and this one must agree on what the service is.
  const target = await findServiceTarget(ctx.tx, r.serviceId);
  if (target && target.serviceType !== r.serviceType) {
    throw AppError.invalid([
      {
        path: 'content.referral.serviceType',
        message: `names ${r.serviceType}, but the service here offers ${target.serviceType}`,
      },
    ]);
  }
  const created = await createIncomingReferral(ctx, {
    partnerId: partner.id,
    remoteReferralId: r.id,
    fromOrgName: r.fromOrganisation,
    serviceId: r.serviceId,
    urgency: r.urgency,
    fields: r.fields as DisclosureFieldName[],
    snapshot: r.snapshot,
    message: r.message,
  });
  return { referralId: created.id, reference: created.reference, status: 'sent', applied: [] };
}

/**
 * Applies the answers of a reply that this referral has not had yet. The reply lists every
 * answer from the start (sent → …): those up to the referral's present status are skipped, the
 * rest go through the lifecycle (applyRemoteAnswer), which refuses anything illegal.
 */
async function importReply(
  ctx: ServiceContext,
  partner: PartnerRow,
  body: ReplyPackageBody,
  now: Date,
): Promise<Imported> {
  const { referralId, remoteReferralId, transitions } = body.reply;
  const row = await findReferral(ctx.tx, referralId);
  if (!row || row.partnerId !== partner.id) throw AppError.notFound('referral');
  if (row.remoteReferralId && row.remoteReferralId !== remoteReferralId) {
    throw new AppError('conflict', 'This reply is about another referral at the partner.', {
      reason: 'remote_referral_mismatch',
    });
  }
  // The stored status, not the one as of now: an answer given before the due time but
  // imported after it is no expiry (the lifecycle judges it at the answer's own time).
  const current = row.status;
  // Where the reply's path reaches the present status: apply what follows it.
  let start = current === 'sent' ? 0 : -1;
  transitions.forEach((t, i) => {
    if (start < 0 && TRANSITIONS[t.action].to === current) start = i + 1;
  });
  if (start < 0) {
    const next = transitions[0]!;
    throw new AppError(
      'conflict',
      `The partner’s answer (${next.action}) no longer fits this referral, which is ${current.replace('_', ' ')}.`,
      { from: current, to: TRANSITIONS[next.action].to, action: next.action },
    );
  }
  if (!row.remoteReferralId) await setReferralLink(ctx.tx, row.id, partner.id, remoteReferralId);
  const applied: string[] = [];
  for (const t of transitions.slice(start)) {
    await applyRemoteAnswer(
      ctx,
      row.id,
      t.action,
      // dated when the partner answered, not when the file arrived (bounded by the lifecycle)
      { reason: t.reason, outcome: t.outcome, note: t.note, at: new Date(t.at) },
      { partnerId: partner.id, actorName: partner.name },
    );
    applied.push(t.action);
  }
  const after = await findReferral(ctx.tx, row.id);
  return {
    referralId: row.id,
    reference: row.reference,
    status: after ? effectiveStatus(after, now) : current,
    applied,
  };
}

/**
 * Applies the sender's withdrawal to the referral received from it: through the lifecycle
 * (applyRemoteAnswer), which closes it and erases its key, and with it the person's data. A
 * referral withdrawn already (a fresh export of the same withdrawal) takes nothing more.
 */
async function importWithdrawal(
  ctx: ServiceContext,
  partner: PartnerRow,
  body: WithdrawalPackageBody,
): Promise<Imported> {
  const { referralId: remoteId, remoteReferralId, reason, at } = body.withdrawal;
  const id = await findByRemote(ctx.tx, partner.id, remoteId);
  const row = id ? await findReferral(ctx.tx, id) : undefined;
  if (!row) {
    throw new AppError(
      'not_found',
      'No referral received from this partner matches this withdrawal: import the referral’s own package first, or check that the file is meant for your organisation.',
      [
        {
          path: 'content.withdrawal.referralId',
          message: 'names no referral received from this partner',
          reason: 'unknown_referral',
        },
      ],
    );
  }
  if (remoteReferralId !== null && remoteReferralId !== row.id) {
    throw new AppError('conflict', 'This withdrawal is about another referral here.', {
      reason: 'remote_referral_mismatch',
    });
  }
  const applied: string[] = [];
  if (row.status !== 'withdrawn') {
    await applyRemoteAnswer(
      ctx,
      row.id,
      'withdraw',
      { reason, at: new Date(at) },
      { partnerId: partner.id, actorName: partner.name },
    );
    applied.push('withdraw');
  }
  return { referralId: row.id, reference: row.reference, status: 'withdrawn', applied };
}
