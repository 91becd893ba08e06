import type { ComposeOption } from 'echarts/core';
import type {
  BarSeriesOption,
  GridComponentOption,
  LegendComponentOption,
  LineSeriesOption,
  ScatterSeriesOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts';
import type { ChartCell, ChartProps } from './chart-types.ts';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | TitleComponentOption
>;

/**
 * Colours of the series: Okabe & Ito's palette for colour-blind readers ("Color Universal
 * Design", 2008), without its yellow (too light on white), starting with the app's own blue.
 */
export const SERIES_COLOURS = [
  '#1d4e89',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#000000',
  '#0072b2',
];
/** Lines or stacks drawn at most; the table (and the CSV) list every series. */
export const MAX_DRAWN = SERIES_COLOURS.length;
/** Bars of a breakdown drawn at most. */
export const MAX_BARS = 30;

const SUPPRESSED_COLOUR = '#5f6b7a';
const INK = '#1b1f24';
const MUTED = '#4a5563';

export interface OptionContext {
  rtl: boolean;
  /** A count in the interface language. */
  format: (n: number) => string;
  /** The legend entry of the suppressed marker ("Suppressed (1 to 4)"). */
  suppressedLegend: string;
  /** The word a suppressed cell reads as in tooltips. */
  suppressedWord: string;
  /** Adds the title at the top (for the PNG file, which has no caption around it). */
  title?: string;
}

type Input = Pick<ChartProps, 'kind' | 'categories' | 'series'>;

/** How many series or bars the picture holds (the rest are in the table only). */
export const drawnCount = ({ kind, categories, series }: Input): number =>
  kind === 'bar' ? Math.min(categories.length, MAX_BARS) : Math.min(series.length, MAX_DRAWN);

const value = (c: ChartCell | undefined): number | null =>
  !c || c.suppressed || c.count === null ? null : c.count;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The ECharts option of a chart. A suppressed cell is drawn as nothing (a gap in a line, a
 * missing bar) and marked by a grey triangle on the zero line, named in the legend; its number
 * is never in the option because the API never sent it. In a right-to-left language the
 * category axis runs from the right and the value axis and legend sit on the right.
 */
export function chartOption(input: Input, ctx: OptionContext): ChartOption {
  const { kind, categories } = input;
  const { rtl, format, title } = ctx;
  const drawn = drawnCount(input);
  const top = title ? 36 : 0;
  const legend: LegendComponentOption = {
    type: 'scroll',
    top,
    [rtl ? 'right' : 'left']: 0,
    align: rtl ? 'right' : 'left',
    selectedMode: false,
    textStyle: { color: INK },
  };
  const titleOption: TitleComponentOption | undefined = title
    ? { text: title, [rtl ? 'right' : 'left']: 0, top: 0, textStyle: { fontSize: 14, color: INK } }
    : undefined;
  const grid: GridComponentOption = {
    top: top + 40,
    left: 8,
    right: 16,
    bottom: 8,
    containLabel: true,
  };
  const numberLabel = { formatter: (v: number) => format(v), color: MUTED };

  if (kind === 'bar') {
    const only = input.series[0];
    const shown = categories.slice(0, drawn);
    const cells = shown.map((_, i) => only?.cells[i]);
    const marks = cells.flatMap((c, i) => (c?.suppressed ? [[0, i]] : []));
    return {
      animation: false,
      ...(titleOption ? { title: titleOption } : {}),
      legend: { ...legend, data: marks.length > 0 ? [ctx.suppressedLegend] : [] },
      grid,
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p) => {
          const i = (Array.isArray(p) ? p[0] : p)?.dataIndex ?? 0;
          const c = cells[i];
          const shownValue = value(c);
          return `${escapeHtml(shown[i]?.label ?? '')}: ${
            shownValue === null ? escapeHtml(ctx.suppressedWord) : escapeHtml(format(shownValue))
          }`;
        },
      },
      xAxis: { type: 'value', inverse: rtl, minInterval: 1, axisLabel: numberLabel },
      yAxis: {
        type: 'category',
        inverse: true,
        position: rtl ? 'right' : 'left',
        data: shown.map((c) => c.label),
        axisLabel: { color: INK, width: 180, overflow: 'truncate' },
      },
      series: [
        {
          id: 'values',
          type: 'bar',
          name: only?.label ?? '',
          data: cells.map((c, i) => ({ value: value(c), key: shown[i]?.key })),
          itemStyle: { color: SERIES_COLOURS[0] },
          barMaxWidth: 22,
          cursor: 'pointer',
        },
        suppressedMarks(ctx, marks, 'bar'),
      ],
    };
  }

  const series = input.series.slice(0, drawn);
  const marks = categories.flatMap((_, i) =>
    series.some((s) => s.cells[i]?.suppressed) ? [[i, 0]] : [],
  );
  const line = kind === 'line';
  return {
    animation: false,
    ...(titleOption ? { title: titleOption } : {}),
    color: SERIES_COLOURS,
    legend: {
      ...legend,
      data: [...series.map((s) => s.label), ...(marks.length > 0 ? [ctx.suppressedLegend] : [])],
    },
    grid,
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (p) => {
        const i = (Array.isArray(p) ? p[0] : p)?.dataIndex ?? 0;
        const lines = series.map((s) => {
          const v = value(s.cells[i]);
          const text = v === null ? ctx.suppressedWord : format(v);
          return `${escapeHtml(s.label)}: ${escapeHtml(text)}`;
        });
        return [`<strong>${escapeHtml(categories[i]?.label ?? '')}</strong>`, ...lines].join(
          '<br>',
        );
      },
    },
    xAxis: {
      type: 'category',
      inverse: rtl,
      boundaryGap: !line,
      data: categories.map((c) => c.label),
      axisLabel: { color: MUTED, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      position: rtl ? 'right' : 'left',
      minInterval: 1,
      axisLabel: numberLabel,
    },
    series: [
      ...series.map((s) =>
        line
          ? ({
              id: s.key,
              name: s.label,
              type: 'line',
              data: categories.map((_, i) => value(s.cells[i])),
              connectNulls: false,
              showSymbol: true,
              symbolSize: 6,
              triggerLineEvent: true,
              cursor: 'pointer',
            } satisfies LineSeriesOption)
          : ({
              id: s.key,
              name: s.label,
              type: 'bar',
              stack: 'all',
              data: categories.map((_, i) => value(s.cells[i])),
              cursor: 'pointer',
            } satisfies BarSeriesOption),
      ),
      suppressedMarks(ctx, marks, kind),
    ],
  };
}

/** The grey triangles on the zero line where a cell is suppressed (they carry no number). */
function suppressedMarks(
  ctx: OptionContext,
  marks: number[][],
  kind: ChartProps['kind'],
): ScatterSeriesOption {
  return {
    id: 'suppressed',
    name: ctx.suppressedLegend,
    type: 'scatter',
    symbol: 'triangle',
    symbolSize: 11,
    symbolRotate: kind === 'bar' ? (ctx.rtl ? 90 : -90) : 0,
    itemStyle: { color: SUPPRESSED_COLOUR },
    data: marks,
    tooltip: { trigger: 'item', formatter: () => escapeHtml(ctx.suppressedLegend) },
    z: 5,
    silent: false,
  };
}
