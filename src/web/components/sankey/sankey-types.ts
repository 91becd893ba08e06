/** What the Sankey draws; plain data, so pages import it without loading ECharts. */

/** One link between two nodes; `value` is null when the count is suppressed (a small cell). */
export interface SankeyLink {
  source: string;
  target: string;
  value: number | null;
}

export interface SankeyProps {
  /** The chart's accessible name (what it shows). */
  label: string;
  /** The caption of the table that gives the same links in words. */
  caption: string;
  /** Id of that table (the chart's aria-describedby). */
  tableId: string;
  links: readonly SankeyLink[];
  /** A node's name for people (a country's name, say). */
  nodeLabel: (node: string) => string;
  /** A value for people (a number in the interface language). */
  formatValue: (value: number) => string;
  /** Column headings of the table. */
  columns: { source: string; target: string; value: string };
  /** Height in CSS pixels (default: grows with the number of nodes). */
  height?: number;
  /** When set, PNG and CSV downloads (the CSV is the links table). */
  download?: { title: string; fileName: string };
}
