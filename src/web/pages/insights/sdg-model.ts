import type { SdgResponse } from '../../../shared/api/insights.schema.ts';
import { EXPLOITATION_TYPES } from '../../../shared/codes/htcds.ts';
import type { MapRegionValue } from '../../components/map/map-types.ts';

type Row = SdgResponse['rows'][number];

/** Why a row has no rate, from its own figures (the server's notice is English, for logs). */
export function missingRateReason(row: Row): 'populationUnknown' | 'populationZero' | null {
  if (row.population === null) return 'populationUnknown';
  if (row.population <= 0) return 'populationZero';
  return null;
}

/** The total rate per country for the choropleth; rows without a finite rate are left out. */
export const sdgRegions = (rows: readonly Row[]): MapRegionValue[] =>
  rows.flatMap((r) =>
    r.total.per100k !== null && Number.isFinite(r.total.per100k)
      ? [{ code: r.country, value: Math.round(r.total.per100k * 100) / 100 }]
      : [],
  );

/**
 * The forms of exploitation any row counts, in HTCDS order (codes the standard does not know
 * come last, alphabetically), so the by-form table has one column per form present.
 */
export function formsPresent(rows: readonly Row[]): string[] {
  const seen = new Set(rows.flatMap((r) => Object.keys(r.byForm)));
  const known = EXPLOITATION_TYPES.filter((f) => seen.has(f));
  const other = [...seen].filter((f) => !(EXPLOITATION_TYPES as readonly string[]).includes(f));
  return [...known, ...other.sort()];
}
