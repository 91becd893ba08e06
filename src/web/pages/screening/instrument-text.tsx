import { useTranslation } from 'react-i18next';
import type { Localized } from '../../../shared/screening/text.ts';
import { LANGS, type Lang } from '../../../shared/screening/text.ts';

/** The interface language as an instrument language (they are the same six). */
export function useInstrumentLang(): Lang {
  const { i18n } = useTranslation();
  return (LANGS as readonly string[]).includes(i18n.language) ? (i18n.language as Lang) : 'en';
}

/**
 * Instrument text in the interface language. Where it has no translation yet the English text
 * shows, marked as English (WCAG 3.1.2) and left-to-right inside a right-to-left page.
 */
export function InstrumentText({
  text,
  childText,
  child = false,
}: {
  text: Localized;
  childText?: Localized | undefined;
  child?: boolean;
}) {
  const lang = useInstrumentLang();
  const source = child && childText ? childText : text;
  const own = source[lang];
  if (own !== undefined) return <>{own}</>;
  return lang === 'en' ? (
    <>{source.en}</>
  ) : (
    <span lang="en" dir="ltr">
      {source.en}
    </span>
  );
}

/** Plain instrument text for attributes and titles (no language mark possible). */
export const plainText = (text: Localized, lang: Lang): string => text[lang] ?? text.en;
