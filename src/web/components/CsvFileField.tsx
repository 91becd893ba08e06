import type { RefObject } from 'react';

interface Props {
  id: string;
  label: string;
  hint: string;
  error?: string | null | undefined;
  /** The input, for reading its file, focusing it on a refusal and clearing it. */
  inputRef: RefObject<HTMLInputElement | null>;
  required?: boolean | undefined;
}

/** A CSV file chooser with its label, hint and error (the imports of the directory and the hub). */
export function CsvFileField({ id, label, hint, error, inputRef, required }: Props) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept=".csv,text/csv"
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
    </div>
  );
}
