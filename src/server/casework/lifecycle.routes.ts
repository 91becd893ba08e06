import {
  Approval,
  ApprovalList,
  ApprovalListQuery,
  ApprovalRequestBody,
  CaseOwner,
  DecisionBody,
  OwnerBody,
  Timeline,
  Transition,
  TransitionBody,
} from '../../shared/api/casework.schema.ts';
import { IdParams } from '../../shared/api/common.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import {
  decideApproval,
  listApprovalsOfCase,
  listOrgApprovals,
  requestApproval,
} from './approvals.service.ts';
import { assignCase, transitionCase } from './lifecycle.service.ts';
import { caseTimeline } from './timeline.service.ts';

/** The case lifecycle: stage transitions, approvals, assignment and the timeline. */
export function registerLifecycleRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['casework'];
  app.post(
    '/cases/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move a case to another stage, with a reason (closing needs an approval)',
        params: IdParams,
        body: TransitionBody,
        response: responses({ 201: Transition }),
      },
    },
    async (req, reply) => {
      const done = await secured(deps, req, { action: 'case:transition' }, (ctx) =>
        transitionCase(ctx, req.params.id, req.body),
      );
      return reply.code(201).send(done);
    },
  );

  app.put(
    '/cases/:id/owner',
    {
      schema: {
        tags,
        summary: 'Assign or transfer a case to a caseworker or supervisor of your organisation',
        params: IdParams,
        body: OwnerBody,
        response: responses({ 200: CaseOwner }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'case:assign' }, (ctx) =>
        assignCase(ctx, req.params.id, req.body),
      ),
  );

  app.get(
    '/cases/:id/timeline',
    {
      schema: {
        tags,
        summary: 'What happened to a case, in order (notes by reference only)',
        params: IdParams,
        response: responses({ 200: Timeline }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'case:timeline' }, (ctx) => caseTimeline(ctx, req.params.id)),
  );

  app.post(
    '/cases/:id/approvals',
    {
      schema: {
        tags,
        summary: 'Request a victim determination or the closure of a case from a supervisor',
        params: IdParams,
        body: ApprovalRequestBody,
        response: responses({ 201: Approval }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, { action: 'approval:request' }, (ctx) =>
        requestApproval(ctx, req.params.id, req.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/cases/:id/approvals',
    {
      schema: {
        tags,
        summary: 'The approval requests of a case, oldest first',
        params: IdParams,
        response: responses({ 200: ApprovalList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'case:read' }, (ctx) => listApprovalsOfCase(ctx, req.params.id)),
  );

  app.get(
    '/approvals',
    {
      schema: {
        tags,
        summary: "The organisation's approval requests in one state (pending: oldest first)",
        querystring: ApprovalListQuery,
        response: responses({ 200: ApprovalList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'approval:list' }, (ctx) => listOrgApprovals(ctx, req.query)),
  );

  app.post(
    '/approvals/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject a pending request (a supervisor other than the requester)',
        params: IdParams,
        body: DecisionBody,
        response: responses({ 200: Approval }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'approval:decide' }, (ctx) =>
        decideApproval(ctx, req.params.id, req.body),
      ),
  );
}
