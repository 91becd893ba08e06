import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SdgResponse } from '../../../shared/api/insights.schema.ts';
import { insightsApi } from '../../api/insights-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { WorldMap } from '../../components/map/WorldMap.tsx';
import { useCountryName } from '../../lib/countries.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useLocation } from '../../router/history.ts';
import { formatNumber, pageUrl } from './analytics-format.ts';
import { SdgFilterForm, sdgQuery } from './SdgFilterForm.tsx';
import { sdgCsv } from './insights-csv.ts';
import { InsightsNav } from './InsightsNav.tsx';
import './analytics.css';
import { sdgRegions } from './sdg-model.ts';
import { sdgGroups, sdgNote, SdgTables, SDG_TABLE_ID } from './SdgTables.tsx';
import './sdg.css';

const PATH = '/insights/sdg';

/**
 * /insights/sdg (insights:read): SDG indicator 16.2.2, detected victims of trafficking per
 * 100,000 population, by sex, age and form of exploitation (UN SDG metadata 16.2.2, UNODC), for
 * the organisation's cases, with the population table's source cited.
 */
export function SdgPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const query = sdgQuery(search);
  const result = useResource(pageUrl(PATH, query), () =>
    insightsApi.sdg({ ...(query.year ? { year: query.year } : {}), geography: query.geography }),
  );
  return (
    <>
      <InsightsNav />
      <PageHeading title={t('insights.sdg.title')} />
      <p className="hint">{t('insights.sdg.intro')}</p>
      <SdgFilterForm id="sdg-filter" path={PATH} values={query} />
      {result.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {result.state.status === 'error' && (
        <FormAlert message={errorMessage(t, result.state.error)} />
      )}
      {result.state.status === 'ready' && <SdgFigures data={result.state.data} />}
    </>
  );
}

/**
 * The indicator of one response (reusable by a public page over a hub publication); the
 * downloads' file names start with `filePrefix`.
 */
export function SdgFigures({
  data,
  filePrefix = 'lantern-cases',
}: {
  data: SdgResponse;
  filePrefix?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const country = useCountryName();
  const formatRate = useCallback((v: number) => formatNumber(v, lang, 2) ?? '—', [lang]);
  const regions = useMemo(() => sdgRegions(data.rows), [data.rows]);
  return (
    <section className="section" aria-labelledby="sdg-heading">
      <h2 id="sdg-heading">
        {data.year
          ? t('insights.sdg.heading', {
              year: data.year,
              geography: t(`insights.sdg.geography.${data.geography}`),
            })
          : t('insights.sdg.headingNoYear')}
      </h2>
      <p className="muted">
        {t('insights.sdg.populationSource')} <cite>{data.populationSource}</cite>
      </p>
      {data.rows.length === 0 ? (
        <p className="panel">{t('insights.sdg.empty')}</p>
      ) : (
        <>
          {regions.length > 0 && (
            <WorldMap
              label={t('insights.sdg.mapLabel')}
              describedBy={SDG_TABLE_ID}
              regions={regions}
              regionsLabel={t('insights.sdg.per100k')}
              formatRegionValue={formatRate}
              height={400}
              download={{
                title: t('insights.export.sdgMapTitle'),
                fileName: `${filePrefix}-sdg-16-2-2${data.year ? `-${data.year}` : ''}`,
                csv: () =>
                  sdgCsv(data.rows, {
                    country,
                    suppressed: t('insights.sankey.suppressed'),
                    countryHeading: t('insights.sdg.country'),
                    populationHeading: t('insights.sdg.population'),
                    notesHeading: t('insights.sdg.notes'),
                    groups: sdgGroups(t).map((g) => ({
                      victims: t('insights.export.victimsOf', { group: g.label }),
                      rate: t('insights.export.rateOf', { group: g.label }),
                      of: g.rate,
                    })),
                    note: (r) => sdgNote(t, r),
                  }),
              }}
            />
          )}
          <SdgTables data={data} />
        </>
      )}
    </section>
  );
}
