import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use as installParts, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption, GridComponentOption, TooltipComponentOption } from 'echarts';
import { SVGRenderer } from 'echarts/renderers';
import { languageDir, isLanguageCode } from '../../../../shared/i18n/i18n.ts';
import type { BarChartProps } from './BarChart.tsx';

installParts([EBarChart, GridComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/** The ECharts part of BarChart (loaded on demand). */
export default function MetricsBarChart(props: BarChartProps & { height: number }) {
  const { i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { categories, values, format, height, label, describedBy } = props;
  const lang = i18n.language;

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const chart = init(el, null, { renderer: 'svg' });
    const rtl = isLanguageCode(lang) && languageDir(lang) === 'rtl';
    const number = new Intl.NumberFormat(lang, {
      style: format === 'percent' ? 'percent' : 'decimal',
      maximumFractionDigits: 0,
    });
    const option: Option = {
      animation: false,
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          return item ? `${escape(String(item.name))}: ${number.format(Number(item.value))}` : '';
        },
      },
      xAxis: {
        type: 'value',
        inverse: rtl,
        max: format === 'percent' ? 1 : undefined,
        minInterval: format === 'count' ? 1 : undefined,
        axisLabel: { formatter: (v: number) => number.format(v), color: '#4a5563' },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        position: rtl ? 'right' : 'left',
        data: [...categories],
        axisLabel: { color: '#1b1f24', width: 180, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: [...values],
          itemStyle: { color: '#1d4e89' },
          barMaxWidth: 22,
          label: {
            show: true,
            position: rtl ? 'left' : 'right',
            formatter: (p) => number.format(Number(p.value)),
            color: '#1b1f24',
          },
        },
      ],
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [categories, values, format, lang]);

  return (
    <div
      ref={container}
      className="metrics-chart"
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      style={{ blockSize: `${height}px` }}
    />
  );
}

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
