import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INSIGHT_DIMENSIONS } from '../../../shared/api/insights.schema.ts';
import { CheckboxGroup } from '../../components/CheckboxGroup.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { navigate } from '../../router/history.ts';
import { CountriesFilter } from './CountriesFilter.tsx';
import {
  dashboardSearch,
  emptyFilters,
  FILTER_KEYS,
  FILTER_VALUES,
  isPeriodOf,
  type DashboardState,
  type FilterKey,
  type PeriodForm,
} from './dashboard-state.ts';
import { useDimensionLabels } from './dimension-labels.ts';

interface Props {
  state: DashboardState;
  form: PeriodForm;
  /** The page's path; applying goes there with the new query. */
  path: string;
}

/** The form's values while edited, for the URL (`key`) they started from. */
interface Edit {
  key: string;
  values: DashboardState;
  errors: Partial<Record<'from' | 'to', string>>;
}

/** Grouping, period, chart style and filters; applying changes the URL, which the figures follow. */
export function DashboardControls({ state, form, path }: Props) {
  const { t } = useTranslation();
  const labels = useDimensionLabels();
  const key = dashboardSearch(state, form);
  const [edit, setEdit] = useState<Edit>({ key, values: state, errors: {} });
  const current: Edit = edit.key === key ? edit : { key, values: state, errors: {} };
  const draft = current.values;
  const update = (values: Partial<DashboardState>) =>
    setEdit({ key, values: { ...draft, ...values }, errors: current.errors });
  const setFilter = (k: FilterKey) => (values: string[]) =>
    update({ filters: { ...draft.filters, [k]: values } });
  const chosen = FILTER_KEYS.reduce((n, k) => n + draft.filters[k].length, 0);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const errors: Edit['errors'] = {};
    const message = t(`insights.dashboard.period.invalid.${form}`);
    if (draft.from && !isPeriodOf(form, draft.from)) errors.from = message;
    if (draft.to && !isPeriodOf(form, draft.to)) errors.to = message;
    if (!errors.from && !errors.to && draft.from && draft.to && draft.from > draft.to)
      errors.to = t('insights.dashboard.period.order');
    if (Object.keys(errors).length > 0) {
      setEdit({ key, values: draft, errors });
      return;
    }
    navigate(`${path}${dashboardSearch(draft, form)}`);
  };
  const clear = () =>
    navigate(`${path}${dashboardSearch({ ...draft, filters: emptyFilters(), drill: [] }, form)}`);

  const periodField = (name: 'from' | 'to') => (
    <TextField
      id={`dashboard-${name}`}
      type={form === 'month' ? 'month' : 'text'}
      inputMode={form === 'year' ? 'numeric' : undefined}
      label={t(`insights.dashboard.period.${name}`)}
      hint={t(`insights.dashboard.period.hint.${form}`)}
      value={draft[name]}
      onValue={(v) => update({ [name]: v.trim() })}
      error={current.errors[name]}
    />
  );

  return (
    <form
      className="filters dashboard__filters"
      aria-labelledby="dashboard-controls"
      onSubmit={apply}
      noValidate
    >
      <h2 id="dashboard-controls">{t('insights.dashboard.controls')}</h2>
      <div className="filters__grid">
        <SelectField
          id="dashboard-by"
          label={t('insights.dashboard.by')}
          value={draft.by}
          onValue={(v) => update({ by: v as DashboardState['by'] })}
        >
          {INSIGHT_DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {labels.dimension(d)}
            </option>
          ))}
        </SelectField>
        {form === 'month' && (
          <SelectField
            id="dashboard-granularity"
            label={t('insights.dashboard.granularity.label')}
            value={draft.granularity}
            onValue={(v) => update({ granularity: v === 'year' ? 'year' : 'month' })}
          >
            <option value="month">{t('insights.dashboard.granularity.month')}</option>
            <option value="year">{t('insights.dashboard.granularity.year')}</option>
          </SelectField>
        )}
        <SelectField
          id="dashboard-chart"
          label={t('insights.dashboard.chartStyle.label')}
          value={draft.chart}
          onValue={(v) => update({ chart: v === 'stacked' ? 'stacked' : 'line' })}
        >
          <option value="line">{t('insights.dashboard.chartStyle.line')}</option>
          <option value="stacked">{t('insights.dashboard.chartStyle.stacked')}</option>
        </SelectField>
        {periodField('from')}
        {periodField('to')}
      </div>
      <details open={chosen > 0 || undefined}>
        <summary>{t('insights.dashboard.filters.heading', { count: chosen })}</summary>
        <div className="filters__grid">
          {FILTER_KEYS.map((k) => [k, FILTER_VALUES[form][k]] as const).map(
            ([k, options]) =>
              options !== null &&
              options.length > 0 && (
                <CheckboxGroup
                  key={k}
                  id={`dashboard-filter-${k}`}
                  legend={labels.dimension(k)}
                  options={options}
                  labelOf={(v) => labels.value(k, v)}
                  selected={draft.filters[k]}
                  onChange={setFilter(k)}
                />
              ),
          )}
          <CountriesFilter
            id="dashboard-filter-citizenship"
            label={labels.dimension('citizenship')}
            selected={draft.filters.citizenship}
            onChange={setFilter('citizenship')}
          />
          <CountriesFilter
            id="dashboard-filter-countryOfExploitation"
            label={labels.dimension('countryOfExploitation')}
            selected={draft.filters.countryOfExploitation}
            onChange={setFilter('countryOfExploitation')}
          />
        </div>
      </details>
      <div className="actions">
        <button type="submit" className="button">
          {t('insights.dashboard.apply')}
        </button>
        {FILTER_KEYS.some((k) => state.filters[k].length > 0) && (
          <button type="button" className="button button--secondary" onClick={clear}>
            {t('insights.dashboard.filters.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
