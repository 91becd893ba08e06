import { initReactI18next } from 'react-i18next';
import {
  createI18n,
  isLanguageCode,
  languageDir,
  pickLanguage,
  type LanguageCode,
} from '../../shared/i18n/i18n.ts';

const STORAGE_KEY = 'lantern.language';

function storedLanguage(): LanguageCode | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguageCode(value) ? value : null;
  } catch {
    return null; // storage disabled (private mode, policy): fall back to the browser's languages
  }
}

/** Sets <html lang dir> so screen readers, fonts and the CSS logical properties follow. */
function applyToDocument(code: LanguageCode): void {
  document.documentElement.lang = code;
  document.documentElement.dir = languageDir(code);
}

export const i18n = createI18n(storedLanguage() ?? pickLanguage(navigator.languages), [
  initReactI18next,
]);
applyToDocument(i18n.language as LanguageCode);

/** Switches the interface language and remembers the choice on this device. */
export async function changeLanguage(code: LanguageCode): Promise<void> {
  await i18n.changeLanguage(code);
  applyToDocument(code);
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not persisted; the choice still holds for this visit.
  }
}
