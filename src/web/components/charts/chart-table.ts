import { escapeFormula, writeCsv } from '../../../shared/exchange/csv.ts';
import type { ChartCell, ChartProps } from './chart-types.ts';

/**
 * The chart's figures as one table: what the page shows under the picture and, cell for cell,
 * what the CSV download holds. Keeping both on this one model is what makes the CSV "exactly
 * the data shown". Pure, so it is unit-tested.
 */
export interface TableModel {
  /** Columns after the first (row heading) one; `csv` is the heading in the CSV file. */
  columns: readonly { key: string; label: string; csv: string }[];
  rows: readonly TableRow[];
  /** The cases-counted-once row, when the chart has one. */
  footer: TableRow | null;
}

export interface TableRow {
  key: string;
  label: string;
  cells: readonly ChartCell[];
}

export type TableInput = Pick<ChartProps, 'kind' | 'categories' | 'series' | 'totals'>;

/**
 * Over time (`line`, `stacked`): a row per series, a column per period, then the total. As a
 * breakdown (`bar`): a row per category and one column, the single series.
 */
export function tableModel(
  { kind, categories, series, totals }: TableInput,
  totalLabel: string,
): TableModel {
  if (kind === 'bar') {
    const only = series[0];
    return {
      columns: only ? [{ key: only.key, label: only.label, csv: only.label }] : [],
      rows: categories.map((c, i) => ({
        key: c.key,
        label: c.label,
        cells: only ? [only.cells[i] ?? EMPTY] : [],
      })),
      footer: totals
        ? { key: 'total', label: totals.label, cells: [totals.total ?? totals.cells[0] ?? EMPTY] }
        : null,
    };
  }
  const withTotal = series.some((s) => s.total !== undefined) || totals?.total !== undefined;
  const columns = [
    ...categories.map((c) => ({ key: c.key, label: c.label, csv: c.key })),
    ...(withTotal ? [{ key: 'total', label: totalLabel, csv: totalLabel }] : []),
  ];
  const row = (key: string, label: string, cells: readonly ChartCell[], total?: ChartCell) => ({
    key,
    label,
    cells: [...categories.map((_, i) => cells[i] ?? EMPTY), ...(withTotal ? [total ?? EMPTY] : [])],
  });
  return {
    columns,
    rows: series.map((s) => row(s.key, s.label, s.cells, s.total)),
    footer: totals ? row('total', totals.label, totals.cells, totals.total) : null,
  };
}

const EMPTY: ChartCell = { count: 0, suppressed: false };

/**
 * The table as CSV: headings as shown, counts as plain whole numbers (no thousands separator,
 * so spreadsheets read them as numbers) and a suppressed cell as the word the table shows, never
 * a number. Period columns carry their ISO key (`2024-03`), which every spreadsheet sorts.
 */
export function tableCsv(model: TableModel, rowHeading: string, suppressedWord: string): string {
  const value = (c: ChartCell) =>
    c.suppressed || c.count === null ? suppressedWord : String(c.count);
  const header = [rowHeading, ...model.columns.map((c) => c.csv)];
  const lines = [...model.rows, ...(model.footer ? [model.footer] : [])].map((r) => [
    r.label,
    ...r.cells.map(value),
  ]);
  return writeCsv([header, ...lines].map((line) => line.map(escapeFormula)));
}
