import { describe, expect, it } from 'vitest';
import { badgeCount, notificationHref } from './notification-links.ts';

const subject = {
  type: 'referral' as const,
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  reference: 'R-1',
};

describe('notification links', () => {
  it('sends the receiver to its inbox and the sender to its referral', () => {
    expect(notificationHref({ side: 'receiver', subject })).toBe(
      '/referrals/inbox/0f8fad5b-d9cb-469f-a165-70867728950e',
    );
    expect(notificationHref({ side: 'sender', subject })).toBe(
      '/referrals/0f8fad5b-d9cb-469f-a165-70867728950e',
    );
  });

  it('has no link for a subject that is not a referral', () => {
    expect(
      notificationHref({ side: 'sender', subject: { ...subject, type: 'webhook' } }),
    ).toBeNull();
  });

  it('caps the badge', () => {
    expect(badgeCount(0)).toBe('0');
    expect(badgeCount(99)).toBe('99');
    expect(badgeCount(100)).toBe('99+');
  });
});
