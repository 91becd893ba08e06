import { useTranslation } from 'react-i18next';
import { publicInsightsApi } from '../../api/insights-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { RoutesFigures } from '../insights/RoutesPage.tsx';
import { BackToPublication, PublicFiguresHeader } from './PublicInsightsNav.tsx';

/**
 * /data/{id}/insights/routes: the routes of a released hub publication without signing in,
 * citizenship to country of exploitation (the CTDC layouts record no transit), as flow lines,
 * a Sankey and a table; small counts are suppressed by the server (docs/insights.md).
 */
export function PublicRoutesPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const routes = useResource(`public/insights/${id}/routes`, () => publicInsightsApi.routes(id));
  return (
    <>
      <PublicFiguresHeader
        id={id}
        title={(title) => t('insights.public.routesTitle', { title })}
        untitled={t('insights.public.routesTitleUntitled')}
        intro={t('insights.public.routesIntro')}
      />
      {routes.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {routes.state.status === 'error' && (
        <FormAlert message={errorMessage(t, routes.state.error)} />
      )}
      {routes.state.status === 'ready' && (
        <RoutesFigures data={routes.state.data} filePrefix="publication" />
      )}
      <BackToPublication id={id} />
    </>
  );
}
