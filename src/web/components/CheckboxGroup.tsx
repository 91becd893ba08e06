import { describedBy } from './field-ids.ts';

interface Props<T extends string> {
  /** Id of the group; the first box gets it too, so focus can land on the group. */
  id: string;
  legend: string;
  options: readonly T[];
  labelOf: (value: T) => string;
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  hint?: string | undefined;
  error?: string | undefined;
}

/** A <fieldset> of checkboxes for a multi-choice code list. */
export function CheckboxGroup<T extends string>(props: Props<T>) {
  const { id, legend, options, labelOf, selected, onChange, hint, error } = props;
  const toggle = (value: T, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
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
        {options.map((value, index) => (
          <label key={value} className="checkbox">
            <input
              type="checkbox"
              id={index === 0 ? id : `${id}-${value}`}
              value={value}
              checked={selected.includes(value)}
              onChange={(e) => toggle(value, e.target.checked)}
            />
            <span>{labelOf(value)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
