import type {
  Delivery,
  DeliveryList,
  Notification,
  NotificationList,
  Webhook,
  WebhookCreateInput,
  WebhookUpdateBody,
  WebhookWithSecret,
} from '../../shared/api/notify.schema.ts';
import { request } from './client.ts';

export type { Delivery, Notification, Webhook, WebhookWithSecret };

const hook = (id: string, tail = '') => `/webhooks/${encodeURIComponent(id)}${tail}`;

/** In-app notifications of the signed-in user (docs/notifications.md). */
export const notificationsApi = {
  list: (options: { unread?: boolean; limit?: number } = {}) => {
    const q = new URLSearchParams();
    if (options.unread) q.set('unread', 'true');
    if (options.limit) q.set('limit', String(options.limit));
    const s = q.toString();
    return request<NotificationList>('GET', `/notifications${s ? `?${s}` : ''}`);
  },
  markRead: (id: string) => request<void>('POST', `/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => request<{ marked: number }>('POST', '/notifications/read-all'),
};

/** The organisation's webhook endpoints and their delivery logs (webhook:manage). */
export const webhooksApi = {
  list: () => request<{ items: Webhook[] }>('GET', '/webhooks'),
  /** The answer carries the signing secret: it is shown once and never again. */
  create: (body: WebhookCreateInput) => request<WebhookWithSecret>('POST', '/webhooks', body),
  update: (id: string, body: WebhookUpdateBody) => request<Webhook>('PATCH', hook(id), body),
  remove: (id: string) => request<void>('DELETE', hook(id)),
  rotateSecret: (id: string) => request<WebhookWithSecret>('POST', hook(id, '/rotate-secret')),
  ping: (id: string) => request<{ deliveryId: string }>('POST', hook(id, '/ping')),
  deliveries: (id: string, cursor?: string | null) =>
    request<DeliveryList>(
      'GET',
      hook(id, `/deliveries${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
    ),
  retry: (id: string, deliveryId: string) =>
    request<Delivery>('POST', hook(id, `/deliveries/${encodeURIComponent(deliveryId)}/retry`)),
};
