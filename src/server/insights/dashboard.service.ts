import type {
  Dashboard,
  DashboardQuery,
  InsightDimension,
} from '../../shared/api/insights.schema.ts';
import { periodAt, periodIndex, periodsBetween } from '../../shared/insights/periods.ts';
import { suppressTable } from '../../shared/insights/suppress-table.ts';
import type { Granularity, Period } from '../../shared/insights/types.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import type { CountRow } from './dashboard.repo.ts';
import { dashboardCounts, firstMonth } from './dashboard.repo.ts';

/**
 * Without `from`, a dashboard starts at the organisation's first month with cases (whatever the
 * filters: drilling down keeps the periods), but at most this many months before `to` (ten
 * years), so that one very old registration date does not stretch every chart; `from` reaches
 * further.
 */
export const DEFAULT_SPAN_MONTHS = 120;
/** The longest range a dashboard answers (100 years of months). */
export const MAX_MONTHS = 1200;

export interface DashboardInput {
  by: InsightDimension;
  granularity: Granularity;
  /** Every period of the dashboard, oldest first (dense: periods without cases included). */
  periods: readonly Period[];
  /** Cases per period and key; `key` null for a period's total (each case once). */
  rows: readonly CountRow[];
  minCell: number;
}

/**
 * The dashboard from its counts: one series per key, zeros filled, largest first, small cells
 * suppressed with their margins (suppress-table.ts). Shared by the organisation's dashboard and
 * the public one over a released publication.
 */
export function buildDashboard(d: DashboardInput): Dashboard {
  const at = new Map(d.periods.map((p, i) => [p, i]));
  const periodTotals = d.periods.map(() => 0);
  const series = new Map<string, number[]>();
  for (const r of d.rows) {
    const i = at.get(r.period);
    if (i === undefined) continue;
    if (r.key === null) {
      periodTotals[i]! += r.n;
      continue;
    }
    let counts = series.get(r.key);
    if (!counts) series.set(r.key, (counts = d.periods.map(() => 0)));
    counts[i]! += r.n;
  }
  const keys = [...series.keys()];
  const cells = keys.map((k) => series.get(k)!);
  const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
  const seriesTotals = cells.map(sum);
  const t = suppressTable(
    { cells, seriesTotals, periodTotals, total: sum(periodTotals) },
    d.minCell,
  );
  const order = keys.map((_, i) => i);
  // Largest first by the totals as shown: a suppressed total sorts after every shown one (by
  // key), so that the order does not tell which of two hidden totals is larger.
  order.sort((a, b) => {
    const ca = t.seriesTotals[a]!.count;
    const cb = t.seriesTotals[b]!.count;
    if (ca !== null && cb !== null && ca !== cb) return cb - ca;
    if ((ca === null) !== (cb === null)) return ca === null ? 1 : -1;
    return keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0;
  });
  return {
    by: d.by,
    granularity: d.granularity,
    periods: [...d.periods],
    series: order.map((i) => ({ key: keys[i]!, cells: t.cells[i]!, total: t.seriesTotals[i]! })),
    totals: t.periodTotals,
    total: t.total,
    minCell: d.minCell,
  };
}

const invalid = (field: string, message: string) =>
  AppError.invalid([{ path: `querystring.${field}`, message }]);

/** The current month (UTC) as YYYY-MM. */
const monthOf = (now: Date) => now.toISOString().slice(0, 7);

/** The months a query covers: `from` as asked or by default (DEFAULT_SPAN_MONTHS), `to` as asked or this month. */
export async function resolveMonths(
  q: Pick<DashboardQuery, 'from' | 'to'>,
  now: Date,
  first: () => Promise<string | null>,
): Promise<{ from: string; to: string }> {
  const to = q.to ?? monthOf(now);
  let from = q.from;
  if (from === undefined) {
    const floor = periodAt(to, -(DEFAULT_SPAN_MONTHS - 1), 'month');
    const f = await first();
    from = f === null || f > to ? to : f < floor ? floor : f;
  }
  if (from > to) throw invalid('from', 'must not be after `to`');
  if (periodIndex(to, 'month') - periodIndex(from, 'month') >= MAX_MONTHS) {
    throw invalid('from', `the range must be at most ${MAX_MONTHS} months`);
  }
  return { from, to };
}

/** The periods of a month range at a granularity (a year period covers the months in range). */
export function periodsOf(from: string, to: string, granularity: Granularity): Period[] {
  return granularity === 'month'
    ? periodsBetween(from, to, 'month')
    : periodsBetween(from.slice(0, 4), to.slice(0, 4), 'year');
}

/**
 * The organisation’s dashboard (insights:read). Reads the count tables only, under the request’s
 * row-level security. No audit entry: these are counts of coded fields with small cells
 * suppressed, which identify nobody — as the case list, which carries no identifying data and
 * is not audited either (cases.service.ts, `listCases`); reads of a person's identity are.
 */
export async function getDashboard(
  ctx: ServiceContext,
  q: DashboardQuery,
  minCell: number,
): Promise<Dashboard> {
  const orgId = ctx.actor.orgId;
  const { by, granularity } = q;
  const filters = {
    exploitation: q.exploitation,
    gender: q.gender,
    ageBand: q.ageBand,
    citizenship: q.citizenship,
    countryOfExploitation: q.countryOfExploitation,
    traffickingStatus: q.traffickingStatus,
  };
  const range = await resolveMonths(q, ctx.clock.now(), () =>
    firstMonth(ctx.tx, orgId, nextMonthStart(q.to ?? monthOf(ctx.clock.now()))),
  );
  const rows = await dashboardCounts(ctx.tx, {
    orgId,
    by,
    granularity,
    start: `${range.from}-01`,
    endExclusive: nextMonthStart(range.to),
    filters,
  });
  return buildDashboard({
    by,
    granularity,
    periods: periodsOf(range.from, range.to, granularity),
    rows,
    minCell,
  });
}

/** The first day of the month after `month` (YYYY-MM) as an ISO date. */
const nextMonthStart = (month: string) => `${periodAt(month, 1, 'month')}-01`;
