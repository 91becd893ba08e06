import { useTranslation } from 'react-i18next';
import type { CaseFilterKey, CaseFilters } from '../../api/cases-api.ts';
import { EXPLOITATION_TYPES, GENDERS, TRAFFICKING_STATUSES } from '../../../shared/codes/htcds.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';

interface Props {
  draft: CaseFilters;
  set: (key: CaseFilterKey) => (value: string) => void;
}

/** Single-choice filters over HTCDS code lists, each with an "Any" choice. */
export function CodeFilterSelects({ draft, set }: Props) {
  const { t } = useTranslation();
  const labels = useCodeLabels();
  const any = <option value="">{t('cases.filters.any')}</option>;
  return (
    <>
      <SelectField
        id="filter-traffickingStatus"
        label={t('cases.fields.traffickingStatus')}
        value={draft.traffickingStatus ?? ''}
        onValue={set('traffickingStatus')}
      >
        {any}
        {TRAFFICKING_STATUSES.map((v) => (
          <option key={v} value={v}>
            {labels.traffickingStatus(v)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="filter-gender"
        label={t('cases.fields.gender')}
        value={draft.gender ?? ''}
        onValue={set('gender')}
      >
        {any}
        {GENDERS.map((v) => (
          <option key={v} value={v}>
            {labels.gender(v)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="filter-typeOfExploitation"
        label={t('cases.filters.typeOfExploitation')}
        value={draft.typeOfExploitation ?? ''}
        onValue={set('typeOfExploitation')}
      >
        {any}
        {EXPLOITATION_TYPES.map((v) => (
          <option key={v} value={v}>
            {labels.exploitation(v)}
          </option>
        ))}
      </SelectField>
    </>
  );
}
