import { openText } from '../crypto/sealed-values.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { loadOrgKeys } from '../crypto/org-keys.ts';
import type { Database, Tx } from '../db/database.ts';
import { SYSTEM } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { systemClock } from '../shared/clock.ts';
import { newId } from '../shared/ids.ts';
import type { RetryPolicy } from './backoff.ts';
import { backoffDelayMs, DEFAULT_RETRY } from './backoff.ts';
import type { SendResult } from './http-send.ts';
import { postJson } from './http-send.ts';
import type { MailSettings } from './mail.ts';
import { composeEventMail, Mailer } from './mail.ts';
import type { ClaimedDelivery, OutboxEvent } from './notify.repo.ts';
import {
  claimDue,
  claimOutbox,
  insertDelivery,
  loadClaimed,
  mailRecipients,
  markDispatched,
  recordAttempt,
  subscribedEndpoints,
} from './notify.repo.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook } from './signature.ts';

/** The part of a pino logger the worker uses (pino's Logger and Fastify's logger fit). */
export interface WorkerLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const silent: WorkerLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export interface NotifyWorkerOptions {
  db: Database;
  keyring: Keyring;
  clock?: Clock;
  logger?: WorkerLogger;
  /** SMTP settings; absent: no e-mail (deliveries recorded as skipped). */
  mail?: MailSettings | undefined;
  /** Per-attempt time limit of a webhook request or an e-mail (ms). Default 10 000. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Allow webhook requests to loopback, private and link-local addresses. Default false. */
  allowPrivateWebhooks?: boolean;
  /** Deliveries claimed per tick. Default 20. */
  batchSize?: number;
  /** Deliveries sent at once. Default 4. */
  concurrency?: number;
  /** Source of the back-off jitter, in [0, 1). Default Math.random. */
  random?: () => number;
}

export interface TickResult {
  /** Outbox events turned into deliveries. */
  dispatched: number;
  /** Deliveries attempted, and how each ended. */
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
  skipped: number;
  /** Extra jobs that threw (logged). */
  jobErrors: number;
}

/** What a webhook receiver gets: ids, the type, the time and the reference, never personal data. */
export interface WebhookPayload {
  id: string;
  type: string;
  occurredAt: string;
  subject: { type: string; id: string; reference: string };
}

export const webhookPayload = (e: OutboxEvent): WebhookPayload => ({
  id: e.id,
  type: e.type,
  occurredAt: e.occurredAt.toISOString(),
  subject: { type: e.subjectType, id: e.subjectId, reference: e.reference },
});

const secretAad = (endpointId: string) => `webhook-secret:${endpointId}`;
const OUTBOX_BATCH = 100;

/**
 * Delivers notifications: fans each new outbox event out into deliveries, then sends the due
 * ones. Every database step is a short system transaction of its own (claim → commit → send →
 * record), so a slow receiver never holds a transaction or a lock open while we wait for it;
 * claimed rows carry a lease so that a worker that dies mid-send leaves them to another.
 * Several processes may run workers on one database: claims use FOR UPDATE SKIP LOCKED.
 */
export class NotifyWorker {
  readonly #db: Database;
  readonly #keyring: Keyring;
  readonly #clock: Clock;
  readonly #log: WorkerLogger;
  readonly #mailer: Mailer | null;
  readonly #mail: MailSettings | undefined;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #allowPrivate: boolean;
  readonly #batch: number;
  readonly #concurrency: number;
  readonly #random: () => number;
  readonly #jobs = new Map<string, () => Promise<unknown>>();
  readonly #inFlight = new Set<Promise<unknown>>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(o: NotifyWorkerOptions) {
    this.#db = o.db;
    this.#keyring = o.keyring;
    this.#clock = o.clock ?? systemClock;
    this.#log = o.logger ?? silent;
    this.#timeoutMs = o.timeoutMs ?? 10_000;
    this.#retry = { ...DEFAULT_RETRY, ...o.retry };
    this.#allowPrivate = o.allowPrivateWebhooks ?? false;
    this.#batch = o.batchSize ?? 20;
    this.#concurrency = o.concurrency ?? 4;
    this.#random = o.random ?? Math.random;
    this.#mail = o.mail;
    this.#mailer = o.mail ? new Mailer(o.mail, this.#timeoutMs) : null;
  }

  /** Registers a periodic job run once per tick (referral expiry, say); errors are logged. */
  addJob(name: string, fn: () => Promise<unknown>): void {
    if (this.#jobs.has(name)) throw new Error(`job ${name} is already registered`);
    this.#jobs.set(name, fn);
  }

  /** One tick: the extra jobs, the fan-out of new events, then the deliveries due. */
  runOnce(): Promise<TickResult> {
    const p = this.#tick();
    this.#inFlight.add(p);
    void p.finally(() => this.#inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  /** Runs a tick every `intervalMs` (the next starts when the last has ended). */
  start(intervalMs = 5_000): void {
    if (this.#timer || this.#stopped) return;
    const schedule = () => {
      this.#timer = setTimeout(() => {
        this.runOnce()
          .catch((err: unknown) => this.#log.error({ err: summary(err) }, 'notify tick failed'))
          .finally(() => {
            this.#timer = undefined;
            if (!this.#stopped) schedule();
          });
      }, intervalMs);
      // The worker alone never keeps the process alive.
      this.#timer.unref();
    };
    schedule();
  }

  /** Stops the timer and waits for the work under way (sends end within their time limit). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await Promise.allSettled([...this.#inFlight]);
    this.#mailer?.close();
  }

  async #tick(): Promise<TickResult> {
    const result: TickResult = {
      dispatched: 0,
      attempted: 0,
      delivered: 0,
      retrying: 0,
      failed: 0,
      skipped: 0,
      jobErrors: 0,
    };
    for (const [name, fn] of this.#jobs) {
      try {
        await fn();
      } catch (err) {
        result.jobErrors++;
        this.#log.error({ job: name, err: summary(err) }, 'notify worker job failed');
      }
    }
    result.dispatched = await this.#fanOut();
    const claimed = await this.#claim();
    let next = 0;
    const lane = async () => {
      while (next < claimed.length) {
        const c = claimed[next++]!;
        const status = await this.#deliver(c);
        result.attempted++;
        result[status]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#concurrency, claimed.length) }, lane));
    return result;
  }

  /** Turns outbox events into deliveries, one short transaction per event. */
  async #fanOut(): Promise<number> {
    let done = 0;
    const broken: string[] = [];
    for (let i = 0; i < OUTBOX_BATCH; i++) {
      let failedId: string | null = null;
      const more = await this.#db
        .transaction(SYSTEM, async (tx) => {
          const [event] = await claimOutbox(tx, 1, broken);
          if (!event) return false;
          failedId = event.id;
          await this.#fanOutOne(tx, event);
          await markDispatched(tx, event.id, this.#clock.now());
          return true;
        })
        .catch((err: unknown) => {
          // Left in the outbox for the next tick; the other events go on meanwhile.
          this.#log.error({ eventId: failedId, err: summary(err) }, 'notify fan-out failed');
          if (failedId) broken.push(failedId);
          return failedId !== null;
        });
      if (!more) break;
      if (!broken.includes(failedId ?? '')) done++;
    }
    return done;
  }

  async #fanOutOne(tx: Tx, event: OutboxEvent): Promise<void> {
    const at = this.#clock.now();
    const seenOrgs = new Set<string>();
    for (const r of event.recipients) {
      if (!seenOrgs.has(r.orgId)) {
        seenOrgs.add(r.orgId);
        for (const endpointId of await subscribedEndpoints(tx, r.orgId, event.type)) {
          await insertDelivery(tx, {
            id: newId(),
            orgId: r.orgId,
            eventId: event.id,
            channel: 'webhook',
            endpointId,
            status: 'pending',
            at,
          });
        }
      }
      for (const userId of await mailRecipients(tx, r.orgId, r.side, r.userIds)) {
        await insertDelivery(tx, {
          id: newId(),
          orgId: r.orgId,
          eventId: event.id,
          channel: 'email',
          userId,
          status: this.#mailer ? 'pending' : 'skipped',
          at,
        });
      }
    }
  }

  /** Claims due deliveries and reads what sending them needs; the transaction ends before any send. */
  async #claim(): Promise<(ClaimedDelivery & { secret: string | null })[]> {
    const now = this.#clock.now();
    // Long enough for one attempt and its recording; a lapsed lease lets another worker retry.
    const leaseUntil = new Date(now.getTime() + this.#timeoutMs * 2 + 60_000);
    return this.#db.transaction(SYSTEM, async (tx) => {
      const due = await claimDue(tx, now, leaseUntil, this.#batch);
      const claimed = await loadClaimed(
        tx,
        due.map((d) => d.id),
      );
      const out: (ClaimedDelivery & { secret: string | null })[] = [];
      for (const c of claimed) {
        let secret: string | null = null;
        if (c.endpoint) {
          try {
            const keys = await loadOrgKeys(tx, this.#keyring, c.orgId);
            secret = openText(keys, secretAad(c.endpoint.id), c.endpoint.secret);
          } catch (err) {
            // One unreadable secret must not block the other deliveries: this one fails.
            this.#log.error({ deliveryId: c.id, err: summary(err) }, 'webhook secret unreadable');
          }
        }
        out.push({ ...c, secret });
      }
      return out;
    });
  }

  async #deliver(
    c: ClaimedDelivery & { secret: string | null },
  ): Promise<'delivered' | 'retrying' | 'failed' | 'skipped'> {
    let sent: SendResult | { skipped: string };
    try {
      sent = c.channel === 'webhook' ? await this.#sendWebhook(c) : await this.#sendMail(c);
    } catch (err) {
      sent = { ok: false, statusCode: null, error: 'internal error', durationMs: 0 };
      this.#log.error({ deliveryId: c.id, err: summary(err) }, 'notify send failed');
    }
    const at = this.#clock.now();
    let status: 'delivered' | 'pending' | 'failed' | 'skipped';
    let nextAttemptAt: Date | null = null;
    if ('skipped' in sent) status = 'skipped';
    else if (sent.ok) status = 'delivered';
    else if (c.attempts >= this.#retry.maxAttempts) status = 'failed';
    else {
      status = 'pending';
      nextAttemptAt = new Date(
        at.getTime() + backoffDelayMs(this.#retry, c.attempts, this.#random),
      );
    }
    const r: SendResult =
      'skipped' in sent
        ? { ok: false, statusCode: null, error: sent.skipped, durationMs: 0 }
        : sent;
    if (status === 'pending' || status === 'failed') {
      // Ids, channel and our own error text only: no address, no URL, no body.
      this.#log.warn(
        {
          deliveryId: c.id,
          eventId: c.event.id,
          channel: c.channel,
          attempt: c.attempts,
          statusCode: r.statusCode,
          error: r.error,
          nextAttemptAt,
        },
        status === 'failed' ? 'notify delivery failed for good' : 'notify delivery will be retried',
      );
    }
    await this.#db
      .transaction(SYSTEM, (tx) =>
        recordAttempt(tx, {
          deliveryId: c.id,
          orgId: c.orgId,
          attempt: c.attempts,
          at,
          statusCode: r.statusCode,
          error: r.error,
          durationMs: r.durationMs,
          status,
          nextAttemptAt,
        }),
      )
      .catch((err: unknown) => {
        // The lease lapses and the delivery is tried again: a duplicate, never a loss.
        this.#log.error({ deliveryId: c.id, err: summary(err) }, 'notify result not recorded');
      });
    return status === 'pending' ? 'retrying' : status;
  }

  async #sendWebhook(
    c: ClaimedDelivery & { secret: string | null },
  ): Promise<SendResult | { skipped: string }> {
    if (!c.endpoint) return { skipped: 'endpoint removed or inactive' };
    if (!c.secret) {
      return { ok: false, statusCode: null, error: 'signing secret unreadable', durationMs: 0 };
    }
    const body = JSON.stringify(webhookPayload(c.event));
    const t = Math.floor(this.#clock.now().getTime() / 1000);
    return postJson(
      c.endpoint.url,
      {
        [SIGNATURE_HEADER]: signWebhook(c.secret, t, body),
        [EVENT_HEADER]: c.event.type,
        [DELIVERY_HEADER]: c.id,
      },
      body,
      { timeoutMs: this.#timeoutMs, policy: { allowPrivate: this.#allowPrivate } },
    );
  }

  async #sendMail(c: ClaimedDelivery): Promise<SendResult | { skipped: string }> {
    if (!this.#mailer) return { skipped: 'SMTP not configured' };
    if (!c.mail) return { skipped: 'recipient disabled or removed' };
    const message = composeEventMail(
      { type: c.event.type, subjectId: c.event.subjectId, reference: c.event.reference },
      c.mail.side,
      this.#mail?.publicUrl,
    );
    return this.#mailer.send(c.mail.address, message);
  }
}

/** An error's class and code for the log: messages may quote values, so they are left out. */
function summary(err: unknown): { name: string; code?: string } {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { name: err.name, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: typeof err };
}
