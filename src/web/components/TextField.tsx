import type { InputHTMLAttributes, Ref } from 'react';
import { describedBy } from './field-ids.ts';
import { FieldFrame } from './FieldFrame.tsx';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  id: string;
  label: string;
  value: string;
  ref?: Ref<HTMLInputElement>;
  onValue: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
};

/** A labelled <input> whose hint and error are announced with it. */
export function TextField({ id, label, hint, error, required, value, onValue, ...input }: Props) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      <input
        id={id}
        name={id}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}
