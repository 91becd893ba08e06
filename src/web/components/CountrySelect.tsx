import { useCountryOptions } from '../lib/countries.ts';
import { SelectField } from './SelectField.tsx';

interface Props {
  id: string;
  label: string;
  value: string;
  onValue: (code: string) => void;
  /** The text of the empty choice ("Any country", "Choose a country"). */
  emptyLabel: string;
  required?: boolean;
  error?: string | undefined;
}

/** A country <select> named in the interface language, sorted by that language's rules. */
export function CountrySelect({ emptyLabel, ...field }: Props) {
  const options = useCountryOptions();
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
