import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_LEVELS } from '../../../shared/api/insights.schema.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { navigate } from '../../router/history.ts';
import { alertsUrl, LAST_CHOICES, type AlertsFilter } from './alerts-filter.ts';

/** Level and number of months; applying changes the URL, which the alerts follow. */
export function AlertsFilters({ filter }: { filter: AlertsFilter }) {
  const { t } = useTranslation();
  const key = alertsUrl(filter);
  const [edit, setEdit] = useState({ key, values: filter });
  const draft = edit.key === key ? edit.values : filter;
  const apply = (e: FormEvent) => {
    e.preventDefault();
    navigate(alertsUrl(draft));
  };
  return (
    <form className="filters" aria-labelledby="alerts-filter-heading" onSubmit={apply}>
      <h2 id="alerts-filter-heading">{t('insights.alerts.filter.heading')}</h2>
      <div className="filters__grid">
        <SelectField
          id="alerts-level"
          label={t('insights.alerts.filter.level')}
          value={draft.level}
          onValue={(v) => setEdit({ key, values: { ...draft, level: v as AlertsFilter['level'] } })}
        >
          {ALERT_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`insights.alerts.level.${l}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="alerts-last"
          label={t('insights.alerts.filter.last')}
          hint={t('insights.alerts.filter.lastHint')}
          value={String(draft.last)}
          onValue={(v) => setEdit({ key, values: { ...draft, last: Number(v) } })}
        >
          {[...new Set([...LAST_CHOICES, draft.last])]
            .sort((a, b) => a - b)
            .map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
        </SelectField>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t('insights.alerts.filter.apply')}
        </button>
      </div>
    </form>
  );
}
