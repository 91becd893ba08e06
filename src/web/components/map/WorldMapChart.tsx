import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LinesChart, MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
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
import { SVGRenderer } from 'echarts/renderers';
import { useCountryName } from '../../lib/countries.ts';
import { escapeHtml, fitView, flowWidth, pickedCoordinates, WORLD_VIEW } from './map-view.ts';
import type { MapPoint, WorldMapProps } from './map-types.ts';
import { worldCountries } from './world-geo.ts';

// Only the parts the map uses, so the chunk stays small. SVG: crisp at any zoom, and the page
// holds real elements (tests and print see them).
installParts([
  GeoComponent,
  TooltipComponent,
  VisualMapComponent,
  MapChart,
  ScatterChart,
  LinesChart,
  SVGRenderer,
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
};

const DRAG_TOLERANCE = 4;

/** The ECharts world map (loaded on demand by WorldMap). */
export default function WorldMapChart(props: WorldMapProps) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const handlers = useRef(props);
  useEffect(() => {
    handlers.current = props;
  });
  const { points, regions, regionsLabel, flows, marker, height, label, describedBy } = props;

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
    return () => {
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
              min: 0,
              max: Math.max(1, ...values),
              seriesId: 'regions',
              calculable: false,
              text: regionsLabel ? [regionsLabel, ''] : undefined,
              inRange: { color: COLOURS.scale },
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
                    `${escapeHtml(countryName(p.name))}: ${typeof p.value === 'number' ? p.value : 0}`,
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
  }, [points, regions, regionsLabel, flows, marker, view, countryName, props.onPointSelect]);

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
