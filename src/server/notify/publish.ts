import type { Tx } from '../db/database.ts';
import { newId } from '../shared/ids.ts';
import type { LanternEvent } from './events.ts';
import { EVENT_TYPES } from './events.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records `event` in the outbox inside the caller's transaction (the transactional outbox
 * pattern: the referral change and its notifications commit or roll back together, so a
 * notification is never lost nor sent for a change that did not happen). The notify worker
 * (worker.ts) turns it into webhook deliveries and e-mails after commit; in-app notices read
 * the outbox directly.
 *
 * Runs in an organisation transaction: row-level security lets it record an event only when
 * its own organisation is among the recipients (0008_notify.sql). In a system transaction (the
 * expiry job) the first recipient is recorded as the publisher.
 */
export async function publishEvent(tx: Tx, event: LanternEvent): Promise<void> {
  if (!(EVENT_TYPES as readonly string[]).includes(event.type)) {
    throw new Error(`unknown event type ${event.type}`);
  }
  if (event.recipients.length === 0) throw new Error('an event needs at least one recipient');
  // Merge repeated organisations (a referral within one organisation names it twice: sender
  // and receiver) while keeping each side: the recipients list stays as given.
  const orgIds = [...new Set(event.recipients.map((r) => r.orgId))];
  for (const r of event.recipients) {
    if (!UUID.test(r.orgId)) throw new Error('recipient orgId must be a UUID');
    if (r.side !== 'sender' && r.side !== 'receiver')
      throw new Error('recipient side is sender or receiver');
    for (const u of r.userIds ?? [])
      if (!UUID.test(u)) throw new Error('recipient userIds must be UUIDs');
  }
  if (!UUID.test(event.subject.id)) throw new Error('subject id must be a UUID');
  // Only ids and sides: no names, no personal data.
  const recipients = event.recipients.map((r) => ({
    orgId: r.orgId.toLowerCase(),
    side: r.side,
    ...(r.userIds ? { userIds: r.userIds.map((u) => u.toLowerCase()) } : {}),
  }));
  await tx.query(
    `INSERT INTO notify_events (id, org_id, type, recipients, recipient_org_ids, subject_type,
       subject_id, subject_reference, occurred_at, created_at)
     VALUES ($1, COALESCE(lantern_org_id(), $2::uuid), $3, $4::jsonb, $5::uuid[], $6, $7, $8, $9, $9)`,
    [
      newId(),
      orgIds[0],
      event.type,
      JSON.stringify(recipients),
      orgIds.map((o) => o.toLowerCase()),
      event.subject.type,
      event.subject.id,
      event.subject.reference,
      event.at.toISOString(),
    ],
  );
}
