import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format.ts';
import { LoadBoundary } from '../map/LoadBoundary.tsx';
import { drawnCount } from './chart-option.ts';
import { tableCsv, tableModel } from './chart-table.ts';
import type { ChartProps } from './chart-types.ts';
import { ChartTable } from './ChartTable.tsx';
import { FigureDownloads } from './FigureDownloads.tsx';
import './charts.css';

// ECharts loads only when a page draws a chart.
const ChartCanvas = lazy(() => import('./ChartCanvas.tsx'));

/**
 * A chart as a figure: caption, the picture (ECharts, loaded on demand), PNG and CSV downloads,
 * and the table of the same figures as its text alternative. Suppressed cells are gaps with a
 * marker in the picture and the word "suppressed" in the table and the CSV.
 */
export function Chart(props: ChartProps) {
  const { t, i18n } = useTranslation();
  const { id, kind, title, rowHeading, categories, series, minCell, fileName } = props;
  const [paintPng, setPaintPng] = useState<(() => string) | null>(null);
  const onPngReady = useCallback((paint: (() => string) | null) => setPaintPng(() => paint), []);
  const model = useMemo(
    () => tableModel(props, t('insights.chart.total')),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [kind, categories, series, props.totals, t],
  );
  const drawn = drawnCount(props);
  // Nothing to draw when every count is zero or suppressed: the table and the page say why.
  const drawable =
    drawn > 0 && series.some((s) => s.cells.some((c) => !c.suppressed && (c.count ?? 0) > 0));
  const all = kind === 'bar' ? categories.length : series.length;
  const height = props.height ?? (kind === 'bar' ? Math.max(160, 30 * drawn + 72) : 320);
  const loading = (text: string) => (
    <p className="chart__loading" style={{ minBlockSize: `${height}px` }}>
      {text}
    </p>
  );

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart__caption">
        {title}
      </figcaption>
      {drawable && (
        <LoadBoundary fallback={loading(t('map.failed'))}>
          <Suspense fallback={loading(t('insights.chart.loading'))}>
            <ChartCanvas {...props} height={height} onPngReady={onPngReady} />
          </Suspense>
        </LoadBoundary>
      )}
      {drawable && drawn < all && (
        <p className="muted">
          {t('insights.chart.drawnFirst', {
            drawn: formatCount(drawn, i18n.language),
            all: formatCount(all, i18n.language),
          })}
        </p>
      )}
      <FigureDownloads
        title={title}
        fileName={fileName}
        paintPng={paintPng}
        csv={() => tableCsv(model, rowHeading, t('insights.chart.suppressed'))}
      />
      <ChartTable
        id={`${id}-table`}
        caption={t('insights.chart.tableCaption', { title })}
        rowHeading={rowHeading}
        model={model}
        onSelect={props.onSelect}
        selectable={props.selectable}
        selectLabel={props.selectLabel}
      />
      {model.rows.some((r) => r.cells.some((c) => c.suppressed)) && (
        <p className="muted">
          {t('insights.chart.suppressedNote', { minCell: formatCount(minCell, i18n.language) })}
        </p>
      )}
    </figure>
  );
}
