import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use as installParts, type ECElementEvent } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { isLanguageCode, languageDir } from '../../../shared/i18n/i18n.ts';
import { formatCount } from '../../lib/format.ts';
import { chartOption, type OptionContext } from './chart-option.ts';
import type { ChartProps } from './chart-types.ts';

// Only the parts the charts use. SVG on the page: crisp, and real elements that tests and print
// see; the canvas renderer only paints the PNG download (getDataURL gives SVG under SVG).
installParts([
  LineChart,
  BarChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  TitleComponent,
  SVGRenderer,
  CanvasRenderer,
]);

export interface ChartCanvasProps extends ChartProps {
  height: number;
  /** Receives the PNG painter once the chart is drawn (null when it goes away). */
  onPngReady: (paint: (() => string) | null) => void;
}

/** The ECharts part of Chart (loaded on demand). */
export default function ChartCanvas(props: ChartCanvasProps) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const { id, kind, title, categories, series, minCell, height, onPngReady } = props;
  const lang = i18n.language;
  const rtl = isLanguageCode(lang) && languageDir(lang) === 'rtl';

  const context = useMemo<OptionContext>(
    () => ({
      rtl,
      format: (n) => formatCount(n, lang),
      suppressedLegend: t('insights.chart.suppressedLegend', {
        minCell: formatCount(minCell, lang),
      }),
      suppressedWord: t('insights.chart.suppressed'),
    }),
    [rtl, lang, t, minCell],
  );

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const chart = init(el, null, { renderer: 'svg' });
    const option = chartOption({ kind, categories, series }, context);
    chart.setOption(option);
    chart.on('click', (e: ECElementEvent) => {
      const { onSelect, selectable } = latest.current;
      if (!onSelect || e.seriesId === 'suppressed') return;
      const key =
        kind === 'bar' ? (e.data as { key?: string } | undefined)?.key : (e.seriesId ?? undefined);
      if (key !== undefined && (selectable?.(key) ?? true)) onSelect(key);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    onPngReady(() => {
      // A second, off-page chart on the canvas renderer paints the picture with its title.
      const painter = init(document.createElement('div'), null, {
        renderer: 'canvas',
        width: el.clientWidth || 800,
        height: (el.clientHeight || height) + 36,
      });
      painter.setOption(chartOption({ kind, categories, series }, { ...context, title }));
      const url = painter.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
      painter.dispose();
      return url;
    });
    return () => {
      onPngReady(null);
      observer.disconnect();
      chart.dispose();
    };
  }, [kind, categories, series, context, title, height, onPngReady]);

  return (
    <div
      ref={container}
      className="chart__canvas"
      data-chart={id}
      role="img"
      aria-label={title}
      aria-describedby={`${id}-table`}
      style={{ blockSize: `${height}px` }}
    />
  );
}
