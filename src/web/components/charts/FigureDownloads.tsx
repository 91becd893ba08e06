import { useTranslation } from 'react-i18next';
import { downloadText, downloadUrl, fileNamePart } from './chart-download.ts';
import './charts.css';

export interface FigureDownloadsProps {
  /** What the figure shows; names the buttons for screen readers ("Download PNG of …"). */
  title: string;
  fileName: string;
  /** Paints the PNG; null until the picture is drawn (then only CSV is offered). */
  paintPng: (() => string) | null;
  /** The CSV of the table beside the figure. */
  csv: () => string;
}

/** PNG and CSV buttons for a figure that is not a Chart (a map, a Sankey), worded as Chart's. */
export function FigureDownloads({ title, fileName, paintPng, csv }: FigureDownloadsProps) {
  const { t } = useTranslation();
  const base = fileNamePart(fileName);
  const of = <span className="visually-hidden"> {t('insights.chart.of', { title })}</span>;
  return (
    <div className="chart__tools">
      {paintPng && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => downloadUrl(`${base}.png`, paintPng())}
        >
          {t('insights.chart.png')}
          {of}
        </button>
      )}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => downloadText(`${base}.csv`, csv(), 'text/csv;charset=utf-8')}
      >
        {t('insights.chart.csv')}
        {of}
      </button>
    </div>
  );
}
