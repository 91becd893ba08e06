/** Period labels for people (pure; unit-tested). */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

/**
 * A period in the interface language: "Mar 2024" for `2024-03`, "2024" for a year (in the
 * language's digits). Anything else is returned as it came.
 */
export function formatPeriod(period: string, lang: string): string {
  const m = MONTH.exec(period);
  if (m) {
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    return new Intl.DateTimeFormat(lang, {
      year: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(date);
  }
  if (YEAR.test(period)) {
    const date = new Date(Date.UTC(Number(period), 0, 1));
    return new Intl.DateTimeFormat(lang, { year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return period;
}

/** An age band as CTDC spells it (`9--17`, `48+`) split into its bounds, or null ('unknown'). */
export function ageBandBounds(band: string): { from: number; to: number | null } | null {
  const range = /^(\d+)--(\d+)$/.exec(band);
  if (range) return { from: Number(range[1]), to: Number(range[2]) };
  const open = /^(\d+)\+$/.exec(band);
  if (open) return { from: Number(open[1]), to: null };
  return null;
}
