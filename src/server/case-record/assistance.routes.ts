import {
  AssistancePlan,
  AssistancePlanBody,
  AssistancePlanResponse,
  FollowUp,
  FollowUpBody,
  FollowUpList,
  Need,
  NeedBody,
  NeedList,
  NeedParams,
  NeedPatch,
  ReintegrationAssessment,
  ReintegrationBody,
  ReintegrationList,
} from '../../shared/api/case-record.schema.ts';
import { IdParams } from '../../shared/api/common.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { tags } from './routes-common.ts';
import { createFollowUp, getFollowUps } from './follow-ups.service.ts';
import { createNeed, getNeeds, patchNeed } from './needs.service.ts';
import { getPlan, putPlan } from './plan.service.ts';
import { createReintegration, getReintegration } from './reintegration.service.ts';

/** Needs, the assistance plan, follow-ups and reintegration assessments of a case. */
export function registerAssistanceRoutes(app: ZodApp, deps: SecuredDeps): void {
  const read = { action: 'case:read' } as const;
  const write = { action: 'case:record:update' } as const;

  app.get(
    '/cases/:id/needs',
    {
      schema: {
        tags,
        summary: 'The person’s needs (the read is audited)',
        params: IdParams,
        response: responses({ 200: NeedList }),
      },
    },
    (req) => secured(deps, req, read, (ctx) => getNeeds(ctx, req.params.id)),
  );

  app.post(
    '/cases/:id/needs',
    {
      schema: {
        tags,
        summary: 'Record a need',
        params: IdParams,
        body: NeedBody,
        response: responses({ 201: Need }),
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await secured(deps, req, write, (ctx) => createNeed(ctx, req.params.id, req.body))),
  );

  app.patch(
    '/cases/:id/needs/:needId',
    {
      schema: {
        tags,
        summary: 'Change a need (e.g. mark it met)',
        params: NeedParams,
        body: NeedPatch,
        response: responses({ 200: Need }),
      },
    },
    (req) =>
      secured(deps, req, write, (ctx) =>
        patchNeed(ctx, req.params.id, req.params.needId, req.body),
      ),
  );

  app.get(
    '/cases/:id/plan',
    {
      schema: {
        tags,
        summary: 'The assistance plan and its services, or null (the read is audited)',
        params: IdParams,
        response: responses({ 200: AssistancePlanResponse }),
      },
    },
    (req) => secured(deps, req, read, (ctx) => getPlan(ctx, req.params.id)),
  );

  app.put(
    '/cases/:id/plan',
    {
      schema: {
        tags,
        summary: 'Replace the assistance plan and its services',
        params: IdParams,
        body: AssistancePlanBody,
        response: responses({ 200: AssistancePlan }),
      },
    },
    (req) => secured(deps, req, write, (ctx) => putPlan(ctx, req.params.id, req.body)),
  );

  app.get(
    '/cases/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Follow-up contacts, newest first (the read is audited)',
        params: IdParams,
        response: responses({ 200: FollowUpList }),
      },
    },
    (req) => secured(deps, req, read, (ctx) => getFollowUps(ctx, req.params.id)),
  );

  app.post(
    '/cases/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Record a follow-up contact (kept as written)',
        params: IdParams,
        body: FollowUpBody,
        response: responses({ 201: FollowUp }),
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await secured(deps, req, write, (ctx) => createFollowUp(ctx, req.params.id, req.body)),
        ),
  );

  app.get(
    '/cases/:id/reintegration',
    {
      schema: {
        tags,
        summary: 'Reintegration assessments with their derived outcome, newest first',
        params: IdParams,
        response: responses({ 200: ReintegrationList }),
      },
    },
    (req) => secured(deps, req, read, (ctx) => getReintegration(ctx, req.params.id)),
  );

  app.post(
    '/cases/:id/reintegration',
    {
      schema: {
        tags,
        summary: 'Record a reintegration assessment (economic, social, psychosocial; IOM 2019)',
        params: IdParams,
        body: ReintegrationBody,
        response: responses({ 201: ReintegrationAssessment }),
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await secured(deps, req, write, (ctx) =>
            createReintegration(ctx, req.params.id, req.body),
          ),
        ),
  );
}
