import type { Table } from '../../shared/hub/table.ts';
import { readTable } from '../../shared/hub/table.ts';

const BOM = '\ufeff';

/**
 * A release's stored CSV file read back exactly as `readTable(text)` reads it, faster for the
 * files the hub writes, whose lines repeat (a k-anonymous release has few distinct rows). The
 * text is cut at its line ends (parseCsv ends a record at CRLF, CR or LF; a trailing line end
 * adds none; readTable skips a blank line) and each distinct line is parsed once, by readTable
 * itself, the header first (so the delimiter is detected as for the whole file); repeated lines
 * share its cells (read-only). When every distinct line is one well-formed record, the whole
 * file parses line by line to the same records: a quoted value running over a line end leaves
 * its first line with an unclosed quote, a fault. Any fault, or a line that is not one row,
 * and the file is read whole by readTable, whose errors name the file's own rows.
 * @throws TableError as readTable does.
 */
export function readStoredTable(text: string): Table {
  const bom = text.startsWith(BOM) ? BOM : '';
  const lines = text.slice(bom.length).split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const header = lines[0];
  if (header === undefined) return readTable(text);
  const index = new Map<string, number>();
  const distinct: string[] = [header];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line !== '' && !index.has(line)) {
      index.set(line, distinct.length - 1);
      distinct.push(line);
    }
  }
  let parsed: Table;
  try {
    parsed = readTable(bom + distinct.join('\n'));
  } catch {
    return readTable(text);
  }
  // Every distinct line made one row (a fault would have thrown), in order.
  if (parsed.rows.length !== distinct.length - 1) return readTable(text);
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line !== '') rows.push(parsed.rows[index.get(line)!]!);
  }
  return { columns: parsed.columns, rows };
}

/**
 * Checks a microdata release against the guarantee it states, independently of the engine
 * that made it: every combination of the quasi-identifiers occurs in at least k rows
 * (Sweeney 2002, "k-anonymity: a model for protecting privacy", IJUFKS 10(5)), and, when l is
 * stated, holds at least l distinct values of the sensitive column (distinct l-diversity:
 * Machanavajjhala et al. 2007, "l-diversity: privacy beyond k-anonymity", ACM TKDD 1(1)).
 * Returns what is wrong (empty when the guarantee holds); messages carry counts, never values.
 */
export function guaranteeFaults(
  table: Table,
  qi: readonly string[],
  k: number,
  l: { sensitive: string; l: number } | null,
): string[] {
  const idx = qi.map((c) => table.columns.indexOf(c));
  const missing = idx.findIndex((i) => i < 0);
  if (missing >= 0) return [`the quasi-identifier "${qi[missing]}" is not in the file`];
  const s = l ? table.columns.indexOf(l.sensitive) : -1;
  if (l && s < 0) return [`the sensitive column "${l.sensitive}" is not in the file`];
  const classes = new Map<string, { size: number; values: Set<string> }>();
  for (const row of table.rows) {
    const key = idx.map((i) => row[i]).join('\u0000');
    let c = classes.get(key);
    if (!c) classes.set(key, (c = { size: 0, values: new Set() }));
    c.size++;
    if (s >= 0) c.values.add(row[s]!);
  }
  let small = 0;
  let smallest = Number.POSITIVE_INFINITY;
  let undiverse = 0;
  for (const c of classes.values()) {
    if (c.size < k) {
      small++;
      smallest = Math.min(smallest, c.size);
    }
    if (l && c.values.size < l.l) undiverse++;
  }
  const faults: string[] = [];
  if (small > 0)
    faults.push(
      `${small} combination(s) of the quasi-identifiers occur fewer than ${k} times (the rarest ${smallest})`,
    );
  if (l && undiverse > 0)
    faults.push(
      `${undiverse} class(es) hold fewer than ${l.l} distinct values of "${l.sensitive}"`,
    );
  return faults;
}
