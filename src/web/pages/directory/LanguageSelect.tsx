import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES } from '../../../shared/directory/languages.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { languageName } from './use-directory-labels.ts';

interface Props {
  id: string;
  label: string;
  value: string;
  onValue: (code: string) => void;
  emptyLabel: string;
  error?: string | undefined;
}

/** An ISO 639-1 language <select>, named and sorted in the interface language. */
export function LanguageSelect({ emptyLabel, ...field }: Props) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const options = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return LANGUAGE_CODES.map((code) => ({ code, name: languageName(code, lang) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
  }, [lang]);
  return (
    <SelectField {...field}>
      <option value="">{emptyLabel}</option>
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </SelectField>
  );
}
