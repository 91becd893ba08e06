import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../shared/api/insights.schema.ts';
import {
  allSuppressed,
  canDrill,
  dashboardParams,
  dashboardSearch,
  drillBack,
  drillInto,
  isEmpty,
  nextDimension,
  publicDashboardParams,
  readDashboardState,
} from './dashboard-state.ts';

const read = (q: string, form: 'month' | 'year' = 'month') =>
  readDashboardState(new URLSearchParams(q), form);

describe('the dashboard state in the URL', () => {
  it('reads defaults from an empty query', () => {
    const s = read('');
    expect(s).toMatchObject({
      by: 'exploitation',
      granularity: 'month',
      chart: 'line',
      from: '',
      to: '',
      drill: [],
    });
    expect(dashboardSearch(s, 'month')).toBe('?by=exploitation');
  });

  it('keeps known codes and well-formed periods, and drops anything else', () => {
    const s = read(
      'by=gender&from=2024-01&to=2024-13&gender=Feminine&gender=Robot&citizenship=MD&citizenship=unknown&ageBand=48%2B&granularity=year&chart=stacked',
    );
    expect(s.by).toBe('gender');
    expect(s.from).toBe('2024-01');
    expect(s.to).toBe('');
    expect(s.filters.gender).toEqual(['Feminine']);
    expect(s.filters.citizenship).toEqual(['MD']);
    expect(s.filters.ageBand).toEqual(['48+']);
    expect(s).toMatchObject({ granularity: 'year', chart: 'stacked' });
    expect(read(dashboardSearch(s, 'month').slice(1))).toEqual(s);
  });

  it('sends only what is set to the API; the public one has years and no trafficking status', () => {
    const s = read(
      'by=ageBand&from=2023-02&exploitation=ForcedLabour&traffickingStatus=ActualVictimOfTrafficking',
    );
    expect(dashboardParams(s)).toEqual({
      by: 'ageBand',
      granularity: 'month',
      from: '2023-02',
      exploitation: ['ForcedLabour'],
      traffickingStatus: ['ActualVictimOfTrafficking'],
    });
    const p = read(
      'by=gender&from=2019&to=2021&gender=Transgender&traffickingStatus=ActualVictimOfTrafficking',
      'year',
    );
    expect(p.granularity).toBe('year');
    expect(publicDashboardParams(p)).toEqual({
      by: 'gender',
      from: '2019',
      to: '2021',
      gender: ['Transgender'],
    });
    // CTDC's Transgender is no HTCDS gender: not a filter of the organisation's dashboard.
    expect(read('gender=Transgender').filters.gender).toEqual([]);
  });

  it('drills into a value: it becomes a filter and `by` moves to the next unfiltered dimension', () => {
    const s = read('by=exploitation&gender=Masculine');
    expect(nextDimension(s)).toBe('ageBand');
    const d = drillInto(s, 'month', 'ForcedLabour');
    expect(d).toMatchObject({ by: 'ageBand', drill: ['exploitation'] });
    expect(d.filters.exploitation).toEqual(['ForcedLabour']);
    const dd = drillInto(d, 'month', '18--20');
    expect(dd).toMatchObject({ by: 'citizenship', drill: ['exploitation', 'ageBand'] });
    // The path survives the URL.
    expect(read(dashboardSearch(dd, 'month').slice(1))).toEqual(dd);
  });

  it('goes back along the breadcrumb, removing the later steps’ filters', () => {
    const dd = drillInto(
      drillInto(read('by=exploitation'), 'month', 'ForcedLabour'),
      'month',
      'Feminine',
    );
    const back1 = drillBack(dd, 1);
    expect(back1).toMatchObject({ by: 'gender', drill: ['exploitation'] });
    expect(back1.filters).toMatchObject({ exploitation: ['ForcedLabour'], gender: [] });
    const root = drillBack(dd, 0);
    expect(root).toMatchObject({ by: 'exploitation', drill: [] });
    expect(root.filters).toMatchObject({ exploitation: [], gender: [] });
  });

  it('offers no drill-down on "unknown" or when every other dimension is filtered', () => {
    const s = read('by=citizenship');
    expect(canDrill(s, 'month', 'unknown')).toBe(false);
    expect(canDrill(s, 'month', 'MD')).toBe(true);
    const full = read(
      'by=exploitation&gender=Feminine&ageBand=0--8&citizenship=MD&countryOfExploitation=RO',
    );
    expect(nextDimension(full)).toBeNull();
    expect(canDrill(full, 'month', 'ForcedLabour')).toBe(false);
    expect(drillInto(full, 'month', 'ForcedLabour')).toBe(full);
  });

  it('forgets a drill step whose filter the form changed', () => {
    const s = read('by=gender&drill=exploitation&exploitation=ForcedLabour&exploitation=Other');
    expect(s.drill).toEqual([]);
  });
});

describe('the empty and all-suppressed states', () => {
  const hidden = { count: null, suppressed: true };
  const n = (count: number) => ({ count, suppressed: false });
  const board = (over: Partial<Dashboard>): Dashboard => ({
    by: 'exploitation',
    granularity: 'month',
    periods: ['2025-01', '2025-02'],
    series: [],
    totals: [n(0), n(0)],
    total: n(0),
    minCell: 5,
    ...over,
  });

  it('is empty when no case matches, not when the total is suppressed', () => {
    expect(isEmpty(board({}))).toBe(true);
    expect(isEmpty(board({ total: hidden }))).toBe(false);
    expect(isEmpty(board({ total: n(7) }))).toBe(false);
  });

  it('is all suppressed when no cell above zero can be shown', () => {
    const small = { key: 'A', cells: [hidden, n(0)], total: hidden };
    expect(allSuppressed(board({ series: [small], total: hidden }))).toBe(true);
    const shown = { key: 'B', cells: [n(0), n(6)], total: n(6) };
    expect(allSuppressed(board({ series: [small, shown], total: n(9) }))).toBe(false);
  });
});
