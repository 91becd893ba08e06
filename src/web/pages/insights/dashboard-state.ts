import {
  AGE_BANDS,
  type Dashboard,
  INSIGHT_DIMENSIONS,
  PUBLIC_GENDERS,
  type InsightDimension,
} from '../../../shared/api/insights.schema.ts';
import { isCountryCode } from '../../../shared/codes/countries.ts';
import { EXPLOITATION_TYPES, GENDERS, TRAFFICKING_STATUSES } from '../../../shared/codes/htcds.ts';
import type { DashboardParams, PublicDashboardParams } from '../../api/insights-api.ts';
import { queryString } from '../../api/insights-api.ts';

/**
 * The dashboard's state as kept in the URL (so a view can be bookmarked, shared and reloaded):
 * what to group by, the period, the filters and the drill-down path. Only codes and periods go
 * there, never anything about a person. Pure, so it is unit-tested.
 */

export const FILTER_KEYS = [...INSIGHT_DIMENSIONS, 'traffickingStatus'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Record<FilterKey, string[]>;

export type ChartStyle = 'line' | 'stacked';
/** Month periods (the organisation's dashboard) or years (a publication's, which is yearly). */
export type PeriodForm = 'month' | 'year';

export interface DashboardState {
  by: InsightDimension;
  granularity: 'month' | 'year';
  chart: ChartStyle;
  /** '' when not set (the server picks the range). */
  from: string;
  to: string;
  filters: Filters;
  /** Dimensions drilled into, in order; each is filtered to exactly one value. */
  drill: InsightDimension[];
}

/**
 * The values each filter takes: HTCDS codes on the organisation's dashboard; on a publication's
 * (CTDC layouts) CTDC's four genders and no trafficking status, which the layouts lack.
 */
export const FILTER_VALUES: Record<PeriodForm, Record<FilterKey, readonly string[] | null>> = {
  month: {
    exploitation: EXPLOITATION_TYPES,
    gender: GENDERS,
    ageBand: AGE_BANDS,
    citizenship: null,
    countryOfExploitation: null,
    traffickingStatus: TRAFFICKING_STATUSES,
  },
  year: {
    exploitation: EXPLOITATION_TYPES,
    gender: PUBLIC_GENDERS,
    ageBand: AGE_BANDS,
    citizenship: null,
    countryOfExploitation: null,
    traffickingStatus: [],
  },
};

/**
 * True when `key` can be a filter value of `filter` (null lists: an ISO alpha-2 code); a
 * country's 'unknown' or a region a publication generalised to cannot.
 */
export function isFilterValue(form: PeriodForm, filter: FilterKey, key: string): boolean {
  const values = FILTER_VALUES[form][filter];
  return values === null ? isCountryCode(key) : values.includes(key);
}

const PERIOD: Record<PeriodForm, RegExp> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  year: /^\d{4}$/,
};

export const isPeriodOf = (form: PeriodForm, value: string): boolean => PERIOD[form].test(value);

const isDimension = (v: string | null): v is InsightDimension =>
  v !== null && (INSIGHT_DIMENSIONS as readonly string[]).includes(v);

export const emptyFilters = (): Filters =>
  Object.fromEntries(FILTER_KEYS.map((k) => [k, []])) as unknown as Filters;

/** Reads the state from the query string; unknown or malformed values are left out. */
export function readDashboardState(search: URLSearchParams, form: PeriodForm): DashboardState {
  const filters = emptyFilters();
  for (const key of FILTER_KEYS) {
    filters[key] = [...new Set(search.getAll(key).filter((v) => isFilterValue(form, key, v)))];
  }
  const period = (name: string) => {
    const v = search.get(name) ?? '';
    return isPeriodOf(form, v) ? v : '';
  };
  const by = search.get('by');
  const drill: InsightDimension[] = [];
  for (const d of search.getAll('drill')) {
    // A step stands while its dimension is filtered to one value (the form may have changed it).
    if (!isDimension(d) || drill.includes(d) || filters[d].length !== 1) break;
    drill.push(d);
  }
  return {
    by: isDimension(by) ? by : 'exploitation',
    granularity: form === 'year' || search.get('granularity') === 'year' ? 'year' : 'month',
    chart: search.get('chart') === 'stacked' ? 'stacked' : 'line',
    from: period('from'),
    to: period('to'),
    filters,
    drill,
  };
}

/** The query string of a state (defaults left out, keys sorted). */
export function dashboardSearch(state: DashboardState, form: PeriodForm): string {
  return queryString({
    by: state.by,
    granularity: form === 'month' && state.granularity === 'year' ? 'year' : undefined,
    chart: state.chart === 'stacked' ? 'stacked' : undefined,
    from: state.from,
    to: state.to,
    drill: state.drill,
    ...state.filters,
  });
}

/** The API query of the organisation's dashboard. */
export function dashboardParams(state: DashboardState): DashboardParams {
  return {
    by: state.by,
    granularity: state.granularity,
    ...(state.from ? { from: state.from } : {}),
    ...(state.to ? { to: state.to } : {}),
    ...nonEmpty(state.filters),
  };
}

/** The API query of a publication's (yearly) dashboard. */
export function publicDashboardParams(state: DashboardState): PublicDashboardParams {
  const { traffickingStatus: _none, ...filters } = state.filters;
  return {
    by: state.by,
    ...(state.from ? { from: state.from } : {}),
    ...(state.to ? { to: state.to } : {}),
    ...nonEmpty(filters),
  };
}

const nonEmpty = (filters: Partial<Filters>) =>
  Object.fromEntries(Object.entries(filters).filter(([, v]) => v.length > 0));

/**
 * The dimension a drill-down moves to: the next one after `by` in the usual order (type,
 * sex, age, citizenship, country of exploitation), going round, that is not filtered yet.
 */
export function nextDimension(state: DashboardState): InsightDimension | null {
  const at = INSIGHT_DIMENSIONS.indexOf(state.by);
  for (let step = 1; step < INSIGHT_DIMENSIONS.length; step++) {
    const d = INSIGHT_DIMENSIONS[(at + step) % INSIGHT_DIMENSIONS.length]!;
    if (state.filters[d].length === 0) return d;
  }
  return null;
}

/** True when a series of the current grouping can be drilled into. */
export const canDrill = (state: DashboardState, form: PeriodForm, key: string): boolean =>
  isFilterValue(form, state.by, key) && nextDimension(state) !== null;

/** Drills into one value of the current grouping: it becomes a filter, `by` moves on. */
export function drillInto(state: DashboardState, form: PeriodForm, key: string): DashboardState {
  const next = nextDimension(state);
  if (next === null || !isFilterValue(form, state.by, key)) return state;
  return {
    ...state,
    by: next,
    filters: { ...state.filters, [state.by]: [key] },
    drill: [...state.drill, state.by],
  };
}

/**
 * Goes back to `depth` steps of the drill-down (0: before the first): the later steps' filters
 * are removed and `by` returns to the dimension drilled into at that step.
 */
export function drillBack(state: DashboardState, depth: number): DashboardState {
  if (depth >= state.drill.length) return state;
  const filters = { ...state.filters };
  for (const d of state.drill.slice(depth)) filters[d] = [];
  return { ...state, by: state.drill[depth]!, filters, drill: state.drill.slice(0, depth) };
}

/** True when no case matches: the page says so instead of drawing empty charts. */
export const isEmpty = (d: Dashboard): boolean => d.total.count === 0 && !d.total.suppressed;

/** True when no count above zero can be shown: every case is in a suppressed cell. */
export const allSuppressed = (d: Dashboard): boolean =>
  !d.series.some((s) => s.cells.some((c) => !c.suppressed && (c.count ?? 0) > 0));
