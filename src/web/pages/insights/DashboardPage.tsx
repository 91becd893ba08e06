import { useTranslation } from 'react-i18next';
import { insightsApi } from '../../api/insights-api.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useLocation } from '../../router/history.ts';
import { DashboardBody } from './DashboardFigures.tsx';
import { dashboardParams, dashboardSearch, readDashboardState } from './dashboard-state.ts';
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
      <DashboardBody
        dashboard={dashboard.state}
        state={state}
        form="month"
        path={PATH}
        filePrefix="lantern-cases"
      />
    </>
  );
}
