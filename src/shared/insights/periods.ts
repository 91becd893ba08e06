import { InsightsInputError } from './errors.ts';
import type { Granularity, Period } from './types.ts';

/**
 * Period labels: `YYYY-MM` for monthly series, `YYYY` for yearly ones. Arithmetic is on whole
 * months or years from year 0, so no time zone or calendar library is involved.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^(\d{4})$/;

/** True when `value` is a well-formed period of the granularity. */
export function isPeriod(value: string, granularity: Granularity): boolean {
  return (granularity === 'month' ? MONTH : YEAR).test(value);
}

/** The period's ordinal: months (year·12 + month − 1) or years since year 0. */
export function periodIndex(period: Period, granularity: Granularity): number {
  const m = (granularity === 'month' ? MONTH : YEAR).exec(period);
  if (!m) {
    const form = granularity === 'month' ? 'YYYY-MM' : 'YYYY';
    throw new InsightsInputError(`"${period}" is not a period as ${form}`);
  }
  return granularity === 'month' ? Number(m[1]) * 12 + Number(m[2]) - 1 : Number(m[1]);
}

/** The label of a period ordinal (the inverse of periodIndex). */
export function periodLabel(index: number, granularity: Granularity): Period {
  if (granularity === 'year') return String(index).padStart(4, '0');
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The period `i` steps after `start` (i may be negative). */
export function periodAt(start: Period, i: number, granularity: Granularity): Period {
  return periodLabel(periodIndex(start, granularity) + i, granularity);
}

/** Every period from `from` to `to`, both included; empty when `to` is before `from`. */
export function periodsBetween(from: Period, to: Period, granularity: Granularity): Period[] {
  const a = periodIndex(from, granularity);
  const b = periodIndex(to, granularity);
  const out: Period[] = [];
  for (let i = a; i <= b; i++) out.push(periodLabel(i, granularity));
  return out;
}
