import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mismatch } from '../../../shared/directory/eligibility.ts';
import type { ServiceType } from '../../../shared/codes/service-types.ts';

const languageNames = new Map<string, Intl.DisplayNames | null>();

/** A language's name in `lang` (ISO 639-1 code), from the browser's own data. */
export function languageName(code: string, lang: string): string {
  if (!languageNames.has(lang)) {
    try {
      languageNames.set(lang, new Intl.DisplayNames([lang, 'en'], { type: 'language' }));
    } catch {
      languageNames.set(lang, null);
    }
  }
  try {
    return languageNames.get(lang)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A distance in `lang`: one decimal under 10 km, whole kilometres above. */
export function kilometres(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: n < 10 ? 1 : 0,
  }).format(n);
}

/** Translated words for the directory's codes and figures. */
export function useDirectoryLabels() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(
    () => ({
      serviceType: (v: ServiceType) => t(`consent.serviceType.${v}`),
      mismatch: (v: Mismatch) => t(`directory.mismatch.${v}`),
      language: (code: string) => languageName(code, lang),
      km: (n: number) => kilometres(n, lang),
      places: (available: number | null, total: number | null) =>
        available === null
          ? t('directory.placesUnlimited')
          : total === null
            ? t('directory.placesFree', { count: available })
            : t('directory.placesOfTotal', { count: available, total }),
    }),
    [t, lang],
  );
}
