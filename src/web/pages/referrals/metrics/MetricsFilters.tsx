import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { navigate } from '../../../router/history.ts';
import { metricsUrl, type PeriodFilter } from './metrics-format.ts';

/** Period and side; applying changes the URL, which the figures follow. */
export function MetricsFilters({
  filter,
  mayChooseSide,
}: {
  filter: PeriodFilter;
  mayChooseSide: boolean;
}) {
  const { t } = useTranslation();
  const key = metricsUrl(filter);
  const [edit, setEdit] = useState({ key, values: filter });
  const draft = edit.key === key ? edit.values : filter;
  const set = (k: keyof PeriodFilter) => (v: string) =>
    setEdit({ key, values: { ...draft, [k]: v } });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    navigate(metricsUrl(draft));
  };
  return (
    <form className="filters" aria-labelledby="metrics-filter-heading" onSubmit={apply}>
      <h2 id="metrics-filter-heading">{t('referralMetrics.filter.heading')}</h2>
      <div className="filters__grid">
        <TextField
          id="metrics-from"
          type="date"
          label={t('referralMetrics.filter.from')}
          hint={t('referralMetrics.filter.fromHint')}
          value={draft.from}
          onValue={set('from')}
        />
        <TextField
          id="metrics-to"
          type="date"
          label={t('referralMetrics.filter.to')}
          hint={t('referralMetrics.filter.toHint')}
          value={draft.to}
          onValue={set('to')}
        />
        {mayChooseSide && (
          <SelectField
            id="metrics-side"
            label={t('referralMetrics.filter.side')}
            value={draft.side}
            onValue={set('side')}
          >
            <option value="sent">{t('referralMetrics.filter.sent')}</option>
            <option value="received">{t('referralMetrics.filter.received')}</option>
          </SelectField>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t('referralMetrics.filter.apply')}
        </button>
      </div>
    </form>
  );
}
