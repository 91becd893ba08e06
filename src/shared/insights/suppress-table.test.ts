import { describe, expect, it } from 'vitest';
import { suppressTable } from './suppress-table.ts';

const h = null;
const counts = (cells: { count: number | null }[]) => cells.map((c) => c.count);

describe('suppressTable', () => {
  it('protects a lone small cell in its period and in its series, cascading (worked by hand)', () => {
    //            p0  p1  p2 | total
    //   A        10   3   8 |  21
    //   B         6   7   9 |  22
    //   totals   16  10  17 |  43
    // Primary: A·p1 = 3. Row A then has one hidden cell → its smallest other, A·p2 = 8.
    // Column p1 has one (A·p1) → B·p1 = 7 (7 < 10); column p2 has one (A·p2) → B·p2 = 9
    // (9 < 17). Row B now has two; every line has 0 or 2 hidden cells: stop.
    const out = suppressTable(
      {
        cells: [
          [10, 3, 8],
          [6, 7, 9],
        ],
        seriesTotals: [21, 22],
        periodTotals: [16, 10, 17],
        total: 43,
      },
      5,
    );
    expect(out.cells.map(counts)).toEqual([
      [10, h, h],
      [6, h, h],
    ]);
    expect(counts(out.seriesTotals)).toEqual([21, 22]);
    expect(counts(out.periodTotals)).toEqual([16, 10, 17]);
    expect(out.total).toEqual({ count: 43, suppressed: false });
  });

  it('shows zeros, and hides a small period total together with its partner', () => {
    //            p0  p1 | total
    //   A         0   0 |   0
    //   B        12   4 |  16
    //   totals   12   4 |  16
    // Primary: B·p1 = 4 and the period total 4. Row B: one hidden → B·p0 = 12 (12 < 16).
    // Totals row: one hidden → its p0 = 12. Columns p0 and p1 then hold two each.
    const out = suppressTable(
      {
        cells: [
          [0, 0],
          [12, 4],
        ],
        seriesTotals: [0, 16],
        periodTotals: [12, 4],
        total: 16,
      },
      5,
    );
    expect(out.cells.map(counts)).toEqual([
      [0, 0],
      [h, h],
    ]);
    expect(out.cells[0]!.every((c) => !c.suppressed)).toBe(true);
    expect(counts(out.periodTotals)).toEqual([h, h]);
    expect(counts(out.seriesTotals)).toEqual([0, 16]);
    expect(out.total.count).toBe(16);
  });

  it('hides a small series total and a small grand total (primary), and an empty table stays empty', () => {
    const out = suppressTable(
      { cells: [[2, 1]], seriesTotals: [3], periodTotals: [2, 1], total: 3 },
      5,
    );
    expect(out.cells.map(counts)).toEqual([[h, h]]);
    expect(counts(out.seriesTotals)).toEqual([h]);
    expect(counts(out.periodTotals)).toEqual([h, h]);
    expect(out.total.suppressed).toBe(true);
    const empty = suppressTable({ cells: [], seriesTotals: [], periodTotals: [0], total: 0 }, 5);
    expect(empty).toEqual({
      cells: [],
      seriesTotals: [],
      periodTotals: [{ count: 0, suppressed: false }],
      total: { count: 0, suppressed: false },
    });
  });

  it('changes nothing with a threshold of 1', () => {
    const out = suppressTable(
      { cells: [[1, 2]], seriesTotals: [3], periodTotals: [1, 2], total: 3 },
      1,
    );
    expect(out.cells.map(counts)).toEqual([[1, 2]]);
  });
});
