import { z } from 'zod';
import {
  ReferralMetrics,
  ReferralMetricsQuery,
  UnmetNeed,
  UnmetNeedBody,
} from '../../shared/api/referral-metrics.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import {
  getReferralMetrics,
  metricsCsv,
  metricsCsvFilename,
  recordUnmetNeed,
} from './metrics.service.ts';

/**
 * Pathway metrics (docs/referral-metrics.md). The paths are static: find-my-way matches a
 * static segment before a parametric one, so `/referrals/metrics` never reaches a
 * `/referrals/:id` route registered beside it (test/integration/referral-metrics.test.ts).
 */
export function registerReferralMetricsRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['referrals'];
  const description =
    'Figures over the referrals sent in the period (sent_at, UTC days, both ends included; default the 12 months ending today), with their status today. side=sent: the organisation’s own referrals; side=received: those addressed to it. Acceptance rate = accepted / (accepted + declined + expired) with a Wilson score 95 % interval; times in hours (median, 90th percentile of Hyndman & Fan type 7, mean). Cells with fewer than 5 referrals are flagged small. See docs/referral-metrics.md.';

  app.get(
    '/referrals/metrics',
    {
      schema: {
        tags,
        summary: 'Pathway metrics: times, acceptance rates, unmet needs, directory coverage',
        description,
        querystring: ReferralMetricsQuery,
        response: responses({ 200: ReferralMetrics }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'referral:metrics' }, (ctx) =>
        getReferralMetrics(ctx, req.query),
      ),
  );

  app.get(
    '/referrals/metrics.csv',
    {
      schema: {
        tags,
        summary: 'The pathway metrics as CSV, one figure per row',
        description: `${description} Columns: metric, dimension, key, label, value, small.`,
        querystring: ReferralMetricsQuery,
        response: {
          ...responses({}),
          200: {
            description: 'CSV (UTF-8 with a byte order mark), as an attachment',
            content: { 'text/csv': { schema: z.string() } },
          },
        },
      },
    },
    async (req, reply) => {
      const report = await secured(deps, req, { action: 'referral:metrics' }, (ctx) =>
        getReferralMetrics(ctx, req.query, 'csv'),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${metricsCsvFilename(report)}"`)
        .send(metricsCsv(report));
    },
  );

  app.post(
    '/referrals/unmet-needs',
    {
      schema: {
        tags,
        summary: 'Record an unmet need: a directory search that found no eligible service',
        description:
          'The same case and service type within 24 h is one gap: the answer is then 200 with the first record and duplicate: true (201 for a new record). A search not tied to a case is de-duplicated per user, service type and country. Coordinates are stored rounded to 0.1°.',
        body: UnmetNeedBody,
        response: responses({ 200: UnmetNeed, 201: UnmetNeed }),
      },
    },
    async (req, reply) => {
      const need = await secured(deps, req, { action: 'referral:write' }, (ctx) =>
        recordUnmetNeed(ctx, req.body),
      );
      return reply.code(need.duplicate ? 200 : 201).send(need);
    },
  );
}
