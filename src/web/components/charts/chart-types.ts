/** What a chart draws; plain data, so pages import it without loading ECharts. */

/** One count as the API sends it: the number, or null when it is suppressed (a small cell). */
export interface ChartCell {
  count: number | null;
  suppressed: boolean;
}

/** A labelled category on the category axis (a period, or a value of a dimension). */
export interface ChartCategory {
  key: string;
  /** Already translated and formatted for the interface language. */
  label: string;
}

/** One line or one stack of bars: a value of the dimension the chart groups by. */
export interface ChartSeries {
  key: string;
  /** Already translated ("Forced labour", "Moldova"). */
  label: string;
  /** One per category, in the categories' order. */
  cells: readonly ChartCell[];
  /** The series' total, shown as the table's last column when given. */
  total?: ChartCell;
}

/**
 * `line` and `stacked` draw series over time (categories are periods); `bar` is a breakdown:
 * one horizontal bar per category, from the single series given.
 */
export type ChartKind = 'line' | 'stacked' | 'bar';

export interface ChartProps {
  /** Base of the ids of the figure's parts (the table is `${id}-table`). */
  id: string;
  kind: ChartKind;
  /** The figure's caption and the chart's accessible name. */
  title: string;
  /** Heading of the table's first column: what a row is ("Type of exploitation"). */
  rowHeading: string;
  categories: readonly ChartCategory[];
  series: readonly ChartSeries[];
  /** A last table row (and CSV line) under the series: the cases counted once each. */
  totals?: { label: string; cells: readonly ChartCell[]; total?: ChartCell };
  /** Counts from 1 to this − 1 are suppressed (shown in the legend and the notes). */
  minCell: number;
  /** Start of the downloaded files' names ("cases-by-exploitation"). */
  fileName: string;
  /**
   * Called with a series' key (a category's key for `bar`) when it is clicked in the chart or
   * chosen in the table: the page's drill-down. Keys it returns false for are not offered.
   */
  onSelect?: ((key: string) => void) | undefined;
  selectable?: ((key: string) => boolean) | undefined;
  /** Tells what choosing a row does ("Show only Forced labour, by sex"). */
  selectLabel?: ((label: string) => string) | undefined;
  /** Height of the picture in CSS pixels (default 320; bars grow with their number). */
  height?: number;
}
