import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from '../../components/field-ids.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import type { PartialDateDraft, Precision } from './tracing-draft.ts';

interface Props {
  /** Id of the group; the first radio gets it, so focus can land on the group. */
  id: string;
  legend: string;
  value: PartialDateDraft;
  onChange: (value: PartialDateDraft) => void;
  /** Labels of the parts, unique on the page ("Year of birth", "Year of separation"). */
  labels: { year: string; month: string; day: string };
  hint?: string | undefined;
  error?: string | undefined;
}

const PRECISIONS: readonly Precision[] = ['unknown', 'year', 'month', 'day'];

/**
 * A date known to a year, a month or a day: first how much is known, then only those parts.
 * Families often remember a year or a season, rarely a day; asking for a full date would make
 * them guess, and a guessed day misleads the matcher more than a missing one.
 */
export function PartialDateField({ id, legend, value, onChange, labels, hint, error }: Props) {
  const { t, i18n } = useTranslation();
  const months = useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2000, i, 1))));
  }, [i18n.language]);
  const set = (changes: Partial<PartialDateDraft>) => onChange({ ...value, ...changes });
  const p = value.precision;
  return (
    <fieldset
      className={error ? 'checkboxes field--invalid' : 'checkboxes'}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <div className="checkboxes__items">
        {PRECISIONS.map((precision, index) => (
          <label key={precision} className="checkbox">
            <input
              type="radio"
              name={`${id}-precision`}
              id={index === 0 ? id : `${id}-precision-${precision}`}
              value={precision}
              checked={p === precision}
              onChange={() => set({ precision })}
            />
            <span>{t(`tracing.form.precision.${precision}`)}</span>
          </label>
        ))}
      </div>
      {p !== 'unknown' && (
        <div className="grid">
          <TextField
            id={`${id}-year`}
            label={labels.year}
            value={value.year}
            onValue={(year) => set({ year })}
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
            required
          />
          {(p === 'month' || p === 'day') && (
            <SelectField
              id={`${id}-month`}
              label={labels.month}
              value={value.month}
              onValue={(month) => set({ month })}
              required
            >
              <option value="">{t('common.choose')}</option>
              {months.map((name, i) => (
                <option key={name} value={String(i + 1)}>
                  {name}
                </option>
              ))}
            </SelectField>
          )}
          {p === 'day' && (
            <TextField
              id={`${id}-day`}
              label={labels.day}
              value={value.day}
              onValue={(day) => set({ day })}
              inputMode="numeric"
              maxLength={2}
              autoComplete="off"
              required
            />
          )}
        </div>
      )}
    </fieldset>
  );
}
