import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/api/auth.schema.ts';
import type { NotificationList } from '../../src/shared/api/notify.schema.ts';
import { orgScope } from '../../src/server/db/database.ts';
import type { LanternEvent } from '../../src/server/notify/events.ts';
import { publishEvent } from '../../src/server/notify/publish.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

let t: TestLantern;
let orgA: string;
let orgB: string;
let orgC: string;
const s = {} as Record<`${'A' | 'B' | 'C'}.${Role}` | 'A.author' | 'A.other', TestSession>;

async function publish(e: Omit<LanternEvent, 'at'>, as = orgA): Promise<string> {
  await t.db.transaction(orgScope(as), (tx) => publishEvent(tx, { ...e, at: t.clock.now() }));
  t.clock.advance(1000);
  return e.subject.id;
}

const list = async (who: TestSession, query = '') => {
  const res = await t.request('GET', `/api/v1/notifications${query}`, { session: who });
  expect(res.status).toBe(200);
  return res.json<NotificationList>();
};

const refs = (l: NotificationList) => l.items.map((i) => i.subject.reference);

beforeAll(async () => {
  t = await TestLantern.start();
  orgA = await t.createOrg('Sender');
  orgB = await t.createOrg('Receiver');
  orgC = await t.createOrg('Bystander');
  for (const [key, org] of [
    ['A', orgA],
    ['B', orgB],
    ['C', orgC],
  ] as const) {
    for (const role of ['admin', 'supervisor', 'caseworker', 'analyst', 'provider'] as const) {
      s[`${key}.${role}`] = await t.signIn(org, role);
    }
  }
  s['A.author'] = await t.signIn(orgA, 'caseworker');
  s['A.other'] = s['A.caseworker'];

  // A → B: sent (the receiver hears), then accepted (the sender's author hears).
  const referral = randomUUID();
  await publish({
    type: 'referral.sent',
    recipients: [
      { orgId: orgA, side: 'sender', userIds: [s['A.author'].userId] },
      { orgId: orgB, side: 'receiver' },
    ],
    subject: { type: 'referral', id: referral, reference: 'R-2026-000001' },
  });
  await publish(
    {
      type: 'referral.accepted',
      recipients: [
        { orgId: orgA, side: 'sender', userIds: [s['A.author'].userId] },
        { orgId: orgB, side: 'receiver' },
      ],
      subject: { type: 'referral', id: referral, reference: 'R-2026-000001' },
    },
    orgB,
  );
});
afterAll(() => t.close());

describe('in-app notifications', () => {
  it('reach the receiving organisation’s providers and supervisors', async () => {
    for (const who of [s['B.provider'], s['B.supervisor']]) {
      const l = await list(who);
      expect(l.items.map((i) => i.type)).toEqual(['referral.accepted', 'referral.sent']);
      expect(l.items.every((i) => i.side === 'receiver')).toBe(true);
      expect(l.unread).toBe(2);
    }
  });

  it('reach the sender’s author named in userIds and the sender’s supervisors, not other caseworkers', async () => {
    expect((await list(s['A.author'])).items).toHaveLength(2);
    expect((await list(s['A.supervisor'])).items).toHaveLength(2);
    expect((await list(s['A.other'])).items).toHaveLength(0);
    expect((await list(s['A.author'])).items[0]!.side).toBe('sender');
  });

  it('are not shown to roles that do not act on the referral (admin, analyst, caseworker of the receiver)', async () => {
    for (const who of [
      s['A.admin'],
      s['A.analyst'],
      s['B.admin'],
      s['B.analyst'],
      s['B.caseworker'],
    ]) {
      const l = await list(who);
      expect(l.items).toHaveLength(0);
      expect(l.unread).toBe(0);
    }
  });

  it('never reach an organisation that is not a party (C sees nothing of A → B)', async () => {
    for (const role of ['admin', 'supervisor', 'caseworker', 'analyst', 'provider'] as const) {
      const l = await list(s[`C.${role}`]);
      expect(l.items).toHaveLength(0);
      expect(l.unread).toBe(0);
    }
  });

  it('carry codes and the reference only, no sentences', async () => {
    const [n] = (await list(s['B.provider'])).items;
    expect(Object.keys(n!).sort()).toEqual([
      'id',
      'occurredAt',
      'readAt',
      'side',
      'subject',
      'type',
    ]);
    expect(n!.subject).toEqual({
      type: 'referral',
      id: expect.any(String) as string,
      reference: 'R-2026-000001',
    });
  });

  it('are read per user: one provider reading leaves the other’s unread', async () => {
    const second = await t.signIn(orgB, 'provider');
    const reader = s['B.provider'];
    const [first] = (await list(reader)).items;
    const res = await t.request('POST', `/api/v1/notifications/${first!.id}/read`, {
      session: reader,
    });
    expect(res.status).toBe(204);
    const after = await list(reader);
    expect(after.unread).toBe(1);
    expect(after.items.find((i) => i.id === first!.id)!.readAt).toBe(t.clock.now().toISOString());
    expect((await list(reader, '?unread=true')).items.map((i) => i.id)).not.toContain(first!.id);
    expect((await list(second)).unread).toBe(2);
    // Reading twice changes nothing.
    expect(
      (await t.request('POST', `/api/v1/notifications/${first!.id}/read`, { session: reader }))
        .status,
    ).toBe(204);
    expect((await list(reader)).unread).toBe(1);
  });

  it('read-all marks every unread notification of the reader and reports how many', async () => {
    const res = await t.request('POST', '/api/v1/notifications/read-all', {
      session: s['B.supervisor'],
    });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ marked: 2 });
    expect((await list(s['B.supervisor'])).unread).toBe(0);
    expect(
      (
        await t.request('POST', '/api/v1/notifications/read-all', { session: s['B.supervisor'] })
      ).json(),
    ).toEqual({ marked: 0 });
  });

  it('another organisation’s notification cannot be marked read: 404 like a missing one', async () => {
    const [n] = (await list(s['B.provider'])).items;
    const other = await t.request('POST', `/api/v1/notifications/${n!.id}/read`, {
      session: s['C.provider'],
    });
    const missing = await t.request('POST', `/api/v1/notifications/${randomUUID()}/read`, {
      session: s['C.provider'],
    });
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(other.json()).toEqual(missing.json());
    // Nor by a user of the right organisation to whom it is not addressed.
    const notMine = await t.request('POST', `/api/v1/notifications/${n!.id}/read`, {
      session: s['B.caseworker'],
    });
    expect(notMine.status).toBe(404);
  });

  it('pages newest first with a cursor', async () => {
    const reader = await t.signIn(orgB, 'provider');
    for (let i = 2; i <= 4; i++) {
      await publish({
        type: 'referral.sent',
        recipients: [
          { orgId: orgA, side: 'sender' },
          { orgId: orgB, side: 'receiver' },
        ],
        subject: { type: 'referral', id: randomUUID(), reference: `R-2026-00000${i}` },
      });
    }
    const first = await list(reader, '?limit=2');
    expect(refs(first)).toEqual(['R-2026-000004', 'R-2026-000003']);
    expect(first.unread).toBe(5);
    const second = await list(reader, `?limit=2&cursor=${first.nextCursor}`);
    expect(refs(second)).toEqual(['R-2026-000002', 'R-2026-000001']);
    const third = await list(reader, `?limit=2&cursor=${second.nextCursor}`);
    expect(third.items).toHaveLength(1);
    expect(third.nextCursor).toBeNull();
  });

  it('a sender-side event without userIds reaches the sender’s caseworkers', async () => {
    const caseworker = await t.signIn(orgA, 'caseworker');
    await publish({
      type: 'referral.expired',
      recipients: [{ orgId: orgA, side: 'sender' }],
      subject: { type: 'referral', id: randomUUID(), reference: 'R-2026-000099' },
    });
    expect(refs(await list(caseworker))).toContain('R-2026-000099');
    expect(refs(await list(s['B.provider']))).not.toContain('R-2026-000099');
  });

  it('refuses a bad query with a 400 naming the field', async () => {
    const res = await t.request('GET', '/api/v1/notifications?limit=0', {
      session: s['B.provider'],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('limit');
    const bad = await t.request('GET', '/api/v1/notifications?cursor=abc', {
      session: s['B.provider'],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('cursor');
  });
});
