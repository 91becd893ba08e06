/**
 * Trend alerts for many series: each series gets the methods its history supports (issue 7;
 * docs/insights.md) and every alarm in its last N periods becomes a self-explaining TrendAlert.
 *
 * Default choice per examined period t of a monthly series: Farrington flexible when it has a
 * model (3 years before t and 5 reference cases) — the method Noufaily et al. 2013 found best on
 * long histories — else EARS C1, C2 and C3 as far as the history allows (7, 9, 11 periods;
 * Hutwagner et al. 2003: EARS was built for short histories); plus the NB CUSUM for sustained
 * rises whenever 12 periods precede t; each stricter than alone, so that the pair beats R's
 * farringtonFlexible on false alarms too (PRODUCT_SETTINGS in assess-series.ts). Yearly series: EARS only (too few periods a year for a
 * seasonal model or a chart).
 */
import { InsightsInputError } from '../errors.ts';
import { periodAt } from '../periods.ts';
import type { Granularity, Series, TrendAlert, TrendMethod } from '../types.ts';
import { assessSeries, checkCounts } from './assess-series.ts';
import type { Verdict } from './verdict.ts';

export interface TrendOptions {
  /** Examine the last N periods of each series (default 3). */
  last?: number;
  /** Restrict to these methods; default: each series gets the methods its history supports. */
  methods?: readonly TrendMethod[];
}

const METHOD_NAME: Record<TrendMethod, string> = {
  'ears-c1': 'EARS C1',
  'ears-c2': 'EARS C2',
  'ears-c3': 'EARS C3',
  farrington: 'Farrington flexible',
  'nb-cusum': 'negative-binomial CUSUM',
};

const EARS: readonly TrendMethod[] = ['ears-c1', 'ears-c2', 'ears-c3'];

/** The default methods' verdicts at t, in the order they are reported. */
function defaultVerdicts(
  counts: readonly number[],
  t: number,
  granularity: Granularity,
): [TrendMethod, Verdict][] {
  const out: [TrendMethod, Verdict][] = [];
  const add = (method: TrendMethod) => {
    const v = assessSeries(counts, method, t, granularity);
    if (v) out.push([method, v]);
    return v !== null;
  };
  if (granularity === 'year') {
    EARS.forEach(add);
    return out;
  }
  if (!add('farrington')) EARS.forEach(add);
  add('nb-cusum');
  return out;
}

const keyLabel = (key: Readonly<Record<string, string>>): string =>
  Object.entries(key)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** One decimal, rounded down, so the note never shows a threshold at or above the count. */
const down1 = (x: number): string => (Math.floor(x * 10) / 10).toFixed(1);

function note(
  observed: number,
  period: string,
  method: TrendMethod,
  v: Verdict,
  from: string,
  to: string,
  granularity: Granularity,
): string {
  const periods = v.historyTo - v.historyFrom + 1;
  const unit = granularity === 'month' ? 'month' : 'year';
  const cases = `${observed} ${observed === 1 ? 'case' : 'cases'}`;
  const history = `${periods} ${unit}${periods === 1 ? '' : 's'} of history, ${from}..${to}`;
  const why =
    method === 'nb-cusum'
      ? `the ${METHOD_NAME[method]} (a sustained rise towards twice the expected count) would alarm above ${down1(v.threshold)} given the excess of the months before`
      : `the ${METHOD_NAME[method]} threshold was ${down1(v.threshold)}`;
  return `${cases} in ${period} against ${v.expected.toFixed(1)} expected; ${why} (${history})`;
}

/** Every alarm raised in the last N periods of each series, oldest first within a series. */
export function detectTrends(series: readonly Series[], options: TrendOptions = {}): TrendAlert[] {
  const last = options.last ?? 3;
  if (!Number.isInteger(last) || last < 1) {
    throw new InsightsInputError(
      `last must be a whole number above 0, got ${String(last)}`,
      undefined,
      'last',
    );
  }
  const alerts: TrendAlert[] = [];
  for (const s of series) {
    checkCounts(s.counts, `series ${keyLabel(s.key)}`);
    const label = (i: number) => periodAt(s.start, i, s.granularity);
    for (let t = Math.max(0, s.counts.length - last); t < s.counts.length; t++) {
      const verdicts: [TrendMethod, Verdict][] = options.methods
        ? options.methods.flatMap((m) => {
            const v = assessSeries(s.counts, m, t, s.granularity);
            return v ? [[m, v] as [TrendMethod, Verdict]] : [];
          })
        : defaultVerdicts(s.counts, t, s.granularity);
      for (const [method, v] of verdicts) {
        if (!v.alarm) continue;
        const period = label(t);
        const from = label(v.historyFrom);
        const to = label(v.historyTo);
        alerts.push({
          key: s.key,
          period,
          method,
          observed: s.counts[t]!,
          expected: v.expected,
          threshold: v.threshold,
          history: { from, to, periods: v.historyTo - v.historyFrom + 1 },
          note: note(s.counts[t]!, period, method, v, from, to, s.granularity),
        });
      }
    }
  }
  return alerts;
}
