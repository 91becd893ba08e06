import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../components/CheckboxGroup.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { useColumnLabel } from './hub-columns.ts';
import type { PublicationDraft } from './publication-draft.ts';

interface Props {
  draft: PublicationDraft;
  /** The columns every chosen source has. */
  columns: readonly string[];
  onChange: (patch: Partial<PublicationDraft>) => void;
  errors: FieldErrors;
}

export const PARAMETER_PREFIX = 'publication-';

/** Step 3: k, the quasi-identifiers and l-diversity; or ε, δ, the length and the columns. */
export function ParametersStep({ draft, columns, onChange, errors }: Props) {
  const { t } = useTranslation();
  const column = useColumnLabel();
  const id = (f: string) => `${PARAMETER_PREFIX}${f}`;
  if (draft.kind === 'microdata') {
    return (
      <>
        <CheckboxGroup
          id={id('qi')}
          legend={t('hub.wizard.qi')}
          hint={t('hub.wizard.qiHint')}
          options={columns}
          labelOf={column}
          selected={draft.qi}
          onChange={(qi) => onChange({ qi })}
          error={errors.qi}
        />
        <div className="grid">
          <TextField
            id={id('k')}
            label={t('hub.prepare.k')}
            hint={t('hub.prepare.kHint', { k: 11 })}
            value={draft.k}
            onValue={(k) => onChange({ k })}
            inputMode="numeric"
            required
            error={errors.k}
          />
          <TextField
            id={id('suppression')}
            label={t('hub.prepare.suppressionLimit')}
            hint={t('hub.prepare.suppressionHint', { share: 5 })}
            value={draft.suppression}
            onValue={(suppression) => onChange({ suppression })}
            inputMode="decimal"
            required
            error={errors.suppression}
          />
        </div>
        <fieldset className="section">
          <legend>{t('hub.wizard.diversity')}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              id={id('diversity')}
              checked={draft.diversity}
              onChange={(e) => onChange({ diversity: e.target.checked })}
            />
            {t('hub.wizard.diversityOn')}
          </label>
          {draft.diversity && (
            <div className="grid">
              <SelectField
                id={id('sensitive')}
                label={t('hub.wizard.sensitive')}
                hint={t('hub.wizard.sensitiveHint')}
                value={draft.sensitive}
                onValue={(sensitive) => onChange({ sensitive })}
                required
                error={errors.sensitive}
              >
                <option value="">{t('common.choose')}</option>
                {columns
                  .filter((c) => !draft.qi.includes(c))
                  .map((c) => (
                    <option key={c} value={c}>
                      {column(c)}
                    </option>
                  ))}
              </SelectField>
              <TextField
                id={id('l')}
                label={t('hub.wizard.l')}
                value={draft.l}
                onValue={(l) => onChange({ l })}
                inputMode="numeric"
                required
                error={errors.l}
              />
            </div>
          )}
        </fieldset>
      </>
    );
  }
  return (
    <>
      <div className="grid">
        <TextField
          id={id('epsilon')}
          label={t('hub.wizard.epsilon')}
          hint={t('hub.wizard.epsilonHint')}
          value={draft.epsilon}
          onValue={(epsilon) => onChange({ epsilon })}
          inputMode="decimal"
          dir="ltr"
          required
          error={errors.epsilon}
        />
        <TextField
          id={id('delta')}
          label={t('hub.wizard.delta')}
          hint={t('hub.wizard.deltaHint')}
          value={draft.delta}
          onValue={(delta) => onChange({ delta })}
          inputMode="decimal"
          dir="ltr"
          required
          error={errors.delta}
        />
        <SelectField
          id={id('length')}
          label={t('hub.wizard.length')}
          hint={t('hub.wizard.lengthHint')}
          value={draft.length}
          onValue={(length) => onChange({ length })}
          required
          error={errors.length}
        >
          {['1', '2', '3', '4'].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxGroup
        id={id('columns')}
        legend={t('hub.wizard.columns')}
        hint={t('hub.wizard.columnsHint')}
        options={columns}
        labelOf={column}
        selected={draft.columns}
        onChange={(cs) => onChange({ columns: cs })}
        error={errors.columns}
      />
    </>
  );
}
