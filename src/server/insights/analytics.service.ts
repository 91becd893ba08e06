import type {
  AlertsResponse,
  HotspotsResponse,
  InsightFilters,
  RoutesResponse,
  SdgResponse,
} from '../../shared/api/insights.schema.ts';
import { periodsBetween } from '../../shared/insights/periods.ts';
import { POPULATION_SOURCE, populationOf } from '../../shared/insights/population.ts';
import { buildRoutes } from '../../shared/insights/routes.ts';
import { sdgRows } from '../../shared/insights/sdg.ts';
import { detectTrends } from '../../shared/insights/trends/index.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { analyseHotspots } from './analytics-hotspots.ts';
import {
  VICTIM_STATUSES,
  lastCompleteMonth,
  monthlySeries,
  orderAlerts,
  sdgInputs,
  subRegionOf,
} from './analytics-shape.ts';
import type { Geography } from './analytics.repo.ts';
import {
  caseMonthSpan,
  countryMonthCounts,
  geographyMonthSpan,
  latestYear,
  monthlyCounts,
  routeCounts,
  victimCounts,
} from './analytics.repo.ts';

// The organisation's trend alerts, hot spots, routes and SDG 16.2.2 (docs/insights.md), for
// users with insights:read. Aggregates only, small cells suppressed before the response is
// built; not audited (docs/decisions/0010-insights-counts.md).

/** Settings of the analytics (src/server/config.ts: LANTERN_INSIGHTS_MIN_CELL). */
export interface AnalyticsOptions {
  /** Counts from 1 to minCell − 1 are never sent as numbers. */
  minCell: number;
}

/** A `from` after `to` is a bad query, named like the schema's own errors. */
function checkWindow(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) {
    throw AppError.invalid([{ path: 'querystring.to', message: 'must not be before from' }]);
  }
}

const SERIES_KEY = { country: 'country', region: 'region', exploitation: 'exploitation' } as const;

/**
 * Trend alerts in the last `last` complete months. The month in progress is never examined: its
 * count is still growing and would read as a fall (asOf = the previous month). Each series runs
 * from the organisation's first month with a case to asOf, zero-filled: a month with no case
 * from a country while the organisation was recording is a true zero.
 */
export async function getAlerts(
  ctx: ServiceContext,
  q: { level: 'country' | 'region' | 'exploitation'; last: number },
  options: AnalyticsOptions,
): Promise<AlertsResponse> {
  const asOf = lastCompleteMonth(ctx.clock.now());
  const empty = { level: q.level, asOf, seriesExamined: 0, alerts: [], withheld: 0 };
  const span = await caseMonthSpan(ctx.tx, ctx.actor.orgId);
  if (!span || span.first > asOf) return empty;
  const rows = await monthlyCounts(
    ctx.tx,
    ctx.actor.orgId,
    q.level === 'exploitation' ? 'exploitation' : 'country',
    span.first,
    asOf,
  );
  const series = monthlySeries(
    rows,
    SERIES_KEY[q.level],
    span.first,
    asOf,
    q.level === 'region' ? subRegionOf : undefined,
  );
  const { alerts, withheld } = orderAlerts(detectTrends(series, { last: q.last }), options.minCell);
  return {
    level: q.level,
    asOf,
    seriesExamined: series.length,
    alerts: alerts.map((a) => ({ ...a, key: { ...a.key }, history: { ...a.history } })),
    withheld,
  };
}

/**
 * Hot spots over the window (default, and at most: the first to the last month with a case
 * placed in a known country), on a country × month grid of the chosen geography.
 */
export async function getHotspots(
  ctx: ServiceContext,
  q: {
    from?: string | undefined;
    to?: string | undefined;
    geography: Geography;
    baseline: 'expected' | 'population';
  },
  options: AnalyticsOptions,
): Promise<HotspotsResponse> {
  checkWindow(q.from, q.to);
  const head = { geography: q.geography, baseline: q.baseline };
  const span = await geographyMonthSpan(ctx.tx, ctx.actor.orgId, q.geography);
  // Months before the first case or after the last add nothing to either baseline (their
  // expected counts are 0), so the window is narrowed to the months with cases.
  const from = span && (!q.from || q.from < span.first) ? span.first : (q.from ?? null);
  const to = span && (!q.to || q.to > span.last) ? span.last : (q.to ?? null);
  if (!span || !from || !to || from > to) {
    return {
      ...head,
      from,
      to,
      replications: 0,
      clusters: [],
      giStar: [],
      notice: 'No cases in the period: nothing to scan.',
    };
  }
  const rows = await countryMonthCounts(ctx.tx, ctx.actor.orgId, q.geography, from, to);
  const series = monthlySeries(rows, 'country', from, to);
  const grid = {
    codes: series.map((s) => s.key.country!),
    periods: periodsBetween(from, to, 'month'),
    counts: series.map((s) => s.counts),
  };
  return { ...head, from, to, ...analyseHotspots(grid, q.baseline, options.minCell) };
}

/** Routes of the organisation's cases matching the filters, with Sankey links and shares. */
export async function getRoutes(
  ctx: ServiceContext,
  f: InsightFilters,
  options: AnalyticsOptions,
): Promise<RoutesResponse> {
  checkWindow(f.from, f.to);
  const rows = await routeCounts(ctx.tx, ctx.actor.orgId, f);
  return buildRoutes(
    rows.map((r) => ({
      origin: r.origin,
      transit: r.transit,
      destination: r.destination,
      count: r.n,
    })),
    options.minCell,
  );
}

/**
 * SDG 16.2.2 for one year (default: the latest with a detected victim): detected victims
 * (VICTIM_STATUSES) registered that year per 100,000 population, by sex, age and form.
 * Cases of unknown country are left out: they have no population to be a rate of.
 */
export async function getSdg(
  ctx: ServiceContext,
  q: { year?: string | undefined; geography: Geography },
  options: AnalyticsOptions,
): Promise<SdgResponse> {
  const year = q.year ?? (await latestYear(ctx.tx, ctx.actor.orgId, VICTIM_STATUSES));
  const head = {
    year,
    geography: q.geography,
    populationSource: POPULATION_SOURCE,
    minCell: options.minCell,
  };
  if (!year) return { ...head, rows: [] };
  const rows = await victimCounts(ctx.tx, ctx.actor.orgId, year, q.geography, VICTIM_STATUSES);
  return { ...head, rows: sdgRows(sdgInputs(rows), options.minCell, populationOf) };
}
