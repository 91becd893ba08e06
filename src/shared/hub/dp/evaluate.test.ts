import { describe, expect, it } from 'vitest';
import type { Table } from '../table.ts';
import { evaluateAggregates, evaluateSynthetic } from './evaluate.ts';
import { handMadeAggregates } from './test-support.ts';

// True counts: A=a1 3, A=a2 1, B=b1 2, B=b2 1, (a1,b1) 2, (a1,b2) 1. '-99' is not a value.
const original: Table = {
  columns: ['A', 'B'],
  rows: [
    ['a1', 'b1'],
    ['a1', 'b2'],
    ['a2', '-99'],
    ['a1', 'b1'],
  ],
};

describe('quality of a release', () => {
  it('computes error, suppression and fabrication per length and overall (showcase definitions)', () => {
    const agg = handMadeAggregates(['A', 'B'], 4, [
      [{ A: 'a1' }, 4], // error 1
      [{ B: 'b1' }, 2], // error 0
      [{ B: 'b3' }, 5], // fabricated
      [{ A: 'a1', B: 'b1' }, 1], // error 1
      [{ A: 'a2', B: 'b1' }, 3], // fabricated
    ]);
    const q = evaluateAggregates(original, agg);
    expect(q.evaluatedLength).toBe(2);
    expect(q.byLength).toEqual([
      {
        length: 1,
        trueCombinations: 4,
        releasedCombinations: 3,
        meanTrueCount: 1.75,
        meanAbsoluteError: 0.5,
        suppressedPercent: 50,
        fabricatedPercent: 100 / 3,
      },
      {
        length: 2,
        trueCombinations: 2,
        releasedCombinations: 2,
        meanTrueCount: 1.5,
        meanAbsoluteError: 1,
        suppressedPercent: 50,
        fabricatedPercent: 50,
      },
    ]);
    expect(q.all).toEqual({
      length: 0,
      trueCombinations: 6,
      releasedCombinations: 5,
      meanTrueCount: 10 / 6,
      meanAbsoluteError: 2 / 3,
      suppressedPercent: 50,
      fabricatedPercent: 40,
    });
  });

  it('counts the combinations of a synthetic table the same way', () => {
    const synthetic: Table = {
      columns: ['A', 'B'],
      rows: [
        ['a1', 'b1'],
        ['a1', ''],
        ['a3', 'b1'],
      ],
    };
    const q = evaluateSynthetic(original, synthetic, { length: 2 });
    expect(
      q.byLength.map((l) => [l.meanAbsoluteError, l.suppressedPercent, l.fabricatedPercent]),
    ).toEqual([
      [0.5, 50, 100 / 3],
      [1, 50, 50],
    ]);
  });

  it('evaluates only the lengths it can count exactly within the cap, and says so', () => {
    const wide: Table = {
      columns: ['A', 'B', 'C', 'D'],
      rows: Array.from({ length: 10 }, () => ['a', 'b', 'c', 'd']),
    };
    // Per record: 4 singles, 6 pairs, 4 triples; a cap of 100 admits lengths 1 and 2 only.
    const q = evaluateSynthetic(wide, wide, { length: 3, maxCombinations: 100 });
    expect(q.evaluatedLength).toBe(2);
    expect(q.byLength.map((l) => l.length)).toEqual([1, 2]);
    expect(q.all.trueCombinations).toBe(10);
  });

  it('gives zero error, suppression and fabrication for a perfect release', () => {
    const q = evaluateSynthetic(original, original, { length: 2 });
    expect(q.all.meanAbsoluteError).toBe(0);
    expect(q.all.suppressedPercent).toBe(0);
    expect(q.all.fabricatedPercent).toBe(0);
  });
});
