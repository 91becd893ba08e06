/**
 * Proleptic Gregorian dates as day numbers (days since 1970-01-01), without Date objects, which
 * are several times slower when generating hundreds of thousands of records. Algorithms from
 * Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil, civil_from_days).
 */

/** Day number of a calendar date (month 1–12). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar date [year, month 1–12, day] of a day number. */
export function civilDate(dayNo: number): [year: number, month: number, day: number] {
  const z = dayNo + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** YYYY-MM-DD of a day number (years 1000–9999). */
export function isoDay(dayNo: number): string {
  const [y, m, d] = civilDate(dayNo);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Day number of a YYYY-MM-DD date that exists; throws RangeError otherwise. */
export function parseIsoDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const dayNo = match ? dayNumber(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
  if (Number.isNaN(dayNo) || isoDay(dayNo) !== iso) {
    throw new RangeError(`must be a calendar date as YYYY-MM-DD, got "${iso}"`);
  }
  return dayNo;
}

/**
 * The same calendar day `years` earlier; 29 February becomes 28 February in a common year, so
 * that a person born then has had their birthday on the earlier date.
 */
export function yearsBefore(dayNo: number, years: number): number {
  const [y, m, d] = civilDate(dayNo);
  return dayNumber(y - years, m, m === 2 && d === 29 ? 28 : d);
}
