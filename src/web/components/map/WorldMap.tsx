import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureDownloads } from '../charts/FigureDownloads.tsx';
import { LoadBoundary } from './LoadBoundary.tsx';
import type { WorldMapProps } from './map-types.ts';
import './map.css';

// ECharts and the boundaries load only when a page shows a map.
const WorldMapChart = lazy(() => import('./WorldMapChart.tsx'));

/**
 * An offline world map (Natural Earth boundaries, no tile server): points with tooltips, an
 * optional choropleth by ISO alpha-2 code and optional flow lines. It is a picture: the page
 * must also show the same data as a list or table, named by `describedBy`.
 */
export function WorldMap(props: WorldMapProps) {
  const { t } = useTranslation();
  const [paintPng, setPaintPng] = useState<(() => string) | null>(null);
  const onPngReady = useCallback((paint: (() => string) | null) => setPaintPng(() => paint), []);
  const { download } = props;
  return (
    <figure className="world-map">
      <LoadBoundary
        fallback={
          <p className="world-map__loading" style={{ minBlockSize: `${props.height ?? 360}px` }}>
            {t('map.failed')}
          </p>
        }
      >
        <Suspense
          fallback={
            <p className="world-map__loading" style={{ minBlockSize: `${props.height ?? 360}px` }}>
              {t('map.loading')}
            </p>
          }
        >
          <WorldMapChart {...props} onPngReady={download ? onPngReady : undefined} />
        </Suspense>
      </LoadBoundary>
      {download && (
        <FigureDownloads
          title={download.title}
          fileName={download.fileName}
          paintPng={paintPng}
          csv={download.csv}
        />
      )}
      <figcaption className="world-map__caption">
        {props.onLocationPick && <span>{t('map.pickHint')} </span>}
        <span>{t('map.attribution')}</span>
      </figcaption>
    </figure>
  );
}
