import {
  CaseProfile,
  CaseProfileBody,
  CaseRecord,
  EventParams,
  TraffickingEvent,
  TraffickingEventBody,
  TraffickingEventList,
  TraffickingEventPatch,
} from '../../shared/api/case-record.schema.ts';
import { IdParams } from '../../shared/api/common.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { registerAssistanceRoutes } from './assistance.routes.ts';
import { createEvent, getEvents, patchEvent, removeEvent } from './events.service.ts';
import { getProfile, putProfile } from './profile.service.ts';
import { getCaseRecord } from './record.service.ts';
import { NoContent, tags } from './routes-common.ts';
import { registerSensitiveRoutes } from './sensitive.routes.ts';

/** The case record on HTCDS 2.0 under /cases/{id}/… (docs/htcds-mapping.md). */
export function registerCaseRecordRoutes(app: ZodApp, deps: SecuredDeps): void {
  app.get(
    '/cases/:id/record',
    {
      schema: {
        tags,
        summary: 'The whole case record; parts the role is not granted are named in `withheld`',
        params: IdParams,
        response: responses({ 200: CaseRecord }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'case:read' }, (ctx) => getCaseRecord(ctx, req.params.id)),
  );

  app.get(
    '/cases/:id/profile',
    {
      schema: {
        tags,
        summary: 'Victim context: status and who decided it, exploitation, recruitment, control',
        params: IdParams,
        response: responses({ 200: CaseProfile }),
      },
    },
    (req) => secured(deps, req, { action: 'case:read' }, (ctx) => getProfile(ctx, req.params.id)),
  );

  app.put(
    '/cases/:id/profile',
    {
      schema: {
        tags,
        summary: 'Replace the victim context',
        params: IdParams,
        body: CaseProfileBody,
        response: responses({ 200: CaseProfile }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'case:record:update' }, (ctx) =>
        putProfile(ctx, req.params.id, req.body),
      ),
  );

  app.get(
    '/cases/:id/events',
    {
      schema: {
        tags,
        summary:
          'Recruitment, transit and exploitation events, in date order (the read is audited)',
        params: IdParams,
        response: responses({ 200: TraffickingEventList }),
      },
    },
    (req) => secured(deps, req, { action: 'case:read' }, (ctx) => getEvents(ctx, req.params.id)),
  );

  app.post(
    '/cases/:id/events',
    {
      schema: {
        tags,
        summary: 'Add a trafficking event',
        params: IdParams,
        body: TraffickingEventBody,
        response: responses({ 201: TraffickingEvent }),
      },
    },
    async (req, reply) => {
      const event = await secured(deps, req, { action: 'case:record:update' }, (ctx) =>
        createEvent(ctx, req.params.id, req.body),
      );
      return reply.code(201).send(event);
    },
  );

  app.patch(
    '/cases/:id/events/:eventId',
    {
      schema: {
        tags,
        summary: 'Change a trafficking event',
        params: EventParams,
        body: TraffickingEventPatch,
        response: responses({ 200: TraffickingEvent }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'case:record:update' }, (ctx) =>
        patchEvent(ctx, req.params.id, req.params.eventId, req.body),
      ),
  );

  app.delete(
    '/cases/:id/events/:eventId',
    {
      schema: {
        tags,
        summary: 'Remove a trafficking event entered by mistake',
        params: EventParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (req, reply) => {
      await secured(deps, req, { action: 'case:record:update' }, (ctx) =>
        removeEvent(ctx, req.params.id, req.params.eventId),
      );
      return reply.code(204).send();
    },
  );

  registerAssistanceRoutes(app, deps);
  registerSensitiveRoutes(app, deps);
}
