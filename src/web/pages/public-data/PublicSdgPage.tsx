import { useTranslation } from 'react-i18next';
import { publicInsightsApi } from '../../api/insights-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useLocation } from '../../router/history.ts';
import { pageUrl } from '../insights/analytics-format.ts';
import { SdgFilterForm, sdgQuery } from '../insights/SdgFilterForm.tsx';
import { SdgFigures } from '../insights/SdgPage.tsx';
import {
  BackToPublication,
  PublicFiguresHeader,
  publicFiguresPaths,
} from './PublicInsightsNav.tsx';

/**
 * /data/{id}/insights/sdg: SDG indicator 16.2.2 (UN SDG metadata 16.2.2, custodian UNODC) over
 * a released hub publication without signing in: every record is a detected victim, divided by
 * the shipped population table; small counts are suppressed by the server.
 */
export function PublicSdgPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const path = publicFiguresPaths(id).sdg;
  const query = sdgQuery(search);
  const sdg = useResource(`public/insights/${id}${pageUrl('/sdg', query)}`, () =>
    publicInsightsApi.sdg(id, {
      ...(query.year ? { year: query.year } : {}),
      geography: query.geography,
    }),
  );
  return (
    <>
      <PublicFiguresHeader
        id={id}
        title={(title) => t('insights.public.sdgTitle', { title })}
        untitled={t('insights.public.sdgTitleUntitled')}
        intro={t('insights.public.sdgIntro')}
      />
      <SdgFilterForm id="public-sdg-filter" path={path} values={query} />
      {sdg.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {sdg.state.status === 'error' && <FormAlert message={errorMessage(t, sdg.state.error)} />}
      {sdg.state.status === 'ready' && (
        <SdgFigures data={sdg.state.data} filePrefix="publication" />
      )}
      <BackToPublication id={id} />
    </>
  );
}
