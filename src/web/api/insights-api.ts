import type { z } from 'zod';
import type {
  AlertsQuery,
  AlertsResponse,
  Dashboard,
  DashboardQuery,
  HotspotsQuery,
  HotspotsResponse,
  InsightFilters,
  PublicDashboardQuery,
  RoutesResponse,
  SdgQuery,
  SdgResponse,
} from '../../shared/api/insights.schema.ts';
import { request } from './client.ts';

/** A query as the pages build it: every parameter optional (the server applies the defaults). */
type Params<S extends z.ZodType> = Partial<z.output<S>>;
export type DashboardParams = Partial<DashboardQuery>;
export type FilterParams = Partial<InsightFilters>;
export type AlertsParams = Params<typeof AlertsQuery>;
export type HotspotsParams = Params<typeof HotspotsQuery>;
export type SdgParams = Params<typeof SdgQuery>;
/** A publication's dashboard is yearly: `from` and `to` are years (YYYY), no granularity. */
export type PublicDashboardParams = Partial<PublicDashboardQuery>;

type QueryValue = string | number | readonly string[] | undefined;

/**
 * `?a=1&b=x&b=y`: a list repeats its parameter (as InsightFilters reads it); empty values are
 * left out. Keys are sorted, so one query always gives one URL (and one cache key).
 */
export function queryString(params: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === undefined || value === '') continue;
    if (typeof value === 'string' || typeof value === 'number') search.append(key, String(value));
    else for (const v of value) search.append(key, v);
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

const get = <T>(path: string, params: object) =>
  request<T>('GET', `${path}${queryString(params as Record<string, QueryValue>)}`);

/** The organisation's own figures (insights:read; docs/insights.md). Small cells come suppressed. */
export const insightsApi = {
  dashboard: (q: DashboardParams) => get<Dashboard>('/insights/dashboard', q),
  alerts: (q: AlertsParams = {}) => get<AlertsResponse>('/insights/alerts', q),
  hotspots: (q: HotspotsParams = {}) => get<HotspotsResponse>('/insights/hotspots', q),
  routes: (q: FilterParams = {}) => get<RoutesResponse>('/insights/routes', q),
  sdg: (q: SdgParams = {}) => get<SdgResponse>('/insights/sdg', q),
};

const publication = (id: string, tail: string) =>
  `/public/publications/${encodeURIComponent(id)}/insights/${tail}`;

/** The same figures over a released hub publication, readable without a session (yearly). */
export const publicInsightsApi = {
  dashboard: (id: string, q: PublicDashboardParams) =>
    get<Dashboard>(publication(id, 'dashboard'), q),
  routes: (id: string) => get<RoutesResponse>(publication(id, 'routes'), {}),
  sdg: (id: string, q: SdgParams = {}) => get<SdgResponse>(publication(id, 'sdg'), q),
};
