import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WebhookWithSecret } from '../../src/shared/api/notify.schema.ts';
import { orgScope } from '../../src/server/db/database.ts';
import { publishEvent } from '../../src/server/notify/publish.ts';
import type { WorkerLogger } from '../../src/server/notify/worker.ts';
import { NotifyWorker } from '../../src/server/notify/worker.ts';
import { TestLantern } from '../support/test-app.ts';

let server: Server;
let url: string;
const received: string[] = [];
let t: TestLantern;
let orgA: string;
let orgB: string;
let hook: WebhookWithSecret;

const newWorker = (over: Partial<ConstructorParameters<typeof NotifyWorker>[0]> = {}) =>
  new NotifyWorker({
    db: t.db,
    keyring: t.keyring,
    clock: t.clock,
    allowPrivateWebhooks: true,
    timeoutMs: 1_000,
    random: () => 0.5,
    ...over,
  });

async function referralSent(): Promise<string> {
  const id = randomUUID();
  await t.db.transaction(orgScope(orgA), (tx) =>
    publishEvent(tx, {
      type: 'referral.sent',
      recipients: [
        { orgId: orgA, side: 'sender' },
        { orgId: orgB, side: 'receiver' },
      ],
      subject: { type: 'referral', id, reference: 'R-2026-000500' },
      at: t.clock.now(),
    }),
  );
  return id;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(String(req.headers['x-lantern-delivery']));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  t = await TestLantern.start({ notify: { allowPrivateWebhooks: true } });
  orgA = await t.createOrg('Sender');
  orgB = await t.createOrg('Receiver');
  const admin = await t.signIn(orgB, 'admin');
  hook = (
    await t.request('POST', '/api/v1/webhooks', { session: admin, body: { url } })
  ).json<WebhookWithSecret>();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await t.close();
});

describe('NotifyWorker', () => {
  it('sends each delivery once when two workers run at the same time (SKIP LOCKED claims)', async () => {
    received.length = 0;
    for (let i = 0; i < 6; i++) await referralSent();
    const [w1, w2] = [newWorker({ batchSize: 3 }), newWorker({ batchSize: 3 })];
    try {
      await Promise.all([w1.runOnce(), w2.runOnce()]);
      await Promise.all([w1.runOnce(), w2.runOnce()]);
      expect(received).toHaveLength(6);
      expect(new Set(received).size).toBe(6);
      const [row] = await t.database.superuser(
        `SELECT count(*)::int AS n FROM notify_deliveries
          WHERE endpoint_id = $1 AND status <> 'delivered'`,
        [hook.id],
      );
      expect(row!.n).toBe(0);
    } finally {
      await Promise.all([w1.stop(), w2.stop()]);
    }
  });

  it('takes over a delivery whose claim lapsed (a worker that died mid-send)', async () => {
    received.length = 0;
    const subject = await referralSent();
    const w = newWorker();
    try {
      // Fan out only: the delivery exists, then is marked as claimed by a worker that vanished.
      const dead = newWorker({ batchSize: 0 });
      await dead.runOnce();
      await dead.stop();
      await t.database.superuser(
        `UPDATE notify_deliveries d SET status = 'delivering', attempts = 1, lease_until = $2
           FROM notify_events e
          WHERE e.id = d.event_id AND e.subject_id = $1 AND d.channel = 'webhook'`,
        [subject, new Date(t.clock.now().getTime() + 60_000)],
      );
      await w.runOnce();
      expect(received).toHaveLength(0);
      t.clock.advance(60_000);
      await w.runOnce();
      expect(received).toHaveLength(1);
      const [row] = await t.database.superuser(
        `SELECT d.status, d.attempts FROM notify_deliveries d JOIN notify_events e ON e.id = d.event_id
          WHERE e.subject_id = $1 AND d.channel = 'webhook'`,
        [subject],
      );
      expect(row).toEqual({ status: 'delivered', attempts: 2 });
    } finally {
      await w.stop();
    }
  });

  it('fails a delivery whose sealed secret cannot be opened, and still sends the others', async () => {
    const admin = await t.signIn(orgB, 'admin');
    const broken = (
      await t.request('POST', '/api/v1/webhooks', { session: admin, body: { url } })
    ).json<WebhookWithSecret>();
    await t.database.superuser(
      `UPDATE webhook_endpoints SET secret = decode('00112233445566778899aabbccddeeff00112233', 'hex')
        WHERE id = $1`,
      [broken.id],
    );
    received.length = 0;
    await referralSent();
    const w = newWorker();
    try {
      const tick = await w.runOnce();
      expect(tick).toMatchObject({ delivered: 1, retrying: 1 });
      expect(received).toHaveLength(1);
      const [row] = await t.database.superuser(
        `SELECT status, last_error AS error FROM notify_deliveries WHERE endpoint_id = $1`,
        [broken.id],
      );
      expect(row).toEqual({ status: 'pending', error: 'signing secret unreadable' });
    } finally {
      await w.stop();
      await t.request('DELETE', `/api/v1/webhooks/${broken.id}`, { session: admin });
    }
  });

  it('runs registered jobs once per tick; a failing job is logged without stopping the rest', async () => {
    const logged: object[] = [];
    const logger: WorkerLogger = {
      info: () => undefined,
      warn: () => undefined,
      error: (obj) => logged.push(obj),
    };
    const w = newWorker({ logger });
    let runs = 0;
    w.addJob('count', () => {
      runs++;
      return Promise.resolve();
    });
    w.addJob('broken', () => Promise.reject(new Error('expiry failed for Amina Okafor')));
    expect(() => w.addJob('count', () => Promise.resolve())).toThrow('already registered');
    received.length = 0;
    await referralSent();
    try {
      const tick = await w.runOnce();
      expect(runs).toBe(1);
      expect(tick.jobErrors).toBe(1);
      expect(tick.delivered).toBe(1);
      expect(received).toHaveLength(1);
      // The log names the job and the error class, never the message (it may quote anything).
      expect(logged).toEqual([{ job: 'broken', err: { name: 'Error' } }]);
      expect(JSON.stringify(logged)).not.toContain('Amina');
    } finally {
      await w.stop();
    }
  });

  it('ticks on its timer after start() and stops after stop(), waiting for the tick under way', async () => {
    const w = newWorker();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    w.addJob('slow', async () => {
      runs++;
      if (runs === 2) await gate;
    });
    w.start(5);
    await vi.waitFor(() => expect(runs).toBe(2), { timeout: 5_000, interval: 5 });
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    // The second tick is still inside its job: stop() waits for it.
    expect(stopped).toBe(false);
    release();
    await stopping;
    const after = runs;
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(after);
  });
});
