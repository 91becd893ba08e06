import { createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Delivery,
  DeliveryList,
  WebhookWithSecret,
} from '../../src/shared/api/notify.schema.ts';
import { buildApp } from '../../src/server/app.ts';
import { orgScope } from '../../src/server/db/database.ts';
import { publishEvent } from '../../src/server/notify/publish.ts';
import { verifyWebhookSignature } from '../../src/server/notify/signature.ts';
import { NotifyWorker } from '../../src/server/notify/worker.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// A receiver on 127.0.0.1: each path has its own plan of answers and log of requests.
type Answer = 'ok' | 'fail' | 'hang';
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
const paths = new Map<string, { plan: Answer[]; received: Received[] }>();
let server: Server;
let base: string;

let t: TestLantern;
let orgA: string;
let worker: NotifyWorker;
const TIMEOUT_MS = 200;

function receiverPath(plan: Answer[] = []): { path: string; received: Received[]; plan: Answer[] } {
  const path = `/hooks/${randomUUID()}`;
  const entry = { plan, received: [] as Received[] };
  paths.set(path, entry);
  return { path, ...entry };
}

/** A new receiving organisation with an admin and one webhook to `path`. */
async function receiver(path: string, eventTypes: string[] = []) {
  const org = await t.createOrg();
  const admin = await t.signIn(org, 'admin');
  const res = await t.request('POST', '/api/v1/webhooks', {
    session: admin,
    body: { url: `${base}${path}`, eventTypes },
  });
  expect(res.status).toBe(201);
  return { org, admin, hook: res.json<WebhookWithSecret>() };
}

async function referralSent(toOrg: string, reference = 'R-2026-000007'): Promise<string> {
  const id = randomUUID();
  await t.db.transaction(orgScope(orgA), (tx) =>
    publishEvent(tx, {
      type: 'referral.sent',
      recipients: [
        { orgId: orgA, side: 'sender' },
        { orgId: toOrg, side: 'receiver' },
      ],
      subject: { type: 'referral', id, reference },
      at: t.clock.now(),
    }),
  );
  return id;
}

async function deliveries(admin: TestSession, hookId: string): Promise<Delivery[]> {
  const res = await t.request('GET', `/api/v1/webhooks/${hookId}/deliveries`, { session: admin });
  expect(res.status).toBe(200);
  return res.json<DeliveryList>().items;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = paths.get(req.url ?? '');
      if (!entry) return res.writeHead(404).end();
      entry.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = entry.plan.shift() ?? 'ok';
      if (answer === 'ok') res.writeHead(204).end();
      else if (answer === 'fail') res.writeHead(500).end('receiver broke');
      // 'hang': never answer; the worker's time limit must end the attempt.
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  t = await TestLantern.start({ notify: { allowPrivateWebhooks: true } });
  orgA = await t.createOrg('Sender');
  worker = new NotifyWorker({
    db: t.db,
    keyring: t.keyring,
    clock: t.clock,
    allowPrivateWebhooks: true,
    timeoutMs: TIMEOUT_MS,
    // The middle of each jitter window: waits of 15 s, 30 s, 60 s… (base 30 s).
    random: () => 0.5,
  });
});

afterAll(async () => {
  await worker.stop();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await t.close();
});

describe('webhook endpoints', () => {
  it('return the signing secret once, and store it sealed', async () => {
    const { path } = receiverPath();
    const { admin, hook } = await receiver(path);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await t.request('GET', '/api/v1/webhooks', { session: admin });
    expect(JSON.stringify(listed.body)).not.toContain(hook.secret);
    expect(listed.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([hook.id]);
    const [row] = await t.database.superuser('SELECT secret FROM webhook_endpoints WHERE id = $1', [
      hook.id,
    ]);
    const stored = Buffer.from(row!.secret as Uint8Array);
    expect(stored.includes(Buffer.from(hook.secret))).toBe(false);
    expect(stored.includes(Buffer.from(hook.secret.slice(6)))).toBe(false);
  });

  it('refuse URLs that are not http(s), carry credentials, or (by default) point to private addresses', async () => {
    const org = await t.createOrg();
    const admin = await t.signIn(org, 'admin');
    for (const [url, words] of [
      ['ftp://example.org/hook', 'http or https'],
      ['https://user:pass@example.org/hook', 'user name or password'],
      ['not a url', 'absolute URL'],
      ['javascript:alert(1)', 'http or https'],
    ] as const) {
      const res = await t.request('POST', '/api/v1/webhooks', { session: admin, body: { url } });
      expect(res.status, url).toBe(400);
      expect(
        res.json<{ error: { details: { path: string; message: string }[] } }>().error.details,
      ).toEqual([{ path: 'url', message: expect.stringContaining(words) as string }]);
    }
    // The same instance without the opt-in (a second app on the same database).
    const strict = await buildApp({ db: t.db, keyring: t.keyring, clock: t.clock });
    try {
      for (const url of [
        'http://127.0.0.1:9/hook',
        'http://localhost/hook',
        'http://10.1.2.3/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]/hook',
        'http://[::ffff:192.168.0.1]/hook',
      ]) {
        const res = await strict.inject({
          method: 'POST',
          url: '/api/v1/webhooks',
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
          payload: { url },
        });
        expect(res.statusCode, url).toBe(400);
        expect(res.body).toContain('LANTERN_WEBHOOK_ALLOW_PRIVATE');
      }
      const ok = await strict.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
        payload: { url: 'https://receiver.example.org/lantern' },
      });
      expect(ok.statusCode).toBe(201);
    } finally {
      await strict.close();
    }
  });

  it('are managed by administrators only, and another organisation’s is 404', async () => {
    const { path } = receiverPath();
    const { org, hook } = await receiver(path);
    for (const role of ['supervisor', 'caseworker', 'analyst', 'provider'] as const) {
      const who = await t.signIn(org, role);
      expect((await t.request('GET', '/api/v1/webhooks', { session: who })).status, role).toBe(403);
    }
    const admin = await t.signIn(org, 'admin');
    const badPatch = await t.request('PATCH', `/api/v1/webhooks/${hook.id}`, {
      session: admin,
      body: { url: 'https://user:secret@example.org/x' },
    });
    expect(badPatch.status).toBe(400);
    expect(JSON.stringify(badPatch.body)).toContain('url');
    const stranger = await t.signIn(await t.createOrg(), 'admin');
    for (const [method, url, body] of [
      ['PATCH', `/api/v1/webhooks/${hook.id}`, { active: false }],
      ['DELETE', `/api/v1/webhooks/${hook.id}`, undefined],
      ['GET', `/api/v1/webhooks/${hook.id}/deliveries`, undefined],
      ['POST', `/api/v1/webhooks/${hook.id}/ping`, undefined],
      ['POST', `/api/v1/webhooks/${hook.id}/rotate-secret`, undefined],
    ] as const) {
      const res = await t.request(method, url, { session: stranger, ...(body ? { body } : {}) });
      expect(res.status, `${method} ${url}`).toBe(404);
    }
  });
});

describe('webhook delivery', () => {
  it('posts a signed payload without personal data, verifiable by an independent HMAC', async () => {
    const r = receiverPath();
    const { org, admin, hook } = await receiver(r.path);
    const referralId = await referralSent(org, 'R-2026-000042');
    const tick = await worker.runOnce();
    expect(tick.delivered).toBeGreaterThanOrEqual(1);
    expect(r.received).toHaveLength(1);
    const { headers, body } = r.received[0]!;

    expect(JSON.parse(body)).toEqual({
      id: expect.any(String) as string,
      type: 'referral.sent',
      occurredAt: t.clock.now().toISOString(),
      subject: { type: 'referral', id: referralId, reference: 'R-2026-000042' },
    });
    expect(headers['x-lantern-event']).toBe('referral.sent');
    const [logged] = await deliveries(admin, hook.id);
    expect(headers['x-lantern-delivery']).toBe(logged!.id);
    expect(logged).toMatchObject({
      status: 'delivered',
      attempts: 1,
      statusCode: 204,
      error: null,
    });

    // Recomputed here with node:crypto alone, as a receiver would.
    const header = String(headers['x-lantern-signature']);
    const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(Math.floor(t.clock.now().getTime() / 1000));
    const expected = createHmac('sha256', hook.secret).update(`${m![1]}.${body}`).digest('hex');
    expect(m![2]).toBe(expected);

    // The exported helper agrees, and detects tampering, a wrong secret and a replay.
    const now = t.clock.now();
    expect(verifyWebhookSignature(hook.secret, header, body, now, 300).ok).toBe(true);
    const tampered = body.replace('R-2026-000042', 'R-2026-000043');
    expect(verifyWebhookSignature(hook.secret, header, tampered, now, 300)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyWebhookSignature('whsec_other', header, body, now, 300).ok).toBe(false);
    const later = new Date(now.getTime() + 301_000);
    expect(verifyWebhookSignature(hook.secret, header, body, later, 300)).toEqual({
      ok: false,
      reason: 'stale',
    });
  });

  it('sends nothing to an organisation that is not a party, nor to unsubscribed endpoints', async () => {
    const bystander = receiverPath();
    await receiver(bystander.path);
    const unsubscribed = receiverPath();
    const { org } = await receiver(unsubscribed.path, ['referral.completed']);
    await referralSent(org);
    await worker.runOnce();
    expect(bystander.received).toHaveLength(0);
    expect(unsubscribed.received).toHaveLength(0);
  });

  it('retries a failing endpoint (500) on the back-off schedule, then delivers', async () => {
    const r = receiverPath(['fail', 'fail', 'ok']);
    const { org, admin, hook } = await receiver(r.path);
    await referralSent(org);

    await worker.runOnce();
    expect(r.received).toHaveLength(1);
    let [d] = await deliveries(admin, hook.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, statusCode: 500, error: 'HTTP 500' });
    // Full jitter in [0, 30 s), here its middle.
    expect(d!.nextAttemptAt).toBe(new Date(t.clock.now().getTime() + 15_000).toISOString());

    // Not due yet: nothing is sent.
    t.clock.advance(14_000);
    await worker.runOnce();
    expect(r.received).toHaveLength(1);

    t.clock.advance(1_000);
    await worker.runOnce();
    expect(r.received).toHaveLength(2);
    [d] = await deliveries(admin, hook.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 2 });
    expect(d!.nextAttemptAt).toBe(new Date(t.clock.now().getTime() + 30_000).toISOString());

    t.clock.advance(30_000);
    await worker.runOnce();
    expect(r.received).toHaveLength(3);
    [d] = await deliveries(admin, hook.id);
    expect(d).toMatchObject({
      status: 'delivered',
      attempts: 3,
      statusCode: 204,
      nextAttemptAt: null,
    });
    expect(d!.history.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 204],
    ]);
    // Every attempt carries the same delivery id, for the receiver's de-duplication.
    expect(new Set(r.received.map((x) => x.headers['x-lantern-delivery'])).size).toBe(1);
  });

  it('ends an attempt at a hanging endpoint at the time limit and retries it', async () => {
    const r = receiverPath(['hang', 'ok']);
    const { org, admin, hook } = await receiver(r.path);
    await referralSent(org);
    await worker.runOnce();
    let [d] = await deliveries(admin, hook.id);
    expect(d).toMatchObject({
      status: 'pending',
      attempts: 1,
      statusCode: null,
      error: `timeout after ${TIMEOUT_MS} ms`,
    });
    t.clock.advance(15_000);
    await worker.runOnce();
    [d] = await deliveries(admin, hook.id);
    expect(d).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('marks a delivery failed after the last attempt; an administrator can send it again', async () => {
    const strictWorker = new NotifyWorker({
      db: t.db,
      keyring: t.keyring,
      clock: t.clock,
      allowPrivateWebhooks: true,
      timeoutMs: TIMEOUT_MS,
      retry: { maxAttempts: 3 },
      random: () => 0.5,
    });
    try {
      const r = receiverPath(['fail', 'fail', 'fail', 'ok']);
      const { org, admin: firstSession, hook } = await receiver(r.path);
      let admin = firstSession;
      await referralSent(org);
      for (const wait of [0, 15_000, 30_000]) {
        t.clock.advance(wait);
        await strictWorker.runOnce();
      }
      let [d] = await deliveries(admin, hook.id);
      expect(d).toMatchObject({ status: 'failed', attempts: 3, nextAttemptAt: null });
      // Nothing more happens by itself.
      t.clock.advance(24 * 3_600_000);
      await strictWorker.runOnce();
      expect(r.received).toHaveLength(3);
      // (sessions end after 12 hours: sign in again)
      admin = await t.signIn(org, 'admin');

      const retry = await t.request(
        'POST',
        `/api/v1/webhooks/${hook.id}/deliveries/${d!.id}/retry`,
        { session: admin },
      );
      expect(retry.status).toBe(202);
      expect(retry.json<Delivery>()).toMatchObject({ status: 'pending' });
      // Asking again while it waits is a conflict naming the states.
      const again = await t.request(
        'POST',
        `/api/v1/webhooks/${hook.id}/deliveries/${d!.id}/retry`,
        { session: admin },
      );
      expect(again.status).toBe(409);
      expect(again.json<{ error: { details: unknown } }>().error.details).toEqual({
        from: 'pending',
        to: 'pending',
      });

      await strictWorker.runOnce();
      [d] = await deliveries(admin, hook.id);
      expect(d).toMatchObject({ status: 'delivered', attempts: 4 });
      expect(r.received).toHaveLength(4);
    } finally {
      await strictWorker.stop();
    }
  });

  it('pings on request, signed with the current secret; rotation replaces the secret', async () => {
    const r = receiverPath();
    const { org, admin, hook } = await receiver(r.path);
    const rotated = await t.request('POST', `/api/v1/webhooks/${hook.id}/rotate-secret`, {
      session: admin,
    });
    expect(rotated.status).toBe(200);
    const newSecret = rotated.json<WebhookWithSecret>().secret;
    expect(newSecret).not.toBe(hook.secret);

    const ping = await t.request('POST', `/api/v1/webhooks/${hook.id}/ping`, { session: admin });
    expect(ping.status).toBe(202);
    await worker.runOnce();
    expect(r.received).toHaveLength(1);
    const { headers, body } = r.received[0]!;
    expect(headers['x-lantern-event']).toBe('webhook.ping');
    expect(headers['x-lantern-delivery']).toBe(ping.json<{ deliveryId: string }>().deliveryId);
    const header = String(headers['x-lantern-signature']);
    expect(verifyWebhookSignature(newSecret, header, body, t.clock.now()).ok).toBe(true);
    expect(verifyWebhookSignature(hook.secret, header, body, t.clock.now()).ok).toBe(false);
    // A ping is no in-app notification.
    const supervisor = await t.signIn(org, 'supervisor');
    expect(
      (await t.request('GET', '/api/v1/notifications', { session: supervisor })).json<{
        unread: number;
      }>().unread,
    ).toBe(0);
  });

  it('skips deliveries of a removed or deactivated endpoint', async () => {
    const r = receiverPath(['fail']);
    const { org, admin, hook } = await receiver(r.path);
    await referralSent(org);
    await worker.runOnce();
    expect(r.received).toHaveLength(1);
    const patched = await t.request('PATCH', `/api/v1/webhooks/${hook.id}`, {
      session: admin,
      body: { active: false, description: 'paused' },
    });
    expect(patched.status).toBe(200);
    expect(patched.json()).toMatchObject({ active: false, description: 'paused' });
    t.clock.advance(15_000);
    await worker.runOnce();
    expect(r.received).toHaveLength(1);
    const [d] = await deliveries(admin, hook.id);
    expect(d).toMatchObject({ status: 'skipped', error: 'endpoint removed or inactive' });

    // New events are not fanned out to an inactive endpoint.
    await referralSent(org);
    await worker.runOnce();
    expect(await deliveries(admin, hook.id)).toHaveLength(1);

    const del = await t.request('DELETE', `/api/v1/webhooks/${hook.id}`, { session: admin });
    expect(del.status).toBe(204);
    const [row] = await t.database.superuser(
      'SELECT length(secret) AS n, deleted_at FROM webhook_endpoints WHERE id = $1',
      [hook.id],
    );
    expect(row!.n).toBe(0);
    expect(row!.deleted_at).not.toBeNull();
    expect(
      (await t.request('GET', `/api/v1/webhooks/${hook.id}/deliveries`, { session: admin })).status,
    ).toBe(404);
  });

  it('refuses at sending time an endpoint that resolves to a private address unless allowed', async () => {
    const r = receiverPath();
    const { org, admin, hook } = await receiver(r.path);
    const guarded = new NotifyWorker({
      db: t.db,
      keyring: t.keyring,
      clock: t.clock,
      timeoutMs: TIMEOUT_MS,
      random: () => 0.5,
    });
    try {
      await referralSent(org);
      await guarded.runOnce();
      expect(r.received).toHaveLength(0);
      const [d] = await deliveries(admin, hook.id);
      expect(d).toMatchObject({ status: 'pending', attempts: 1 });
      expect(d!.error).toContain('private');
    } finally {
      await guarded.stop();
    }
  });
});
