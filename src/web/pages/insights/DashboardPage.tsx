import { useTranslation } from 'react-i18next';
import { insightsApi } from '../../api/insights-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useLocation } from '../../router/history.ts';
import { DashboardControls } from './DashboardControls.tsx';
import { DashboardFigures } from './DashboardFigures.tsx';
import { dashboardParams, dashboardSearch, readDashboardState } from './dashboard-state.ts';
import { DrillTrail } from './DrillTrail.tsx';
import { InsightsNav } from './InsightsNav.tsx';

const PATH = '/insights';

/**
 * /insights (insights:read): the organisation's cases counted over time by type of
 * exploitation, sex, age band, citizenship or country of exploitation, with filters and
 * drill-down. The view lives in the URL; small cells arrive suppressed from the server.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const state = readDashboardState(search, 'month');
  const query = dashboardParams(state);
  const key = `insights/dashboard${dashboardSearch(state, 'month')}`;
  const dashboard = useResource(key, () => insightsApi.dashboard(query));
  return (
    <>
      <PageHeading title={t('insights.dashboard.title')} />
      <InsightsNav />
      <p className="hint">{t('insights.dashboard.intro')}</p>
      <DashboardControls state={state} form="month" path={PATH} />
      <DrillTrail state={state} form="month" path={PATH} />
      {dashboard.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {dashboard.state.status === 'error' && (
        <FormAlert message={errorMessage(t, dashboard.state.error)} />
      )}
      {dashboard.state.status === 'ready' && (
        <DashboardFigures
          data={dashboard.state.data}
          state={state}
          form="month"
          path={PATH}
          filePrefix="lantern-cases"
        />
      )}
    </>
  );
}
