import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SankeyChart as ESankeyChart } from 'echarts/charts';
import { TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use as installParts, type ComposeOption } from 'echarts/core';
import type { SankeySeriesOption, TooltipComponentOption } from 'echarts';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { isLanguageCode, languageDir } from '../../../shared/i18n/i18n.ts';
import { offscreenPng, PNG_TITLE_ROOM, pngTitle } from '../charts/offscreen-png.ts';
import { escapeHtml } from '../map/map-view.ts';
import { sankeyGraph } from './sankey-data.ts';
import type { SankeyProps } from './sankey-types.ts';

// Only the parts the Sankey uses; SVG, so the page holds real elements (print, tests). Canvas and
// the title only paint the PNG download.
installParts([ESankeyChart, TooltipComponent, TitleComponent, SVGRenderer, CanvasRenderer]);

type Option = ComposeOption<SankeySeriesOption | TooltipComponentOption>;

// The palette of src/web/styles/base.css.
const COLOURS = { node: '#1d4e89', link: '#0b5cad', text: '#1b1f24' };
const LABEL_ROOM = 170;

/** The ECharts part of Sankey (loaded on demand). */
export default function SankeyChart(
  props: SankeyProps & {
    height: number;
    /** Receives the PNG painter once drawn (null when it goes away). */
    onPngReady?: (paint: (() => string) | null) => void;
  },
) {
  const { i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { links, nodeLabel, formatValue, height, label, tableId, onPngReady } = props;
  const pngTitleText = props.download?.title ?? label;
  const lang = i18n.language;

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const chart = init(el, null, { renderer: 'svg' });
    const rtl = isLanguageCode(lang) && languageDir(lang) === 'rtl';
    const graph = sankeyGraph(links, rtl);
    // Tooltips always read in the real direction (first stage → next), whatever the drawing.
    // ECharts places SVG text for a left-to-right page (the canvas is dir="ltr" below); right
    // to left, each label is a right-to-left isolate (Unicode UAX #9: RLI … PDI) so Arabic
    // names and their parentheses read correctly, and tooltips are wrapped in dir="rtl".
    const isolate = (text: string) => (rtl ? `\u2067${text}\u2069` : text);
    const wrap = (html: string) => (rtl ? `<div dir="rtl">${html}</div>` : html);
    const linkText = (source: string, target: string, value: number) => {
      const [from, to] = rtl ? [target, source] : [source, target];
      // The arrow points the way the text reads (bidi does not mirror →).
      const arrow = rtl ? '←' : '→';
      return `${escapeHtml(nodeLabel(from))} ${arrow} ${escapeHtml(nodeLabel(to))}: ${formatValue(value)}`;
    };
    const option: Option = {
      animation: false,
      tooltip: { trigger: 'item', confine: true },
      series: [
        {
          type: 'sankey',
          // Room for the labels of the last column, on the side they are written.
          left: rtl ? LABEL_ROOM : 8,
          right: rtl ? 8 : LABEL_ROOM,
          top: 8,
          bottom: 8,
          nodeGap: 10,
          nodeWidth: 14,
          draggable: false,
          layoutIterations: 32,
          emphasis: { focus: 'adjacency' },
          data: graph.nodes.map((id) => ({ name: id })),
          links: graph.links,
          itemStyle: { color: COLOURS.node, borderWidth: 0 },
          lineStyle: { color: COLOURS.link, opacity: 0.3, curveness: 0.5 },
          label: {
            color: COLOURS.text,
            position: rtl ? 'left' : 'right',
            formatter: (p) => isolate(nodeLabel(String(p.name))),
          },
          tooltip: {
            formatter: (p) => {
              const d = p.data as {
                source?: string;
                target?: string;
                value?: number;
                name?: string;
              };
              if (d.source !== undefined && d.target !== undefined) {
                return wrap(linkText(d.source, d.target, Number(d.value ?? 0)));
              }
              return wrap(
                `${escapeHtml(nodeLabel(String(p.name)))}: ${formatValue(Number(p.value ?? 0))}`,
              );
            },
          },
        },
      ],
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    // The PNG: the same option on an off-page canvas chart, the title above the diagram.
    onPngReady?.(() => {
      const [sankey] = option.series as SankeySeriesOption[];
      return offscreenPng(
        {
          ...option,
          title: pngTitle(pngTitleText),
          series: [{ ...sankey, top: PNG_TITLE_ROOM }],
        },
        el.clientWidth || 800,
        height + PNG_TITLE_ROOM,
      );
    });
    return () => {
      onPngReady?.(null);
      observer.disconnect();
      chart.dispose();
    };
  }, [links, nodeLabel, formatValue, lang, height, onPngReady, pngTitleText]);

  return (
    <div
      ref={container}
      className="sankey__canvas"
      dir="ltr"
      role="img"
      aria-label={label}
      aria-describedby={tableId}
      style={{ blockSize: `${height}px` }}
    />
  );
}
