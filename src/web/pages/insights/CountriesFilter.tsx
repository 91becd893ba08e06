import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../../components/CountrySelect.tsx';
import { useCountryName } from '../../lib/countries.ts';

interface Props {
  id: string;
  label: string;
  selected: readonly string[];
  onChange: (codes: string[]) => void;
}

/** A multi-country filter: pick countries one by one; each chosen one has a remove button. */
export function CountriesFilter({ id, label, selected, onChange }: Props) {
  const { t } = useTranslation();
  const name = useCountryName();
  return (
    <div className="country-filter">
      <CountrySelect
        id={id}
        label={label}
        value=""
        emptyLabel={t('insights.dashboard.filters.addCountry')}
        onValue={(code) => code && !selected.includes(code) && onChange([...selected, code])}
      />
      {selected.length > 0 && (
        <ul
          className="country-filter__chosen"
          aria-label={t('insights.dashboard.filters.chosen', { label })}
        >
          {selected.map((code) => (
            <li key={code}>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onChange(selected.filter((c) => c !== code))}
                aria-label={t('insights.dashboard.filters.remove', { country: name(code) })}
              >
                <bdi>{name(code)}</bdi> ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
