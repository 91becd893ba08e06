import { z } from 'zod';
import { Uuid } from './common.schema.ts';
import { line } from './text.ts';

/**
 * Notifications and webhooks (docs/notifications.md). The API returns event codes and the
 * referral's reference, never sentences: the web app words them in the reader's language.
 */
export const NOTIFY_EVENT_TYPES = [
  'referral.sent',
  'referral.accepted',
  'referral.declined',
  'referral.started',
  'referral.completed',
  'referral.withdrawn',
  'referral.expired',
  'referral.message',
] as const;
export const NotifyEventType = z.enum(NOTIFY_EVENT_TYPES);
export const DeliveryEventType = z.enum([...NOTIFY_EVENT_TYPES, 'webhook.ping']);

export const NotificationSubject = z.object({
  type: z.enum(['referral', 'webhook']),
  id: Uuid,
  reference: z.string(),
});

export const Notification = z
  .object({
    id: Uuid.meta({ description: 'The event id' }),
    type: NotifyEventType,
    side: z
      .enum(['sender', 'receiver'])
      .meta({ description: 'Whether the reader’s organisation sent or received the referral' }),
    subject: NotificationSubject,
    occurredAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true: only notifications not yet read' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, { message: 'must be the cursor of a previous page' })
    .optional()
    .meta({ description: 'Opaque cursor from the previous page' }),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationList = z
  .object({
    items: z.array(Notification),
    unread: z.number().int().meta({ description: 'Unread notifications of the reader, in all' }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationList>;

export const ReadAllResult = z.object({ marked: z.number().int() });

const webhookUrl = z
  .string()
  .max(2000, { message: 'must be at most 2000 characters' })
  .meta({ description: 'http or https; no user name or password; public address unless allowed' });

export const WebhookCreateBody = z.strictObject({
  url: webhookUrl,
  description: line(200).optional(),
  eventTypes: z
    .array(NotifyEventType)
    .max(20)
    .default([])
    .meta({ description: 'Event types sent to this endpoint; empty: all' }),
  active: z.boolean().default(true),
});
export type WebhookCreateBody = z.infer<typeof WebhookCreateBody>;
export type WebhookCreateInput = z.input<typeof WebhookCreateBody>;

export const WebhookUpdateBody = z.strictObject({
  url: webhookUrl.optional(),
  description: line(200).nullable().optional(),
  eventTypes: z.array(NotifyEventType).max(20).optional(),
  active: z.boolean().optional(),
});
export type WebhookUpdateBody = z.infer<typeof WebhookUpdateBody>;

export const Webhook = z
  .object({
    id: Uuid,
    url: z.string(),
    description: z.string().nullable(),
    eventTypes: z.array(NotifyEventType),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof Webhook>;

export const WebhookWithSecret = Webhook.extend({
  secret: z.string().meta({
    description:
      'The signing secret, shown only in this response. HMAC key: its UTF-8 bytes, whole (whsec_ prefix included).',
  }),
}).meta({ id: 'WebhookWithSecret' });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

export const WebhookList = z.object({ items: z.array(Webhook) }).meta({ id: 'WebhookList' });

export const DeliveryStatus = z.enum(['pending', 'delivering', 'delivered', 'failed', 'skipped']);

export const DeliveryAttempt = z.object({
  attempt: z.number().int(),
  at: z.iso.datetime(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});

export const Delivery = z
  .object({
    id: Uuid.meta({ description: 'Sent as X-Lantern-Delivery' }),
    event: z.object({
      id: Uuid,
      type: DeliveryEventType,
      occurredAt: z.iso.datetime(),
      subject: NotificationSubject,
    }),
    status: DeliveryStatus,
    attempts: z.number().int(),
    statusCode: z.number().int().nullable().meta({ description: 'Of the latest attempt' }),
    error: z.string().nullable().meta({ description: 'Of the latest attempt' }),
    durationMs: z.number().int().nullable().meta({ description: 'Of the latest attempt' }),
    nextAttemptAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    history: z.array(DeliveryAttempt),
  })
  .meta({ id: 'WebhookDelivery' });
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryListQuery = z.strictObject({
  status: DeliveryStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .regex(/^\d{13}~[0-9a-f-]{36}$/, { message: 'must be the cursor of a previous page' })
    .optional()
    .meta({ description: 'Opaque cursor from the previous page' }),
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;

export const DeliveryList = z
  .object({ items: z.array(Delivery), nextCursor: z.string().nullable() })
  .meta({ id: 'WebhookDeliveryList' });
export type DeliveryList = z.infer<typeof DeliveryList>;

export const DeliveryParams = z.strictObject({ id: Uuid, deliveryId: Uuid });

export const PingResult = z.object({ deliveryId: Uuid });
