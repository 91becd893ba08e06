import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.ts';
import { synthesize } from './synthesize.ts';
import { correlatedTable, handMadeAggregates } from './test-support.ts';

const singleCounts = (rows: string[][], columns: string[]) => {
  const m = new Map<string, number>();
  for (const r of rows)
    r.forEach((v, i) => {
      if (v !== '') m.set(`${columns[i]}=${v}`, (m.get(`${columns[i]}=${v}`) ?? 0) + 1);
    });
  return m;
};

describe('synthesis from DP aggregates', () => {
  it('draws from the released counts alone, matching them exactly when they are consistent', () => {
    const agg = handMadeAggregates(['A', 'B'], 10, [
      [{ A: 'a' }, 10],
      [{ B: 'b' }, 5],
      [{ A: 'a', B: 'b' }, 5],
    ]);
    const t = synthesize(agg, { seed: 1 });
    expect(t.columns).toEqual(['A', 'B']);
    expect(t.rows).toHaveLength(10);
    expect(t.rows.filter((r) => r[0] === 'a')).toHaveLength(10);
    expect(t.rows.filter((r) => r[1] === 'b')).toHaveLength(5);
  });

  it('reproduces the released single-value counts approximately', () => {
    const table = correlatedTable(5000, 1);
    const agg = aggregate(table, { epsilon: 4, length: 3, seed: 2 });
    const synthetic = synthesize(agg, { seed: 3 });
    expect(synthetic.rows).toHaveLength(agg.records);
    const got = singleCounts(synthetic.rows, synthetic.columns);
    for (const c of agg.combinations.filter((x) => x.items.length === 1)) {
      const key = `${c.items[0]!.column}=${c.items[0]!.value}`;
      // Within 5 % of the released count, or 25 records for the small ones.
      expect(Math.abs((got.get(key) ?? 0) - c.count)).toBeLessThanOrEqual(
        Math.max(25, 0.05 * c.count),
      );
    }
  });

  it('keeps the correlations the aggregates carry', () => {
    const table = correlatedTable(5000, 4);
    const synthetic = synthesize(aggregate(table, { epsilon: 4, length: 2, seed: 5 }), {
      seed: 6,
    });
    const share = (rows: string[][], a: string, b: string) =>
      rows.filter((r) => r[0] === a && r[1] === b).length / rows.filter((r) => r[0] === a).length;
    expect(share(synthetic.rows, 'a1', 'b1')).toBeCloseTo(share(table.rows, 'a1', 'b1'), 1);
    expect(share(synthetic.rows, 'a2', 'b3')).toBeCloseTo(share(table.rows, 'a2', 'b3'), 1);
  });

  it('never forms a combination (up to the released length) that was not released', () => {
    const table = correlatedTable(3000, 7);
    const agg = aggregate(table, { epsilon: 1, length: 2, seed: 8 });
    const released = new Set(
      agg.combinations.map((c) => c.items.map((i) => `${i.column}=${i.value}`).join(';')),
    );
    const synthetic = synthesize(agg, { seed: 9 });
    for (const row of synthetic.rows) {
      const items = row.flatMap((v, i) => (v === '' ? [] : [`${synthetic.columns[i]}=${v}`]));
      for (const x of items) expect(released.has(x)).toBe(true);
      for (let i = 0; i < items.length; i++)
        for (let j = i + 1; j < items.length; j++)
          expect(released.has(`${items[i]};${items[j]}`)).toBe(true);
    }
  });

  it('is reproducible with a seed and writes the chosen empty value', () => {
    const agg = aggregate(correlatedTable(500, 10), { epsilon: 2, length: 2, seed: 11 });
    expect(synthesize(agg, { seed: 12 })).toEqual(synthesize(agg, { seed: 12 }));
    const t = synthesize(agg, { seed: 12, emptyValue: '-99' });
    expect(t.rows.some((r) => r.includes('-99'))).toBe(true);
    expect(t.rows.some((r) => r.includes(''))).toBe(false);
  });
});
