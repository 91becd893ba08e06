/** The six UI languages of Lantern (the six UN official languages minus Chinese, plus Ukrainian). */
export const LANGS = ['en', 'ar', 'fr', 'es', 'ru', 'uk'] as const;
export type Lang = (typeof LANGS)[number];

/** Instrument text: English is always present; other languages fall back to English. */
export type Localized = { en: string } & Partial<Record<Exclude<Lang, 'en'>, string>>;

/** The text in `lang`, or the English text where no translation exists yet. */
export function localize(text: Localized, lang: Lang = 'en'): string {
  return text[lang] ?? text.en;
}

/** Labels shared by every multiple-choice question. */
export const COMMON_LABELS = {
  none: {
    en: 'None of these',
    ar: 'لا شيء مما سبق',
    fr: 'Aucun de ceux-ci',
    es: 'Ninguno de estos',
    ru: 'Ничего из перечисленного',
    uk: 'Нічого з переліченого',
  },
  unknown: {
    en: 'Not known',
    ar: 'غير معروف',
    fr: 'Inconnu',
    es: 'Se desconoce',
    ru: 'Неизвестно',
    uk: 'Невідомо',
  },
} satisfies Record<string, Localized>;
