/** Formats a calendar date `YYYY-MM-DD` in the interface language, without time-zone shifts. */
export function formatDate(isoDate: string, lang: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Formats an instant (ISO date-time) in the interface language and the device's time zone. */
export function formatDateTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Today on the device's calendar, as `YYYY-MM-DD` (what <input type="date"> expects). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A base32 secret in groups of four, easier to read aloud and type: "ABCD EFGH …". */
export const groupSecret = (secret: string): string =>
  (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');

/** A whole count in the interface language: "1,234" (en), "1 234" (fr), "١٬٢٣٤" (ar). */
export const formatCount = (n: number, lang: string): string =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);
