import type {
  InboxDetail,
  InboxItem,
  InboxList,
  InboxQuery,
  ReferralCreateBody,
  ReferralDetail,
  ReferralEvent,
  ReferralList,
  ReferralListQuery,
  ReferralPatchBody,
  ReferralSnapshot,
  ReferralSummary,
  StatedValues,
} from '../../shared/api/referrals.schema.ts';
import type { ServiceType } from '../../shared/codes/service-types.ts';
import type { DisclosureFieldName } from '../../shared/referrals/disclosure.ts';
import { STATED_FIELDS, disclosureIssues } from '../../shared/referrals/disclosure.ts';
import type {
  DeclineReason,
  Outcome,
  ReferralAction,
  ReferralSide,
  ReferralStatus,
  Urgency,
  WithdrawReason,
} from '../../shared/referrals/lifecycle.ts';
import {
  DECLINE_REASONS,
  OUTCOMES,
  TRANSITIONS,
  WITHDRAW_REASONS,
  actionsFor,
  answerDueAt,
  checkTransition,
  effectiveStatus,
} from '../../shared/referrals/lifecycle.ts';
import { findCase } from '../cases/cases.repo.ts';
import { onConsentWithdrawn } from '../consent/consent-withdrawn.ts';
import { requireConsent } from '../consent/may-i.ts';
import { open, seal } from '../crypto/aead.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import type { Action } from '../policy/policy.ts';
import { authorize, can } from '../policy/policy.ts';
import { openIdentity } from '../persons/person-identity.ts';
import { newId } from '../shared/ids.ts';
import { findUser } from '../users/users.repo.ts';
import { announce, announceMessage } from './referral-events.ts';
import type {
  EventAction,
  ListPosition,
  ReferralChange,
  ReferralEventRow,
  ReferralRow,
  ServiceTarget,
} from './referrals.repo.ts';
import {
  findByRemoteId,
  findOrgName,
  findReferral,
  findServiceTarget,
  insertReferral,
  insertReferralEvent,
  listInboxReferrals,
  listReferralEvents,
  listSentReferrals,
  nextReferralNumber,
  openReferralsOfCase,
  updateReferral,
} from './referrals.repo.ts';
import { buildSnapshot } from './snapshot.ts';

// ---------------------------------------------------------------------------------------------
// Sealing. A referral has its own random data key (Keyring.newDataKey), wrapped by the master
// key and stored in `snapshot_key`: both organisations' requests can open it, neither
// organisation's own key is involved, and erasing it (withdrawal) makes the snapshot, the draft
// and every note unreadable for good. Additional data binds each ciphertext to its place.

const keyAad = (id: string) => `referral-key:${id}`;
const snapshotAad = (id: string) => `referral-snapshot:${id}`;
const draftAad = (id: string) => `referral-draft:${id}`;
const noteAad = (eventId: string) => `referral-note:${eventId}`;

const sealJson = (key: Buffer, aad: string, v: unknown) =>
  seal(key, Buffer.from(JSON.stringify(v), 'utf8'), aad);
const openJson = <T>(key: Buffer, aad: string, sealed: Uint8Array): T =>
  JSON.parse(open(key, sealed, aad).toString('utf8')) as T;

/** The sealed snapshot: the disclosed values and the sender's message, as they were at sending. */
interface SnapshotContent {
  values: ReferralSnapshot;
  message: string | null;
}
/** The sealed draft: what the sender wrote before sending. */
interface DraftContent {
  message: string | null;
  stated: StatedValues;
}

const dataKeyOf = (ctx: ServiceContext, r: ReferralRow): Buffer | null =>
  r.snapshotKey ? ctx.keyring.openDataKey(r.snapshotKey, keyAad(r.id)) : null;

/** The human-readable referral number: `R-<year>-<number within the sending organisation>`. */
export const formatReferralReference = (year: number, n: number): string =>
  `R-${year}-${String(n).padStart(6, '0')}`;

// ---------------------------------------------------------------------------------------------
// Who is who. A referral is seen by its sender (org_id, for a referral of one of its cases;
// one received from another instance has no case here and its sender is remote) and by its
// receiver (to_org_id; never while a draft).

interface Party {
  sender: boolean;
  receiver: boolean;
  /** The sender, recording the answers of an external provider (to_org_id NULL). */
  proxy: boolean;
}

function partyOf(r: ReferralRow, orgId: string): Party {
  const sender = r.caseId !== null && r.orgId === orgId;
  return {
    sender,
    receiver: r.toOrgId === orgId && r.status !== 'draft',
    proxy: sender && r.toOrgId === null,
  };
}

async function requireVisible(ctx: ServiceContext, id: string, lock = false) {
  const row = await findReferral(ctx.tx, id, { lock });
  const party = row ? partyOf(row, ctx.actor.orgId) : undefined;
  if (!row || !party || (!party.sender && !party.receiver)) throw AppError.notFound('referral');
  return { row, party };
}

const POLICY: Record<'sender' | 'receiver' | 'proxy', Action> = {
  sender: 'referral:write',
  receiver: 'referral:inbox',
  proxy: 'referral:write',
};

/** Refuses before anything is read a role with no referral action at all. */
function requireSomeReferralRole(ctx: ServiceContext): void {
  const role = ctx.actor.role;
  if (!can(role, 'referral:write') && !can(role, 'referral:inbox')) {
    throw new AppError('forbidden', 'Your role does not allow this action.');
  }
}

const actorName = async (ctx: ServiceContext): Promise<string> =>
  (await findUser(ctx.tx, ctx.actor.userId))?.displayName ?? '';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

// ---------------------------------------------------------------------------------------------
// Drafts

function refuseIssues(issues: { path: string; message: string }[]): void {
  if (issues.length > 0) throw AppError.invalid(issues);
}

async function requireTarget(
  ctx: ServiceContext,
  serviceId: string,
  wanted?: ServiceType,
): Promise<ServiceTarget> {
  const s = await findServiceTarget(ctx.tx, serviceId);
  if (!s) throw AppError.invalid([{ path: 'serviceId', message: 'no such service' }]);
  if (wanted && s.serviceType !== wanted) {
    throw AppError.invalid([
      {
        path: 'serviceId',
        message: `the provider does not offer ${wanted} at this service (it is a ${s.serviceType} service)`,
      },
    ]);
  }
  if (!s.active || !s.providerActive) {
    throw new AppError('conflict', 'This service is not active in the directory: choose another.', {
      serviceId,
    });
  }
  return s;
}

/** Names of the body's parts that were given: what an audit entry records, never values. */
const given = (o: object): string[] =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);

/** Creates a draft referral of a case to a service; nothing is disclosed until it is sent. */
export async function createReferral(
  ctx: ServiceContext,
  body: ReferralCreateBody,
): Promise<ReferralDetail> {
  const now = ctx.clock.now();
  const c = await findCase(ctx.tx, body.caseId);
  if (!c) throw AppError.notFound('case');
  const target = await requireTarget(ctx, body.serviceId, body.serviceType);
  refuseIssues(disclosureIssues(target.serviceType, body.fields, body.stated, { complete: false }));
  const id = newId();
  const { key, wrapped } = ctx.keyring.newDataKey(keyAad(id));
  const draft: DraftContent = { message: body.message ?? null, stated: body.stated };
  const n = await nextReferralNumber(ctx.tx, ctx.actor.orgId);
  await insertReferral(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    reference: formatReferralReference(now.getUTCFullYear(), n),
    caseId: body.caseId,
    serviceId: target.id,
    providerId: target.providerId,
    toOrgId: target.providerOrgId,
    serviceType: target.serviceType,
    status: 'draft',
    urgency: body.urgency,
    disclosedFields: body.fields,
    snapshotKey: wrapped,
    snapshot: null,
    draft: sealJson(key, draftAad(id), draft),
    fromOrgName: await findOrgName(ctx.tx, ctx.actor.orgId),
    createdBy: ctx.actor.userId,
    now,
    sentAt: null,
    answerDueAt: null,
    partnerId: target.partnerId,
    remoteReferralId: null,
  });
  await insertReferralEvent(ctx.tx, {
    id: newId(),
    referralId: id,
    orgId: ctx.actor.orgId,
    toOrgId: null,
    action: 'create',
    fromStatus: null,
    toStatus: 'draft',
    actorId: ctx.actor.userId,
    actorOrgId: ctx.actor.orgId,
    actorName: await actorName(ctx),
    actorSide: 'sender',
    reason: null,
    note: null,
    at: now,
  });
  await ctx.audit({
    action: 'referral.created',
    recordType: 'referral',
    recordId: id,
    fields: [
      ...given({ ...body, stated: undefined }),
      ...given(body.stated).map((f) => `stated.${f}`),
    ],
  });
  return senderView(ctx, id, { audit: false });
}

function checkVersion(row: ReferralRow, version: number | undefined): void {
  if (version !== undefined && version !== row.version) {
    throw new AppError(
      'conflict',
      'The referral changed since you read it: reload it and try again.',
      { version: row.version },
    );
  }
}

/** Changes a draft (only a draft): service, urgency, fields, stated values, message. */
export async function updateDraft(
  ctx: ServiceContext,
  id: string,
  body: ReferralPatchBody,
): Promise<ReferralDetail> {
  const { row, party } = await requireVisible(ctx, id, true);
  if (!party.sender) throw AppError.notFound('referral');
  if (row.status !== 'draft') {
    throw new AppError('conflict', `Only a draft can be edited; this referral is ${row.status}.`, {
      from: row.status,
    });
  }
  checkVersion(row, body.version);
  const key = dataKeyOf(ctx, row);
  if (!key || !row.draft) throw new Error('draft without its key');
  const now = ctx.clock.now();
  const draft = openJson<DraftContent>(key, draftAad(id), row.draft);
  const target =
    body.serviceId !== undefined ? await requireTarget(ctx, body.serviceId) : undefined;
  const serviceType = target?.serviceType ?? row.serviceType;
  const fields = body.fields ?? row.disclosedFields;
  const next: DraftContent = {
    message: body.message === undefined ? draft.message : body.message,
    stated: body.stated ?? draft.stated,
  };
  refuseIssues(disclosureIssues(serviceType, fields, next.stated, { complete: false }));
  const change: ReferralChange = {
    urgency: body.urgency,
    disclosedFields: fields,
    draft: sealJson(key, draftAad(id), next),
  };
  if (target) {
    Object.assign(change, {
      serviceId: target.id,
      providerId: target.providerId,
      toOrgId: target.providerOrgId,
      partnerId: target.partnerId,
      serviceType: target.serviceType,
    });
  }
  if (!(await updateReferral(ctx.tx, id, row.version, change, now))) throw staleError();
  await insertReferralEvent(ctx.tx, {
    id: newId(),
    referralId: id,
    orgId: row.orgId,
    toOrgId: null,
    action: 'update',
    fromStatus: 'draft',
    toStatus: 'draft',
    actorId: ctx.actor.userId,
    actorOrgId: ctx.actor.orgId,
    actorName: await actorName(ctx),
    actorSide: 'sender',
    reason: null,
    note: null,
    at: now,
  });
  await ctx.audit({
    action: 'referral.updated',
    recordType: 'referral',
    recordId: id,
    fields: given(body).filter((f) => f !== 'version'),
  });
  return senderView(ctx, id, { audit: false });
}

const staleError = () =>
  new AppError('conflict', 'The referral changed since you read it: reload it and try again.');

// ---------------------------------------------------------------------------------------------
// Transitions

export interface TransitionDetails {
  /** The version the caller last read; a stale one is refused (409). */
  version?: number | undefined;
  /** decline: a DECLINE_REASONS code; withdraw: a WITHDRAW_REASONS code. */
  reason?: string | undefined;
  /** complete: an OUTCOMES code. */
  outcome?: string | undefined;
  /** Free text, sealed (withdraw: under the sender's own key, never shown to the provider). */
  note?: string | undefined;
  /**
   * Remote only (ignored otherwise): when the partner instance took the action, as its package
   * says. Recorded instead of the import time, so that time-to-answer does not include the
   * file's transit; bounded by `remoteActionTime`.
   */
  at?: Date | undefined;
}

/** A partner instance acting through a verified package, and the name it gave the actor. */
export interface RemoteParty {
  partnerId: string;
  actorName: string;
}

export interface TransitionOptions {
  /**
   * The transition comes from a partner Lantern instance (a sealed package, already verified
   * and authorised with `referral:package` by the caller): the remote party acts, named here.
   * It may answer a referral this organisation sent to that partner's provider (receiver
   * side), or withdraw one it sent here (sender side); the referral's `partner_id` must be it.
   */
  remote?: RemoteParty;
  /** Internal: a consequence of a consent withdrawal (no role check, the system's reason). */
  consequence?: boolean;
}

export interface TransitionResult {
  id: string;
  /** The side that acted, from the actor's organisation's point of view. */
  side: ReferralSide;
  warnings: { code: 'no_capacity'; message: string }[];
}

const AUDIT_ACTION: Record<ReferralAction, string> = {
  send: 'referral.sent',
  accept: 'referral.accepted',
  decline: 'referral.declined',
  start: 'referral.started',
  complete: 'referral.completed',
  withdraw: 'referral.withdrawn',
  expire: 'referral.expired',
};

/** Which side the actor takes for `action`, and the policy action that side needs. */
function actingSide(
  row: ReferralRow,
  party: Party,
  action: ReferralAction,
  opts: TransitionOptions,
): { side: ReferralSide; policy: Action | null } {
  const required = TRANSITIONS[action].side;
  if (opts.remote) {
    const ok =
      row.partnerId === opts.remote.partnerId &&
      ((required === 'receiver' && party.proxy) ||
        (required === 'sender' && party.receiver && row.caseId === null));
    if (!ok) {
      throw new AppError('forbidden', `The partner instance may not ${action} this referral.`, {
        action,
      });
    }
    return { side: required, policy: null };
  }
  if (required === 'sender' && party.sender) return { side: 'sender', policy: POLICY.sender };
  if (required === 'receiver' && party.receiver) {
    return { side: 'receiver', policy: POLICY.receiver };
  }
  if (required === 'receiver' && party.proxy) {
    // A provider at a partner instance answers in its own Lantern; its answers arrive in a
    // reply package, so that the two instances never disagree about a referral.
    if (row.partnerId !== null) {
      throw new AppError(
        'conflict',
        'The provider answers at its own Lantern instance: import its reply package instead.',
        { action, reason: 'answered_by_partner' },
      );
    }
    return { side: 'receiver', policy: POLICY.proxy };
  }
  const mine: ReferralSide = party.sender ? 'sender' : 'receiver';
  const check = checkTransition(row.status, action, mine);
  throw new AppError('forbidden', check.ok ? 'You may not do this.' : check.message, {
    action,
    side: mine,
  });
}

function requireCode<T extends string>(
  value: string | undefined,
  codes: readonly T[],
  path: string,
): T {
  if (value === undefined || !(codes as readonly string[]).includes(value)) {
    throw AppError.invalid([{ path, message: `must be one of ${codes.join(', ')}` }]);
  }
  return value as T;
}

/**
 * Moves a referral by one lifecycle action, in the caller's transaction: checks who may act
 * (side and role), whether the action is legal from the referral's status as of now (409
 * conflict naming from and to), the version (409 when stale), writes the change and its event,
 * audits it, and publishes it. Used by this module's routes, by the consent-withdrawal listener
 * and, through `applyRemoteAnswer`, by sealed packages between instances.
 */
export async function recordTransition(
  ctx: ServiceContext,
  referralId: string,
  action: Exclude<ReferralAction, 'expire'>,
  details: TransitionDetails = {},
  opts: TransitionOptions = {},
): Promise<TransitionResult> {
  if (!opts.remote && !opts.consequence) requireSomeReferralRole(ctx);
  const { row, party } = await requireVisible(ctx, referralId, true);
  const acting = opts.consequence
    ? { side: 'sender' as const, policy: null }
    : actingSide(row, party, action, opts);
  if (acting.policy) authorize(ctx.actor.role, acting.policy);
  const now = ctx.clock.now();
  // `at`: when the action was taken — now, or when a partner instance took it. The status it
  // applies to is the one of that moment: an answer given before the due time is no expiry.
  const at = opts.remote && details.at ? remoteActionTime(row, details.at, now) : now;
  const from = effectiveStatus(row, at);
  const check = checkTransition(from, action, acting.side);
  if (!check.ok) {
    throw new AppError('conflict', check.message, { from, to: check.to, action });
  }
  checkVersion(row, details.version);

  const change: ReferralChange = { status: check.to };
  let reason: string | null = null;
  let warnings: TransitionResult['warnings'] = [];
  let toOrgId = row.toOrgId;
  switch (action) {
    case 'send': {
      const sent = await prepareSend(ctx, row, now);
      Object.assign(change, sent.change);
      warnings = sent.warnings;
      toOrgId = sent.change.toOrgId ?? null;
      break;
    }
    case 'accept':
      change.answeredAt = at;
      break;
    case 'decline':
      reason = requireCode<DeclineReason>(details.reason, DECLINE_REASONS, 'reason');
      // A provider that declines has no further need of the person's data (storage limitation,
      // GDPR art. 5(1)(e)): the snapshot goes; the key stays for the history's notes.
      Object.assign(change, {
        answeredAt: at,
        closedAt: at,
        declineReason: reason,
        snapshot: null,
      });
      break;
    case 'start':
      change.startedAt = at;
      break;
    case 'complete': {
      const outcome = requireCode<Outcome>(details.outcome, OUTCOMES, 'outcome');
      Object.assign(change, { closedAt: at, outcome });
      break;
    }
    case 'withdraw':
      reason = opts.consequence
        ? 'consent_withdrawn'
        : requireCode<WithdrawReason>(details.reason, WITHDRAW_REASONS, 'reason');
      // The receiver keeps the referral's existence and history, never the person's data.
      Object.assign(change, { closedAt: at, snapshotKey: null, snapshot: null, draft: null });
      break;
  }
  if (!(await updateReferral(ctx.tx, row.id, row.version, change, now))) throw staleError();

  const eventId = newId();
  let note: Buffer | null = null;
  if (details.note) {
    if (action === 'withdraw') {
      // The referral's key is erased now: the note stays with the sender, under its own key.
      if (!opts.remote)
        note = seal((await ctx.keys()).encryption, Buffer.from(details.note), noteAad(eventId));
    } else {
      const key = dataKeyOf(ctx, row);
      if (key) note = seal(key, Buffer.from(details.note, 'utf8'), noteAad(eventId));
    }
  }
  const remote = opts.remote;
  await insertReferralEvent(ctx.tx, {
    id: eventId,
    referralId: row.id,
    orgId: row.orgId,
    // A draft's withdrawal is none of the receiver's business: it never saw the referral.
    toOrgId: from === 'draft' && action !== 'send' ? null : toOrgId,
    action,
    fromStatus: from,
    toStatus: check.to,
    actorId: remote ? null : ctx.actor.userId,
    actorOrgId: remote ? null : ctx.actor.orgId,
    actorName: remote ? remote.actorName : await actorName(ctx),
    actorSide: acting.side,
    reason,
    note,
    at,
  });
  await ctx.audit({
    action: AUDIT_ACTION[action],
    recordType: 'referral',
    recordId: row.id,
    fields: [
      ...given({ reason: details.reason ?? (opts.consequence ? reason : undefined) }),
      ...given({ outcome: details.outcome, note: details.note }),
      ...(action === 'send' ? row.disclosedFields.map((f) => `disclosed.${f}`) : []),
      ...(remote ? [`partner:${remote.partnerId}`] : []),
    ],
  });
  // A draft withdrawn was never shown to anyone: nothing to announce.
  if (!(from === 'draft' && action === 'withdraw')) {
    await announce(ctx.tx, { ...row, toOrgId }, action, now);
  }
  return { id: row.id, side: acting.side, warnings };
}

/**
 * When a partner instance's action counts as taken: the time its package states, but never
 * after now (the partner's clock may run ahead: packages may be dated up to 15 minutes ahead)
 * and never before what this referral already records — its sending here, its answer, its start —
 * so that the history stays in order and no duration comes out negative.
 */
export function remoteActionTime(
  row: Pick<ReferralRow, 'sentAt' | 'answeredAt' | 'startedAt'>,
  stated: Date,
  now: Date,
): Date {
  const floor = Math.max(
    ...[row.sentAt, row.answeredAt, row.startedAt].map((d) => d?.getTime() ?? -Infinity),
  );
  const t = Math.min(Math.max(stated.getTime(), floor), now.getTime());
  return Number.isNaN(t) ? now : new Date(t);
}

/**
 * Everything sending needs: the service still active and of the referral's type, consent for
 * referral to that type (403 consent_required naming it), the chosen fields allowed and the
 * stated ones filled in, then the snapshot copied from the case now and sealed.
 */
async function prepareSend(
  ctx: ServiceContext,
  row: ReferralRow,
  now: Date,
): Promise<{ change: ReferralChange; warnings: TransitionResult['warnings'] }> {
  if (!row.caseId) throw new Error('a referral made here has a case');
  const target = await requireTarget(ctx, row.serviceId);
  if (target.serviceType !== row.serviceType) {
    throw new AppError(
      'conflict',
      `The provider no longer offers ${row.serviceType} at this service (it is now ${target.serviceType}): choose another service.`,
      { serviceId: row.serviceId },
    );
  }
  await requireConsent(ctx.tx, {
    caseId: row.caseId,
    purpose: 'referral',
    serviceType: row.serviceType,
    at: now,
  });
  const key = dataKeyOf(ctx, row);
  if (!key || !row.draft) throw new Error('draft without its key');
  const draft = openJson<DraftContent>(key, draftAad(row.id), row.draft);
  refuseIssues(
    disclosureIssues(row.serviceType, row.disclosedFields, draft.stated, { complete: true }),
  );
  const c = await findCase(ctx.tx, row.caseId);
  if (!c) throw AppError.notFound('case');
  const identity = openIdentity(await ctx.keys(), c.personId, c.identity);
  const values = await buildSnapshot(
    ctx,
    c,
    identity,
    row.disclosedFields as DisclosureFieldName[],
    draft.stated,
  );
  const content: SnapshotContent = { values, message: draft.message };
  const warnings: TransitionResult['warnings'] =
    target.capacityAvailable === 0
      ? [
          {
            code: 'no_capacity',
            message: `The service reported no places available${
              target.capacityUpdatedAt
                ? ` on ${target.capacityUpdatedAt.toISOString().slice(0, 10)}`
                : ''
            }; the referral was sent all the same.`,
          },
        ]
      : [];
  return {
    change: {
      sentAt: now,
      answerDueAt: answerDueAt(now, target.responseDays),
      snapshot: sealJson(key, snapshotAad(row.id), content),
      draft: null,
      providerId: target.providerId,
      toOrgId: target.providerOrgId,
      partnerId: target.partnerId,
    },
    warnings,
  };
}

/** Adds a message to the referral's two-way thread (an event in its history, sealed). */
export async function recordMessage(
  ctx: ServiceContext,
  referralId: string,
  text: string,
  opts: { remote?: RemoteParty } = {},
): Promise<ReferralEvent> {
  if (!opts.remote) requireSomeReferralRole(ctx);
  const { row, party } = await requireVisible(ctx, referralId);
  let side: ReferralSide;
  if (opts.remote) {
    if (row.partnerId === opts.remote.partnerId && party.proxy) side = 'receiver';
    else if (row.partnerId === opts.remote.partnerId && party.receiver && row.caseId === null)
      side = 'sender';
    else throw new AppError('forbidden', 'The partner instance may not write on this referral.');
  } else if (party.sender && can(ctx.actor.role, 'referral:write')) {
    side = 'sender';
  } else if (party.receiver && can(ctx.actor.role, 'referral:inbox')) {
    side = 'receiver';
  } else {
    throw new AppError('forbidden', 'Your role does not allow this action.');
  }
  const now = ctx.clock.now();
  const status = effectiveStatus(row, now);
  if (status === 'draft') {
    throw new AppError('conflict', 'A draft has no thread yet: send the referral first.', {
      from: status,
    });
  }
  const key = dataKeyOf(ctx, row);
  if (!key) {
    throw new AppError(
      'conflict',
      'This referral was withdrawn and its data erased: no message can be added.',
      { from: status },
    );
  }
  const id = newId();
  const name = opts.remote ? opts.remote.actorName : await actorName(ctx);
  await insertReferralEvent(ctx.tx, {
    id,
    referralId: row.id,
    orgId: row.orgId,
    toOrgId: row.toOrgId,
    action: 'message',
    fromStatus: status,
    toStatus: status,
    actorId: opts.remote ? null : ctx.actor.userId,
    actorOrgId: opts.remote ? null : ctx.actor.orgId,
    actorName: name,
    actorSide: side,
    reason: null,
    note: seal(key, Buffer.from(text, 'utf8'), noteAad(id)),
    at: now,
  });
  await announceMessage(ctx.tx, row, side, now);
  await ctx.audit({
    action: 'referral.message',
    recordType: 'referral',
    recordId: row.id,
    fields: ['text', ...(opts.remote ? [`partner:${opts.remote.partnerId}`] : [])],
  });
  return {
    id,
    action: 'message',
    fromStatus: status,
    toStatus: status,
    side,
    actorName: name,
    reason: null,
    note: text,
    noteWithheld: false,
    at: now.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Views

function common(r: ReferralRow, now: Date) {
  return {
    id: r.id,
    reference: r.reference,
    serviceId: r.serviceId,
    serviceName: r.serviceName,
    providerId: r.providerId,
    providerName: r.providerName,
    serviceType: r.serviceType,
    status: effectiveStatus(r, now),
    urgency: r.urgency,
    disclosedFields: r.disclosedFields,
    createdAt: r.createdAt.toISOString(),
    sentAt: iso(r.sentAt),
    answerDueAt: iso(r.answerDueAt),
    answeredAt: iso(r.answeredAt),
    startedAt: iso(r.startedAt),
    // a lazily expired referral closed at its due time, as the expiry job will record
    closedAt: iso(r.closedAt ?? (effectiveStatus(r, now) === 'expired' ? r.answerDueAt : null)),
    declineReason: r.declineReason as DeclineReason | null,
    outcome: r.outcome as Outcome | null,
    version: r.version,
  };
}

const summaryOf = (r: ReferralRow, now: Date): ReferralSummary => ({
  ...common(r, now),
  caseId: r.caseId ?? '',
  caseReference: r.caseReference,
  external: r.toOrgId === null,
});

const inboxItemOf = (r: ReferralRow, now: Date): InboxItem => ({
  ...common(r, now),
  fromOrgName: r.fromOrgName,
});

async function historyOf(
  ctx: ServiceContext,
  r: ReferralRow,
  viewer: 'sender' | 'receiver',
  now: Date,
): Promise<ReferralEvent[]> {
  const rows = await listReferralEvents(ctx.tx, r.id, { includeDraft: viewer === 'sender' });
  const key = dataKeyOf(ctx, r);
  const orgKeys = viewer === 'sender' ? await ctx.keys() : null;
  const noteOf = (e: ReferralEventRow): string | null => {
    if (!e.note) return null;
    if (e.action === 'withdraw') {
      return orgKeys ? open(orgKeys.encryption, e.note, noteAad(e.id)).toString('utf8') : null;
    }
    return key ? open(key, e.note, noteAad(e.id)).toString('utf8') : null;
  };
  const events: ReferralEvent[] = rows.map((e) => {
    const note = noteOf(e);
    return {
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      side: e.actorSide,
      actorName: e.actorName,
      reason: e.reason,
      note,
      noteWithheld: e.note !== null && note === null,
      at: e.at.toISOString(),
    };
  });
  if (r.status === 'sent' && effectiveStatus(r, now) === 'expired' && r.answerDueAt) {
    events.push({
      id: null,
      action: 'expire',
      fromStatus: 'sent',
      toStatus: 'expired',
      side: 'system',
      actorName: null,
      reason: null,
      note: null,
      noteWithheld: false,
      at: r.answerDueAt.toISOString(),
    });
  }
  return events;
}

function openSnapshot(ctx: ServiceContext, r: ReferralRow): SnapshotContent | null {
  const key = dataKeyOf(ctx, r);
  return key && r.snapshot ? openJson<SnapshotContent>(key, snapshotAad(r.id), r.snapshot) : null;
}

/** The fields of a snapshot that hold something: what a view's audit entry records. */
const shownFields = (s: SnapshotContent | null, draft: DraftContent | null): string[] => [
  ...(s ? Object.keys(s.values) : []),
  ...(s?.message || draft?.message ? ['message'] : []),
  ...(draft ? given(draft.stated).map((f) => `stated.${f}`) : []),
];

/** The sender's view of one of its referrals, with the case's reference and the whole history. */
export async function senderView(
  ctx: ServiceContext,
  id: string,
  { audit = true, warnings = [] as TransitionResult['warnings'] } = {},
): Promise<ReferralDetail> {
  const { row, party } = await requireVisible(ctx, id);
  if (!party.sender) throw AppError.notFound('referral');
  const now = ctx.clock.now();
  const snapshot = openSnapshot(ctx, row);
  const key = dataKeyOf(ctx, row);
  const draft = key && row.draft ? openJson<DraftContent>(key, draftAad(id), row.draft) : null;
  const status = effectiveStatus(row, now);
  if (audit) {
    await ctx.audit({
      action: 'referral.read',
      recordType: 'referral',
      recordId: id,
      fields: shownFields(snapshot, draft),
    });
  }
  return {
    ...summaryOf(row, now),
    snapshot: snapshot?.values ?? null,
    message: snapshot?.message ?? draft?.message ?? null,
    stated: draft?.stated ?? null,
    history: await historyOf(ctx, row, 'sender', now),
    actions: [
      ...actionsFor(status, 'sender'),
      ...(party.proxy && row.partnerId === null ? actionsFor(status, 'receiver') : []),
    ],
    warnings,
    // Sent to a partner instance: it learns of the referral, and of its withdrawal, only
    // from a package the sender exports (docs/instances.md).
    ...(row.partnerId && row.sentAt && (status === 'sent' || status === 'withdrawn')
      ? { partnerPackage: status === 'sent' ? ('referral' as const) : ('withdrawal' as const) }
      : {}),
  };
}

const ANSWERED: ReadonlySet<string> = new Set(['accepted', 'declined', 'in_progress', 'completed']);

/** The receiving provider's view: the referral, its snapshot and its history — never the case. */
export async function inboxView(ctx: ServiceContext, id: string): Promise<InboxDetail> {
  const { row, party } = await requireVisible(ctx, id);
  if (!party.receiver) throw AppError.notFound('referral');
  const now = ctx.clock.now();
  // Past its due time unanswered, a referral has expired even before the job records it: the
  // provider no longer sees the person's data (the job erases it).
  const snapshot = effectiveStatus(row, now) === 'expired' ? null : openSnapshot(ctx, row);
  await ctx.audit({
    action: 'referral.read',
    recordType: 'referral',
    recordId: id,
    fields: shownFields(snapshot, null),
  });
  return {
    ...inboxItemOf(row, now),
    snapshot: snapshot?.values ?? null,
    message: snapshot?.message ?? null,
    history: await historyOf(ctx, row, 'receiver', now),
    actions: actionsFor(effectiveStatus(row, now), 'receiver'),
    // Received from a partner instance and answered: the answers travel back only in a package.
    ...(row.partnerId && row.caseId === null && ANSWERED.has(row.status)
      ? { partnerPackage: 'reply' as const }
      : {}),
  };
}

/** After a transition: the view of the side that acted (the sender's for a proxy answer). */
export async function viewAfter(
  ctx: ServiceContext,
  result: TransitionResult,
): Promise<ReferralDetail | InboxDetail> {
  const { party } = await requireVisible(ctx, result.id);
  return party.sender && (result.side === 'sender' || party.proxy)
    ? senderView(ctx, result.id, { warnings: result.warnings })
    : inboxView(ctx, result.id);
}

const encodeCursor = (p: ListPosition) =>
  Buffer.from(JSON.stringify([p.at, p.id]), 'utf8').toString('base64url');

function decodeCursor(cursor: string): ListPosition {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      !Number.isNaN(Date.parse(v[0])) &&
      typeof v[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(v[1])
    ) {
      return { at: v[0], id: v[1] };
    }
  } catch {
    // falls through
  }
  throw AppError.invalid([{ path: 'cursor', message: 'is not a cursor from a previous page' }]);
}

/** The organisation's referrals (no personal data in a list: no audit entry), newest first. */
export async function listSent(ctx: ServiceContext, q: ReferralListQuery): Promise<ReferralList> {
  const now = ctx.clock.now();
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await listSentReferrals(
    ctx.tx,
    ctx.actor.orgId,
    { caseId: q.caseId, status: q.status },
    now,
    q.limit + 1,
    after,
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => summaryOf(r, now)),
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id })
        : null,
  };
}

/** Referrals addressed to the organisation, newest first; never a draft, never a case. */
export async function listInbox(ctx: ServiceContext, q: InboxQuery): Promise<InboxList> {
  const now = ctx.clock.now();
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await listInboxReferrals(
    ctx.tx,
    ctx.actor.orgId,
    { status: q.status },
    now,
    q.limit + 1,
    after,
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => inboxItemOf(r, now)),
    nextCursor:
      rows.length > q.limit && last?.sentAt
        ? encodeCursor({ at: last.sentAt.toISOString(), id: last.id })
        : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Consent withdrawn: withdraw the case's open referrals of that service type (or all), in the
// withdrawal's own transaction (src/server/consent/consent-withdrawn.ts). Their snapshots'
// keys are erased with them. A sent referral already past its due time has expired and is left
// to the expiry job.
onConsentWithdrawn(async (ctx, w) => {
  if (w.purpose !== 'referral') return;
  const ids = await openReferralsOfCase(ctx.tx, w.caseId, w.serviceType, w.at);
  for (const id of ids) {
    await recordTransition(
      ctx,
      id,
      'withdraw',
      { reason: 'consent_withdrawn' },
      { consequence: true },
    );
  }
});

// ---------------------------------------------------------------------------------------------
// Between Lantern instances (src/server/instances/ builds and opens the sealed packages; these
// functions are the referral side of it). The caller authorises with `referral:package` and
// verifies the package before calling.

export interface IncomingReferral {
  /** The partner (0009_instances.sql `partners.id`) the package came from, already verified. */
  partnerId: string;
  /** The referral's id at the sending instance. */
  remoteReferralId: string;
  fromOrgName: string;
  /** A service of this instance whose provider's inbox is the caller's organisation. */
  serviceId: string;
  urgency: Urgency;
  fields: DisclosureFieldName[];
  snapshot: ReferralSnapshot;
  message: string | null;
}

/**
 * Records a referral received from another instance in the caller's organisation's inbox,
 * status `sent`, due `response_days` after its arrival here. The disclosed fields must be
 * allowed for the local service's type (this instance's minimal-disclosure rule holds for what
 * it stores), and the snapshot may hold nothing else. A second package with the same instance
 * and reference is refused (409): a replay cannot create it twice.
 */
export async function createIncomingReferral(
  ctx: ServiceContext,
  input: IncomingReferral,
): Promise<{ id: string; reference: string }> {
  const target = await requireTarget(ctx, input.serviceId);
  if (target.providerOrgId !== ctx.actor.orgId) {
    throw AppError.invalid([
      { path: 'serviceId', message: 'is not a service whose referrals your organisation receives' },
    ]);
  }
  const already = await findByRemoteId(ctx.tx, input.partnerId, input.remoteReferralId);
  if (already) {
    throw new AppError('conflict', 'This referral was already received.', { referralId: already });
  }
  const stated = Object.fromEntries(
    STATED_FIELDS.filter((f) => input.snapshot[f] !== undefined).map((f) => [f, input.snapshot[f]]),
  );
  refuseIssues(disclosureIssues(target.serviceType, input.fields, stated, { complete: true }));
  const extra = Object.keys(input.snapshot).filter((k) => !(input.fields as string[]).includes(k));
  if (extra.length) {
    throw AppError.invalid(
      extra.map((k) => ({ path: `snapshot.${k}`, message: 'was not disclosed' })),
    );
  }
  const now = ctx.clock.now();
  const id = newId();
  const { key, wrapped } = ctx.keyring.newDataKey(keyAad(id));
  const n = await nextReferralNumber(ctx.tx, ctx.actor.orgId);
  const reference = formatReferralReference(now.getUTCFullYear(), n);
  const content: SnapshotContent = { values: input.snapshot, message: input.message };
  await insertReferral(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    reference,
    caseId: null,
    serviceId: target.id,
    providerId: target.providerId,
    toOrgId: ctx.actor.orgId,
    serviceType: target.serviceType,
    status: 'sent',
    urgency: input.urgency,
    disclosedFields: input.fields,
    snapshotKey: wrapped,
    snapshot: sealJson(key, snapshotAad(id), content),
    draft: null,
    fromOrgName: input.fromOrgName,
    createdBy: ctx.actor.userId,
    now,
    sentAt: now,
    answerDueAt: answerDueAt(now, target.responseDays),
    partnerId: input.partnerId,
    remoteReferralId: input.remoteReferralId,
  });
  await insertReferralEvent(ctx.tx, {
    id: newId(),
    referralId: id,
    orgId: ctx.actor.orgId,
    toOrgId: ctx.actor.orgId,
    action: 'send',
    fromStatus: null,
    toStatus: 'sent',
    actorId: null,
    actorOrgId: null,
    actorName: input.fromOrgName,
    actorSide: 'sender',
    reason: null,
    note: null,
    at: now,
  });
  await ctx.audit({
    action: 'referral.received',
    recordType: 'referral',
    recordId: id,
    fields: [...input.fields.map((f) => `disclosed.${f}`), `partner:${input.partnerId}`],
  });
  const row = await findReferral(ctx.tx, id);
  if (row) await announce(ctx.tx, row, 'send', now);
  return { id, reference };
}

/**
 * Applies an answer that came back from a partner instance: accept, decline, start or
 * complete of a referral this organisation sent to an external provider, or the withdrawal of
 * a referral received from that instance. Same rules as a local transition.
 */
export function applyRemoteAnswer(
  ctx: ServiceContext,
  referralId: string,
  action: Exclude<ReferralAction, 'expire' | 'send'>,
  details: TransitionDetails,
  remote: RemoteParty,
): Promise<TransitionResult> {
  return recordTransition(ctx, referralId, action, details, { remote });
}

/**
 * What an outgoing package carries, for a sent referral of the caller's organisation: the
 * disclosed fields and the snapshot as sealed at sending. The read is audited.
 */
export async function readForTransfer(
  ctx: ServiceContext,
  referralId: string,
): Promise<{
  reference: string;
  serviceType: ServiceType;
  urgency: Urgency;
  fromOrgName: string;
  fields: DisclosureFieldName[];
  snapshot: ReferralSnapshot;
  message: string | null;
  sentAt: string;
}> {
  const { row, party } = await requireVisible(ctx, referralId);
  if (!party.sender) throw AppError.notFound('referral');
  const s = openSnapshot(ctx, row);
  if (!s || !row.sentAt) {
    throw new AppError('conflict', 'Only a sent referral with its snapshot can be transferred.', {
      from: row.status,
    });
  }
  await ctx.audit({
    action: 'referral.exported',
    recordType: 'referral',
    recordId: row.id,
    fields: Object.keys(s.values),
  });
  return {
    reference: row.reference,
    serviceType: row.serviceType,
    urgency: row.urgency,
    fromOrgName: row.fromOrgName,
    fields: row.disclosedFields as DisclosureFieldName[],
    snapshot: s.values,
    message: s.message,
    sentAt: row.sentAt.toISOString(),
  };
}

/** A lifecycle action as a package carries it to the partner instance. */
export interface TransferredAction {
  action: Exclude<ReferralAction, 'expire' | 'send'>;
  at: string;
  /** decline: a DECLINE_REASONS code; withdraw: a WITHDRAW_REASONS code. */
  reason: string | null;
  /** complete: the referral's outcome. */
  outcome: Outcome | null;
  /** The answer's note (receiver side only: a withdrawal's note stays with the sender). */
  note: string | null;
}

const RECEIVER_ANSWERS: ReadonlySet<string> = new Set(['accept', 'decline', 'start', 'complete']);

/**
 * What a reply or withdrawal package carries, read without opening the snapshot: the actions
 * one side took, in order. `receiver`: the provider's answers with their notes (the caller's
 * organisation must be the receiver); `sender`: the withdrawal, its reason and time (the caller's
 * organisation must be the sender; the withdrawal's note is the sender's own and does not
 * travel). Audited as an export, naming the notes read, never their text.
 */
export async function readActionsForTransfer(
  ctx: ServiceContext,
  referralId: string,
  side: 'sender' | 'receiver',
): Promise<{
  reference: string;
  status: ReferralStatus;
  sentAt: string | null;
  actions: TransferredAction[];
}> {
  const { row, party } = await requireVisible(ctx, referralId);
  if (side === 'sender' ? !party.sender : !party.receiver) throw AppError.notFound('referral');
  const now = ctx.clock.now();
  // The sender sees its whole history (a referral to an external provider has no receiver
  // here); a withdrawn draft was never sent, so nothing of it travels.
  const rows = await listReferralEvents(ctx.tx, row.id, { includeDraft: side === 'sender' });
  const key = side === 'receiver' ? dataKeyOf(ctx, row) : null;
  const actions: TransferredAction[] = rows
    .filter((e) =>
      side === 'receiver'
        ? e.actorSide === 'receiver' && RECEIVER_ANSWERS.has(e.action)
        : e.actorSide === 'sender' && e.action === 'withdraw' && e.fromStatus !== 'draft',
    )
    .map((e) => ({
      action: e.action as TransferredAction['action'],
      at: e.at.toISOString(),
      reason: e.reason,
      outcome: e.action === 'complete' ? (row.outcome as Outcome | null) : null,
      note: key && e.note ? open(key, e.note, noteAad(e.id)).toString('utf8') : null,
    }));
  await ctx.audit({
    action: 'referral.exported',
    recordType: 'referral',
    recordId: row.id,
    fields: ['history', ...actions.filter((a) => a.note !== null).map((a) => `note:${a.action}`)],
  });
  return {
    reference: row.reference,
    status: effectiveStatus(row, now),
    sentAt: iso(row.sentAt),
    actions,
  };
}

export type { EventAction };
