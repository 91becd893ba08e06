import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoutesResponse } from '../../../shared/api/insights.schema.ts';
import { insightsApi } from '../../api/insights-api.ts';
import { FactList } from '../../components/FactList.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { WorldMap } from '../../components/map/WorldMap.tsx';
import { Sankey } from '../../components/sankey/Sankey.tsx';
import { useCountryName } from '../../lib/countries.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useLocation } from '../../router/history.ts';
import { SuppressedCount } from './AnalyticsCell.tsx';
import { AnalyticsFilterForm } from './AnalyticsFilterForm.tsx';
import { formatNumber, formatPercent, monthParam, pageUrl } from './analytics-format.ts';
import { routesCsv } from './insights-csv.ts';
import { InsightsNav } from './InsightsNav.tsx';
import './analytics.css';
import { parseNode, routeFlows, sankeyLinks } from './routes-model.ts';
import { RoutesTable, ROUTES_TABLE_ID } from './RoutesTable.tsx';
import './routes.css';

const PATH = '/insights/routes';

/**
 * /insights/routes (insights:read): where the organisation's cases came from (citizenship),
 * went through (transit events) and were exploited, as flow lines on the offline map, a Sankey
 * and a table, with the domestic and cross-border shares. Small counts stay suppressed.
 */
export function RoutesPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const query = { from: monthParam(search.get('from')), to: monthParam(search.get('to')) };
  const result = useResource(pageUrl(PATH, query), () =>
    insightsApi.routes({
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    }),
  );
  return (
    <>
      <InsightsNav />
      <PageHeading title={t('insights.routes.title')} />
      <p className="hint">{t('insights.routes.intro')}</p>
      <AnalyticsFilterForm
        id="routes-filter"
        heading={t('insights.routes.filter.heading')}
        path={PATH}
        values={query}
        fields={[
          { name: 'from', kind: 'month', label: t('insights.routes.filter.fromMonth') },
          { name: 'to', kind: 'month', label: t('insights.routes.filter.toMonth') },
        ]}
      />
      {result.state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {result.state.status === 'error' && (
        <FormAlert message={errorMessage(t, result.state.error)} />
      )}
      {result.state.status === 'ready' && <RoutesFigures data={result.state.data} />}
    </>
  );
}

/**
 * The routes figures of one response (reusable by a public page over a hub publication); the
 * downloads' file names start with `filePrefix`.
 */
export function RoutesFigures({
  data,
  filePrefix = 'lantern-cases',
}: {
  data: RoutesResponse;
  filePrefix?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const country = useCountryName();
  const count = useCallback((n: number) => formatNumber(n, lang) ?? '—', [lang]);
  const nodeLabel = useCallback(
    (id: string) => {
      const node = parseNode(id);
      if (!node) return id;
      return node.stage === 'transit' && node.stop > 1
        ? t('insights.routes.node.transitStop', { country: country(node.country), stop: node.stop })
        : t(`insights.routes.node.${node.stage}`, { country: country(node.country) });
    },
    [t, country],
  );
  // Memoised: a new array on every render would redraw the map and the Sankey.
  const { flows, suppressed, unplaced } = useMemo(
    () =>
      routeFlows(data.links, (from, to, n) =>
        t('insights.routes.flowLabel', { from: country(from), to: country(to), count: count(n) }),
      ),
    [data.links, t, country, count],
  );
  const links = useMemo(() => sankeyLinks(data.links), [data.links]);
  const share = formatPercent(data.domesticShare, lang);
  const empty = data.flows.length === 0;
  return (
    <>
      <section className="section" aria-labelledby="routes-overview">
        <h2 id="routes-overview">{t('insights.routes.overview')}</h2>
        <FactList
          facts={[
            {
              label: t('insights.routes.domestic'),
              value: <SuppressedCount cell={data.domestic} />,
            },
            {
              label: t('insights.routes.crossBorder'),
              value: <SuppressedCount cell={data.crossBorder} />,
            },
            { label: t('insights.routes.unknown'), value: <SuppressedCount cell={data.unknown} /> },
            {
              label: t('insights.routes.domesticShare'),
              value: share ?? t('insights.routes.noShare'),
            },
          ]}
        />
        <p className="muted">
          {t('insights.routes.smallExplained', { threshold: formatNumber(data.minCell, lang) })}
        </p>
      </section>

      <section className="section" aria-labelledby="routes-map-heading">
        <h2 id="routes-map-heading">{t('insights.routes.mapHeading')}</h2>
        {empty ? (
          <p className="panel">{t('insights.routes.empty')}</p>
        ) : (
          <>
            <WorldMap
              label={t('insights.routes.mapLabel')}
              describedBy={ROUTES_TABLE_ID}
              flows={flows}
              height={420}
              download={{
                title: t('insights.routes.mapHeading'),
                fileName: `${filePrefix}-routes`,
                csv: () =>
                  routesCsv(data.flows, {
                    country,
                    suppressed: t('insights.sankey.suppressed'),
                    header: [
                      t('insights.routes.origin'),
                      t('insights.routes.transit'),
                      t('insights.routes.destination'),
                      t('insights.routes.cases'),
                    ],
                    direct: t('insights.routes.direct'),
                    arrow: t('insights.routes.arrow'),
                  }),
              }}
            />
            {(suppressed > 0 || unplaced > 0) && (
              <p className="muted routes-note">
                {suppressed > 0 && t('insights.routes.legsSuppressed', { n: count(suppressed) })}{' '}
                {unplaced > 0 && t('insights.routes.legsUnplaced', { n: count(unplaced) })}
              </p>
            )}
          </>
        )}
      </section>

      {!empty && (
        <section className="section" aria-labelledby="routes-sankey-heading">
          <h2 id="routes-sankey-heading">{t('insights.routes.sankeyHeading')}</h2>
          <Sankey
            label={t('insights.routes.sankeyLabel')}
            caption={t('insights.routes.linksCaption')}
            tableId="routes-links-table"
            links={links}
            nodeLabel={nodeLabel}
            formatValue={count}
            columns={{
              source: t('insights.routes.from'),
              target: t('insights.routes.to'),
              value: t('insights.routes.cases'),
            }}
            download={{
              title: t('insights.routes.sankeyHeading'),
              fileName: `${filePrefix}-routes-sankey`,
            }}
          />
        </section>
      )}

      <section className="section" aria-labelledby="routes-table-heading">
        <h2 id="routes-table-heading">{t('insights.routes.tableHeading')}</h2>
        <RoutesTable flows={data.flows} />
      </section>
    </>
  );
}
