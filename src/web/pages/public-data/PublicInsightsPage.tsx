import { useTranslation } from 'react-i18next';
import { publicDataApi } from '../../api/hub-api.ts';
import { publicInsightsApi } from '../../api/insights-api.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useLocation } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { DashboardBody } from '../insights/DashboardFigures.tsx';
import {
  dashboardSearch,
  publicDashboardParams,
  readDashboardState,
} from '../insights/dashboard-state.ts';
import '../insights/insights.css';
import { PublicInsightsNav } from './PublicInsightsNav.tsx';

/** The dashboard's path of a released publication. */
export const publicInsightsPath = (id: string): string =>
  `/data/${encodeURIComponent(id)}/insights`;

/**
 * /data/{id}/insights: the dashboard over a released hub publication, without signing in. Its
 * rows carry a year, not a month, so the counts are yearly; small cells are suppressed by the
 * server as on the organisation's dashboard.
 */
export function PublicInsightsPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const path = publicInsightsPath(id);
  const state = readDashboardState(search, 'year');
  const publication = useResource(`public/publication/${id}`, () => publicDataApi.get(id));
  const dashboard = useResource(`public/insights/${id}${dashboardSearch(state, 'year')}`, () =>
    publicInsightsApi.dashboard(id, publicDashboardParams(state)),
  );
  const title = publication.state.status === 'ready' ? publication.state.data.title : null;
  const heading = title
    ? t('insights.dashboard.publicTitle', { title })
    : t('insights.dashboard.publicTitleUntitled');
  return (
    <>
      <PublicInsightsNav id={id} />
      <PageHeading title={heading}>
        <bdi>{heading}</bdi>
      </PageHeading>
      <p className="hint">{t('insights.dashboard.publicIntro')}</p>
      <DashboardBody
        dashboard={dashboard.state}
        state={state}
        form="year"
        path={path}
        filePrefix="publication"
      />
      <p>
        <Link to={`/data/${encodeURIComponent(id)}`}>
          {t('insights.dashboard.backToPublication')}
        </Link>
      </p>
    </>
  );
}
