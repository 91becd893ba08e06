import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';

interface Props<C extends string> {
  /** The code select's id (focused when no code is chosen) and the note's. */
  id: string;
  noteId: string;
  legend: string;
  codeLabel: string;
  codes: readonly C[];
  labelOf: (code: C) => string;
  noteLabel: string;
  submitLabel: string;
  danger?: boolean;
  busy: boolean;
  /** Resolves true once the server took the answer (the "required" error then goes). */
  onAnswer: (code: C, note: string | undefined) => Promise<boolean>;
}

/** An answer that needs a code (a reason, an outcome) and may carry a note. */
export function CodedAnswerForm<C extends string>(props: Props<C>) {
  const { id, noteId, legend, codeLabel, codes, labelOf, noteLabel, submitLabel, danger, busy } =
    props;
  const { t } = useTranslation();
  const [code, setCode] = useState<C | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code) {
      setError(t('fieldErrors.required'));
      document.getElementById(id)?.focus();
      return;
    }
    if (await props.onAnswer(code, note.trim() || undefined)) setError(undefined);
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{legend}</legend>
        <SelectField
          id={id}
          label={codeLabel}
          value={code}
          onValue={(v) => setCode(v as C | '')}
          error={error}
          required
        >
          <option value="">{t('common.choose')}</option>
          {codes.map((c) => (
            <option key={c} value={c}>
              {labelOf(c)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id={noteId}
          label={noteLabel}
          hint={t('referrals.actions.noteHint')}
          value={note}
          onValue={setNote}
          maxLength={2000}
        />
        <div className="actions">
          <button
            type="submit"
            className={danger ? 'button button--danger' : 'button'}
            disabled={busy}
          >
            {submitLabel}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
