import type { ReferralAction } from '../../shared/referrals/lifecycle.ts';
import type { Tx } from '../db/database.ts';
import type { EventType, LanternEvent } from '../notify/events.ts';
import { publishEvent } from '../notify/publish.ts';

const EVENT_OF: Record<ReferralAction, EventType> = {
  send: 'referral.sent',
  accept: 'referral.accepted',
  decline: 'referral.declined',
  start: 'referral.started',
  complete: 'referral.completed',
  withdraw: 'referral.withdrawn',
  expire: 'referral.expired',
};

/** What the announcement needs of a referral. */
export interface Announced {
  id: string;
  reference: string;
  orgId: string;
  toOrgId: string | null;
  createdBy: string;
  /** NULL for a referral received from another instance: its sender is not here. */
  caseId: string | null;
}

/**
 * Publishes a transition (src/server/notify/publish.ts) in the caller's transaction, naming
 * both parties as 0008_notify.sql requires (the publisher is always among them): the sending
 * organisation (its author's notice) and the receiving one when it is on this instance. The
 * notify module decides whom it tells. An external provider and a remote sender have no
 * organisation here: they hear by other means (a telephone call; a sealed reply package).
 */
export async function announce(
  tx: Tx,
  r: Announced,
  action: ReferralAction,
  at: Date,
): Promise<void> {
  const recipients: LanternEvent['recipients'] = [];
  // A referral received from another instance has no sender here.
  if (r.caseId !== null)
    recipients.push({ orgId: r.orgId, side: 'sender', userIds: [r.createdBy] });
  if (r.toOrgId !== null) recipients.push({ orgId: r.toOrgId, side: 'receiver' });
  if (recipients.length === 0) return;
  await publishEvent(tx, {
    type: EVENT_OF[action],
    recipients,
    subject: { type: 'referral', id: r.id, reference: r.reference },
    at,
  });
}

/**
 * Publishes a new message in the thread to the other side: the sender's author hears of the
 * provider's message, the provider's users of the sender's. The writer's own organisation is
 * named too, as 0008_notify.sql requires of a publisher, but with no user: only its supervisors,
 * who follow every referral, see it there.
 */
export async function announceMessage(
  tx: Tx,
  r: Announced,
  writer: 'sender' | 'receiver',
  at: Date,
): Promise<void> {
  const recipients: LanternEvent['recipients'] = [];
  if (r.caseId !== null) {
    recipients.push({
      orgId: r.orgId,
      side: 'sender',
      userIds: writer === 'sender' ? [] : [r.createdBy],
    });
  }
  if (r.toOrgId !== null) {
    recipients.push({
      orgId: r.toOrgId,
      side: 'receiver',
      ...(writer === 'receiver' ? { userIds: [] } : {}),
    });
  }
  if (recipients.length === 0) return;
  await publishEvent(tx, {
    type: 'referral.message',
    recipients,
    subject: { type: 'referral', id: r.id, reference: r.reference },
    at,
  });
}
