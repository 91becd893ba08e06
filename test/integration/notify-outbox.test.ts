import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgScope, SYSTEM } from '../../src/server/db/database.ts';
import type { LanternEvent } from '../../src/server/notify/events.ts';
import { publishEvent } from '../../src/server/notify/publish.ts';
import { TestLantern } from '../support/test-app.ts';

let t: TestLantern;
let orgA: string;
let orgB: string;
let orgC: string;

const event = (over: Partial<LanternEvent> = {}): LanternEvent => ({
  type: 'referral.sent',
  recipients: [
    { orgId: orgA, side: 'sender' },
    { orgId: orgB, side: 'receiver' },
  ],
  subject: { type: 'referral', id: randomUUID(), reference: 'R-2026-000001' },
  at: t.clock.now(),
  ...over,
});

const countEvents = async (subjectId: string) =>
  (
    await t.database.superuser(
      'SELECT count(*)::int AS n FROM notify_events WHERE subject_id = $1',
      [subjectId],
    )
  )[0]!.n;

beforeAll(async () => {
  t = await TestLantern.start();
  orgA = await t.createOrg('A');
  orgB = await t.createOrg('B');
  orgC = await t.createOrg('C');
});
afterAll(() => t.close());

describe('publishEvent (transactional outbox)', () => {
  it('commits with the transaction that publishes it', async () => {
    const e = event();
    await t.db.transaction(orgScope(orgA), (tx) => publishEvent(tx, e));
    expect(await countEvents(e.subject.id)).toBe(1);
  });

  it('rolls back with its transaction: nothing is announced for a change that did not happen', async () => {
    const e = event();
    await expect(
      t.db.transaction(orgScope(orgA), async (tx) => {
        await publishEvent(tx, e);
        throw new Error('the referral change failed');
      }),
    ).rejects.toThrow('the referral change failed');
    expect(await countEvents(e.subject.id)).toBe(0);
  });

  it('is refused when the publishing organisation is not among the recipients', async () => {
    const e = event({ recipients: [{ orgId: orgB, side: 'receiver' }] });
    await expect(t.db.transaction(orgScope(orgA), (tx) => publishEvent(tx, e))).rejects.toThrow();
    expect(await countEvents(e.subject.id)).toBe(0);
  });

  it('is read only by the organisations it is addressed to', async () => {
    const e = event();
    await t.db.transaction(orgScope(orgA), (tx) => publishEvent(tx, e));
    const seen = (org: string) =>
      t.db.transaction(orgScope(org), (tx) =>
        tx.query('SELECT id FROM notify_events WHERE subject_id = $1', [e.subject.id]),
      );
    expect(await seen(orgA)).toHaveLength(1);
    expect(await seen(orgB)).toHaveLength(1);
    expect(await seen(orgC)).toHaveLength(0);
  });

  it('may be published by a system transaction (the expiry job)', async () => {
    const e = event({ type: 'referral.expired' });
    await t.db.transaction(SYSTEM, (tx) => publishEvent(tx, e));
    const [row] = await t.database.superuser(
      'SELECT org_id, recipient_org_ids FROM notify_events WHERE subject_id = $1',
      [e.subject.id],
    );
    expect(row!.org_id).toBe(orgA);
  });

  it('refuses an unknown event type and malformed ids before writing', async () => {
    await expect(
      t.db.transaction(orgScope(orgA), (tx) =>
        publishEvent(tx, event({ type: 'referral.nope' as LanternEvent['type'] })),
      ),
    ).rejects.toThrow('unknown event type');
    await expect(
      t.db.transaction(orgScope(orgA), (tx) =>
        publishEvent(tx, event({ recipients: [{ orgId: 'not-a-uuid', side: 'sender' }] })),
      ),
    ).rejects.toThrow('UUID');
  });

  it('stores ids and the reference only, no personal data', async () => {
    const e = event({
      recipients: [
        { orgId: orgA, side: 'sender', userIds: [randomUUID()] },
        { orgId: orgB, side: 'receiver' },
      ],
    });
    await t.db.transaction(orgScope(orgA), (tx) => publishEvent(tx, e));
    const [row] = await t.database.superuser('SELECT * FROM notify_events WHERE subject_id = $1', [
      e.subject.id,
    ]);
    expect(Object.keys(row!).sort()).toEqual(
      [
        'created_at',
        'dispatched_at',
        'id',
        'occurred_at',
        'org_id',
        'recipient_org_ids',
        'recipients',
        'seq',
        'subject_id',
        'subject_reference',
        'subject_type',
        'type',
      ].sort(),
    );
  });
});
