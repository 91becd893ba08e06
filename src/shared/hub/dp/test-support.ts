/** Test helpers shared by the DP tests (not exported from the module). */
import type { Table } from '../table.ts';
import type { DpAggregates, DpCombination } from './aggregate.ts';
import { seededRng } from './random.ts';

/** Hand-made aggregates, as if released, for tests that must not depend on noise. */
export function handMadeAggregates(
  columns: string[],
  records: number,
  combinations: [Record<string, string>, number][],
): DpAggregates {
  const combs: DpCombination[] = combinations.map(([items, count]) => ({
    items: Object.entries(items).map(([column, value]) => ({ column, value })),
    count,
  }));
  const length = Math.max(1, ...combs.map((c) => c.items.length));
  return {
    columns,
    length,
    records,
    combinations: combs,
    epsilon: 1,
    delta: 1e-6,
    parameters: {
      mechanism: 'gaussian',
      requestedLength: length,
      mu: 1,
      deltaGaussian: 5e-7,
      deltaPartitionSelection: 5e-7,
      recordsSigma: 1,
      maxItemsPerRecord: 12,
      lengths: [],
    },
  };
}

/** A table with correlated columns: A decides the likely values of B and C; D is mostly empty. */
export function correlatedTable(n: number, seed: number): Table {
  const rng = seededRng(seed);
  const rows = Array.from({ length: n }, () => {
    const a = rng.next() < 0.6 ? 'a1' : 'a2';
    const b = a === 'a1' ? (rng.next() < 0.8 ? 'b1' : 'b2') : rng.next() < 0.3 ? 'b1' : 'b3';
    const c = rng.next() < 0.5 ? 'c1' : rng.next() < 0.5 ? 'c2' : '';
    const d = rng.next() < 0.2 ? (b === 'b1' ? 'd1' : 'd2') : '-99';
    return [a, b, c, d];
  });
  return { columns: ['A', 'B', 'C', 'D'], rows };
}
