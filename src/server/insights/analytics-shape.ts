import type { Gender } from '../../shared/codes/htcds.ts';
import { m49Area } from '../../shared/codes/m49.ts';
import { periodIndex, periodsBetween } from '../../shared/insights/periods.ts';
import type { SdgInput } from '../../shared/insights/sdg.ts';
import type { Period, Series, TrendAlert } from '../../shared/insights/types.ts';
import type { MonthCount, VictimCount } from './analytics.repo.ts';

// Pure shaping between the analytics queries (analytics.repo.ts) and the engines of
// src/shared/insights: series from count rows, the order and withholding of alerts, and the
// SDG 16.2.2 groups (docs/insights.md).

/** The previous calendar month (UTC) of `now`: the last complete month. */
export function lastCompleteMonth(now: Date): Period {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth(); // 0-based: the previous month's 1-based number
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

/** The M49 sub-region of a country (src/shared/codes/m49.ts), e.g. `Sub-Saharan Africa`. */
export const subRegionOf = (country: string): string | undefined => m49Area(country)?.subRegion;

/**
 * Monthly series from count rows, one per key, from `start` to `end` (both included), a month
 * with no row being zero (types.ts: series have no gaps). `group` maps a row's key to the
 * series it belongs to (e.g. a country to its sub-region); undefined drops the row. Rows outside
 * the months are ignored. Sorted by key, so that the output does not depend on row order.
 */
export function monthlySeries(
  rows: readonly MonthCount[],
  keyName: string,
  start: Period,
  end: Period,
  group: (key: string) => string | undefined = (k) => k,
): Series[] {
  const months = periodsBetween(start, end, 'month');
  if (months.length === 0) return [];
  const first = periodIndex(start, 'month');
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    const key = group(r.key);
    const i = periodIndex(r.month, 'month') - first;
    if (key === undefined || i < 0 || i >= months.length) continue;
    let counts = byKey.get(key);
    if (!counts) byKey.set(key, (counts = new Array<number>(months.length).fill(0)));
    counts[i]! += r.n;
  }
  return [...byKey.keys()].sort().map((key) => ({
    key: { [keyName]: key },
    granularity: 'month',
    start,
    counts: byKey.get(key)!,
  }));
}

/** How far above its threshold an alert is; an alert over a zero threshold ranks first. */
const excess = (a: TrendAlert): number =>
  a.threshold > 0 ? a.observed / a.threshold : Number.MAX_VALUE;

const keyText = (a: TrendAlert): string =>
  Object.entries(a.key)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/**
 * The alerts to send: newest period first, then by observed / threshold (largest first), then
 * by key and method so that the order is stable. An alert whose observed count is under the
 * small-cell threshold is withheld (its observed and expected counts would disclose a handful
 * of persons; Hundepool et al., Statistical Disclosure Control, 2012, ch. 4) and only counted.
 */
export function orderAlerts(
  alerts: readonly TrendAlert[],
  minCell: number,
): { alerts: TrendAlert[]; withheld: number } {
  const shown = alerts.filter((a) => a.observed >= minCell);
  shown.sort(
    (a, b) =>
      b.period.localeCompare(a.period) ||
      excess(b) - excess(a) ||
      keyText(a).localeCompare(keyText(b)) ||
      a.method.localeCompare(b.method),
  );
  return { alerts: shown, withheld: alerts.length - shown.length };
}

/**
 * The trafficking statuses counted as detected victims for SDG 16.2.2: presumed (possible) and
 * confirmed (actual) victims. The indicator counts victims "detected" by the authorities
 * (UN SDG metadata 16.2.2, UNODC: "detected victims of human trafficking"), which UNODC's
 * Global Report takes to include presumed victims identified as such; persons found not to be
 * victims are not counted.
 */
export const VICTIM_STATUSES = [
  'PossibleVictimOfTrafficking',
  'ActualVictimOfTrafficking',
] as const;

/**
 * prs_Gender (HTCDS 2.0) → the sex groups of SDG 16.2.2. HTCDS records gender identity, so a
 * transgender woman is counted with females and a transgender man with males; a person of
 * non-conforming or unrecorded gender is 'other' (the indicator's female and male rows are then
 * exactly the persons recorded as such).
 */
export const SEX_OF_GENDER: Readonly<Record<Gender, SdgInput['sex']>> = {
  Feminine: 'female',
  TransgenderFeminine: 'female',
  Masculine: 'male',
  TransgenderMasculine: 'male',
  NonConforming: 'other',
  NonSpecifiedUnknown: 'other',
};

/** CTDC ageBroad bands (migration 0018 spelling; the synthetic layout writes 09--17). */
const CHILD_BANDS = new Set(['0--8', '9--17', '09--17']);
const ADULT_BANDS = new Set(['18--20', '21--23', '24--26', '27--29', '30--38', '39--47', '48+']);

/**
 * An age band at registration → the SDG age group: a child is under 18 (UN Convention on the
 * Rights of the Child, art. 1; UN SDG metadata 16.2.2 disaggregates "by age: children and
 * adults"). Any other value (unknown, missing, or generalised to a range) is unknown.
 */
export function ageGroupOf(band: string): SdgInput['age'] {
  if (CHILD_BANDS.has(band)) return 'child';
  if (ADULT_BANDS.has(band)) return 'adult';
  return 'unknown';
}

/** Victim count rows → SDG inputs, rows falling in the same group summed. */
export function sdgInputs(rows: readonly VictimCount[]): SdgInput[] {
  const out = new Map<string, SdgInput>();
  for (const r of rows) {
    const sex = SEX_OF_GENDER[r.gender as Gender] ?? 'other';
    const age = ageGroupOf(r.ageBand);
    const forms = [...r.exploitation].sort();
    const id = [r.country, sex, age, forms.join('+')].join('|');
    const seen = out.get(id);
    if (seen) seen.count += r.n;
    else out.set(id, { country: r.country, sex, age, forms, count: r.n });
  }
  return [...out.values()];
}
