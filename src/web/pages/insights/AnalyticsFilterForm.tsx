import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { navigate } from '../../router/history.ts';
import { pageUrl } from './analytics-format.ts';

/** One field of a filter form: a month, a year, or a choice among options. */
export type FilterField =
  | { name: string; kind: 'month' | 'year'; label: string }
  | {
      name: string;
      kind: 'select';
      label: string;
      options: readonly { value: string; label: string }[];
    };

interface FormState {
  key: string;
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
}

const PATTERN = { month: /^\d{4}-(0[1-9]|1[0-2])$/, year: /^\d{4}$/ } as const;

/**
 * The filter form of the hot spots, routes and SDG pages: applying checks the periods (a
 * month as YYYY-MM, a year as YYYY, from not after to) and goes to the page's URL with the new
 * query, which the figures follow; a wrong period is named at its field and nothing is loaded.
 */
export function AnalyticsFilterForm(props: {
  id: string;
  /** The form's heading ("Period", "Period and places"). */
  heading: string;
  path: string;
  fields: readonly FilterField[];
  values: Readonly<Record<string, string>>;
  /** Values that are the server's defaults, left out of the URL. */
  defaults?: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const { id, heading, path, fields, values, defaults = {} } = props;
  const key = pageUrl(path, values);
  const [edit, setEdit] = useState<FormState>({ key, values, errors: {} });
  const current: FormState = edit.key === key ? edit : { key, values, errors: {} };
  const draft = current.values;
  const set = (name: string) => (v: string) =>
    setEdit({ key, values: { ...draft, [name]: v.trim() }, errors: current.errors });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    for (const f of fields) {
      const v = draft[f.name] ?? '';
      if ((f.kind === 'month' || f.kind === 'year') && v !== '' && !PATTERN[f.kind].test(v)) {
        errors[f.name] = t(`insights.routes.filter.invalid.${f.kind}`);
      }
    }
    if (!errors.from && !errors.to && draft.from && draft.to && draft.from > draft.to) {
      errors.to = t('insights.routes.filter.order');
    }
    const first = fields.find((f) => errors[f.name]);
    if (first) {
      setEdit({ key, values: draft, errors });
      document.getElementById(`${id}-${first.name}`)?.focus();
      return;
    }
    const query = Object.fromEntries(
      fields.map((f) => [f.name, draft[f.name] === defaults[f.name] ? '' : (draft[f.name] ?? '')]),
    );
    navigate(pageUrl(path, query));
  };

  return (
    <form className="filters" aria-labelledby={`${id}-heading`} onSubmit={apply} noValidate>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <div className="filters__grid">
        {fields.map((f) =>
          f.kind === 'select' ? (
            <SelectField
              key={f.name}
              id={`${id}-${f.name}`}
              label={f.label}
              value={draft[f.name] ?? ''}
              onValue={set(f.name)}
            >
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
          ) : (
            <TextField
              key={f.name}
              id={`${id}-${f.name}`}
              type={f.kind === 'month' ? 'month' : 'text'}
              inputMode={f.kind === 'year' ? 'numeric' : undefined}
              label={f.label}
              hint={t(`insights.routes.filter.hint.${f.kind}`)}
              value={draft[f.name] ?? ''}
              onValue={set(f.name)}
              error={current.errors[f.name]}
            />
          ),
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t('insights.routes.filter.apply')}
        </button>
      </div>
    </form>
  );
}
