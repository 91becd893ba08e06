import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format.ts';
import type { TableModel, TableRow } from './chart-table.ts';
import type { ChartCell, ChartProps } from './chart-types.ts';

interface Props extends Pick<ChartProps, 'onSelect' | 'selectable' | 'selectLabel'> {
  id: string;
  caption: string;
  rowHeading: string;
  model: TableModel;
}

/**
 * The chart's figures in words: its text alternative (the picture's aria-describedby points
 * here). A suppressed cell reads "suppressed", never a number. Wide tables scroll inside a
 * focusable region so the page does not.
 */
export function ChartTable({
  id,
  caption,
  rowHeading,
  model,
  onSelect,
  selectable,
  selectLabel,
}: Props) {
  const row = (r: TableRow, footer: boolean) => {
    const canSelect = !footer && onSelect && (selectable?.(r.key) ?? true);
    return (
      <tr key={r.key} className={footer ? 'chart-table__total' : undefined}>
        <th scope="row">
          {canSelect ? (
            <button
              type="button"
              className="chart-table__select"
              aria-label={selectLabel ? selectLabel(r.label) : undefined}
              onClick={() => onSelect(r.key)}
            >
              <bdi>{r.label}</bdi>
            </button>
          ) : (
            <bdi>{r.label}</bdi>
          )}
        </th>
        {r.cells.map((c, i) => (
          <Value key={model.columns[i]?.key ?? i} cell={c} />
        ))}
      </tr>
    );
  };
  return (
    <div className="chart__table" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table id={id} className="chart-table">
        <caption id={`${id}-caption`} className="chart-table__caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {model.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{model.rows.map((r) => row(r, false))}</tbody>
        {model.footer && <tfoot>{row(model.footer, true)}</tfoot>}
      </table>
    </div>
  );
}

function Value({ cell }: { cell: ChartCell }) {
  const { t, i18n } = useTranslation();
  if (cell.suppressed || cell.count === null) {
    return (
      <td className="chart-table__suppressed" data-suppressed="true">
        {t('insights.chart.suppressed')}
      </td>
    );
  }
  return <td data-count={cell.count}>{formatCount(cell.count, i18n.language)}</td>;
}
