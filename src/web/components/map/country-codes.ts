import { numericToAlpha2 } from 'i18n-iso-countries';

/**
 * Natural Earth features in world-atlas carry ISO 3166-1 numeric codes as their `id`; choropleths
 * key by alpha-2 (as the rest of Lantern does), so each feature is renamed to its alpha-2 code.
 * Natural Earth leaves three areas without a numeric code: Kosovo takes XK (the user-assigned
 * code used by UN agencies, IOM and CTDC, as in src/shared/codes/countries.ts); northern Cyprus
 * and Somaliland have no code of their own and are drawn without one.
 */
const UNCODED: Readonly<Record<string, string>> = { Kosovo: 'XK' };

/** The alpha-2 code of a Natural Earth feature, or null when it has none. */
export function naturalEarthAlpha2(id: string | number | undefined, name: string): string | null {
  if (id !== undefined && id !== '') return numericToAlpha2(id) ?? null;
  return UNCODED[name] ?? null;
}
