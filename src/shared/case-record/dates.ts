/** Calendar arithmetic on `YYYY-MM-DD` strings, in whole days and years, without time zones. */

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const format = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Whole years between a date of birth and a later date. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = parts(dateOfBirth);
  const [y, m, d] = parts(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The same day `years` later (or earlier); 29 February becomes 28 February in other years. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return format(y + years, m, Math.min(d, last));
}

/** The day `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
