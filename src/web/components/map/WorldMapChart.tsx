import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LinesChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  GeoComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import {
  init,
  registerMap,
  use as installParts,
  type ComposeOption,
  type ECElementEvent,
  type EChartsType,
} from 'echarts/core';
import type {
  GeoComponentOption,
  LinesSeriesOption,
  MapSeriesOption,
  ScatterSeriesOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useCountryName } from '../../lib/countries.ts';
import { offscreenPng, PNG_TITLE_ROOM, pngTitle } from '../charts/offscreen-png.ts';
import { escapeHtml, fitView, flowWidth, pickedCoordinates, WORLD_VIEW } from './map-view.ts';
import type { MapPoint, WorldMapProps } from './map-types.ts';
import { worldCountries } from './world-geo.ts';

// Only the parts the map uses, so the chunk stays small. SVG: crisp at any zoom, and the page
// holds real elements (tests and print see them); canvas and the title only paint the PNG
// download of a map that offers one.
installParts([
  GeoComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  MapChart,
  ScatterChart,
  LinesChart,
  SVGRenderer,
  CanvasRenderer,
]);

const MAP_NAME = 'lantern-world';
registerMap(MAP_NAME, worldCountries() as unknown as Parameters<typeof registerMap>[1]);

type Option = ComposeOption<
  | GeoComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
  | MapSeriesOption
  | ScatterSeriesOption
  | LinesSeriesOption
>;

// The palette of src/web/styles/base.css; contrast of points against land is at least 3:1.
const COLOURS = {
  land: '#f4f1ea',
  border: '#8a96a6',
  hover: '#e2e8f0',
  point: '#1d4e89',
  emphasis: '#b42318',
  marker: '#8a6d00',
  flow: '#0b5cad',
  scale: ['#dbe7f3', '#1d4e89'],
  // Diverging (ColorBrewer RdBu): cold below zero, neutral at zero, hot above.
  diverging: ['#2166ac', '#f7f7f7', '#b2182b'],
};

const DRAG_TOLERANCE = 4;

export interface WorldMapChartProps extends WorldMapProps {
  /** Receives the PNG painter once the map is drawn (null when it goes away); see `download`. */
  onPngReady?: (paint: (() => string) | null) => void;
}

/** The ECharts world map (loaded on demand by WorldMap). */
export default function WorldMapChart(props: WorldMapChartProps) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const drawn = useRef<Option | null>(null);
  const handlers = useRef(props);
  useEffect(() => {
    handlers.current = props;
  });
  const { points, regions, regionsLabel, flows, marker, height, label, describedBy } = props;
  const { formatRegionValue } = props;

  const pointsKey = useMemo(
    () => (points ?? []).map((p) => `${p.id}:${p.latitude}:${p.longitude}`).join('|'),
    [points],
  );
  const view = useMemo(
    () => fitView([...(points ?? []), ...(marker ? [marker] : [])]),
    // Refit only when the places change, not on every render (the user may have zoomed).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [pointsKey, marker?.latitude, marker?.longitude],
  );

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const instance = init(el, null, { renderer: 'svg' });
    chart.current = instance;
    let pointHit = false;
    let down: { x: number; y: number } | null = null;
    instance.on('click', (e: ECElementEvent) => {
      if (e.seriesId !== 'points') return;
      pointHit = true;
      const id = (e.data as { id?: string } | undefined)?.id;
      if (id !== undefined) handlers.current.onPointSelect?.(id);
    });
    const zr = instance.getZr();
    zr.on('mousedown', (e) => {
      down = { x: e.offsetX, y: e.offsetY };
    });
    // ECharts' own click handler runs first, so a click on a point is known here.
    zr.on('click', (e) => {
      const hitPoint = pointHit;
      pointHit = false;
      const pick = handlers.current.onLocationPick;
      if (!pick || hitPoint) return;
      const moved = down && Math.hypot(e.offsetX - down.x, e.offsetY - down.y) > DRAG_TOLERANCE;
      if (moved) return; // the end of a pan, not a pick
      const [lon, lat] = instance.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]);
      const picked = lon === undefined || lat === undefined ? null : pickedCoordinates(lon, lat);
      if (picked) pick(picked.latitude, picked.longitude);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    // The PNG: the option drawn on the page, at the view the user has zoomed or panned to, with
    // the title above it, painted off-page on the canvas renderer.
    const { onPngReady } = handlers.current;
    onPngReady?.(() => {
      const option = drawn.current ?? {};
      const geo = (option.geo ?? {}) as GeoComponentOption;
      const now = (instance.getOption().geo as GeoComponentOption[] | undefined)?.[0];
      const { download, label: mapLabel } = handlers.current;
      return offscreenPng(
        {
          ...option,
          title: pngTitle(download?.title ?? mapLabel),
          geo: {
            ...geo,
            zoom: now?.zoom ?? geo.zoom,
            center: now?.center ?? geo.center,
            top: PNG_TITLE_ROOM,
          },
        },
        el.clientWidth || 800,
        (el.clientHeight || 360) + PNG_TITLE_ROOM,
      );
    });
    return () => {
      onPngReady?.(null);
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const largestFlow = Math.max(0, ...(flows ?? []).map((f) => f.value ?? 0));
    const values = (regions ?? []).map((r) => r.value);
    const diverging = values.some((v) => v < 0);
    // The scale ends at the largest value (rates under 1 must not all look pale); a diverging
    // scale spans at least ±3, so that a z-score near 0 stays pale and only |z| beyond about 2
    // (significance at 5 %) shows strong colour.
    const largest = Math.max(0, ...values);
    const extent = Math.max(3, ...values.map(Math.abs));
    const tooltipOf = (p: MapPoint) =>
      [`<strong>${escapeHtml(p.label)}</strong>`, ...(p.details ?? []).map(escapeHtml)].join(
        '<br>',
      );
    const option: Option = {
      tooltip: { trigger: 'item', confine: true, enterable: false },
      geo: {
        map: MAP_NAME,
        roam: true,
        roamTrigger: 'global',
        clip: true,
        center: view.center,
        zoom: view.zoom,
        scaleLimit: { min: 1, max: 40 },
        left: 0,
        right: 0,
        top: 0,
        bottom: 0,
        itemStyle: { areaColor: COLOURS.land, borderColor: COLOURS.border, borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: COLOURS.hover } },
        select: { disabled: true },
        tooltip: { show: false },
      },
      visualMap:
        values.length > 0
          ? {
              type: 'continuous',
              min: diverging ? -extent : 0,
              max: diverging ? extent : largest > 0 ? largest : 1,
              seriesId: 'regions',
              calculable: false,
              text: regionsLabel ? [regionsLabel, ''] : undefined,
              inRange: { color: diverging ? COLOURS.diverging : COLOURS.scale },
              formatter: formatRegionValue
                ? (v: unknown) => formatRegionValue(Number(v))
                : undefined,
              left: 8,
              bottom: 8,
              itemHeight: 80,
            }
          : undefined,
      series: [
        ...(values.length > 0
          ? [
              {
                id: 'regions',
                type: 'map' as const,
                geoIndex: 0,
                data: (regions ?? []).map((r) => ({ name: r.code, value: r.value })),
                tooltip: {
                  formatter: (p: { name: string; value?: unknown }) =>
                    `${escapeHtml(countryName(p.name))}: ${escapeHtml(
                      typeof p.value === 'number' && Number.isFinite(p.value)
                        ? (formatRegionValue?.(p.value) ?? String(p.value))
                        : '—',
                    )}`,
                },
              },
            ]
          : []),
        ...((flows ?? []).length > 0
          ? [
              {
                id: 'flows',
                type: 'lines' as const,
                coordinateSystem: 'geo',
                data: (flows ?? []).map((f) => ({
                  name: f.label,
                  coords: [
                    [f.from.longitude, f.from.latitude],
                    [f.to.longitude, f.to.latitude],
                  ],
                  lineStyle: { width: flowWidth(f.value, largestFlow) },
                })),
                lineStyle: { color: COLOURS.flow, opacity: 0.7, curveness: 0.2 },
                symbol: ['none', 'arrow'],
                symbolSize: 8,
                tooltip: { formatter: (p: { name: string }) => escapeHtml(p.name) },
              },
            ]
          : []),
        {
          id: 'points',
          type: 'scatter',
          coordinateSystem: 'geo',
          data: (points ?? []).map((p) => ({
            id: p.id,
            name: p.label,
            value: [p.longitude, p.latitude],
            symbolSize: p.emphasis ? 16 : 11,
            itemStyle: { color: p.emphasis ? COLOURS.emphasis : COLOURS.point },
            tooltip: { formatter: tooltipOf(p) },
          })),
          itemStyle: { borderColor: '#ffffff', borderWidth: 1.5 },
          emphasis: { scale: 1.4 },
          cursor: props.onPointSelect ? 'pointer' : 'default',
          z: 3,
        },
        {
          id: 'marker',
          type: 'scatter',
          coordinateSystem: 'geo',
          symbol: 'pin',
          symbolSize: 28,
          data: marker ? [{ name: marker.label, value: [marker.longitude, marker.latitude] }] : [],
          itemStyle: { color: COLOURS.marker },
          tooltip: { formatter: (p: { name: string }) => escapeHtml(p.name) },
          z: 4,
        },
      ],
    };
    instance.setOption(option, { replaceMerge: ['series', 'visualMap'] });
    drawn.current = option;
  }, [
    points,
    regions,
    regionsLabel,
    formatRegionValue,
    flows,
    marker,
    view,
    countryName,
    props.onPointSelect,
  ]);

  const setView = (next: { zoom?: number; center?: [number, number] }) =>
    chart.current?.setOption({ geo: next });
  const zoomBy = (factor: number) => {
    const geo = chart.current?.getOption().geo as { zoom?: number }[] | undefined;
    const zoom = geo?.[0]?.zoom ?? 1;
    setView({ zoom: Math.min(40, Math.max(1, zoom * factor)) });
  };

  return (
    <>
      <div
        ref={container}
        className="world-map__canvas"
        role="img"
        aria-label={label}
        aria-describedby={describedBy}
        style={{ blockSize: `${height ?? 360}px` }}
      />
      <div className="world-map__tools">
        <button type="button" className="button button--secondary" onClick={() => zoomBy(1.5)}>
          {t('map.zoomIn')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => zoomBy(1 / 1.5)}>
          {t('map.zoomOut')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setView(points?.length || marker ? view : WORLD_VIEW)}
        >
          {t('map.showAll')}
        </button>
      </div>
    </>
  );
}
