import type { ReactNode, SelectHTMLAttributes } from 'react';
import { describedBy } from './field-ids.ts';
import { FieldFrame } from './FieldFrame.tsx';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
};

/** A labelled <select>; options are the children. */
export function SelectField(props: Props) {
  const { id, label, hint, error, required, value, onValue, children, ...select } = props;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      <select
        id={id}
        name={id}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}
