import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Table } from '../table.ts';
import { TableError } from '../table.ts';
import { AggregateError, DEFAULT_SHARES, aggregate } from './aggregate.ts';

/** `n` records of which `k` have the value 'x' in column A (the others are empty). */
function oneValue(n: number, k: number): Table {
  return { columns: ['A'], rows: Array.from({ length: n }, (_, i) => [i < k ? 'x' : '']) };
}

const keyOf = (items: { column: string; value: string }[]) =>
  items.map((i) => `${i.column}=${i.value}`).join(';');

describe('DP aggregates: noise calibration', () => {
  it('adds Gaussian noise whose empirical variance matches the calibrated σ²', () => {
    const table = oneValue(1000, 300);
    const draws: number[] = [];
    let sigma = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const a = aggregate(table, { epsilon: 1, delta: 1e-6, length: 1, seed });
      sigma = a.parameters.lengths[0]!.sigma;
      const c = a.combinations[0];
      expect(c?.items).toEqual([{ column: 'A', value: 'x' }]);
      draws.push(c!.count);
    }
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
    expect(Math.abs(mean - 300)).toBeLessThan((4 * sigma) / Math.sqrt(draws.length));
    // Rounding to whole counts adds 1/12 to the variance; 1,500 draws estimate it within ~4 %.
    expect(variance / (sigma * sigma + 1 / 12)).toBeGreaterThan(0.88);
    expect(variance / (sigma * sigma + 1 / 12)).toBeLessThan(1.12);
  });

  it('sets σ from the budget: Δ/σ over all parts composes to the μ of (ε, δ)', () => {
    const table: Table = {
      columns: ['A', 'B', 'C'],
      rows: Array.from({ length: 400 }, (_, i) => [`a${i % 2}`, `b${i % 3}`, `c${i % 4}`]),
    };
    const a = aggregate(table, { epsilon: 2, delta: 1e-6, length: 3, seed: 1 });
    const p = a.parameters;
    const composed =
      1 / p.recordsSigma ** 2 +
      p.lengths.reduce((s, l) => s + l.contributionBound / l.sigma ** 2, 0);
    expect(Math.sqrt(composed)).toBeCloseTo(p.mu, 9);
    expect(p.deltaGaussian + p.deltaPartitionSelection).toBeCloseTo(1e-6, 15);
    expect(a.epsilon).toBe(2);
    expect(a.delta).toBe(1e-6);
    // Budget shares of the lengths in use are renormalised.
    const used = DEFAULT_SHARES.slice(0, 4).reduce((s, x) => s + x, 0);
    expect(p.lengths[0]!.contributionBound / p.lengths[0]!.sigma ** 2 / p.mu ** 2).toBeCloseTo(
      DEFAULT_SHARES[1]! / used,
      9,
    );
  });
});

describe('DP aggregates: partition selection', () => {
  it('releases a value held by one record with probability at most δ (here δₚ = δ/2)', () => {
    // A huge δ makes the rare event measurable: one column, so each record is in one
    // partition and P(release) = 1 − Φ((τ − 1)/σ) = δₚ = 0.1 exactly.
    const table = oneValue(50, 1);
    let released = 0;
    const trials = 8000;
    for (let seed = 1; seed <= trials; seed++) {
      const a = aggregate(table, { epsilon: 1, delta: 0.2, length: 1, seed });
      if (a.combinations.length > 0) released++;
    }
    const rate = released / trials;
    const se = Math.sqrt((0.1 * 0.9) / trials);
    expect(rate).toBeLessThan(0.1 + 4 * se);
    expect(rate).toBeGreaterThan(0.1 - 4 * se);
  });

  it('hardly ever releases a unique value at the default δ, while common ones always are', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [i === 0 ? 'rare' : `v${i % 4}`, 'y']);
    for (let seed = 1; seed <= 200; seed++) {
      const a = aggregate({ columns: ['A', 'B'], rows }, { epsilon: 1, length: 2, seed });
      const values = a.combinations.filter((c) => c.items.length === 1).map((c) => keyOf(c.items));
      expect(values).not.toContain('A=rare');
      expect(values).toEqual(expect.arrayContaining(['A=v0', 'A=v1', 'A=v2', 'A=v3', 'B=y']));
    }
  });
});

describe('DP aggregates: consistency', () => {
  const tables = fc
    .record({
      columns: fc.integer({ min: 1, max: 5 }),
      alphabet: fc.integer({ min: 1, max: 4 }),
      rows: fc.integer({ min: 1, max: 150 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
    })
    .chain(({ columns, alphabet, rows, seed }) =>
      fc.record({
        table: fc.constant(null).map(() => {
          let s = seed + 1;
          const next = () => ((s = (Math.imul(s, 48271) + 11) % 2147483647), s / 2147483647);
          const cols = Array.from({ length: columns }, (_, i) => `C${i}`);
          const values = ['', '-99', ...Array.from({ length: alphabet }, (_, i) => `v${i}`)];
          return {
            columns: cols,
            rows: Array.from({ length: rows }, () =>
              cols.map(() => values[Math.floor(next() * values.length)]!),
            ),
          };
        }),
        epsilon: fc.double({ min: 0.5, max: 20, noNaN: true }),
        length: fc.integer({ min: 1, max: 4 }),
        seed: fc.integer({ min: 0, max: 1_000_000 }),
      }),
    );

  it('releases a combination only with every sub-combination, and never a larger count', () => {
    fc.assert(
      fc.property(tables, ({ table, epsilon, length, seed }) => {
        const a = aggregate(table, { epsilon, length, seed, thresholds: [0, 0, 0] });
        const counts = new Map(a.combinations.map((c) => [keyOf(c.items), c.count]));
        for (const c of a.combinations) {
          expect(Number.isInteger(c.count) && c.count >= 1).toBe(true);
          expect(c.items.length).toBeLessThanOrEqual(length);
          expect(new Set(c.items.map((i) => i.column)).size).toBe(c.items.length);
          expect(c.items.some((i) => i.value === '' || i.value === '-99')).toBe(false);
          if (c.items.length === 1) expect(c.count).toBeLessThanOrEqual(a.records);
          for (let drop = 0; drop < c.items.length && c.items.length > 1; drop++) {
            const parent = counts.get(keyOf(c.items.filter((_, i) => i !== drop)));
            expect(parent).toBeDefined();
            expect(c.count).toBeLessThanOrEqual(parent!);
          }
        }
      }),
      { numRuns: 150, seed: 20261129 },
    );
  });
});

describe('DP aggregates: contribution bounding', () => {
  it('lets no record add to more combinations of a length than its bound', () => {
    // One record with 6 values has 15 pairs; with a bound of 3 the noiseless pair counts of
    // that record must sum to at most 3 — checked by giving it a budget so large that the noise
    // is negligible and a threshold of 0.
    const table: Table = {
      columns: ['A', 'B', 'C', 'D', 'E', 'F'],
      rows: Array.from({ length: 1 }, () => ['a', 'b', 'c', 'd', 'e', 'f']),
    };
    const rows = [
      ...table.rows,
      ...Array.from({ length: 999 }, () => ['a', 'b', 'c', 'd', 'e', 'f']),
    ];
    const a = aggregate(
      { columns: table.columns, rows },
      { epsilon: 5000, delta: 0.4, length: 2, seed: 3, contributionBounds: [3], thresholds: [0] },
    );
    const pairs = a.combinations.filter((c) => c.items.length === 2);
    const total = pairs.reduce((s, c) => s + c.count, 0);
    expect(a.parameters.lengths[1]!.contributionBound).toBe(3);
    expect(Math.abs(total - 3 * 1000)).toBeLessThan(15 * 2);
  });
});

describe('DP aggregates: inputs', () => {
  const table: Table = { columns: ['A', 'B'], rows: [['x', 'y']] };

  it('refuses ε ≤ 0, a δ outside (0, 1) and a length outside 1..4', () => {
    expect(() => aggregate(table, { epsilon: 0, length: 2 })).toThrow(AggregateError);
    expect(() => aggregate(table, { epsilon: -1, length: 2 })).toThrow(/epsilon/);
    expect(() => aggregate(table, { epsilon: Number.NaN, length: 2 })).toThrow(/epsilon/);
    expect(() => aggregate(table, { epsilon: 1, delta: 0, length: 2 })).toThrow(/delta/);
    expect(() => aggregate(table, { epsilon: 1, delta: 1, length: 2 })).toThrow(/delta/);
    expect(() => aggregate(table, { epsilon: 1, length: 0 })).toThrow(/length/);
    expect(() => aggregate(table, { epsilon: 1, length: 5 })).toThrow(/length/);
    expect(() => aggregate(table, { epsilon: 1, length: 1.5 })).toThrow(/length/);
  });

  it('refuses unknown columns and a table without records', () => {
    expect(() => aggregate(table, { epsilon: 1, length: 1, columns: ['Z'] })).toThrow(
      /unknown column "Z"/,
    );
    expect(() => aggregate({ columns: ['A'], rows: [] }, { epsilon: 1, length: 1 })).toThrow(
      TableError,
    );
  });

  it('is reproducible with a seed and counts only the chosen columns', () => {
    const rows = Array.from({ length: 300 }, (_, i) => [`a${i % 3}`, `b${i % 2}`, 'z']);
    const t = { columns: ['A', 'B', 'C'], rows };
    const a = aggregate(t, { epsilon: 1, length: 2, seed: 9, columns: ['A', 'B'] });
    expect(aggregate(t, { epsilon: 1, length: 2, seed: 9, columns: ['A', 'B'] })).toEqual(a);
    expect(a.columns).toEqual(['A', 'B']);
    expect(a.combinations.every((c) => c.items.every((i) => i.column !== 'C'))).toBe(true);
  });

  it('refuses, or stops at, a length with more candidates than allowed', () => {
    const rows = Array.from({ length: 500 }, (_, i) => [`a${i % 5}`, `b${i % 5}`, `c${i % 5}`]);
    const t = { columns: ['A', 'B', 'C'], rows };
    expect(() => aggregate(t, { epsilon: 5, length: 3, seed: 1, maxCandidates: 10 })).toThrow(
      /more than 10 combinations of length 2/,
    );
    const stopped = aggregate(t, {
      epsilon: 5,
      length: 3,
      seed: 1,
      maxCandidates: 10,
      stopWhenTooMany: true,
    });
    expect(stopped.length).toBe(1);
    expect(stopped.parameters.requestedLength).toBe(3);
  });
});
