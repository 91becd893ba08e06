import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFilterKey, CaseFilters } from '../../api/cases-api.ts';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/codes/htcds.ts';
import { CheckboxGroup } from '../../components/CheckboxGroup.tsx';
import { CountrySelect } from '../../components/CountrySelect.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useCodeLabels } from '../../lib/code-labels.ts';
import { navigate } from '../../router/history.ts';
import { casesUrl, joinList, splitList } from './case-filters.ts';
import { CodeFilterSelects } from './CodeFilterSelects.tsx';

interface Props {
  filters: CaseFilters;
  /** The URL of `filters`: when it changes (applied, or Back pressed) the edits start afresh. */
  filterKey: string;
}

/** The filter form; applying it changes the URL, which the list follows. */
export function CaseFiltersForm({ filters, filterKey }: Props) {
  const { t } = useTranslation();
  const labels = useCodeLabels();
  // Kept with the URL it was edited from, so it never needs an effect to follow the URL.
  const [edit, setEdit] = useState({ key: filterKey, values: filters });
  const draft = edit.key === filterKey ? edit.values : filters;
  const set = (key: CaseFilterKey) => (value: string) =>
    setEdit({ key: filterKey, values: { ...draft, [key]: value } });
  const text = (key: CaseFilterKey) => ({ id: `filter-${key}`, value: draft[key] ?? '' });

  // The edits are filed under the URL they produce, so Back to an older URL shows its filters.
  const go = (values: CaseFilters) => {
    const url = casesUrl(values);
    setEdit({ key: url, values });
    navigate(url);
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    go(draft);
  };

  return (
    <form role="search" className="filters" aria-labelledby="filters-heading" onSubmit={apply}>
      <h2 id="filters-heading">{t('cases.filters.heading')}</h2>
      <div className="filters__grid">
        <TextField
          {...text('reference')}
          label={t('cases.filters.reference')}
          hint={t('cases.filters.referenceHint')}
          onValue={set('reference')}
          dir="ltr"
        />
        <CheckboxGroup<CaseStatus>
          id="filter-status"
          legend={t('cases.filters.status')}
          options={CASE_STATUSES}
          labelOf={labels.caseStatus}
          selected={splitList(draft.status) as CaseStatus[]}
          onChange={(values) => set('status')(joinList(values))}
        />
        <CodeFilterSelects draft={draft} set={set} />
        <CountrySelect
          {...text('citizenship')}
          label={t('cases.fields.citizenship')}
          emptyLabel={t('cases.filters.anyCountry')}
          onValue={set('citizenship')}
        />
        <CountrySelect
          {...text('countryOfExploitation')}
          label={t('cases.fields.countryOfExploitation')}
          emptyLabel={t('cases.filters.anyCountry')}
          onValue={set('countryOfExploitation')}
        />
        <TextField
          {...text('registeredFrom')}
          type="date"
          label={t('cases.filters.registeredFrom')}
          onValue={set('registeredFrom')}
        />
        <TextField
          {...text('registeredTo')}
          type="date"
          label={t('cases.filters.registeredTo')}
          onValue={set('registeredTo')}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t('cases.filters.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => go({})}>
          {t('cases.filters.clear')}
        </button>
      </div>
    </form>
  );
}
