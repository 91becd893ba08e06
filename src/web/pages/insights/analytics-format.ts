/**
 * Formatting shared by the alerts, hot spots, routes and SDG pages (pure; tested without a
 * browser). Numbers go through Intl in the interface language; nothing here ever returns
 * "NaN" or "Infinity": a value that is not a finite number comes back as null and the page
 * shows "—" with its reason.
 */

/** A number in the interface language with at most `digits` decimals, or null. */
export function formatNumber(
  n: number | null | undefined,
  lang: string,
  digits = 0,
): string | null {
  if (n === null || n === undefined || !Number.isFinite(n)) return null;
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n);
}

/** A share 0–1 as a percentage (one decimal under 10 %), or null. */
export function formatPercent(share: number | null | undefined, lang: string): string | null {
  if (share === null || share === undefined || !Number.isFinite(share)) return null;
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    maximumFractionDigits: share > 0 && share < 0.1 ? 1 : 0,
  }).format(share);
}

/**
 * A p-value: three decimals, and "< 0.001" style below that (a Monte Carlo p-value is never
 * exactly zero; 1 / (999 + 1) is its floor).
 */
export function formatP(p: number | null | undefined, lang: string): string | null {
  if (p === null || p === undefined || !Number.isFinite(p)) return null;
  const f = new Intl.NumberFormat(lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return p < 0.001 ? `< ${f.format(0.001)}` : f.format(p);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

/** Filters kept in the query string: a month `YYYY-MM` or nothing. */
export const monthParam = (v: string | null): string => (v !== null && MONTH.test(v) ? v : '');

/** A year `YYYY` or nothing. */
export const yearParam = (v: string | null): string => (v !== null && YEAR.test(v) ? v : '');

/** A page URL with only the filters that are set. */
export function pageUrl(path: string, params: Readonly<Record<string, string>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
