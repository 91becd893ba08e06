import type { Role } from '../../shared/api/auth.schema.ts';
import type { Tx } from '../db/database.ts';
import type { DeliveryEventType } from './events.ts';

/*
 * All SQL of notifications. Organisation transactions (requests) go through row-level security
 * (0008_notify.sql); the worker's functions run in system transactions.
 */

// ---------------------------------------------------------------------------------------------
// In-app notifications

/**
 * Whether recipient entry `r` addresses the reader ($1 org, $2 user, $3 role): supervisors see
 * both sides; when the event names users (`userIds`, the referral's author, say) those users
 * see it; otherwise every provider (receiver side) or caseworker (sender side).
 */
const ADDRESSED_TO_READER = `
  r->>'orgId' = $1::text
  AND ($3::text = 'supervisor'
       OR (r->'userIds') ? $2::text
       OR (NOT (r ? 'userIds') AND r->>'side' = 'receiver' AND $3::text = 'provider')
       OR (NOT (r ? 'userIds') AND r->>'side' = 'sender' AND $3::text = 'caseworker'))`;

/** The reader's notifications with their side; events not addressed to them have none. */
const READER_EVENTS = `
  SELECT e.seq, e.id, e.type, e.subject_type, e.subject_id, e.subject_reference, e.occurred_at,
         (SELECT r->>'side' FROM jsonb_array_elements(e.recipients) AS r
           WHERE ${ADDRESSED_TO_READER} ORDER BY r->>'side' LIMIT 1) AS side,
         nr.read_at
    FROM notify_events e
    LEFT JOIN notification_reads nr ON nr.event_id = e.id AND nr.user_id = $2::uuid
   WHERE e.recipient_org_ids @> ARRAY[$1::uuid]`;

export interface Reader {
  orgId: string;
  userId: string;
  role: Role;
}

export interface NotificationRow {
  seq: string;
  id: string;
  type: string;
  subjectType: string;
  subjectId: string;
  reference: string;
  occurredAt: Date;
  side: 'sender' | 'receiver';
  readAt: Date | null;
}

const readerParams = (r: Reader) => [r.orgId, r.userId, r.role];

export async function listNotifications(
  tx: Tx,
  reader: Reader,
  o: { limit: number; beforeSeq?: string | undefined; unreadOnly: boolean },
): Promise<NotificationRow[]> {
  return tx.query<NotificationRow>(
    `SELECT seq::text AS seq, id, type, subject_type AS "subjectType", subject_id AS "subjectId",
            subject_reference AS reference, occurred_at AS "occurredAt", side, read_at AS "readAt"
       FROM (${READER_EVENTS}) x
      WHERE side IS NOT NULL
        AND ($4::bigint IS NULL OR seq < $4::bigint)
        AND (NOT $5::boolean OR read_at IS NULL)
      ORDER BY seq DESC
      LIMIT $6`,
    [...readerParams(reader), o.beforeSeq ?? null, o.unreadOnly, o.limit],
  );
}

export async function countUnread(tx: Tx, reader: Reader): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (${READER_EVENTS}) x WHERE side IS NOT NULL AND read_at IS NULL`,
    readerParams(reader),
  );
  return row?.n ?? 0;
}

/** Marks one notification read; false when it is not the reader's (or does not exist). */
export async function markRead(
  tx: Tx,
  reader: Reader,
  eventId: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM (${READER_EVENTS}) x WHERE side IS NOT NULL AND id = $4::uuid`,
    [...readerParams(reader), eventId],
  );
  if (rows.length === 0) return false;
  await tx.query(
    `INSERT INTO notification_reads (org_id, user_id, event_id, read_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, event_id) DO NOTHING`,
    [reader.orgId, reader.userId, eventId, at],
  );
  return true;
}

export async function markAllRead(tx: Tx, reader: Reader, at: Date): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO notification_reads (org_id, user_id, event_id, read_at)
     SELECT $1::uuid, $2::uuid, id, $4::timestamptz FROM (${READER_EVENTS}) x
      WHERE side IS NOT NULL AND read_at IS NULL
     ON CONFLICT (user_id, event_id) DO NOTHING
     RETURNING event_id AS id`,
    [...readerParams(reader), at],
  );
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// Webhook endpoints

export interface EndpointRow {
  id: string;
  orgId: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  active: boolean;
  secret: Uint8Array;
  createdAt: Date;
  updatedAt: Date;
}

const ENDPOINT_COLUMNS = `id, org_id AS "orgId", url, description, event_types AS "eventTypes",
  active, secret, created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function insertEndpoint(
  tx: Tx,
  e: Omit<EndpointRow, 'updatedAt'> & { createdBy: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO webhook_endpoints (id, org_id, url, description, event_types, active, secret,
       created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
    [
      e.id,
      e.orgId,
      e.url,
      e.description,
      e.eventTypes,
      e.active,
      e.secret,
      e.createdBy,
      e.createdAt,
    ],
  );
}

export async function listEndpoints(tx: Tx, orgId: string): Promise<EndpointRow[]> {
  return tx.query<EndpointRow>(
    `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints
      WHERE org_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`,
    [orgId],
  );
}

export async function findEndpoint(tx: Tx, orgId: string, id: string): Promise<EndpointRow | null> {
  const [row] = await tx.query<EndpointRow>(
    `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints
      WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL FOR UPDATE`,
    [orgId, id],
  );
  return row ?? null;
}

export async function updateEndpoint(
  tx: Tx,
  id: string,
  e: Pick<EndpointRow, 'url' | 'description' | 'eventTypes' | 'active' | 'secret' | 'updatedAt'>,
): Promise<void> {
  await tx.query(
    `UPDATE webhook_endpoints SET url = $2, description = $3, event_types = $4, active = $5,
       secret = $6, updated_at = $7, version = version + 1
     WHERE id = $1 AND deleted_at IS NULL`,
    [id, e.url, e.description, e.eventTypes, e.active, e.secret, e.updatedAt],
  );
}

export async function deleteEndpoint(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.query(
    // The secret is wiped: nothing may be signed with it again.
    `UPDATE webhook_endpoints SET deleted_at = $2, active = false, updated_at = $2,
            secret = '\\x'::bytea
      WHERE id = $1`,
    [id, at],
  );
  // What was still waiting for it is not sent.
  await tx.query(
    `UPDATE notify_deliveries SET status = 'skipped', next_attempt_at = NULL, updated_at = $2
      WHERE endpoint_id = $1 AND status = 'pending'`,
    [id, at],
  );
}

// ---------------------------------------------------------------------------------------------
// The delivery log

export interface DeliveryRow {
  id: string;
  eventId: string;
  type: DeliveryEventType;
  occurredAt: Date;
  subjectType: 'referral' | 'webhook';
  subjectId: string;
  reference: string;
  status: 'pending' | 'delivering' | 'delivered' | 'failed' | 'skipped';
  attempts: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

const DELIVERY_COLUMNS = `d.id, d.event_id AS "eventId", e.type, e.occurred_at AS "occurredAt",
  e.subject_type AS "subjectType", e.subject_id AS "subjectId", e.subject_reference AS reference,
  d.status, d.attempts, d.last_status_code AS "statusCode", d.last_error AS error,
  d.last_duration_ms AS "durationMs", d.next_attempt_at AS "nextAttemptAt",
  d.delivered_at AS "deliveredAt", d.created_at AS "createdAt"`;

export async function listDeliveries(
  tx: Tx,
  endpointId: string,
  o: { limit: number; status?: string | undefined; before?: { at: Date; id: string } | undefined },
): Promise<DeliveryRow[]> {
  return tx.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS}
       FROM notify_deliveries d JOIN notify_events e ON e.id = d.event_id
      WHERE d.endpoint_id = $1
        AND ($2::text IS NULL OR d.status = $2)
        AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3::timestamptz, $4::uuid))
      ORDER BY d.created_at DESC, d.id DESC
      LIMIT $5`,
    [endpointId, o.status ?? null, o.before?.at ?? null, o.before?.id ?? null, o.limit],
  );
}

export async function findDelivery(
  tx: Tx,
  endpointId: string,
  deliveryId: string,
): Promise<DeliveryRow | null> {
  const [row] = await tx.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS}
       FROM notify_deliveries d JOIN notify_events e ON e.id = d.event_id
      WHERE d.endpoint_id = $1 AND d.id = $2 FOR UPDATE OF d`,
    [endpointId, deliveryId],
  );
  return row ?? null;
}

export interface AttemptRow {
  deliveryId: string;
  attempt: number;
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export async function listAttempts(tx: Tx, deliveryIds: string[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return tx.query<AttemptRow>(
    `SELECT delivery_id AS "deliveryId", attempt, at, status_code AS "statusCode", error,
            duration_ms AS "durationMs"
       FROM notify_attempts WHERE delivery_id = ANY($1::uuid[]) ORDER BY delivery_id, attempt`,
    [deliveryIds],
  );
}

/** Puts a delivery back in the queue, due at once (manual redelivery). */
export async function requeueDelivery(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.query(
    `UPDATE notify_deliveries SET status = 'pending', next_attempt_at = $2, updated_at = $2
      WHERE id = $1`,
    [id, at],
  );
}

/** A ping: an event for the organisation alone (no in-app notice) and one delivery, due now. */
export async function insertPing(
  tx: Tx,
  o: { eventId: string; deliveryId: string; orgId: string; endpointId: string; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO notify_events (id, org_id, type, recipients, recipient_org_ids, subject_type,
       subject_id, subject_reference, occurred_at, created_at, dispatched_at)
     VALUES ($1, $2, 'webhook.ping', '[]'::jsonb, ARRAY[$2::uuid], 'webhook', $3, 'ping', $4, $4, $4)`,
    [o.eventId, o.orgId, o.endpointId, o.at],
  );
  await tx.query(
    `INSERT INTO notify_deliveries (id, org_id, event_id, channel, endpoint_id, status,
       next_attempt_at, created_at, updated_at)
     VALUES ($1, $2, $3, 'webhook', $4, 'pending', $5, $5, $5)`,
    [o.deliveryId, o.orgId, o.eventId, o.endpointId, o.at],
  );
}

// ---------------------------------------------------------------------------------------------
// The worker (system transactions)

export interface OutboxEvent {
  id: string;
  type: DeliveryEventType;
  recipients: { orgId: string; side: 'sender' | 'receiver'; userIds?: string[] }[];
  subjectType: 'referral' | 'webhook';
  subjectId: string;
  reference: string;
  occurredAt: Date;
}

const EVENT_COLUMNS = `id, type, recipients, subject_type AS "subjectType", subject_id AS "subjectId",
  subject_reference AS reference, occurred_at AS "occurredAt"`;

/** Events still in the outbox, oldest first, locked so that two workers never fan out one. */
export async function claimOutbox(
  tx: Tx,
  limit: number,
  exceptIds: string[] = [],
): Promise<OutboxEvent[]> {
  const rows = await tx.query<OutboxEvent>(
    `SELECT ${EVENT_COLUMNS} FROM notify_events
      WHERE dispatched_at IS NULL AND id <> ALL ($2::uuid[])
      ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit, exceptIds],
  );
  // PGlite and node-postgres both parse jsonb; a string would mean a driver change.
  return rows.map((r) => ({
    ...r,
    recipients:
      typeof r.recipients === 'string'
        ? (JSON.parse(r.recipients) as OutboxEvent['recipients'])
        : r.recipients,
  }));
}

export async function markDispatched(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.query('UPDATE notify_events SET dispatched_at = $2 WHERE id = $1', [id, at]);
}

export async function subscribedEndpoints(tx: Tx, orgId: string, type: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM webhook_endpoints
      WHERE org_id = $1 AND active AND deleted_at IS NULL
        AND (cardinality(event_types) = 0 OR $2 = ANY (event_types))`,
    [orgId, type],
  );
  return rows.map((r) => r.id);
}

/** The users of `orgId` told by e-mail, chosen as for in-app notices; disabled users are not. */
export async function mailRecipients(
  tx: Tx,
  orgId: string,
  side: 'sender' | 'receiver',
  userIds: string[] | undefined,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM users
      WHERE org_id = $1 AND NOT disabled
        AND (role = 'supervisor'
             OR ($2::uuid[] IS NOT NULL AND id = ANY ($2::uuid[]))
             OR ($2::uuid[] IS NULL AND role = $3))`,
    [orgId, userIds ?? null, side === 'receiver' ? 'provider' : 'caseworker'],
  );
  return rows.map((r) => r.id);
}

export async function insertDelivery(
  tx: Tx,
  d: {
    id: string;
    orgId: string;
    eventId: string;
    channel: 'webhook' | 'email';
    endpointId?: string;
    userId?: string;
    status: 'pending' | 'skipped';
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO notify_deliveries (id, org_id, event_id, channel, endpoint_id, user_id, status,
       next_attempt_at, last_error, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
     ON CONFLICT DO NOTHING`,
    [
      d.id,
      d.orgId,
      d.eventId,
      d.channel,
      d.endpointId ?? null,
      d.userId ?? null,
      d.status,
      d.status === 'pending' ? d.at : null,
      d.status === 'skipped' ? 'SMTP not configured' : null,
      d.at,
    ],
  );
}

export interface ClaimedDelivery {
  id: string;
  orgId: string;
  channel: 'webhook' | 'email';
  attempts: number;
  event: OutboxEvent;
  /** Webhook: the endpoint, its secret still sealed; null when it was removed or disabled. */
  endpoint: { id: string; url: string; secret: Uint8Array } | null;
  /** E-mail: the user's address and side; null when the user is gone or disabled. */
  mail: { address: string; side: 'sender' | 'receiver' } | null;
}

/**
 * Takes up to `limit` deliveries that are due (or whose earlier claim lapsed: a worker that
 * died mid-send), marks them `delivering` with a lease, and counts the attempt. Locked rows
 * are skipped so that several workers share the queue (FOR UPDATE SKIP LOCKED).
 */
export async function claimDue(
  tx: Tx,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<{ id: string; attempts: number }[]> {
  return tx.query<{ id: string; attempts: number }>(
    `UPDATE notify_deliveries d SET status = 'delivering', lease_until = $2,
            attempts = d.attempts + 1, updated_at = $1
      WHERE d.id IN (SELECT id FROM notify_deliveries
                      WHERE (status = 'pending' AND next_attempt_at <= $1)
                         OR (status = 'delivering' AND lease_until <= $1)
                      ORDER BY next_attempt_at NULLS FIRST, id
                      LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING d.id, d.attempts`,
    [now, leaseUntil, limit],
  );
}

/** What sending a claimed delivery needs (read in the claim's transaction). */
export async function loadClaimed(tx: Tx, ids: string[]): Promise<ClaimedDelivery[]> {
  if (ids.length === 0) return [];
  const rows = await tx.query<{
    id: string;
    orgId: string;
    channel: 'webhook' | 'email';
    attempts: number;
    endpointId: string | null;
    url: string | null;
    secret: Uint8Array | null;
    endpointLive: boolean | null;
    address: string | null;
    userLive: boolean | null;
    eventId: string;
    type: DeliveryEventType;
    recipients: OutboxEvent['recipients'] | string;
    subjectType: 'referral' | 'webhook';
    subjectId: string;
    reference: string;
    occurredAt: Date;
  }>(
    `SELECT d.id, d.org_id AS "orgId", d.channel, d.attempts, w.id AS "endpointId", w.url,
            w.secret, (w.active AND w.deleted_at IS NULL) AS "endpointLive",
            u.email AS address, NOT u.disabled AS "userLive",
            e.id AS "eventId", e.type, e.recipients, e.subject_type AS "subjectType",
            e.subject_id AS "subjectId", e.subject_reference AS reference,
            e.occurred_at AS "occurredAt"
       FROM notify_deliveries d
       JOIN notify_events e ON e.id = d.event_id
       LEFT JOIN webhook_endpoints w ON w.id = d.endpoint_id
       LEFT JOIN users u ON u.id = d.user_id AND u.org_id = d.org_id
      WHERE d.id = ANY($1::uuid[])`,
    [ids],
  );
  return rows.map((r) => {
    const recipients =
      typeof r.recipients === 'string'
        ? (JSON.parse(r.recipients) as OutboxEvent['recipients'])
        : r.recipients;
    const entry = recipients.find((x) => x.orgId === r.orgId);
    return {
      id: r.id,
      orgId: r.orgId,
      channel: r.channel,
      attempts: r.attempts,
      event: {
        id: r.eventId,
        type: r.type,
        recipients,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        reference: r.reference,
        occurredAt: r.occurredAt,
      },
      endpoint:
        r.endpointId && r.url && r.secret && r.endpointLive
          ? { id: r.endpointId, url: r.url, secret: r.secret }
          : null,
      mail: r.address && r.userLive && entry ? { address: r.address, side: entry.side } : null,
    };
  });
}

/** Records one attempt and the delivery's new state. */
export async function recordAttempt(
  tx: Tx,
  a: {
    deliveryId: string;
    orgId: string;
    attempt: number;
    at: Date;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
    status: 'delivered' | 'pending' | 'failed' | 'skipped';
    nextAttemptAt: Date | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO notify_attempts (delivery_id, attempt, org_id, at, status_code, error, duration_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (delivery_id, attempt) DO NOTHING`,
    [a.deliveryId, a.attempt, a.orgId, a.at, a.statusCode, a.error, a.durationMs],
  );
  await tx.query(
    `UPDATE notify_deliveries SET status = $2, next_attempt_at = $3, lease_until = NULL,
            last_status_code = $4, last_error = $5, last_duration_ms = $6, updated_at = $7,
            delivered_at = CASE WHEN $2 = 'delivered' THEN $7 ELSE delivered_at END
      WHERE id = $1 AND status = 'delivering' AND attempts = $8`,
    [a.deliveryId, a.status, a.nextAttemptAt, a.statusCode, a.error, a.durationMs, a.at, a.attempt],
  );
}
