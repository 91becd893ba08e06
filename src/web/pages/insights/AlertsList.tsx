import { useTranslation } from 'react-i18next';
import type { AlertsResponse } from '../../../shared/api/insights.schema.ts';
import { FactList } from '../../components/FactList.tsx';
import { formatNumber } from './analytics-format.ts';
import { formatPeriod } from './insights-format.ts';
import { useAlertLabels } from './alerts-labels.ts';

type Alert = AlertsResponse['alerts'][number];

export const ALERTS_LIST_ID = 'alerts-list';

/**
 * The alerts in the order the API sends them (newest month first, then furthest above the
 * threshold), each explaining itself: what was observed, what was expected, the threshold, the
 * method by name and the history its baseline used.
 */
export function AlertsList({ alerts }: { alerts: readonly Alert[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const labels = useAlertLabels();
  // Expected counts and thresholds are model values: one decimal; counts are whole numbers.
  const n = (v: number, digits = 0) => formatNumber(v, lang, digits) ?? '—';
  return (
    <ol id={ALERTS_LIST_ID} className="alerts-list" aria-label={t('insights.alerts.listLabel')}>
      {alerts.map((a) => {
        const series = labels.series(a.key);
        const period = formatPeriod(a.period, lang);
        return (
          <li key={`${JSON.stringify(a.key)}|${a.period}|${a.method}`} className="alerts-item">
            <h3 className="alerts-item__title">
              <bdi>{series}</bdi> · {period}
            </h3>
            <p className="alerts-item__why">
              {t('insights.alerts.explanation', {
                observed: n(a.observed),
                period,
                expected: n(a.expected, 1),
                threshold: n(a.threshold, 1),
                method: labels.method(a.method),
              })}
            </p>
            <FactList
              facts={[
                { label: t('insights.alerts.observed'), value: n(a.observed) },
                { label: t('insights.alerts.expected'), value: n(a.expected, 1) },
                { label: t('insights.alerts.threshold'), value: n(a.threshold, 1) },
                { label: t('insights.alerts.method'), value: labels.method(a.method) },
                {
                  label: t('insights.alerts.history'),
                  value: t('insights.alerts.historyValue', {
                    from: formatPeriod(a.history.from, lang),
                    to: formatPeriod(a.history.to, lang),
                    periods: n(a.history.periods),
                  }),
                },
              ]}
            />
          </li>
        );
      })}
    </ol>
  );
}
