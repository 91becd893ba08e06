/**
 * What Lantern tells organisations about: each event becomes an in-app notification for every
 * organisation named, a signed webhook delivery to each of their subscribed endpoints, and an
 * e-mail when SMTP is configured (src/server/notify/). Events never carry personal data: a
 * subject's id and reference, never a name or a snapshot.
 */
export const EVENT_TYPES = [
  'referral.sent',
  'referral.accepted',
  'referral.declined',
  'referral.started',
  'referral.completed',
  'referral.withdrawn',
  'referral.expired',
  // a new message in a referral's thread, for the other side
  'referral.message',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface LanternEvent {
  type: EventType;
  /**
   * The organisations told, each with its side: a referral's sender hears of answers, its
   * receiver of new and withdrawn referrals. `userIds` narrows the in-app notice within that
   * organisation (the referral's author, say); absent: every user whose role acts on that side.
   */
  recipients: { orgId: string; side: 'sender' | 'receiver'; userIds?: string[] }[];
  subject: { type: 'referral'; id: string; reference: string };
  at: Date;
}

/**
 * A test delivery asked for by an administrator (POST /webhooks/:id/ping). Sent to one
 * endpoint only; never an in-app notice or an e-mail.
 */
export const PING_EVENT = 'webhook.ping';

/** Every type a webhook delivery may carry, for subscriptions and the X-Lantern-Event header. */
export const DELIVERY_EVENT_TYPES = [...EVENT_TYPES, PING_EVENT] as const;
export type DeliveryEventType = (typeof DELIVERY_EVENT_TYPES)[number];
