import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotspotsResponse } from '../../../shared/api/insights.schema.ts';
import { insightsApi } from '../../api/insights-api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { WorldMap } from '../../components/map/WorldMap.tsx';
import { useCountryName } from '../../lib/countries.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useLocation } from '../../router/history.ts';
import { AnalyticsFilterForm } from './AnalyticsFilterForm.tsx';
import { formatNumber, formatP, monthParam, pageUrl } from './analytics-format.ts';
import { HotspotsTables, HOTSPOTS_GI_ID } from './HotspotsTables.tsx';
import { giStarCsv } from './insights-csv.ts';
import { clusterPoints, giStarRegions } from './hotspots-model.ts';
import { formatPeriod } from './insights-format.ts';
import { InsightsNav } from './InsightsNav.tsx';
import './analytics.css';
import './hotspots.css';

const PATH = '/insights/hotspots';
const GEOGRAPHIES = ['countryOfExploitation', 'citizenship'] as const;
const BASELINES = ['expected', 'population'] as const;

/**
 * /insights/hotspots (insights:read): Kulldorff's space-time scan clusters and the Getis-Ord
 * Gi* layer over the organisation's cases by country (docs/insights.md), on the offline map and
 * in tables that say the same in words.
 */
export function HotspotsPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const query = {
    from: monthParam(search.get('from')),
    to: monthParam(search.get('to')),
    geography: GEOGRAPHIES.find((g) => g === search.get('geography')) ?? 'countryOfExploitation',
    baseline: BASELINES.find((b) => b === search.get('baseline')) ?? 'expected',
  };
  const result = useResource(pageUrl(PATH, query), () =>
    insightsApi.hotspots({
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      geography: query.geography,
      baseline: query.baseline,
    }),
  );
  return (
    <>
      <InsightsNav />
      <PageHeading title={t('insights.hotspots.title')} />
      <p className="hint">{t('insights.hotspots.intro')}</p>
      <AnalyticsFilterForm
        id="hotspots-filter"
        heading={t('insights.hotspots.filterHeading')}
        path={PATH}
        values={query}
        defaults={{ geography: 'countryOfExploitation', baseline: 'expected' }}
        fields={[
          { name: 'from', kind: 'month', label: t('insights.routes.filter.fromMonth') },
          { name: 'to', kind: 'month', label: t('insights.routes.filter.toMonth') },
          {
            name: 'geography',
            kind: 'select',
            label: t('insights.hotspots.geography'),
            options: GEOGRAPHIES.map((g) => ({
              value: g,
              label: t(`insights.sdg.geography.${g}`),
            })),
          },
          {
            name: 'baseline',
            kind: 'select',
            label: t('insights.hotspots.baseline'),
            options: BASELINES.map((b) => ({
              value: b,
              label: t(`insights.hotspots.baselines.${b}`),
            })),
          },
        ]}
      />
      {result.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {result.state.status === 'error' && (
        <FormAlert message={errorMessage(t, result.state.error)} />
      )}
      {result.state.status === 'ready' && <Hotspots data={result.state.data} />}
      <HotspotsMethods />
    </>
  );
}

function Hotspots({ data }: { data: HotspotsResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const country = useCountryName();
  const nothing = data.clusters.length === 0 && data.giStar.length === 0;
  const regions = useMemo(() => giStarRegions(data.giStar), [data.giStar]);
  const formatZ = useCallback((z: number) => formatNumber(z, lang, 2) ?? '—', [lang]);
  // Memoised: a new array on every render would redraw the map (and restart its animation).
  const points = useMemo(
    () =>
      clusterPoints(data.clusters, (c, rank, code) => ({
        name: country(code),
        details: [
          rank === 0
            ? t('insights.hotspots.mostLikely')
            : t('insights.hotspots.secondary', { rank: formatNumber(rank, lang) }),
          t('insights.hotspots.clusterTip', {
            from: formatPeriod(c.start, lang),
            to: formatPeriod(c.end, lang),
            observed: formatNumber(c.observed, lang) ?? '—',
            expected: formatNumber(c.expected, lang, 1) ?? '—',
            rr: formatNumber(c.relativeRisk, lang, 2) ?? '—',
            p: formatP(c.p, lang) ?? '—',
          }),
        ],
      })),
    [data.clusters, country, t, lang],
  );
  return (
    <section className="section" aria-labelledby="hotspots-heading">
      <h2 id="hotspots-heading">{t('insights.hotspots.heading')}</h2>
      <p className="muted">
        {t('insights.hotspots.summary', {
          from: data.from ? formatPeriod(data.from, lang) : '—',
          to: data.to ? formatPeriod(data.to, lang) : '—',
          replications: formatNumber(data.replications, lang) ?? '0',
        })}
      </p>
      {data.notice !== null && (
        <p className="panel panel--notice" role="note">
          {nothing ? t('insights.hotspots.noticeNothing') : t('insights.hotspots.noticePartly')}
        </p>
      )}
      {!nothing && (
        <WorldMap
          label={t('insights.hotspots.mapLabel')}
          describedBy={HOTSPOTS_GI_ID}
          regions={regions}
          regionsLabel={t('insights.hotspots.zLegend')}
          formatRegionValue={formatZ}
          points={points}
          height={420}
          download={{
            title: t('insights.hotspots.giHeading'),
            fileName: 'lantern-cases-hotspots-gi-star',
            csv: () =>
              giStarCsv(data.giStar, {
                country,
                suppressed: t('insights.sankey.suppressed'),
                header: [
                  t('insights.hotspots.country'),
                  t('insights.hotspots.cases'),
                  t('insights.hotspots.z'),
                  t('insights.hotspots.p'),
                  t('insights.hotspots.verdict'),
                ],
                hot: t('insights.hotspots.hot'),
                cold: t('insights.hotspots.cold'),
                neither: t('insights.hotspots.neither'),
              }),
          }}
        />
      )}
      <HotspotsTables data={data} />
    </section>
  );
}

/** The methods in short, with their sources (the engines in src/shared/insights/space cite them). */
function HotspotsMethods() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="hotspots-methods-heading">
      <h2 id="hotspots-methods-heading">{t('insights.hotspots.methodsHeading')}</h2>
      <p>{t('insights.hotspots.aboutScan')}</p>
      <p>{t('insights.hotspots.aboutGi')}</p>
      <h3>{t('insights.methods.sourcesHeading')}</h3>
      <ul className="analytics-sources">
        <li lang="en">{t('insights.methods.source.kulldorff1997')}</li>
        <li lang="en">{t('insights.methods.source.kulldorff1998')}</li>
        <li lang="en">{t('insights.methods.source.getisOrd1992')}</li>
        <li lang="en">{t('insights.methods.source.ordGetis1995')}</li>
        <li lang="en">{t('insights.methods.source.bh1995')}</li>
      </ul>
    </section>
  );
}
