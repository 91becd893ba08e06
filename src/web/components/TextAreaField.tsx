import type { Ref, TextareaHTMLAttributes } from 'react';
import { describedBy } from './field-ids.ts';
import { FieldFrame } from './FieldFrame.tsx';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  id: string;
  label: string;
  value: string;
  ref?: Ref<HTMLTextAreaElement>;
  onValue: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
};

/** A labelled <textarea> whose hint and error are announced with it. */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  required,
  value,
  onValue,
  ...rest
}: Props) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        id={id}
        name={id}
        value={value}
        rows={3}
        dir="auto"
        onChange={(e) => onValue(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </FieldFrame>
  );
}
