/**
 * Reads a file in one of the CTDC layouts into a table, checking every cell. The hub store
 * never holds names: a file with any column outside the layout is refused as a whole, whatever
 * that column holds, and a cell outside its column's vocabulary is a fault (a free-text cell
 * could hold a name). All or nothing: one fault refuses the file, and every fault is listed.
 */
import { parseCsv } from '../../exchange/csv.ts';
import type { Table, TableFault } from '../table.ts';
import { TableError } from '../table.ts';
import { CTDC_COLUMNS } from './global-layout.ts';
import { SYNTHETIC_COLUMNS } from './synthetic-layout.ts';
import { GLOBAL_RULES, SYNTHETIC_RULES, shownValue, type ColumnRule } from './validate.ts';

export type CtdcLayout = 'global' | 'synthetic';

export interface CtdcFile {
  /** Columns in the layout's published order, whatever their order in the file. */
  table: Table;
  layout: CtdcLayout;
}

const LAYOUTS: Record<
  CtdcLayout,
  { columns: readonly string[]; rules: ReadonlyMap<string, ColumnRule> }
> = {
  global: { columns: CTDC_COLUMNS, rules: GLOBAL_RULES },
  synthetic: { columns: SYNTHETIC_COLUMNS, rules: SYNTHETIC_RULES },
};

/** Past this many faults the rest are counted, not listed: a wrong file would list them all. */
const MAX_FAULTS = 1000;

// Header names are matched without regard to case: the 2018 release spelled
// `CountryofExploitation`. The table carries the layout's spelling.
const key = (name: string) => name.trim().toLowerCase();

/** The layout whose columns the header shares most; the global one wins a tie (it has `Datasource`). */
function detectLayout(header: readonly string[]): CtdcLayout | null {
  const names = new Set(header.map(key));
  const shared = (l: CtdcLayout) => LAYOUTS[l].columns.filter((c) => names.has(key(c))).length;
  const g = shared('global');
  const s = shared('synthetic');
  if (g === 0 && s === 0) return null;
  // Columns both layouts have (yearOfRegistration, gender, …) do not decide; those only one has do.
  const onlyGlobal = CTDC_COLUMNS.filter(
    (c) => names.has(key(c)) && !(SYNTHETIC_COLUMNS as readonly string[]).includes(c),
  ).length;
  const onlySynthetic = SYNTHETIC_COLUMNS.filter(
    (c) => names.has(key(c)) && !(CTDC_COLUMNS as readonly string[]).includes(c),
  ).length;
  if (onlyGlobal !== onlySynthetic) return onlyGlobal > onlySynthetic ? 'global' : 'synthetic';
  return g >= s ? 'global' : 'synthetic';
}

function fail(faults: TableFault[], more: number): never {
  faults.sort((a, b) => a.row - b.row);
  const first = faults[0]!;
  const total = faults.length + more;
  const rest = total > 1 ? ` (and ${total - 1} more)` : '';
  throw new TableError(`row ${first.row}: ${first.message}${rest}`, faults);
}

/**
 * Reads CSV text in the CTDC global (63 columns, alpha-2) or synthetic (27 columns, alpha-3)
 * layout, detected by the header. Accepts a byte order mark, CRLF line ends and a `;`
 * delimiter. Throws `TableError` whose faults name the row (numbered as a spreadsheet numbers
 * them, the header being row 1) and the column; a bad value is quoted only when it has the
 * column's own shape (a code in another case, a short number), never one that could be a name.
 */
export function readCtdc(text: string): CtdcFile {
  const parsed = parseCsv(text);
  const faults: TableFault[] = [...parsed.faults];
  const [header, ...body] = parsed.records;
  if (!header || (header.cells.length === 1 && header.cells[0]!.trim() === '')) {
    throw new TableError('the file is empty (expected a header row of a CTDC layout)', [
      { row: 1, message: 'the file is empty (expected a header row of a CTDC layout)' },
    ]);
  }
  const names = header.cells.map((c) => c.trim());
  const layout = detectLayout(names);
  if (layout === null) {
    const message =
      'the first row is not a CTDC header (expected the column names of the global layout, ' +
      'yearOfRegistration, Datasource, gender, …, or of the synthetic layout)';
    throw new TableError(`row ${header.row}: ${message}`, [{ row: header.row, message }]);
  }
  const { columns, rules } = LAYOUTS[layout];
  const canonical = new Map(columns.map((c) => [key(c), c]));

  // Header: every column known, none twice, none missing.
  const at = new Map<string, number>();
  names.forEach((name, i) => {
    const c = canonical.get(key(name));
    if (name === '') {
      faults.push({ row: header.row, message: `column ${i + 1} has no name` });
    } else if (c === undefined) {
      faults.push({
        row: header.row,
        message: `column "${name}" is not in the CTDC ${layout} layout; the hub refuses columns outside it (they could hold names)`,
      });
    } else if (at.has(c)) {
      faults.push({ row: header.row, message: `column "${c}" appears twice` });
    } else at.set(c, i);
  });
  for (const c of columns) {
    if (!at.has(c)) faults.push({ row: header.row, message: `column "${c}" is missing` });
  }
  if (faults.length > 0) fail(faults, 0);

  const order = columns.map((c) => at.get(c)!);
  // In published order already (the usual case), the parsed cells become the row in place.
  const inOrder = order.every((o, j) => o === j);
  const checks = columns.map((c) => rules.get(c)!);
  const rows: string[][] = [];
  let more = 0;
  const fault = (f: TableFault) => {
    if (faults.length < MAX_FAULTS) faults.push(f);
    else more++;
  };
  for (const r of body) {
    if (r.cells.length === 1 && r.cells[0] === '') continue; // a blank line
    if (r.cells.length !== names.length) {
      fault({
        row: r.row,
        message: `has ${r.cells.length} fields, the header has ${names.length}`,
      });
      continue;
    }
    const row = inOrder ? r.cells : new Array<string>(columns.length);
    for (let j = 0; j < columns.length; j++) {
      const v = r.cells[order[j]!]!.trim();
      if (!checks[j]!.accepts(v)) {
        fault({
          row: r.row,
          message: `column "${columns[j]}": ${shownValue(v, checks[j]!)} is not allowed (expected ${checks[j]!.expected})`,
        });
      }
      row[j] = v;
    }
    rows.push(row);
  }
  if (faults.length > 0) fail(faults, more);
  return { table: { columns: [...columns], rows }, layout };
}
