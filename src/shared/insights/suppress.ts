import type { Cell } from '../api/insights.schema.ts';

/**
 * Small-cell suppression for tables of counts of persons (docs/insights.md). A count from 1 to
 * `minCell − 1` is primary-suppressed: sent as null, never as its number. Zero is shown: an
 * empty cell discloses nobody. Hundepool et al., Statistical Disclosure Control (Wiley, 2012),
 * ch. 4 (threshold rule) and 4.2 (secondary suppression).
 */
export function cell(count: number, minCell: number): Cell {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`a count must be a whole number ≥ 0 (got ${String(count)})`);
  }
  return count > 0 && count < minCell
    ? { count: null, suppressed: true }
    : { count, suppressed: false };
}

/**
 * Suppresses a row of counts whose total is published beside it. When exactly one cell of the
 * row would be suppressed, the total minus the shown cells would give it back, so the smallest
 * other non-zero cell is suppressed too (secondary suppression; Hundepool et al. 2012, 4.2).
 * Cells that sum to more than the total (a case in several categories) cannot be recovered by
 * difference alone, but the same rule is applied: it costs little and errs on the safe side.
 */
export function suppressRow(counts: readonly number[], minCell: number): Cell[] {
  const cells = counts.map((n) => cell(n, minCell));
  const primary = cells.filter((c) => c.suppressed).length;
  if (primary !== 1) return cells;
  let partner = -1;
  counts.forEach((n, i) => {
    if (cells[i]!.suppressed || n === 0) return;
    if (partner === -1 || n < counts[partner]!) partner = i;
  });
  if (partner !== -1) cells[partner] = { count: null, suppressed: true };
  return cells;
}
