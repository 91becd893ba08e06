import { describe, expect, it } from 'vitest';
import { NOTIFY_EVENT_TYPES } from '../../shared/api/notify.schema.ts';
import { EVENT_TYPES } from './events.ts';
import { composeEventMail } from './mail.ts';

const id = '7f1c7a52-3c1b-4d39-9f5e-2b0f3e8a9d11';

describe('event e-mails', () => {
  it('name the event and the reference, and link to the referral when the public URL is set', () => {
    const m = composeEventMail(
      { type: 'referral.accepted', subjectId: id, reference: 'R-2026-000001' },
      'sender',
      'https://lantern.example.org/',
    );
    expect(m.subject).toBe('[Lantern] Referral R-2026-000001 was accepted');
    expect(m.text).toContain(`https://lantern.example.org/referrals/${id}`);
    expect(m.html).toContain(`href="https://lantern.example.org/referrals/${id}"`);
    const inbox = composeEventMail(
      { type: 'referral.sent', subjectId: id, reference: 'R-2026-000001' },
      'receiver',
      'https://lantern.example.org',
    );
    expect(inbox.text).toContain(`https://lantern.example.org/referrals/inbox/${id}`);
  });

  it('word the receiver’s side differently, and carry no link without a public URL', () => {
    const m = composeEventMail(
      { type: 'referral.sent', subjectId: id, reference: 'R-2026-000002' },
      'receiver',
    );
    expect(m.text).toContain('awaits an answer');
    expect(m.text).not.toContain('http');
    expect(m.html).not.toContain('href');
  });

  it('escape the reference in HTML', () => {
    const m = composeEventMail(
      { type: 'referral.sent', subjectId: id, reference: '<b>R</b>' },
      'receiver',
    );
    expect(m.html).not.toContain('<b>R</b>');
    expect(m.html).toContain('&#60;b&#62;R');
  });

  it('server and API event types agree', () => {
    expect([...NOTIFY_EVENT_TYPES]).toEqual([...EVENT_TYPES]);
  });
});
