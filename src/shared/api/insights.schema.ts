import { z } from 'zod';
import { EXPLOITATION_TYPES, GENDERS, TRAFFICKING_STATUSES } from '../codes/htcds.ts';
import { CTDC_AGE_BANDS } from '../hub/ctdc/global-layout.ts';
import { TREND_METHODS } from '../insights/types.ts';
import { CountryCode } from './common.schema.ts';

/**
 * Understand (docs/insights.md): dashboards over an organisation's own cases and over the data
 * hub's released microdata, trend alerts, hot spots, routes and SDG indicator 16.2.2. Every count
 * below the small-cell threshold is sent as suppressed (count null), never as its number.
 */

// ---- vocabulary ------------------------------------------------------------------------------

/** What a dashboard groups by. */
export const INSIGHT_DIMENSIONS = [
  'exploitation',
  'gender',
  'ageBand',
  'citizenship',
  'countryOfExploitation',
] as const;
export const InsightDimension = z.enum(INSIGHT_DIMENSIONS, {
  message: `must be one of: ${INSIGHT_DIMENSIONS.join(', ')}`,
});
export type InsightDimension = z.infer<typeof InsightDimension>;

/** CTDC ageBroad bands (as migration 0018 and the CTDC layout spell them) and 'unknown'. */
export const AGE_BANDS = [...CTDC_AGE_BANDS, 'unknown'] as const;
export const AgeBand = z.enum(AGE_BANDS, { message: `must be one of: ${AGE_BANDS.join(', ')}` });

/**
 * Counts from 1 to this − 1 are suppressed; 0 is shown (an empty cell discloses nobody). Five is
 * the common rule for tables of persons (e.g. the CDC/NCHS and ONS rules of small numbers);
 * LANTERN_INSIGHTS_MIN_CELL changes it.
 */
export const DEFAULT_MIN_CELL = 5;

export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month as YYYY-MM' });
export const Year = z.string().regex(/^\d{4}$/, { message: 'must be a year as YYYY' });

/** A count as sent: the number, or null when suppressed. */
export const Cell = z
  .object({
    count: z.number().int().nullable(),
    suppressed: z.boolean(),
  })
  .meta({ id: 'InsightCell' });
export type Cell = z.infer<typeof Cell>;

// ---- dashboards ------------------------------------------------------------------------------

const list = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[])
    .optional();

/** Filters shared by every dashboard query (repeat a parameter to allow several values). */
export const InsightFilters = z.strictObject({
  from: Month.optional().meta({ description: 'First month (inclusive)' }),
  to: Month.optional().meta({ description: 'Last month (inclusive)' }),
  exploitation: list(z.enum(EXPLOITATION_TYPES)),
  gender: list(z.enum(GENDERS)),
  ageBand: list(AgeBand),
  citizenship: list(CountryCode),
  countryOfExploitation: list(CountryCode),
  traffickingStatus: list(z.enum(TRAFFICKING_STATUSES)),
});
export type InsightFilters = z.infer<typeof InsightFilters>;

export const DashboardQuery = InsightFilters.extend({
  by: InsightDimension.default('exploitation'),
  granularity: z.enum(['month', 'year']).default('month'),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const DashboardSeries = z.object({
  /** The dimension's code (an HTCDS value, an age band, an alpha-2 code, or 'unknown'). */
  key: z.string(),
  cells: z.array(Cell).meta({ description: 'One per period, in `periods` order' }),
  total: Cell,
});

export const Dashboard = z
  .object({
    by: InsightDimension,
    granularity: z.enum(['month', 'year']),
    periods: z.array(z.string()),
    /** Largest first. A case with several exploitation types is in each of their series. */
    series: z.array(DashboardSeries),
    /** Cases per period (each case once). */
    totals: z.array(Cell),
    total: Cell,
    minCell: z.number().int(),
  })
  .meta({ id: 'InsightDashboard' });
export type Dashboard = z.infer<typeof Dashboard>;

// ---- trend alerts ----------------------------------------------------------------------------

export const ALERT_LEVELS = ['country', 'region', 'exploitation'] as const;
export const AlertsQuery = z.strictObject({
  level: z.enum(ALERT_LEVELS).default('country'),
  last: z.coerce.number().int().min(1).max(24).default(3),
});

export const TrendAlertOut = z
  .object({
    key: z.record(z.string(), z.string()),
    period: z.string(),
    method: z.enum(TREND_METHODS),
    observed: z.number(),
    expected: z.number(),
    threshold: z.number(),
    history: z.object({ from: z.string(), to: z.string(), periods: z.number().int() }),
    note: z.string(),
  })
  .meta({ id: 'TrendAlert' });

export const AlertsResponse = z
  .object({
    level: z.enum(ALERT_LEVELS),
    asOf: z.string().meta({ description: 'The last complete month examined' }),
    seriesExamined: z.number().int(),
    alerts: z.array(TrendAlertOut),
    /**
     * Alerts left out because their observed count is under the small-cell threshold: sending
     * observed and expected would disclose a small number of persons.
     */
    withheld: z.number().int(),
  })
  .meta({ id: 'TrendAlerts' });
export type AlertsResponse = z.infer<typeof AlertsResponse>;

// ---- hot spots -------------------------------------------------------------------------------

export const HotspotsQuery = z.strictObject({
  from: Month.optional(),
  to: Month.optional(),
  geography: z.enum(['countryOfExploitation', 'citizenship']).default('countryOfExploitation'),
  baseline: z.enum(['expected', 'population']).default('expected'),
});

export const ScanClusterOut = z
  .object({
    countries: z.array(z.string()),
    start: z.string(),
    end: z.string(),
    observed: z.number(),
    expected: z.number(),
    relativeRisk: z.number(),
    logLikelihoodRatio: z.number(),
    p: z.number(),
  })
  .meta({ id: 'ScanCluster' });

export const GiStarOut = z
  .object({
    country: z.string(),
    count: Cell,
    z: z.number(),
    p: z.number(),
    hot: z.boolean(),
    cold: z.boolean(),
  })
  .meta({ id: 'GiStar' });

export const HotspotsResponse = z
  .object({
    geography: z.enum(['countryOfExploitation', 'citizenship']),
    baseline: z.enum(['expected', 'population']),
    from: z.string().nullable(),
    to: z.string().nullable(),
    replications: z.number().int(),
    clusters: z.array(ScanClusterOut),
    giStar: z.array(GiStarOut),
    /** Why nothing could be computed (too few cases or regions), or null. */
    notice: z.string().nullable(),
  })
  .meta({ id: 'Hotspots' });
export type HotspotsResponse = z.infer<typeof HotspotsResponse>;

// ---- routes ----------------------------------------------------------------------------------

export const RoutesQuery = InsightFilters;

export const RouteFlow = z.object({
  origin: z.string().meta({ description: 'Citizenship (alpha-2)' }),
  transit: z
    .array(z.string())
    .meta({ description: 'Transit countries in order (hte_Type Transit)' }),
  destination: z.string().meta({ description: 'Country of exploitation (alpha-2)' }),
  count: Cell,
});

export const RoutesResponse = z
  .object({
    flows: z.array(RouteFlow),
    /** Sankey stages: nodes are `origin:XX`, `transit:N:XX` (the N-th stop), `destination:XX`. */
    links: z.array(z.object({ source: z.string(), target: z.string(), count: Cell })),
    domestic: Cell,
    crossBorder: Cell,
    unknown: Cell,
    /** Domestic share of the cases whose both ends are known (null when none, or suppressed). */
    domesticShare: z.number().nullable(),
    minCell: z.number().int(),
  })
  .meta({ id: 'Routes' });
export type RoutesResponse = z.infer<typeof RoutesResponse>;

// ---- SDG 16.2.2 ------------------------------------------------------------------------------

export const SdgQuery = z.strictObject({
  year: Year.optional().meta({ description: 'Default: the latest year with cases' }),
  geography: z.enum(['countryOfExploitation', 'citizenship']).default('countryOfExploitation'),
});

const Rate = z.object({ victims: Cell, per100k: z.number().nullable() });

export const SdgRow = z.object({
  country: z.string(),
  population: z.number().nullable(),
  total: Rate,
  bySex: z.object({ female: Rate, male: Rate, other: Rate }),
  byAge: z.object({ child: Rate, adult: Rate, unknown: Rate }),
  byForm: z.record(z.string(), Rate),
  /** Why no rate is given (population unknown or zero), or null. */
  notice: z.string().nullable(),
});

export const SdgResponse = z
  .object({
    year: z.string().nullable(),
    geography: z.enum(['countryOfExploitation', 'citizenship']),
    populationSource: z.string(),
    rows: z.array(SdgRow),
    minCell: z.number().int(),
  })
  .meta({ id: 'Sdg16_2_2' });
export type SdgResponse = z.infer<typeof SdgResponse>;

// ---- public dashboard ------------------------------------------------------------------------

/** Gender keys of the public dashboard: CTDC's Transgender covers three HTCDS values. */
export const PUBLIC_GENDERS = [
  'Feminine',
  'Masculine',
  'Transgender',
  'NonSpecifiedUnknown',
] as const;

/**
 * The dashboard over a released publication's records (CTDC layouts): yearly, from/to as
 * years; no trafficking status (the CTDC layouts have none).
 */
export const PublicDashboardQuery = z.strictObject({
  from: Year.optional().meta({ description: 'First year (inclusive)' }),
  to: Year.optional().meta({ description: 'Last year (inclusive)' }),
  by: InsightDimension.default('exploitation'),
  exploitation: list(z.enum(EXPLOITATION_TYPES)),
  gender: list(z.enum(PUBLIC_GENDERS)),
  ageBand: list(AgeBand),
  citizenship: list(CountryCode),
  countryOfExploitation: list(CountryCode),
});
export type PublicDashboardQuery = z.infer<typeof PublicDashboardQuery>;
