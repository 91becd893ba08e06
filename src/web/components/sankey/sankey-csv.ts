import { countText, figureCsv } from '../charts/figure-csv.ts';
import type { SankeyProps } from './sankey-types.ts';

/**
 * The Sankey's CSV: exactly the links table under the picture (every link, the ones left out of
 * the drawing too), a suppressed count as the word the table shows, never a number.
 */
export function sankeyCsv(
  { links, nodeLabel, columns }: Pick<SankeyProps, 'links' | 'nodeLabel' | 'columns'>,
  suppressedWord: string,
): string {
  return figureCsv(
    [columns.source, columns.target, columns.value],
    links.map((l) => [
      nodeLabel(l.source),
      nodeLabel(l.target),
      countText({ count: l.value, suppressed: l.value === null }, suppressedWord),
    ]),
  );
}
