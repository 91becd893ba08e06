/** Formatting of the pathway figures for people (pure; tested without a browser). */

/** A share (0–1) as a percentage: whole numbers, one decimal under 10 %. */
export function formatShare(share: number | null, lang: string): string | null {
  if (share === null || !Number.isFinite(share)) return null;
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    maximumFractionDigits: share > 0 && share < 0.1 ? 1 : 0,
  }).format(share);
}

/** A 95 % interval as "42–71 %" (the low and high bounds as percentages). */
export function formatInterval(
  ci: { low: number; high: number } | null,
  lang: string,
): string | null {
  if (ci === null) return null;
  const f = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  // formatRange says "42% – 71%" in the language's own way (and mirrors in Arabic).
  return f.formatRange(ci.low, ci.high);
}

/**
 * A duration in hours, in the unit a coordinator thinks in: hours up to two days, days after
 * that (one decimal under ten days).
 */
export function formatHours(hours: number | null, lang: string): string | null {
  if (hours === null || !Number.isFinite(hours)) return null;
  if (hours < 48) {
    return new Intl.NumberFormat(lang, {
      style: 'unit',
      unit: 'hour',
      unitDisplay: 'long',
      maximumFractionDigits: hours < 10 ? 1 : 0,
    }).format(hours);
  }
  const days = hours / 24;
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'long',
    maximumFractionDigits: days < 10 ? 1 : 0,
  }).format(days);
}

/** A plain number in the interface language. */
export const formatNumber = (n: number | null, lang: string, digits = 0): string | null =>
  n === null || !Number.isFinite(n)
    ? null
    : new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n);

/** The period filter as kept in the URL: two calendar dates and the side. */
export interface PeriodFilter {
  from: string;
  to: string;
  side: 'sent' | 'received';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filter in a query string; anything malformed is left to the server's defaults. */
export function filterFromSearch(search: URLSearchParams): PeriodFilter {
  const date = (v: string | null) => (v !== null && DATE.test(v) ? v : '');
  return {
    from: date(search.get('from')),
    to: date(search.get('to')),
    side: search.get('side') === 'received' ? 'received' : 'sent',
  };
}

/** The page's URL for a filter (only what differs from the defaults). */
export function metricsUrl(f: PeriodFilter): string {
  const q = new URLSearchParams();
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.side !== 'sent') q.set('side', f.side);
  const s = q.toString();
  return `/referrals/metrics${s ? `?${s}` : ''}`;
}
