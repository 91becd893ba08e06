// Numbers on the hub's pages, in the interface language. Pure, so it is unit-tested.

/** A whole count: "1,234" (en), "1 234" (fr). */
export const formatCount = (n: number, lang: string): string =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);

/** A share 0..1 as a percentage with one decimal at most: "5.2 %". */
export const formatShare = (share: number, lang: string): string =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** A decimal figure (information loss, error, ε) with up to `digits` decimals. */
export const formatDecimal = (n: number, lang: string, digits = 3): string =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n);

/** δ is tiny (1e-6): scientific notation keeps it readable. */
export const formatDelta = (n: number, lang: string): string =>
  n === 0
    ? new Intl.NumberFormat(lang).format(0)
    : new Intl.NumberFormat(lang, { notation: 'scientific', maximumFractionDigits: 2 }).format(n);

/**
 * A whole number typed by the user, or null when it is not one (blank, decimal, letters). The
 * server checks the range again; this only keeps `Number('')` (0) from passing as a choice.
 */
export function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** A positive decimal typed by the user ("0.5", "1,5"), or null. */
export function parsePositive(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^(\d+(\.\d*)?|\.\d+)(e-?\d+)?$/i.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** ε left after spending `epsilon` from `left`, never below zero in display. */
export const remainingAfter = (left: number, spend: number): number => Math.max(0, left - spend);
