/**
 * The global layout (63 columns) re-cut to the synthetic layout (27 columns): alpha-3
 * countries, CTDC's synthetic-data spellings, composite means of control, and empty cells for
 * missing values. The global layout records no duration, so `traffickMonths` is empty.
 */
import type { Table } from '../table.ts';
import { columnIndexes } from '../table.ts';
import { CTDC_COLUMNS, CTDC_MISSING } from './global-layout.ts';
import {
  SYNTHETIC_COLUMNS,
  SYNTHETIC_MEANS,
  SYNTHETIC_MISSING,
  alpha3Of,
  type SyntheticColumn,
} from './synthetic-layout.ts';

const GENDER: Readonly<Record<string, string>> = {
  Female: 'Woman',
  Male: 'Man',
  Transgender: 'Trans/Transgender/NonConforming',
};

const missing = (v: string) => (v === CTDC_MISSING ? SYNTHETIC_MISSING : v);

type Cell = (row: readonly string[]) => string;

/** How each synthetic column is read from a global row (indexes into CTDC_COLUMNS). */
function cellReaders(table: Table): Cell[] {
  const at = (name: string) => columnIndexes(table, [name])[0]!;
  return SYNTHETIC_COLUMNS.map((c: SyntheticColumn): Cell => {
    if (c === 'traffickMonths') return () => SYNTHETIC_MISSING;
    if (c === 'gender') {
      const i = at('gender');
      return (r) => GENDER[r[i]!] ?? SYNTHETIC_MISSING;
    }
    if (c === 'ageBroad') {
      const i = at('ageBroad');
      return (r) => (r[i] === '9--17' ? '09--17' : missing(r[i]!));
    }
    if (c === 'citizenship' || c === 'CountryOfExploitation') {
      const i = at(c);
      return (r) => alpha3Of(r[i]!) ?? SYNTHETIC_MISSING;
    }
    const merged = SYNTHETIC_MEANS[c];
    if (merged) {
      // A composite flag is 1 when any part is 1, 0 when all parts are known and 0, else missing.
      const is = columnIndexes(table, merged);
      return (r) => {
        let known = false;
        for (const i of is) {
          if (r[i] === '1') return '1';
          if (r[i] === '0') known = true;
        }
        return known ? '0' : SYNTHETIC_MISSING;
      };
    }
    const i = at(c);
    return (r) => missing(r[i]!);
  });
}

/**
 * A table in the CTDC global layout as a table in the synthetic layout, row for row. Throws
 * `TableError` when a global-layout column it needs is absent.
 */
export function toSyntheticLayout(table: Table): Table {
  if (
    table.columns.length === SYNTHETIC_COLUMNS.length &&
    table.columns.every((c, i) => c === SYNTHETIC_COLUMNS[i])
  ) {
    return { columns: [...table.columns], rows: table.rows.map((r) => [...r]) };
  }
  columnIndexes(table, CTDC_COLUMNS); // every global column, or an error naming the first missing
  const readers = cellReaders(table);
  return {
    columns: [...SYNTHETIC_COLUMNS],
    rows: table.rows.map((r) => readers.map((read) => read(r))),
  };
}
