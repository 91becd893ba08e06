import { ErrorResponse, IdParams } from '../../shared/api/common.schema.ts';
import {
  ContributionApproveBody,
  ContributionDetail,
  ContributionList,
  ContributionListQuery,
  ContributionPrepareBody,
  ContributionRejectBody,
  ContributionWithdrawBody,
} from '../../shared/api/hub-contributions.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import {
  approveContribution,
  getContribution,
  listContributions,
  prepareContribution,
  rejectContribution,
  withdrawContribution,
} from './contributions.service.ts';

/** Contributions of the organisation to the data hub (docs/hub.md, "Contributions"). */
export function registerContributionRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['hub'];
  const base = '/hub/contributions';

  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Prepare a contribution: the cases consenting to statistics, as CTDC rows k-anonymised before anything leaves the organisation (422 when k cannot be reached; nothing is written)',
        body: ContributionPrepareBody,
        response: responses({ 201: ContributionDetail, 422: ErrorResponse }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, { action: 'hub:contribute' }, (ctx) =>
        prepareContribution(ctx, req.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The organisation’s contributions, newest first',
        querystring: ContributionListQuery,
        response: responses({ 200: ContributionList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'hub:contribute' }, (ctx) => listContributions(ctx, req.query)),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary:
          'The preview: counts, cases excluded without consent (a count), risk and utility, the first rows',
        params: IdParams,
        response: responses({ 200: ContributionDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'hub:contribute' }, (ctx) =>
        getContribution(ctx, req.params.id),
      ),
  );

  app.post(
    `${base}/:id/approve`,
    {
      schema: {
        tags,
        summary:
          'Approve (a supervisor other than the preparer): consent and k are checked again, then the rows are copied into the hub store as one source',
        params: IdParams,
        body: ContributionApproveBody,
        response: responses({ 200: ContributionDetail, 422: ErrorResponse }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'hub:approve' }, (ctx) =>
        approveContribution(ctx, req.params.id),
      ),
  );

  app.post(
    `${base}/:id/reject`,
    {
      schema: {
        tags,
        summary:
          'Reject a prepared contribution, with a reason (a supervisor other than the preparer)',
        params: IdParams,
        body: ContributionRejectBody,
        response: responses({ 200: ContributionDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'hub:approve' }, (ctx) =>
        rejectContribution(ctx, req.params.id, req.body),
      ),
  );

  app.post(
    `${base}/:id/withdraw`,
    {
      schema: {
        tags,
        summary:
          'Withdraw an approved contribution: its rows leave the hub store (publications already released stay)',
        params: IdParams,
        body: ContributionWithdrawBody,
        response: responses({ 200: ContributionDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'hub:approve' }, (ctx) =>
        withdrawContribution(ctx, req.params.id, req.body),
      ),
  );
}
