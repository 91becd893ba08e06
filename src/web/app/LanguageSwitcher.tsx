import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguageCode } from '../../shared/i18n/i18n.ts';
import { changeLanguage } from '../i18n/setup.ts';

/** Language <select>: each language is named in itself and tagged with its own `lang`. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language">
      <label htmlFor="language-select" className="visually-hidden">
        {t('header.language')}
      </label>
      <select
        id="language-select"
        value={i18n.language}
        onChange={(e) => {
          if (isLanguageCode(e.target.value)) void changeLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
