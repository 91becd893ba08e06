import { IdParams } from '../../shared/api/common.schema.ts';
import {
  AlertsQuery,
  AlertsResponse,
  DEFAULT_MIN_CELL,
  HotspotsQuery,
  HotspotsResponse,
  RoutesQuery,
  RoutesResponse,
  SdgQuery,
  SdgResponse,
} from '../../shared/api/insights.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import type { AnalyticsOptions } from './analytics.service.ts';
import { getAlerts, getHotspots, getRoutes, getSdg } from './analytics.service.ts';
import { publicRoutes, publicSdg } from './public-analytics.ts';
import { PublicationCountsCache, releasedCounts } from './public-dashboard.ts';

const SUPPRESSION =
  'Counts from 1 to minCell − 1 (LANTERN_INSIGHTS_MIN_CELL, default 5) are sent as null with suppressed: true.';

/**
 * Trend alerts, hot spots, routes and SDG 16.2.2 of the organisation's own cases
 * (insights:read), and routes and SDG 16.2.2 of released hub publications for anyone
 * (docs/insights.md).
 */
export function registerAnalyticsRoutes(
  app: ZodApp,
  deps: SecuredDeps,
  options: AnalyticsOptions = { minCell: DEFAULT_MIN_CELL },
): void {
  const tags = ['insights'];

  app.get(
    '/insights/alerts',
    {
      schema: {
        tags,
        summary: 'Trend alerts: unusual increases in the last complete months',
        description:
          'Monthly series of the organisation’s cases by country of exploitation (unknown left out), UN M49 sub-region of it, or exploitation type (a case in each of its types), from its first month with a case to asOf, the last complete month (the month in progress is never examined). Each series is checked with the methods its history supports: EARS C1/C2/C3 (Hutwagner et al. 2003), Farrington flexible (Noufaily et al. 2013) with 36 months or more, negative-binomial CUSUM (Höhle & Paul 2008). Alerts newest first, then by observed / threshold. An alert whose observed count is under the small-cell threshold is not sent; `withheld` counts them.',
        querystring: AlertsQuery,
        response: responses({ 200: AlertsResponse }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'insights:read' }, (ctx) => getAlerts(ctx, req.query, options)),
  );

  app.get(
    '/insights/hotspots',
    {
      schema: {
        tags,
        summary: 'Hot spots: space-time scan clusters and Getis-Ord Gi* by country',
        description: `Kulldorff’s space-time Poisson scan statistic (999 Monte Carlo replications, fixed seed: the same cases give the same answer) over a country × month grid of the organisation’s cases, on the expected-count baseline (margins) or the population baseline; Getis-Ord Gi* of each country’s total with neighbours by shared boundary. Countries without a boundary in the map or (population baseline) without a population are left out and named in notice; so are clusters of fewer than minCell cases. Default window: every month with a case. ${SUPPRESSION}`,
        querystring: HotspotsQuery,
        response: responses({ 200: HotspotsResponse }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'insights:read' }, (ctx) =>
        getHotspots(ctx, req.query, options),
      ),
  );

  app.get(
    '/insights/routes',
    {
      schema: {
        tags,
        summary: 'Routes: citizenship → transit countries → country of exploitation',
        description: `The organisation’s cases (merged duplicates once, as their survivor) matching the filters, by route: transit countries are the case’s events of type Transit, in date order. Flows, Sankey links, and the domestic, cross-border and unknown counts. ${SUPPRESSION}`,
        querystring: RoutesQuery,
        response: responses({ 200: RoutesResponse }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'insights:read' }, (ctx) => getRoutes(ctx, req.query, options)),
  );

  app.get(
    '/insights/sdg',
    {
      schema: {
        tags,
        summary: 'SDG indicator 16.2.2: detected victims per 100,000 population',
        description: `Detected victims (trafficking status possible or actual victim) registered in the year, per country, per 100,000 population, by sex, age (child: under 18) and form of exploitation. Cases of unknown country are left out. ${SUPPRESSION}`,
        querystring: SdgQuery,
        response: responses({ 200: SdgResponse }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'insights:read' }, (ctx) => getSdg(ctx, req.query, options)),
  );

  // ---- public: no session ------------------------------------------------------------------

  const publicTags = ['public data'];
  const cache = new PublicationCountsCache();
  const groups = async (id: string, what: string) =>
    (await releasedCounts(deps.db, cache, id, what)).counts.groups;
  const publicNote =
    'A released publication of records (microdata or synthetic; a table of aggregates is a 409), in either CTDC layout. Values the release generalised (a region for a country, a range of years) count as unknown.';

  app.get(
    '/public/publications/:id/insights/routes',
    {
      schema: {
        tags: publicTags,
        summary: 'Routes of a released publication: citizenship → country of exploitation',
        description: `${publicNote} CTDC records have no transit countries. ${SUPPRESSION}`,
        security: [],
        params: IdParams,
        response: responses({ 200: RoutesResponse }),
      },
    },
    async (req) => publicRoutes(await groups(req.params.id, 'routes'), options.minCell),
  );

  app.get(
    '/public/publications/:id/insights/sdg',
    {
      schema: {
        tags: publicTags,
        summary: 'SDG indicator 16.2.2 of a released publication (yearly)',
        description: `${publicNote} Every CTDC record is an identified victim. ${SUPPRESSION}`,
        security: [],
        params: IdParams,
        querystring: SdgQuery,
        response: responses({ 200: SdgResponse }),
      },
    },
    async (req) => publicSdg(await groups(req.params.id, 'SDG 16.2.2'), req.query, options.minCell),
  );
}
