import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadBoundary } from '../../../components/map/LoadBoundary.tsx';

export interface BarChartProps {
  /** The chart's accessible name (what it shows). */
  label: string;
  /** Id of the table that holds the same figures: the chart's text alternative. */
  describedBy: string;
  categories: readonly string[];
  values: readonly number[];
  /** How values read on the axis and in tooltips. */
  format: 'percent' | 'count';
}

// ECharts loads only when the metrics page draws a chart.
const MetricsBarChart = lazy(() => import('./MetricsBarChart.tsx'));

/** A horizontal bar chart, a picture of a table that is on the page too. */
export function BarChart(props: BarChartProps) {
  const { t } = useTranslation();
  const height = Math.max(120, 36 * props.categories.length + 48);
  return (
    <LoadBoundary fallback={<p className="muted">{t('map.failed')}</p>}>
      <Suspense
        fallback={
          <p
            className="metrics-chart metrics-chart--loading"
            style={{ minBlockSize: `${height}px` }}
          >
            {t('referralMetrics.chartLoading')}
          </p>
        }
      >
        <MetricsBarChart {...props} height={height} />
      </Suspense>
    </LoadBoundary>
  );
}
