import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureDownloads } from '../charts/FigureDownloads.tsx';
import { LoadBoundary } from '../map/LoadBoundary.tsx';
import { sankeyCsv } from './sankey-csv.ts';
import { sankeyGraph } from './sankey-data.ts';
import type { SankeyProps } from './sankey-types.ts';
import './sankey.css';

// ECharts' Sankey loads only when a page draws one.
const SankeyChart = lazy(() => import('./SankeyChart.tsx'));

/**
 * A Sankey diagram of flows between stages (origin → transit → destination), drawn from right
 * to left in Arabic, and under it the table of the same links in words: its text alternative,
 * and the only place where links left out of the picture (suppressed counts) appear.
 */
export function Sankey(props: SankeyProps) {
  const { t } = useTranslation();
  const [paintPng, setPaintPng] = useState<(() => string) | null>(null);
  const onPngReady = useCallback((paint: (() => string) | null) => setPaintPng(() => paint), []);
  const { download } = props;
  const graph = sankeyGraph(props.links);
  // About one line of labels per node of the tallest column, at least 200 px.
  const height = props.height ?? Math.max(200, Math.min(640, 28 * graph.nodes.length));
  const suppressed = graph.leftOut.filter((l) => l.reason === 'suppressed').length;
  const cycles = graph.leftOut.filter((l) => l.reason === 'cycle').length;
  return (
    <figure className="sankey">
      {graph.links.length > 0 ? (
        <LoadBoundary fallback={<p className="sankey__loading">{t('map.failed')}</p>}>
          <Suspense
            fallback={
              <p className="sankey__loading" style={{ minBlockSize: `${height}px` }}>
                {t('insights.sankey.loading')}
              </p>
            }
          >
            <SankeyChart
              {...props}
              height={height}
              onPngReady={download ? onPngReady : undefined}
            />
          </Suspense>
        </LoadBoundary>
      ) : (
        <p className="muted">{t('insights.sankey.nothingToDraw')}</p>
      )}
      {download && (
        <FigureDownloads
          title={download.title}
          fileName={download.fileName}
          paintPng={graph.links.length > 0 ? paintPng : null}
          csv={() => sankeyCsv(props, t('insights.sankey.suppressed'))}
        />
      )}
      {(suppressed > 0 || cycles > 0) && (
        <p className="sankey__note">
          {suppressed > 0 && t('insights.sankey.suppressedLeftOut', { n: suppressed })}{' '}
          {cycles > 0 && t('insights.sankey.cyclesLeftOut', { n: cycles })}
        </p>
      )}
      <table id={props.tableId} className="stack-table sankey__table">
        <caption className="sankey__caption">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.columns.source}</th>
            <th scope="col">{props.columns.target}</th>
            <th scope="col">{props.columns.value}</th>
          </tr>
        </thead>
        <tbody>
          {props.links.map((l) => (
            <tr key={`${l.source}>${l.target}`}>
              <th scope="row" data-label={props.columns.source}>
                <span>{props.nodeLabel(l.source)}</span>
              </th>
              <td data-label={props.columns.target}>
                <span>{props.nodeLabel(l.target)}</span>
              </td>
              <td data-label={props.columns.value}>
                <span>
                  {l.value === null ? (
                    <span className="badge">{t('insights.sankey.suppressed')}</span>
                  ) : (
                    props.formatValue(l.value)
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
