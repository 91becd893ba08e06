import i18next, { type i18n, type ThirdPartyModule } from 'i18next';
import ar from './locales/ar.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import ru from './locales/ru.json' with { type: 'json' };
import uk from './locales/uk.json' with { type: 'json' };

/** The interface languages, each named in itself, with its writing direction. */
export const LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
  { code: 'uk', name: 'Українська', dir: 'ltr' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export const DEFAULT_LANGUAGE: LanguageCode = 'en';

/** English is the reference catalogue: every other one has (a subset of) its keys. */
export const catalogues = { en, ar, fr, es, ru, uk } as const;

export const isLanguageCode = (value: unknown): value is LanguageCode =>
  LANGUAGES.some((l) => l.code === value);

export const languageDir = (code: LanguageCode): 'ltr' | 'rtl' =>
  LANGUAGES.find((l) => l.code === code)?.dir ?? 'ltr';

/** The first supported language among preferences like "fr-CA" or "ar"; English otherwise. */
export function pickLanguage(preferences: readonly string[]): LanguageCode {
  for (const tag of preferences) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguageCode(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * A ready i18next instance for `lng` (initialised synchronously: the catalogues are bundled).
 * The web app passes react-i18next's plugin; the CLI and tests need none.
 */
export function createI18n(lng: LanguageCode, plugins: readonly ThirdPartyModule[] = []): i18n {
  const instance = i18next.createInstance();
  for (const plugin of plugins) instance.use(plugin);
  void instance.init({
    resources: Object.fromEntries(
      Object.entries(catalogues).map(([code, translation]) => [code, { translation }]),
    ),
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES.map((l) => l.code),
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}
