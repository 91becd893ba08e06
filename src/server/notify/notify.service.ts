import { randomBytes } from 'node:crypto';
import type {
  Delivery,
  DeliveryList,
  DeliveryListQuery,
  Notification,
  NotificationList,
  NotificationListQuery,
  Webhook,
  WebhookCreateBody,
  WebhookUpdateBody,
  WebhookWithSecret,
} from '../../shared/api/notify.schema.ts';
import { sealText } from '../crypto/sealed-values.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import type {
  AttemptRow,
  DeliveryRow,
  EndpointRow,
  NotificationRow,
  Reader,
} from './notify.repo.ts';
import {
  countUnread,
  deleteEndpoint,
  findDelivery,
  findEndpoint,
  insertEndpoint,
  insertPing,
  listAttempts,
  listDeliveries,
  listEndpoints,
  listNotifications,
  markAllRead,
  markRead,
  requeueDelivery,
  updateEndpoint,
} from './notify.repo.ts';
import type { UrlPolicy } from './url-policy.ts';
import { checkWebhookUrl, urlProblemText } from './url-policy.ts';

/** Options of the notification routes (AppOptions.webhooks). */
export interface NotifyOptions {
  /** Allow webhook URLs on loopback, private and link-local addresses. Default false. */
  allowPrivateWebhooks?: boolean;
}

const reader = (ctx: ServiceContext): Reader => ({
  orgId: ctx.actor.orgId,
  userId: ctx.actor.userId,
  role: ctx.actor.role,
});

// ---------------------------------------------------------------------------------------------
// In-app notifications. They hold no personal data (a code and a reference): reading them is
// not audited, unlike a referral itself.

const presentNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  type: r.type as Notification['type'],
  side: r.side,
  subject: {
    type: r.subjectType as Notification['subject']['type'],
    id: r.subjectId,
    reference: r.reference,
  },
  occurredAt: r.occurredAt.toISOString(),
  readAt: r.readAt ? r.readAt.toISOString() : null,
});

export async function getNotifications(
  ctx: ServiceContext,
  q: NotificationListQuery,
): Promise<NotificationList> {
  const rows = await listNotifications(ctx.tx, reader(ctx), {
    limit: q.limit + 1,
    beforeSeq: q.cursor,
    unreadOnly: q.unread === 'true',
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map(presentNotification),
    unread: await countUnread(ctx.tx, reader(ctx)),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.seq : null,
  };
}

export async function readNotification(ctx: ServiceContext, eventId: string): Promise<void> {
  if (!(await markRead(ctx.tx, reader(ctx), eventId, ctx.clock.now()))) {
    throw AppError.notFound('notification');
  }
}

export async function readAllNotifications(ctx: ServiceContext): Promise<{ marked: number }> {
  return { marked: await markAllRead(ctx.tx, reader(ctx), ctx.clock.now()) };
}

// ---------------------------------------------------------------------------------------------
// Webhook endpoints. Changes are audited: a webhook decides where the organisation's events go.

const secretAad = (endpointId: string) => `webhook-secret:${endpointId}`;

/**
 * A new signing secret: 32 random bytes (256 bits, the HMAC-SHA256 block-size guidance of
 * RFC 2104 §3 is met), base64url, with the `whsec_` prefix the Standard Webhooks spec uses so
 * a leaked secret is recognisable by secret scanners.
 */
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

const presentWebhook = (e: EndpointRow): Webhook => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes as Webhook['eventTypes'],
  active: e.active,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

function requireUrl(url: string, policy: UrlPolicy): string {
  const problem = checkWebhookUrl(url, policy);
  if (problem) throw AppError.invalid([{ path: 'url', message: urlProblemText(problem) }]);
  return new URL(url).toString();
}

async function requireEndpoint(ctx: ServiceContext, id: string): Promise<EndpointRow> {
  const e = await findEndpoint(ctx.tx, ctx.actor.orgId, id);
  if (!e) throw AppError.notFound('webhook');
  return e;
}

export async function getWebhooks(ctx: ServiceContext): Promise<{ items: Webhook[] }> {
  return { items: (await listEndpoints(ctx.tx, ctx.actor.orgId)).map(presentWebhook) };
}

export async function createWebhook(
  ctx: ServiceContext,
  body: WebhookCreateBody,
  o: NotifyOptions,
): Promise<WebhookWithSecret> {
  const url = requireUrl(body.url, { allowPrivate: o.allowPrivateWebhooks === true });
  const id = newId();
  const secret = newSecret();
  const now = ctx.clock.now();
  const row: EndpointRow = {
    id,
    orgId: ctx.actor.orgId,
    url,
    description: body.description || null,
    eventTypes: [...new Set(body.eventTypes)],
    active: body.active,
    secret: sealText(await ctx.keys(), secretAad(id), secret),
    createdAt: now,
    updatedAt: now,
  };
  await insertEndpoint(ctx.tx, { ...row, createdBy: ctx.actor.userId });
  await ctx.audit({
    action: 'webhook.created',
    recordType: 'webhook',
    recordId: id,
    fields: ['url', 'eventTypes', 'active', 'secret'],
  });
  return { ...presentWebhook(row), secret };
}

export async function changeWebhook(
  ctx: ServiceContext,
  id: string,
  body: WebhookUpdateBody,
  o: NotifyOptions,
): Promise<Webhook> {
  const e = await requireEndpoint(ctx, id);
  const next: EndpointRow = {
    ...e,
    url:
      body.url === undefined
        ? e.url
        : requireUrl(body.url, { allowPrivate: o.allowPrivateWebhooks === true }),
    description: body.description === undefined ? e.description : body.description || null,
    eventTypes: body.eventTypes === undefined ? e.eventTypes : [...new Set(body.eventTypes)],
    active: body.active ?? e.active,
    updatedAt: ctx.clock.now(),
  };
  await updateEndpoint(ctx.tx, id, next);
  await ctx.audit({
    action: 'webhook.updated',
    recordType: 'webhook',
    recordId: id,
    fields: Object.keys(body).sort(),
  });
  return presentWebhook(next);
}

export async function rotateWebhookSecret(
  ctx: ServiceContext,
  id: string,
): Promise<WebhookWithSecret> {
  const e = await requireEndpoint(ctx, id);
  const secret = newSecret();
  const next = {
    ...e,
    secret: sealText(await ctx.keys(), secretAad(id), secret),
    updatedAt: ctx.clock.now(),
  };
  await updateEndpoint(ctx.tx, id, next);
  await ctx.audit({
    action: 'webhook.secret_rotated',
    recordType: 'webhook',
    recordId: id,
    fields: ['secret'],
  });
  return { ...presentWebhook(next), secret };
}

export async function removeWebhook(ctx: ServiceContext, id: string): Promise<void> {
  await requireEndpoint(ctx, id);
  await deleteEndpoint(ctx.tx, id, ctx.clock.now());
  await ctx.audit({ action: 'webhook.deleted', recordType: 'webhook', recordId: id });
}

export async function pingWebhook(
  ctx: ServiceContext,
  id: string,
): Promise<{ deliveryId: string }> {
  const e = await requireEndpoint(ctx, id);
  if (!e.active) {
    throw new AppError('conflict', 'The webhook is inactive: activate it before sending a ping.', {
      from: 'inactive',
      to: 'ping',
    });
  }
  const deliveryId = newId();
  await insertPing(ctx.tx, {
    eventId: newId(),
    deliveryId,
    orgId: ctx.actor.orgId,
    endpointId: id,
    at: ctx.clock.now(),
  });
  return { deliveryId };
}

// ---------------------------------------------------------------------------------------------
// The delivery log

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function presentDelivery(d: DeliveryRow, attempts: AttemptRow[]): Delivery {
  return {
    id: d.id,
    event: {
      id: d.eventId,
      type: d.type,
      occurredAt: d.occurredAt.toISOString(),
      subject: { type: d.subjectType, id: d.subjectId, reference: d.reference },
    },
    status: d.status,
    attempts: d.attempts,
    statusCode: d.statusCode,
    error: d.error,
    durationMs: d.durationMs,
    nextAttemptAt: iso(d.nextAttemptAt),
    deliveredAt: iso(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
    history: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({
        attempt: a.attempt,
        at: a.at.toISOString(),
        statusCode: a.statusCode,
        error: a.error,
        durationMs: a.durationMs,
      })),
  };
}

const encodeCursor = (d: DeliveryRow) => `${d.createdAt.getTime()}~${d.id}`;
function decodeCursor(c: string | undefined): { at: Date; id: string } | undefined {
  if (!c) return undefined;
  const [ms, id] = c.split('~') as [string, string];
  return { at: new Date(Number(ms)), id };
}

export async function getDeliveries(
  ctx: ServiceContext,
  endpointId: string,
  q: DeliveryListQuery,
): Promise<DeliveryList> {
  await requireEndpoint(ctx, endpointId);
  const rows = await listDeliveries(ctx.tx, endpointId, {
    limit: q.limit + 1,
    status: q.status,
    before: decodeCursor(q.cursor),
  });
  const page = rows.slice(0, q.limit);
  const attempts = await listAttempts(
    ctx.tx,
    page.map((d) => d.id),
  );
  return {
    items: page.map((d) => presentDelivery(d, attempts)),
    nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

/** Sends a finished delivery again (failed, delivered or skipped), now. */
export async function retryDelivery(
  ctx: ServiceContext,
  endpointId: string,
  deliveryId: string,
): Promise<Delivery> {
  const e = await requireEndpoint(ctx, endpointId);
  const d = await findDelivery(ctx.tx, endpointId, deliveryId);
  if (!d) throw AppError.notFound('delivery');
  if (d.status === 'pending' || d.status === 'delivering') {
    throw new AppError('conflict', `The delivery is already ${d.status}.`, {
      from: d.status,
      to: 'pending',
    });
  }
  if (!e.active) {
    throw new AppError('conflict', 'The webhook is inactive: activate it before redelivering.', {
      from: 'inactive',
      to: 'pending',
    });
  }
  const now = ctx.clock.now();
  await requeueDelivery(ctx.tx, deliveryId, now);
  await ctx.audit({
    action: 'webhook.redelivery',
    recordType: 'webhook_delivery',
    recordId: deliveryId,
  });
  return presentDelivery(
    { ...d, status: 'pending', nextAttemptAt: now },
    await listAttempts(ctx.tx, [d.id]),
  );
}
