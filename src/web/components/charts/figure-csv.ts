import { escapeFormula, writeCsv } from '../../../shared/exchange/csv.ts';
import type { ChartCell } from './chart-types.ts';

/**
 * A figure's table as CSV, for the figures that are not a Chart (maps, the Sankey): the same
 * writer and formula escaping as the chart tables (chart-table.ts), so a country or node name
 * can never run as a spreadsheet formula. Pure, so it is unit-tested.
 */
export function figureCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return writeCsv([header, ...rows].map((line) => line.map(escapeFormula)));
}

/** A count as the table shows it: the whole number, or the word for a suppressed cell. */
export const countText = (cell: ChartCell, suppressedWord: string): string =>
  cell.suppressed || cell.count === null ? suppressedWord : String(cell.count);

/**
 * A measured value with a fixed number of decimals and a point (spreadsheets read it as a
 * number); empty when there is none, never NaN or Infinity.
 */
export const decimalText = (value: number | null | undefined, digits: number): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '' : value.toFixed(digits);
