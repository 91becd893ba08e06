import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES } from '../../shared/codes/countries.ts';

const displayNames = new Map<string, Intl.DisplayNames | null>();

function namesFor(lang: string): Intl.DisplayNames | null {
  if (!displayNames.has(lang)) {
    try {
      displayNames.set(lang, new Intl.DisplayNames([lang, 'en'], { type: 'region' }));
    } catch {
      displayNames.set(lang, null);
    }
  }
  return displayNames.get(lang) ?? null;
}

/** A country's name in `lang` from the browser's own data (ISO 3166-1 alpha-2 code). */
export function countryName(code: string, lang: string): string {
  try {
    return namesFor(lang)?.of(code) ?? code;
  } catch {
    return code;
  }
}

export interface CountryOption {
  code: string;
  name: string;
}

/** Every country, named and sorted for the interface language. */
export function useCountryOptions(): CountryOption[] {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const collator = new Intl.Collator(lang);
    return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
  }, [lang]);
}

/** A formatter for country codes in the current language ("—" is left to callers). */
export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => (code: string) => countryName(code, lang), [lang]);
}
