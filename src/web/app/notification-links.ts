import type { Notification } from '../../shared/api/notify.schema.ts';

/**
 * Where a notification leads: the receiving organisation opens the referral in its inbox, the
 * sending organisation on its own referral page.
 */
export function notificationHref(n: Pick<Notification, 'side' | 'subject'>): string | null {
  if (n.subject.type !== 'referral') return null;
  const id = encodeURIComponent(n.subject.id);
  return n.side === 'receiver' ? `/referrals/inbox/${id}` : `/referrals/${id}`;
}

/** How often the bell asks for news while the page is visible. */
export const POLL_MS = 60_000;

/** The count as the badge shows it: "99+" past 99. */
export const badgeCount = (unread: number): string => (unread > 99 ? '99+' : String(unread));
