import type { Cell } from '../api/insights.schema.ts';
import { cell } from './suppress.ts';

/**
 * A two-way table of counts as a dashboard sends it: `cells[s][p]` (series × periods) with its
 * margins, the series totals, the period totals and the grand total.
 */
export interface CountTable {
  cells: readonly (readonly number[])[];
  seriesTotals: readonly number[];
  periodTotals: readonly number[];
  total: number;
}

export interface SuppressedTable {
  cells: Cell[][];
  seriesTotals: Cell[];
  periodTotals: Cell[];
  total: Cell;
}

/**
 * Small-cell suppression of a table published with its margins (docs/insights.md). Primary: each
 * count from 1 to minCell − 1 (suppress.ts `cell`). Secondary: a line of the table (a period's
 * counts with the period total, or a series' counts with the series total) holding exactly one
 * suppressed cell would give it back by difference, so the smallest other non-zero cell of that
 * line is suppressed too; lines are checked again until none holds exactly one (Hundepool et al.,
 * Statistical Disclosure Control, Wiley 2012, 4.2: every line of a protected table with margins
 * needs zero or at least two suppressed cells). This is the row rule of `suppressRow` applied to
 * both directions of the table at once, so a cell freed from its period row cannot be recovered
 * from its series row instead. When a case counts in several series (exploitation types), the
 * lines do not add up and differences recover nothing exactly; the rule still applies.
 */
export function suppressTable(t: CountTable, minCell: number): SuppressedTable {
  const S = t.seriesTotals.length;
  const P = t.periodTotals.length;
  // The full grid with margins: row S holds the period totals, column P the series totals.
  const value = (s: number, p: number): number =>
    s === S
      ? p === P
        ? t.total
        : t.periodTotals[p]!
      : p === P
        ? t.seriesTotals[s]!
        : t.cells[s]![p]!;
  const hidden: boolean[][] = Array.from({ length: S + 1 }, (_, s) =>
    Array.from({ length: P + 1 }, (_, p) => cell(value(s, p), minCell).suppressed),
  );
  const lines: [number, number][][] = [
    ...Array.from({ length: S + 1 }, (_, s) =>
      Array.from({ length: P + 1 }, (_, p): [number, number] => [s, p]),
    ),
    ...Array.from({ length: P + 1 }, (_, p) =>
      Array.from({ length: S + 1 }, (_, s): [number, number] => [s, p]),
    ),
  ];
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([s, p]) => hidden[s]![p]).length !== 1) continue;
      let partner: [number, number] | null = null;
      for (const [s, p] of line) {
        const n = value(s, p);
        if (hidden[s]![p] || n === 0) continue;
        if (!partner || n < value(partner[0], partner[1])) partner = [s, p];
      }
      if (partner) {
        hidden[partner[0]]![partner[1]] = true;
        changed = true;
      }
    }
  }
  const out = (s: number, p: number): Cell =>
    hidden[s]![p] ? { count: null, suppressed: true } : { count: value(s, p), suppressed: false };
  return {
    cells: Array.from({ length: S }, (_, s) => Array.from({ length: P }, (_, p) => out(s, p))),
    seriesTotals: Array.from({ length: S }, (_, s) => out(s, P)),
    periodTotals: Array.from({ length: P }, (_, p) => out(S, p)),
    total: out(S, P),
  };
}
