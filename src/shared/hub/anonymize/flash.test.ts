import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Table } from '../table.ts';
import { AnonymizeError } from './anonymize-error.ts';
import { anonymize } from './anonymize.ts';
import { encodeTable } from './encoded.ts';
import { evaluateNode } from './evaluate.ts';
import { rollUp } from './groupify.ts';
import { Hierarchy } from './hierarchy.ts';

/** mulberry32: tables and hierarchies drawn from one seed that fast-check chooses. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random nested hierarchy: each level groups the previous level's values at random. */
function randomHierarchy(column: string, next: () => number): Hierarchy {
  const leaves = 2 + Math.floor(next() * 5);
  const height = 1 + Math.floor(next() * 3);
  let parent = Array.from({ length: leaves }, (_, i) => i); // leaf → its value at this level
  const rows = parent.map((i) => [`${column}${i}`]);
  for (let level = 1; level < height; level++) {
    const width = Math.max(1, Math.ceil(new Set(parent).size / 2));
    const up = new Map<number, number>();
    parent = parent.map((p) => {
      if (!up.has(p)) up.set(p, Math.floor(next() * width));
      return up.get(p)!;
    });
    parent.forEach((p, i) => rows[i]!.push(`${column}L${level}g${p}`));
  }
  rows.forEach((r) => r.push('*'));
  return new Hierarchy(column, rows);
}

interface Case {
  table: Table;
  qi: string[];
  hierarchies: Map<string, Hierarchy>;
  k: number;
  limit: number;
  l: number | null;
}

function randomCase(seed: number): Case {
  const next = random(seed);
  const dims = 1 + Math.floor(next() * 3);
  const qi = Array.from({ length: dims }, (_, d) => `q${d}`);
  const hierarchies = new Map(qi.map((c) => [c, randomHierarchy(c, next)]));
  const n = Math.floor(next() * 60);
  const rows = Array.from({ length: n }, () => [
    ...qi.map((c) => {
      const leaves = hierarchies.get(c)!.leaves;
      // Skewed: low leaves are common, so some classes are large and some are rare.
      return leaves[Math.floor(next() ** 2 * leaves.length)]!;
    }),
    `s${Math.floor(next() * 3)}`,
  ]);
  return {
    table: { columns: [...qi, 'sensitive'], rows },
    qi,
    hierarchies,
    k: 2 + Math.floor(next() * 4),
    limit: [0, 0.05, 0.1, 0.3][Math.floor(next() * 4)]!,
    l: next() < 0.3 ? 2 : null,
  };
}

/** Every node's acceptability and loss, by the definitions, on strings: the reference. */
function bruteForce(c: Case) {
  const hs = c.qi.map((q) => c.hierarchies.get(q)!);
  const maxOut = Math.floor(c.limit * c.table.rows.length + 1e-9);
  const nodes: { levels: number[]; ok: boolean; loss: number }[] = [];
  const walk = (prefix: number[]): void => {
    if (prefix.length === hs.length) {
      const classes = new Map<string, string[][]>();
      for (const row of c.table.rows) {
        const key = hs.map((h, d) => h.generalise(row[d]!, prefix[d]!)).join('|');
        classes.set(key, [...(classes.get(key) ?? []), row]);
      }
      let suppressed = 0;
      let sum = 0;
      for (const rows of classes.values()) {
        const diverse = c.l === null || new Set(rows.map((r) => r.at(-1))).size >= c.l;
        if (rows.length < c.k || !diverse) suppressed += rows.length;
        else for (const r of rows) hs.forEach((h, d) => (sum += h.loss(r[d]!, prefix[d]!)));
      }
      const cells = c.table.rows.length * hs.length;
      nodes.push({
        levels: prefix,
        ok: suppressed <= maxOut,
        loss: cells === 0 ? 0 : (sum + suppressed * hs.length) / cells,
      });
      return;
    }
    for (let l = 0; l <= hs[prefix.length]!.height; l++) walk([...prefix, l]);
  };
  walk([]);
  return nodes;
}

const run = (c: Case) =>
  anonymize(c.table, {
    qi: c.qi,
    k: c.k,
    hierarchies: c.hierarchies,
    suppressionLimit: c.limit,
    ...(c.l !== null ? { l: { sensitive: 'sensitive', l: c.l } } : {}),
  });

const SETTINGS = { seed: 20261129, numRuns: 300 };

describe('lattice search on random tables', () => {
  it('finds the least loss of all acceptable nodes, or refuses when there is none', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const c = randomCase(seed);
        const acceptable = bruteForce(c).filter((n) => n.ok);
        if (acceptable.length === 0) {
          expect(() => run(c)).toThrow(AnonymizeError);
          return;
        }
        const best = Math.min(...acceptable.map((n) => n.loss));
        const r = run(c);
        expect(r.informationLoss).toBeCloseTo(best, 9);
        const chosen = acceptable.find((n) => n.levels.every((l, d) => l === r.levels[c.qi[d]!]));
        expect(chosen?.loss).toBeCloseTo(best, 9);
      }),
      SETTINGS,
    );
  });

  it('releases only classes of at least k (and l distinct values), within the suppression limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const c = randomCase(seed);
        let r;
        try {
          r = run(c);
        } catch (e) {
          expect(e).toBeInstanceOf(AnonymizeError);
          return;
        }
        const n = c.table.rows.length;
        expect(r.suppressed).toBeLessThanOrEqual(Math.floor(c.limit * n + 1e-9));
        expect(r.table.rows).toHaveLength(n - r.suppressed);
        const classes = new Map<string, Set<string>>();
        const sizes = new Map<string, number>();
        for (const row of r.table.rows) {
          const key = row.slice(0, c.qi.length).join('|');
          sizes.set(key, (sizes.get(key) ?? 0) + 1);
          classes.set(key, (classes.get(key) ?? new Set()).add(row.at(-1)!));
        }
        for (const size of sizes.values()) expect(size).toBeGreaterThanOrEqual(c.k);
        if (c.l !== null)
          for (const s of classes.values()) expect(s.size).toBeGreaterThanOrEqual(c.l);
      }),
      SETTINGS,
    );
  });

  it('judges every node as the definitions do, and monotonically (successors of an acceptable node are acceptable)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const c = randomCase(seed);
        const enc = encodeTable(
          c.table.rows,
          c.qi.map((_, d) => d),
          c.qi.map((q) => c.hierarchies.get(q)!),
          c.l !== null ? c.qi.length : null,
        );
        const criteria = {
          k: c.k,
          maxOutliers: Math.floor(c.limit * c.table.rows.length + 1e-9),
          l: c.l !== null ? { l: c.l, variant: 'distinct' as const } : null,
        };
        const ok = new Map<string, boolean>();
        for (const node of bruteForce(c)) {
          // Rolled up from the bottom and, where there is one, from the node one level below.
          const ev = evaluateNode(enc, rollUp(enc, enc.bottom, node.levels), criteria);
          expect(ev.anonymous).toBe(node.ok);
          if (node.ok) expect(ev.loss).toBeCloseTo(node.loss, 9);
          const d = node.levels.findIndex((l) => l > 0);
          if (d >= 0) {
            const below = node.levels.map((l, e) => (e === d ? l - 1 : l));
            const via = rollUp(enc, rollUp(enc, enc.bottom, below), node.levels);
            expect(evaluateNode(enc, via, criteria).anonymous).toBe(node.ok);
          }
          ok.set(node.levels.join(','), ev.anonymous);
        }
        for (const [key, acceptable] of ok) {
          if (!acceptable) continue;
          const levels = key.split(',').map(Number);
          levels.forEach((_, d) => {
            const up = levels.map((l, e) => (e === d ? l + 1 : l)).join(',');
            if (ok.has(up)) expect(ok.get(up)).toBe(true);
          });
        }
      }),
      SETTINGS,
    );
  });
});
