import { useTranslation } from 'react-i18next';
import {
  EXPLOITATION_TYPES,
  TRAFFICKING_STATUSES,
  type TraffickingStatus,
} from '../../../shared/codes/htcds.ts';
import { CheckboxGroup } from '../../components/CheckboxGroup.tsx';
import { CountrySelect } from '../../components/CountrySelect.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { bindText, type DraftBinding } from './new-case-binding.ts';
import { fieldId } from './new-case-draft.ts';

/** Where the person is from, where and how they were exploited, and the case's first status. */
export function CaseFieldset({ binding }: { binding: DraftBinding }) {
  const { t } = useTranslation();
  const labels = useCodeLabels();
  const { draft, errors, update } = binding;
  return (
    <fieldset className="section">
      <legend>{t('newCase.caseSection')}</legend>
      <div className="grid">
        <CountrySelect
          {...bindText(binding, 'citizenship')}
          label={t('cases.fields.citizenship')}
          emptyLabel={t('common.chooseCountry')}
          required
        />
        <CountrySelect
          {...bindText(binding, 'countryOfExploitation')}
          label={t('cases.fields.countryOfExploitation')}
          emptyLabel={t('common.notKnown')}
        />
        <TextField
          {...bindText(binding, 'registrationDate')}
          type="date"
          label={t('cases.fields.registrationDate')}
        />
        <SelectField
          {...bindText(binding, 'traffickingStatus')}
          onValue={(v) => update({ traffickingStatus: v as TraffickingStatus })}
          label={t('cases.fields.traffickingStatus')}
        >
          {TRAFFICKING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {labels.traffickingStatus(s)}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxGroup
        id={fieldId('typeOfExploitation')}
        legend={t('cases.fields.typeOfExploitation')}
        hint={t('newCase.typesHint')}
        options={EXPLOITATION_TYPES}
        labelOf={labels.exploitation}
        selected={draft.typeOfExploitation}
        onChange={(typeOfExploitation) => update({ typeOfExploitation })}
        error={errors.typeOfExploitation}
      />
    </fieldset>
  );
}
