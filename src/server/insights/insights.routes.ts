import { IdParams } from '../../shared/api/common.schema.ts';
import {
  DEFAULT_MIN_CELL,
  Dashboard,
  DashboardQuery,
  PublicDashboardQuery,
} from '../../shared/api/insights.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { getDashboard } from './dashboard.service.ts';
import { PublicationCountsCache, getPublicDashboard } from './public-dashboard.ts';

/** Settings of the Understand endpoints (src/server/config.ts). */
export interface InsightsOptions {
  /** Counts from 1 to minCell − 1 are sent suppressed (LANTERN_INSIGHTS_MIN_CELL). */
  minCell: number;
}
export const DEFAULT_INSIGHTS_OPTIONS: InsightsOptions = { minCell: DEFAULT_MIN_CELL };

const FILTERS =
  'Filters: repeat a parameter for several values; the exploitation filter keeps cases with any of the chosen types. Counts from 1 to minCell − 1 are sent as suppressed (count null), and so are the cells that would give them back by difference from a total (docs/insights.md).';

/**
 * Dashboards (docs/insights.md): the organisation's own cases, counted from case_counts, and
 * the records of a released publication of the data hub, for anyone.
 */
export function registerInsightsDashboardRoutes(
  app: ZodApp,
  deps: SecuredDeps,
  options: InsightsOptions = DEFAULT_INSIGHTS_OPTIONS,
): void {
  app.get(
    '/insights/dashboard',
    {
      schema: {
        tags: ['insights'],
        summary: 'Counts of the organisation’s cases over time, by one dimension',
        description: `Cases (merged duplicates once) by registration month or year and by exploitation type (a case with several types is in each type’s series; totals count it once), gender, age band, citizenship or country of exploitation; 'unknown' where none is recorded. Periods run from \`from\` (default: the organisation’s first month with cases, at most 120 months before \`to\`) to \`to\` (default: this month), every period present. Series largest first. ${FILTERS}`,
        querystring: DashboardQuery,
        response: responses({ 200: Dashboard }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'insights:read' }, (ctx) =>
        getDashboard(ctx, req.query, options.minCell),
      ),
  );

  const cache = new PublicationCountsCache();
  app.get(
    '/public/publications/:id/insights/dashboard',
    {
      schema: {
        tags: ['public data'],
        summary: 'Counts of a released publication’s records by year (no sign-in)',
        description: `The records of a released microdata or synthetic publication (CTDC layouts) counted by yearOfRegistration and one dimension, in the answer shape of the organisation’s dashboard: genders as HTCDS values (CTDC Transgender stays Transgender), exploitation flags as HTCDS types, countries as alpha-2; values the file generalised (a region, an age range) stay as published, and records without a single year are not counted. Years run from the first to the last with matching records unless \`from\`/\`to\` say otherwise. A draft or unknown publication is 404; an aggregates publication is 409 (counts, not records); a filter or \`by\` on a column the file lacks is 400 naming it. ${FILTERS}`,
        security: [],
        params: IdParams,
        querystring: PublicDashboardQuery,
        response: responses({ 200: Dashboard }),
      },
    },
    (req) => getPublicDashboard(deps.db, cache, req.params.id, req.query, options.minCell),
  );
}
