import { useTranslation } from 'react-i18next';
import { insightsApi } from '../../api/insights-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useLocation } from '../../router/history.ts';
import { formatNumber } from './analytics-format.ts';
import { formatPeriod } from './insights-format.ts';
import { alertsFilterFromSearch, alertsUrl } from './alerts-filter.ts';
import { AlertsFilters } from './AlertsFilters.tsx';
import { AlertsList } from './AlertsList.tsx';
import { AlertsMethods } from './AlertsMethods.tsx';
import { InsightsNav } from './InsightsNav.tsx';
import './analytics.css';
import './alerts.css';

/**
 * /insights/alerts (insights:read): unusual increases in the organisation's monthly series by
 * country, region or form of exploitation, found by the surveillance methods (EARS, Farrington
 * flexible, negative-binomial CUSUM; docs/insights.md), each explained in words.
 */
export function AlertsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { search } = useLocation();
  const filter = alertsFilterFromSearch(search);
  const alerts = useResource(alertsUrl(filter), () => insightsApi.alerts(filter));
  return (
    <>
      <InsightsNav />
      <PageHeading title={t('insights.alerts.title')} />
      <p className="hint">{t('insights.alerts.intro')}</p>
      <AlertsFilters filter={filter} />
      <section className="section" aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">{t('insights.alerts.heading')}</h2>
        {alerts.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {alerts.state.status === 'error' && (
          <FormAlert message={errorMessage(t, alerts.state.error)} />
        )}
        {alerts.state.status === 'ready' && (
          <>
            <p className="muted">
              {t('insights.alerts.summary', {
                asOf: formatPeriod(alerts.state.data.asOf, lang),
                series: formatNumber(alerts.state.data.seriesExamined, lang) ?? '0',
                level: t(`insights.alerts.level.${alerts.state.data.level}`),
              })}
            </p>
            {alerts.state.data.alerts.length === 0 ? (
              <p className="panel alerts-empty">
                {t('insights.alerts.empty', {
                  months: formatNumber(filter.last, lang) ?? '',
                  series: formatNumber(alerts.state.data.seriesExamined, lang) ?? '0',
                })}
              </p>
            ) : (
              <AlertsList alerts={alerts.state.data.alerts} />
            )}
            <p className="muted">{t('insights.alerts.withheld')}</p>
          </>
        )}
      </section>
      <AlertsMethods />
    </>
  );
}
