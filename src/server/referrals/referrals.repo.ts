import type { ServiceType } from '../../shared/codes/service-types.ts';
import type { ReferralSide, ReferralStatus, Urgency } from '../../shared/referrals/lifecycle.ts';
import type { Tx } from '../db/database.ts';

/** A service as a referral needs it: what it is, who runs it, where its referrals go. */
export interface ServiceTarget {
  id: string;
  name: string;
  serviceType: ServiceType;
  active: boolean;
  providerId: string;
  providerName: string;
  providerActive: boolean;
  /** The receiving organisation on this instance; null for an external provider. */
  providerOrgId: string | null;
  responseDays: number;
  capacityTotal: number | null;
  capacityAvailable: number | null;
  capacityUpdatedAt: Date | null;
  /** A service listed from a partner instance (0009_instances.sql); null for a local listing. */
  partnerId: string | null;
}

export async function findServiceTarget(tx: Tx, id: string): Promise<ServiceTarget | undefined> {
  const [row] = await tx.query<ServiceTarget>(
    `SELECT s.id, s.name, s.service_type AS "serviceType", s.active, p.id AS "providerId",
            p.name AS "providerName", p.active AS "providerActive",
            p.provider_org_id AS "providerOrgId", s.response_days AS "responseDays",
            s.capacity_total AS "capacityTotal", s.capacity_available AS "capacityAvailable",
            s.capacity_updated_at AS "capacityUpdatedAt", s.partner_id AS "partnerId"
       FROM services s JOIN providers p ON p.id = s.provider_id
      WHERE s.id = $1`,
    [id],
  );
  return row;
}

/** A referral row as stored (sealed columns still sealed), with the names shown beside it. */
export interface ReferralRow {
  id: string;
  orgId: string;
  reference: string;
  caseId: string | null;
  serviceId: string;
  providerId: string;
  toOrgId: string | null;
  serviceType: ServiceType;
  status: ReferralStatus;
  urgency: Urgency;
  disclosedFields: string[];
  snapshotKey: Uint8Array | null;
  snapshot: Uint8Array | null;
  draft: Uint8Array | null;
  fromOrgName: string;
  declineReason: string | null;
  outcome: string | null;
  createdBy: string;
  createdAt: Date;
  sentAt: Date | null;
  answerDueAt: Date | null;
  answeredAt: Date | null;
  startedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  version: number;
  /** The partner instance (0009_instances.sql): of the provider, or of the sender when incoming. */
  partnerId: string | null;
  remoteReferralId: string | null;
  serviceName: string;
  providerName: string;
  /** The case's reference: only ever found under the sender's row-level security. */
  caseReference: string | null;
}

const COLUMNS = `r.id, r.org_id AS "orgId", r.reference, r.case_id AS "caseId",
  r.service_id AS "serviceId", r.provider_id AS "providerId", r.to_org_id AS "toOrgId",
  r.service_type AS "serviceType", r.status, r.urgency, r.disclosed_fields AS "disclosedFields",
  r.snapshot_key AS "snapshotKey", r.snapshot, r.draft, r.from_org_name AS "fromOrgName",
  r.decline_reason AS "declineReason", r.outcome, r.created_by AS "createdBy",
  r.created_at AS "createdAt", r.sent_at AS "sentAt", r.answer_due_at AS "answerDueAt",
  r.answered_at AS "answeredAt", r.started_at AS "startedAt", r.closed_at AS "closedAt",
  r.updated_at AS "updatedAt", r.version, r.partner_id AS "partnerId",
  r.remote_referral_id AS "remoteReferralId", s.name AS "serviceName", p.name AS "providerName",
  c.reference AS "caseReference"`;

const FROM = `referrals r JOIN services s ON s.id = r.service_id
  JOIN providers p ON p.id = r.provider_id
  LEFT JOIN cases c ON c.id = r.case_id AND c.org_id = r.org_id`;

/** One referral visible to the transaction's organisation; `lock` serialises writers. */
export async function findReferral(
  tx: Tx,
  id: string,
  { lock = false } = {},
): Promise<ReferralRow | undefined> {
  const [row] = await tx.query<ReferralRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );
  return row;
}

/** The next referral number of the organisation (the row lock serialises concurrent senders). */
export async function nextReferralNumber(tx: Tx, orgId: string): Promise<number> {
  const [row] = await tx.query<{ referral_seq: number }>(
    'UPDATE organisations SET referral_seq = referral_seq + 1 WHERE id = $1 RETURNING referral_seq',
    [orgId],
  );
  if (!row) throw new Error('organisation not found');
  return row.referral_seq;
}

export async function findOrgName(tx: Tx, orgId: string): Promise<string> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [
    orgId,
  ]);
  if (!row) throw new Error('organisation not found');
  return row.name;
}

export interface NewReferral {
  id: string;
  orgId: string;
  reference: string;
  caseId: string | null;
  serviceId: string;
  providerId: string;
  toOrgId: string | null;
  serviceType: ServiceType;
  status: 'draft' | 'sent';
  urgency: Urgency;
  disclosedFields: string[];
  snapshotKey: Buffer;
  snapshot: Buffer | null;
  draft: Buffer | null;
  fromOrgName: string;
  createdBy: string;
  now: Date;
  sentAt: Date | null;
  answerDueAt: Date | null;
  partnerId: string | null;
  remoteReferralId: string | null;
}

export async function insertReferral(tx: Tx, r: NewReferral): Promise<void> {
  await tx.query(
    `INSERT INTO referrals (id, org_id, reference, case_id, service_id, provider_id, to_org_id,
       service_type, status, urgency, disclosed_fields, snapshot_key, snapshot, draft,
       from_org_name, created_by, created_at, updated_at, sent_at, answer_due_at,
       partner_id, remote_referral_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17,
       $18, $19, $20, $21)`,
    [
      r.id,
      r.orgId,
      r.reference,
      r.caseId,
      r.serviceId,
      r.providerId,
      r.toOrgId,
      r.serviceType,
      r.status,
      r.urgency,
      r.disclosedFields,
      r.snapshotKey,
      r.snapshot,
      r.draft,
      r.fromOrgName,
      r.createdBy,
      r.now,
      r.sentAt,
      r.answerDueAt,
      r.partnerId,
      r.remoteReferralId,
    ],
  );
}

/** Columns a change may set; `undefined` leaves a column as it is, `null` clears it. */
export interface ReferralChange {
  status?: ReferralStatus;
  serviceId?: string;
  providerId?: string;
  toOrgId?: string | null;
  partnerId?: string | null;
  serviceType?: ServiceType;
  urgency?: Urgency;
  disclosedFields?: string[];
  snapshotKey?: Buffer | null;
  snapshot?: Buffer | null;
  draft?: Buffer | null;
  declineReason?: string | null;
  outcome?: string | null;
  sentAt?: Date;
  answerDueAt?: Date;
  answeredAt?: Date;
  startedAt?: Date;
  closedAt?: Date;
}

const CHANGE_COLUMNS: Record<keyof ReferralChange, string> = {
  status: 'status',
  serviceId: 'service_id',
  providerId: 'provider_id',
  toOrgId: 'to_org_id',
  partnerId: 'partner_id',
  serviceType: 'service_type',
  urgency: 'urgency',
  disclosedFields: 'disclosed_fields',
  snapshotKey: 'snapshot_key',
  snapshot: 'snapshot',
  draft: 'draft',
  declineReason: 'decline_reason',
  outcome: 'outcome',
  sentAt: 'sent_at',
  answerDueAt: 'answer_due_at',
  answeredAt: 'answered_at',
  startedAt: 'started_at',
  closedAt: 'closed_at',
};

/**
 * Applies a change if the referral is still at `version` (optimistic concurrency) and moves the
 * version on; answers whether it did. The column names come from the fixed map above.
 */
export async function updateReferral(
  tx: Tx,
  id: string,
  version: number,
  change: ReferralChange,
  now: Date,
): Promise<boolean> {
  const params: unknown[] = [id, version, now];
  const sets = ['updated_at = $3', 'version = version + 1'];
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) continue;
    params.push(v);
    sets.push(`${CHANGE_COLUMNS[k as keyof ReferralChange]} = $${params.length}`);
  }
  const rows = await tx.query(
    `UPDATE referrals SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
    params,
  );
  return rows.length === 1;
}

export type EventAction =
  | 'create'
  | 'update'
  | 'message'
  | 'send'
  | 'accept'
  | 'decline'
  | 'start'
  | 'complete'
  | 'withdraw'
  | 'expire';

export interface NewReferralEvent {
  id: string;
  referralId: string;
  orgId: string;
  /** NULL keeps the event from the receiver (draft-time events). */
  toOrgId: string | null;
  action: EventAction;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  actorId: string | null;
  actorOrgId: string | null;
  actorName: string | null;
  actorSide: ReferralSide;
  reason: string | null;
  note: Buffer | null;
  at: Date;
}

export async function insertReferralEvent(tx: Tx, e: NewReferralEvent): Promise<void> {
  await tx.query(
    `INSERT INTO referral_events (id, referral_id, org_id, to_org_id, action, from_status,
       to_status, actor_id, actor_org_id, actor_name, actor_side, reason, note, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      e.id,
      e.referralId,
      e.orgId,
      e.toOrgId,
      e.action,
      e.fromStatus,
      e.toStatus,
      e.actorId,
      e.actorOrgId,
      e.actorName,
      e.actorSide,
      e.reason,
      e.note,
      e.at,
    ],
  );
}

export interface ReferralEventRow {
  id: string;
  action: EventAction;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  actorId: string | null;
  actorName: string | null;
  actorSide: ReferralSide;
  reason: string | null;
  note: Uint8Array | null;
  at: Date;
}

/** A referral's history in order, as far as row-level security lets the organisation see it. */
export async function listReferralEvents(
  tx: Tx,
  referralId: string,
  { includeDraft }: { includeDraft: boolean },
): Promise<ReferralEventRow[]> {
  return tx.query<ReferralEventRow>(
    `SELECT id, action, from_status AS "fromStatus", to_status AS "toStatus",
            actor_id AS "actorId", actor_name AS "actorName", actor_side AS "actorSide", reason,
            note, at
       FROM referral_events
      WHERE referral_id = $1 AND ($2::boolean OR to_org_id IS NOT NULL)
      ORDER BY seq`,
    [referralId, includeDraft],
  );
}

/** Where a page of a list starts: after this (instant, id). */
export interface ListPosition {
  at: string;
  id: string;
}

export interface ListFilter {
  caseId?: string | undefined;
  status?: ReferralStatus[] | undefined;
}

/**
 * The status condition as answers show it: a `sent` referral past its due time counts as
 * `expired` (lifecycle.effectiveStatus), so a filter is never wrong before the expiry job ran.
 */
function whereStatus(
  statuses: ReferralStatus[] | undefined,
  now: Date,
  p: (v: unknown) => string,
): string | null {
  if (!statuses?.length) return null;
  const parts: string[] = [];
  const others = statuses.filter((s) => s !== 'sent' && s !== 'expired');
  if (others.length) parts.push(`r.status = ANY(${p(others)}::text[])`);
  const t = statuses.includes('sent') || statuses.includes('expired') ? p(now) : '';
  if (statuses.includes('sent')) parts.push(`(r.status = 'sent' AND r.answer_due_at > ${t})`);
  if (statuses.includes('expired')) {
    parts.push(`(r.status = 'expired' OR (r.status = 'sent' AND r.answer_due_at <= ${t}))`);
  }
  return `(${parts.join(' OR ')})`;
}

/** The organisation's own referrals (of its cases: not received from another instance), newest first. */
export async function listSentReferrals(
  tx: Tx,
  orgId: string,
  f: ListFilter,
  now: Date,
  limit: number,
  after?: ListPosition,
): Promise<ReferralRow[]> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const cond = [`r.org_id = ${p(orgId)}`, 'r.case_id IS NOT NULL'];
  if (f.caseId) cond.push(`r.case_id = ${p(f.caseId)}`);
  const s = whereStatus(f.status, now, p);
  if (s) cond.push(s);
  if (after)
    cond.push(`(r.created_at, r.id) < (${p(after.at)}::timestamptz, ${p(after.id)}::uuid)`);
  return tx.query<ReferralRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${cond.join(' AND ')}
      ORDER BY r.created_at DESC, r.id DESC LIMIT ${p(limit)}`,
    params,
  );
}

/** Referrals addressed to the organisation, sent or later (never a draft), newest first. */
export async function listInboxReferrals(
  tx: Tx,
  orgId: string,
  f: ListFilter,
  now: Date,
  limit: number,
  after?: ListPosition,
): Promise<ReferralRow[]> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const cond = [`r.to_org_id = ${p(orgId)}`, `r.status <> 'draft'`];
  const s = whereStatus(f.status, now, p);
  if (s) cond.push(s);
  if (after) cond.push(`(r.sent_at, r.id) < (${p(after.at)}::timestamptz, ${p(after.id)}::uuid)`);
  return tx.query<ReferralRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${cond.join(' AND ')}
      ORDER BY r.sent_at DESC, r.id DESC LIMIT ${p(limit)}`,
    params,
  );
}

/**
 * The case's referrals still open at `now` (a sent one past its due time has expired), of one
 * service type or of all, locked for the withdrawal that follows.
 */
export async function openReferralsOfCase(
  tx: Tx,
  caseId: string,
  serviceType: ServiceType | null,
  now: Date,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM referrals
      WHERE case_id = $1 AND ($2::text IS NULL OR service_type = $2)
        AND (status IN ('draft', 'accepted', 'in_progress')
             OR (status = 'sent' AND answer_due_at > $3))
      ORDER BY created_at, id FOR UPDATE`,
    [caseId, serviceType, now],
  );
  return rows.map((r) => r.id);
}

/** Sent referrals whose answer was due by `now` (system scope), locked, oldest due first. */
export async function dueReferrals(tx: Tx, now: Date, limit: number): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM referrals WHERE status = 'sent' AND answer_due_at <= $1
      ORDER BY answer_due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, limit],
  );
  return rows.map((r) => r.id);
}

/** The local referral for a partner's referral id, if it is already here. */
export async function findByRemoteId(
  tx: Tx,
  partnerId: string,
  remoteReferralId: string,
): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>(
    'SELECT id FROM referrals WHERE partner_id = $1 AND remote_referral_id = $2',
    [partnerId, remoteReferralId],
  );
  return row?.id;
}
