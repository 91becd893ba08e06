import { z } from 'zod';
import { IdParams } from '../../shared/api/common.schema.ts';
import {
  Delivery,
  DeliveryList,
  DeliveryListQuery,
  DeliveryParams,
  NotificationList,
  NotificationListQuery,
  PingResult,
  ReadAllResult,
  WebhookCreateBody,
  WebhookList,
  Webhook,
  WebhookUpdateBody,
  WebhookWithSecret,
} from '../../shared/api/notify.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import type { NotifyOptions } from './notify.service.ts';
import {
  changeWebhook,
  createWebhook,
  getDeliveries,
  getNotifications,
  getWebhooks,
  pingWebhook,
  readAllNotifications,
  readNotification,
  removeWebhook,
  retryDelivery,
  rotateWebhookSecret,
} from './notify.service.ts';

const NoContent = z.undefined();

/** In-app notifications (every role) and webhooks (administrators), docs/notifications.md. */
export function registerNotifyRoutes(
  app: ZodApp,
  deps: SecuredDeps,
  options: NotifyOptions = {},
): void {
  const tags = ['notifications'];
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'The reader’s notifications, newest first, and their unread count',
        querystring: NotificationListQuery,
        response: responses({ 200: NotificationList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'notification:read' }, (ctx) =>
        getNotifications(ctx, req.query),
      ),
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all the reader’s notifications read',
        response: responses({ 200: ReadAllResult }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'notification:read' }, (ctx) => readAllNotifications(ctx)),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one notification read (for the reader only)',
        params: IdParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (req, reply) => {
      await secured(deps, req, { action: 'notification:read' }, (ctx) =>
        readNotification(ctx, req.params.id),
      );
      return reply.code(204).send();
    },
  );

  const hooks = ['webhooks'];
  const manage = { action: 'webhook:manage' } as const;
  app.get(
    '/webhooks',
    {
      schema: {
        tags: hooks,
        summary: 'The organisation’s webhook endpoints',
        response: responses({ 200: WebhookList }),
      },
    },
    (req) => secured(deps, req, manage, (ctx) => getWebhooks(ctx)),
  );

  app.post(
    '/webhooks',
    {
      schema: {
        tags: hooks,
        summary: 'Add a webhook endpoint; the signing secret is returned in this response only',
        body: WebhookCreateBody,
        response: responses({ 201: WebhookWithSecret }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, manage, (ctx) =>
        createWebhook(ctx, req.body, options),
      );
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/webhooks/:id',
    {
      schema: {
        tags: hooks,
        summary: 'Change a webhook endpoint (URL, description, event types, active)',
        params: IdParams,
        body: WebhookUpdateBody,
        response: responses({ 200: Webhook }),
      },
    },
    (req) =>
      secured(deps, req, manage, (ctx) => changeWebhook(ctx, req.params.id, req.body, options)),
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        tags: hooks,
        summary: 'Remove a webhook endpoint (deliveries not yet sent are skipped)',
        params: IdParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (req, reply) => {
      await secured(deps, req, manage, (ctx) => removeWebhook(ctx, req.params.id));
      return reply.code(204).send();
    },
  );

  app.post(
    '/webhooks/:id/rotate-secret',
    {
      schema: {
        tags: hooks,
        summary:
          'Replace the signing secret at once; the new one is returned in this response only',
        params: IdParams,
        response: responses({ 200: WebhookWithSecret }),
      },
    },
    (req) => secured(deps, req, manage, (ctx) => rotateWebhookSecret(ctx, req.params.id)),
  );

  app.post(
    '/webhooks/:id/ping',
    {
      schema: {
        tags: hooks,
        summary: 'Queue a signed test delivery (event webhook.ping) to this endpoint',
        params: IdParams,
        response: responses({ 202: PingResult }),
      },
    },
    async (req, reply) => {
      const queued = await secured(deps, req, manage, (ctx) => pingWebhook(ctx, req.params.id));
      return reply.code(202).send(queued);
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags: hooks,
        summary: 'The delivery log of an endpoint, newest first, with every attempt',
        params: IdParams,
        querystring: DeliveryListQuery,
        response: responses({ 200: DeliveryList }),
      },
    },
    (req) => secured(deps, req, manage, (ctx) => getDeliveries(ctx, req.params.id, req.query)),
  );

  app.post(
    '/webhooks/:id/deliveries/:deliveryId/retry',
    {
      schema: {
        tags: hooks,
        summary: 'Send a finished delivery (failed, delivered or skipped) again, now',
        params: DeliveryParams,
        response: responses({ 202: Delivery }),
      },
    },
    async (req, reply) => {
      const d = await secured(deps, req, manage, (ctx) =>
        retryDelivery(ctx, req.params.id, req.params.deliveryId),
      );
      return reply.code(202).send(d);
    },
  );
}
