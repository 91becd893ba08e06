import { IdParams } from '../../shared/api/common.schema.ts';
import {
  BestInterestBody,
  CandidateParams,
  CloseBody,
  ConfirmCandidateBody,
  RejectCandidateBody,
  ReunifyBody,
  TracingCandidate,
  TracingCandidateList,
  TracingListQuery,
  TracingRequestCreateBody,
  TracingRequestDetail,
  TracingRequestList,
  TracingSearchResult,
  VerifyBody,
} from '../../shared/api/tracing.schema.ts';
import { onConsentWithdrawn } from '../consent/consent-withdrawn.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import {
  closeTracingRequest,
  confirmCandidate,
  createTracingRequest,
  determineBestInterest,
  getTracingRequest,
  listTracingCandidates,
  listTracingRequests,
  recordReunification,
  rejectCandidate,
  searchTracingRequest,
  verifyMatch,
  withdrawTracingCandidacies,
} from './tracing.service.ts';

// Withdrawing family-tracing consent drops the case from open tracing candidates, in the same
// transaction as the withdrawal (docs/consent.md, "When consent is withdrawn").
onConsentWithdrawn(withdrawTracingCandidacies);

export function registerTracingRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['reunite'];
  const base = '/tracing-requests';

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Record a tracing request: the sought person and the enquirer (stored encrypted)',
        body: TracingRequestCreateBody,
        response: responses({ 201: TracingRequestDetail }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, { action: 'tracing:write' }, (ctx) =>
        createTracingRequest(ctx, req.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The organisation’s tracing requests, newest first (no names)',
        querystring: TracingListQuery,
        response: responses({ 200: TracingRequestList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'tracing:read' }, (ctx) => listTracingRequests(ctx, req.query)),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One tracing request with its steps and history (the read is audited)',
        params: IdParams,
        response: responses({ 200: TracingRequestDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'tracing:read' }, (ctx) =>
        getTracingRequest(ctx, req.params.id),
      ),
  );

  app.post(
    `${base}/:id/search`,
    {
      schema: {
        tags,
        summary:
          'Search for candidate cases (only cases consenting to family tracing) and store the proposals',
        params: IdParams,
        response: responses({ 200: TracingSearchResult }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'tracing:write' }, (ctx) =>
        searchTracingRequest(ctx, req.params.id),
      ),
  );

  app.get(
    `${base}/:id/candidates`,
    {
      schema: {
        tags,
        summary: 'The proposed and decided candidates, with per-field explanations (audited)',
        params: IdParams,
        response: responses({ 200: TracingCandidateList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'tracing:read' }, (ctx) =>
        listTracingCandidates(ctx, req.params.id),
      ),
  );

  app.post(
    `${base}/:id/candidates/:candidateId/confirm`,
    {
      schema: {
        tags,
        summary: 'Confirm a proposed candidate as the sought person (the request becomes matched)',
        params: CandidateParams,
        body: ConfirmCandidateBody,
        response: responses({ 200: TracingRequestDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'tracing:write' }, (ctx) =>
        confirmCandidate(ctx, req.params.id, req.params.candidateId, req.body),
      ),
  );

  app.post(
    `${base}/:id/candidates/:candidateId/reject`,
    {
      schema: {
        tags,
        summary: 'Reject a proposed candidate, with a reason',
        params: CandidateParams,
        body: RejectCandidateBody,
        response: responses({ 200: TracingCandidate }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'tracing:write' }, (ctx) =>
        rejectCandidate(ctx, req.params.id, req.params.candidateId, req.body),
      ),
  );

  app.post(
    `${base}/:id/verify`,
    {
      schema: {
        tags,
        summary: 'Record how the confirmed match was verified, or that verification failed',
        params: IdParams,
        body: VerifyBody,
        response: responses({ 200: TracingRequestDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'tracing:write' }, (ctx) =>
        verifyMatch(ctx, req.params.id, req.body),
      ),
  );

  app.post(
    `${base}/:id/best-interest`,
    {
      schema: {
        tags,
        summary: 'Record the best-interest determination for a child (supervisors)',
        params: IdParams,
        body: BestInterestBody,
        response: responses({ 200: TracingRequestDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'tracing:decide' }, (ctx) =>
        determineBestInterest(ctx, req.params.id, req.body),
      ),
  );

  app.post(
    `${base}/:id/reunify`,
    {
      schema: {
        tags,
        summary: 'Record the reunification: date, place, follow-up',
        params: IdParams,
        body: ReunifyBody,
        response: responses({ 200: TracingRequestDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'tracing:write' }, (ctx) =>
        recordReunification(ctx, req.params.id, req.body),
      ),
  );

  app.post(
    `${base}/:id/close`,
    {
      schema: {
        tags,
        summary: 'Close the request with a reason (supervisors)',
        params: IdParams,
        body: CloseBody,
        response: responses({ 200: TracingRequestDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'tracing:decide' }, (ctx) =>
        closeTracingRequest(ctx, req.params.id, req.body),
      ),
  );
}
