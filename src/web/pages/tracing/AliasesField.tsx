import { useTranslation } from 'react-i18next';
import { describedBy } from '../../components/field-ids.ts';
import { TextField } from '../../components/TextField.tsx';

interface Props {
  /** Id of the group's first input (where focus goes on an error). */
  id: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
}

const MAX = 20;

/**
 * Other names and spellings, one per input: the same name is often written several ways (and
 * in several scripts), and each spelling is one more chance for the matcher to find the person.
 */
export function AliasesField({ id, values, onChange, error }: Props) {
  const { t } = useTranslation();
  const inputId = (i: number) => (i === 0 ? id : `${id}-${i}`);
  const add = () => {
    onChange([...values, '']);
    // Focus the new input once it is rendered.
    window.setTimeout(() => document.getElementById(inputId(values.length))?.focus(), 0);
  };
  const remove = (i: number) => {
    const next = values.filter((_, j) => j !== i);
    onChange(next.length > 0 ? next : ['']);
    window.setTimeout(() => document.getElementById(`${id}-add`)?.focus(), 0);
  };
  return (
    <fieldset
      className={error ? 'checkboxes field--invalid' : 'checkboxes'}
      aria-describedby={describedBy(`${id}-group`, true, error)}
    >
      <legend>{t('tracing.form.aliases')}</legend>
      <p id={`${id}-group-hint`} className="field__hint">
        {t('tracing.form.aliasesHint')}
      </p>
      {error && (
        <p id={`${id}-group-error`} className="field__error">
          {error}
        </p>
      )}
      <div>
        {values.map((value, i) => (
          <div key={i} className="reunite-repeat">
            <TextField
              id={inputId(i)}
              label={t('tracing.form.alias', { n: i + 1 })}
              value={value}
              onValue={(v) => onChange(values.map((old, j) => (j === i ? v : old)))}
              dir="auto"
              autoComplete="off"
              maxLength={200}
            />
            {values.length > 1 && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => remove(i)}
                aria-label={t('tracing.form.removeAlias', { n: i + 1 })}
              >
                {t('tracing.form.remove')}
              </button>
            )}
          </div>
        ))}
      </div>
      {values.length < MAX && (
        <div className="actions">
          <button type="button" id={`${id}-add`} className="button button--secondary" onClick={add}>
            {t('tracing.form.addAlias')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
