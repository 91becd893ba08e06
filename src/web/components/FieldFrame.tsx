import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  required?: boolean | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}

/**
 * Label, hint and error around one control. The required asterisk sits outside the <label> and
 * is hidden from assistive technology, which hears aria-required instead: the name stays exact.
 */
export function FieldFrame({ id, label, required, hint, error, children }: Props) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <div className="field__label">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="field__required" aria-hidden="true">
            *
          </span>
        )}
      </div>
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
      {children}
    </div>
  );
}
