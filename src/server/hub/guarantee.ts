import type { Table } from '../../shared/hub/table.ts';

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
