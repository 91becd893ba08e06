import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { CountryCode } from '../codes/countries.ts';
import { isCountryCode } from '../codes/countries.ts';
import { squash } from './code-lists.ts';

/**
 * Spellings of the HTCDS toolkit's country drop-down (sheet "validation", E4:E252 of "HTCDS
 * Excel Spreadsheet single select with validation v2.0.xlsx", the UN M49 / ISO short names)
 * where they differ from the English names of i18n-iso-countries 7.14.0, or where those are
 * ambiguous ("Congo" is an alias of both CG and CD there; ISO and the toolkit mean CG).
 */
const TOOLKIT_NAMES: Record<string, CountryCode> = {
  'Bolivia (Plurinational State of)': 'BO',
  'Cabo Verde': 'CV',
  Congo: 'CG',
  'Congo, Democratic Republic of the': 'CD',
  'Holy See': 'VA',
  'Iran (Islamic Republic of)': 'IR',
  "Korea (Democratic People's Republic of)": 'KP',
  'Micronesia (Federated States of)': 'FM',
  'Palestine, State of': 'PS',
  Réunion: 'RE',
  'Saint Helena, Ascension and Tristan da Cunha': 'SH',
  'Tanzania, United Republic of': 'TZ',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  'Venezuela (Bolivarian Republic of)': 'VE',
  'Viet Nam': 'VN',
  'Virgin Islands (British)': 'VG',
  'Virgin Islands (U.S.)': 'VI',
};

function buildIndex(): Map<string, CountryCode> {
  const index = new Map<string, CountryCode>();
  const official = countries.getNames(en.locale, { select: 'official' });
  const all = countries.getNames(en.locale, { select: 'all' });
  for (const [code, name] of Object.entries(official)) {
    if (isCountryCode(code)) index.set(squash(name), code);
  }
  // Aliases where they are unambiguous: "Congo" is both CG's name and an alias of CD.
  const alias = new Map<string, CountryCode | null>();
  for (const [code, names] of Object.entries(all)) {
    if (!isCountryCode(code)) continue;
    for (const name of names) {
      const key = squash(name);
      if (index.has(key)) continue;
      alias.set(key, alias.has(key) && alias.get(key) !== code ? null : code);
    }
  }
  for (const [key, code] of alias) if (code) index.set(key, code);
  for (const [name, code] of Object.entries(TOOLKIT_NAMES)) index.set(squash(name), code);
  return index;
}

countries.registerLocale(en);
const BY_NAME = buildIndex();

/**
 * The ISO 3166-1 alpha-2 code of a country given by its code (any case) or its English name,
 * as i18n-iso-countries or the HTCDS toolkit spell it; undefined when unknown or ambiguous.
 */
export function countryCodeOf(text: string): CountryCode | undefined {
  const t = text.trim();
  const code = t.toUpperCase();
  return isCountryCode(code) ? code : BY_NAME.get(squash(t));
}
