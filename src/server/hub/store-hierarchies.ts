import type { Hierarchies } from '../../shared/hub/anonymize/index.ts';
import { Hierarchy, ctdcHierarchies } from '../../shared/hub/anonymize/index.ts';

/**
 * The built-in CTDC hierarchies, extended to cover values that are already generalised. A
 * contribution is k-anonymised at its organisation before it enters the store, so its rows may
 * hold `Africa` for a citizenship or `2020-2024` for a year: such a value becomes a leaf of its
 * own that stays as it is up to its level and then generalises as the label did (`Africa` →
 * `Africa` → … → `*`). Classes are still formed on the values as published, so k holds exactly;
 * the information loss of those cells is counted from their level, not from the country or year
 * they came from (docs/hub.md, "Reports").
 */
export function storeHierarchies(): Hierarchies {
  if (extended) return extended;
  const out = new Map<string, Hierarchy>();
  for (const [column, h] of ctdcHierarchies()) out.set(column, extend(h));
  extended = out;
  return out;
}

let extended: Map<string, Hierarchy> | null = null;

function extend(h: Hierarchy): Hierarchy {
  const levels = h.labels.length;
  const rows: string[][] = h.leaves.map((_, leaf) =>
    h.labels.map((labels, l) => labels[h.codes[l]![leaf]!]!),
  );
  const known = new Set(h.leaves);
  // Each label at its lowest level, with the labels above it (the levels nest, so any leaf
  // under it gives the same ones).
  for (let level = 1; level < levels; level++) {
    h.labels[level]!.forEach((label, code) => {
      if (known.has(label)) return;
      known.add(label);
      const leaf = h.codes[level]!.indexOf(code);
      const above = rows[leaf]!.slice(level + 1);
      rows.push([...Array<string>(level + 1).fill(label), ...above]);
    });
  }
  return new Hierarchy(h.column, rows);
}

/**
 * ARX's generalisation loss of a release (as `UtilityReport.informationLoss`), measured against
 * the built-in hierarchies rather than the extended ones, so that a value contributed already
 * generalised counts as generalised: per quasi-identifier cell (leaves under the published value
 * − 1) / (leaves − 1), each cell of a suppressed record 1, the mean over every cell of the
 * source records (ARX "Loss" metric, after Iyengar 2002). For sources holding leaves only it
 * equals the engine's figure.
 */
export function storeInformationLoss(
  rows: readonly (readonly string[])[],
  columns: readonly string[],
  qi: readonly string[],
  levels: Readonly<Record<string, number>>,
  suppressed: number,
): number {
  const cells = (rows.length + suppressed) * qi.length;
  if (cells === 0) return 0;
  let sum = suppressed * qi.length;
  for (const name of qi) {
    const h = ctdcHierarchies().get(name);
    const col = columns.indexOf(name);
    if (!h || col < 0) throw new Error(`no hierarchy or column for "${name}"`);
    const level = levels[name] ?? 0;
    const domain = Math.max(1, h.leaves.length - 1);
    const cache = new Map<string, number>();
    const lossOf = (value: string): number => {
      // The value at the level chosen, else where the contribution left it (its lowest level).
      for (const l of [level, ...h.labels.keys()]) {
        const code = h.labels[l]?.indexOf(value) ?? -1;
        if (code >= 0) return (h.leafCounts[l]![code]! - 1) / domain;
      }
      return 0;
    };
    for (const row of rows) {
      const v = row[col]!;
      let loss = cache.get(v);
      if (loss === undefined) cache.set(v, (loss = lossOf(v)));
      sum += loss;
    }
  }
  return sum / cells;
}
