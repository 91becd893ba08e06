import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePersons } from '../demo/generate-persons.ts';
import { createRng } from '../demo/random.ts';
import { greedyOneToOne, hungarian, oneToOne } from './assign.ts';
import { generateCandidates, DEFAULT_BLOCKING } from './blocking.ts';
import { clusterEdges } from './cluster.ts';
import { DEFAULT_MODEL } from './default-model.ts';
import { recordsFromCsv, parseBirth } from './csv-records.ts';
import { comparePair, dedupeRecords, linkRecords, PairScorer } from './engine.ts';
import { pairMetrics, pairCompleteness } from './evaluate.ts';
import {
  buildModel,
  expectationMaximisation,
  levelWeights,
  parseModel,
  PatternCounter,
} from './model.ts';
import { prepareRecords } from './prepare.ts';
import { person } from './test-support.ts';
import type { LinkRecord } from './types.ts';

describe('expectation maximisation', () => {
  it('recovers m and λ from vectors drawn with known m and u', () => {
    const rng = createRng(42);
    // Three comparisons with levels 1..3 (0 = missing).
    const m = [
      [1, 0.85, 0.1, 0.05],
      [1, 0.7, 0.2, 0.1],
      [1, 0.9, 0.05, 0.05],
    ];
    const u = [
      [1, 0.02, 0.08, 0.9],
      [1, 0.05, 0.15, 0.8],
      [1, 0.01, 0.04, 0.95],
    ];
    const lambda = 0.2;
    const draw = (p: number[]) => {
      let x = rng();
      for (let l = 1; l < p.length; l++) if ((x -= p[l]!) < 0) return l;
      return p.length - 1;
    };
    const counter = new PatternCounter(3);
    for (let k = 0; k < 50_000; k++) {
      const match = rng() < lambda;
      const levels = (match ? m : u).map((row) => (rng() < 0.05 ? 0 : draw(row)));
      counter.add(levels, 0);
    }
    const init = m.map(() => [1, 0.6, 0.3, 0.1]);
    const em = expectationMaximisation(counter.patterns(), u, init, 0.5);
    expect(em.converged).toBe(true);
    expect(em.lambda).toBeCloseTo(lambda, 1.5);
    for (let c = 0; c < 3; c++) {
      for (let l = 1; l < 4; l++) expect(Math.abs(em.m[c]![l]! - m[c]![l]!)).toBeLessThan(0.03);
    }
  });

  it('trains on generated people and ranks agreeing levels above disagreeing ones', () => {
    const { records } = generatePersons({ seed: 3, count: 3000 });
    const r = dedupeRecords(records);
    for (const c of r.model.comparisons) {
      const w = levelWeights(c);
      expect(w[1]!).toBeGreaterThan(0);
      expect(w[w.length - 1]!).toBeLessThan(0);
      for (const x of w) expect(Number.isFinite(x)).toBe(true);
    }
  });
});

describe('term-frequency adjustment', () => {
  it('weighs agreement on a common name less than on a rare one', () => {
    const records: LinkRecord[] = [];
    for (let i = 0; i < 50; i++) records.push(person(`c${i}`, { givenName: 'Mohammed' }));
    records.push(
      person('r1', { givenName: 'Zarathustra' }),
      person('r2', { givenName: 'Zarathustra' }),
    );
    const set = prepareRecords(records);
    const model = buildModel(
      [{ id: 'givenName', kind: 'name', part: 'given', termFrequency: true }],
      [[1, 0.9, 0.02, 0.02, 0.02, 0.01, 0.01, 0.01, 0.01]],
      [[1, 0.05, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.9]],
      { lambda: 0.01, lambdaCandidates: 0.1, blocking: [], tfMinimumU: 1e-6, threshold: 0.5 },
    );
    const scorer = new PairScorer(model, set);
    const common = scorer.explain(0, 1).fields[0]!;
    const rare = scorer.explain(50, 51).fields[0]!;
    expect(common.level).toBe('exact');
    expect(rare.level).toBe('exact');
    expect(rare.weight).toBeGreaterThan(common.weight);
    // Common: frequency 50/52 > u = 0.05, so below the plain weight log2(0.9/0.05).
    expect(common.weight).toBeLessThan(Math.log2(0.9 / 0.05));
  });
});

describe('blocking', () => {
  it('unions rules without repeating a pair and reports the reduction ratio', () => {
    const recs = [
      person('a', {
        givenName: 'Amina',
        familyName: 'Yusuf',
        birth: { year: 1990, month: 1, day: 2 },
      }),
      person('b', {
        givenName: 'Amina',
        familyName: 'Yusuf',
        birth: { year: 1990, month: 1, day: 2 },
      }),
      person('c', {
        givenName: 'Peter',
        familyName: 'Smith',
        birth: { year: 1990, month: 1, day: 2 },
      }),
      person('d', {
        givenName: 'Olga',
        familyName: 'Ivanova',
        birth: { year: 1971, month: 5, day: 6 },
      }),
    ];
    const set = prepareRecords(recs);
    const cand = generateCandidates(set, null, {
      ...DEFAULT_BLOCKING,
      rules: ['names+year', 'dob'],
    });
    const pairs = Array.from(
      { length: cand.count },
      (_, p) => `${cand.left[p]}-${cand.right[p]}`,
    ).sort();
    // a–b by names and by dob (once), a–c and b–c by dob; d with nobody.
    expect(pairs).toEqual(['0-1', '0-2', '1-2']);
    expect(cand.stats.map((s) => s.pairs)).toEqual([1, 2]);
    expect(cand.totalPairs).toBe(6);
    expect(cand.reductionRatio).toBeCloseTo(0.5, 10);
    expect(cand.ruleMask[pairs.indexOf('0-1')]).toBe(0b11);
    const truth = [
      ['a', 'b'],
      ['c', 'd'],
    ] as [string, string][];
    expect(pairCompleteness(set.ids, cand, truth)).toBeCloseTo(0.5, 10);
  });

  it('replaces an oversized block by a window and counts what it left out', () => {
    const recs = Array.from({ length: 30 }, (_, i) =>
      person(`r${i}`, { givenName: `Name${i}`, birth: { year: 1980, month: 3, day: 3 } }),
    );
    const set = prepareRecords(recs);
    const cand = generateCandidates(set, null, {
      ...DEFAULT_BLOCKING,
      rules: ['dob'],
      maxBlockSize: 10,
      window: 3,
    });
    expect(cand.stats[0]!.oversizedBlocks).toBe(1);
    expect(cand.count).toBe(29 + 28);
    expect(cand.stats[0]!.pairsDroppedByCap).toBe(435 - 57);
  });

  it('leaves out a rule that would compare too many pairs, and says so', () => {
    const recs = Array.from({ length: 200 }, (_, i) => person(`r${i}`, { sex: 'F' }));
    const cand = generateCandidates(prepareRecords(recs), null, {
      ...DEFAULT_BLOCKING,
      rules: ['sex'],
      maxBlockSize: 1000,
    });
    expect(cand.count).toBe(0);
    expect(cand.stats[0]!.skipped).toMatch(/pairs/);
  });
});

describe('one-to-one assignment', () => {
  it('greedy takes the best pair first', () => {
    const links = [
      { a: 0, b: 0, weight: 10 },
      { a: 0, b: 1, weight: 9 },
      { a: 1, b: 0, weight: 9 },
    ];
    expect(greedyOneToOne(links)).toEqual([{ a: 0, b: 0, weight: 10 }]);
  });

  it('the exact assignment beats greedy where greedy is wrong', () => {
    const links = [
      { a: 0, b: 0, weight: 10 },
      { a: 0, b: 1, weight: 9 },
      { a: 1, b: 0, weight: 9 },
    ];
    const chosen = oneToOne(links, 0);
    expect(chosen.map((l) => [l.a, l.b]).sort()).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('Hungarian finds the minimum-cost assignment', () => {
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    expect(hungarian(cost)).toEqual([1, 0, 2]);
  });

  it('never links a record twice', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            a: fc.nat(6),
            b: fc.nat(6),
            weight: fc.double({ min: -5, max: 20, noNaN: true }),
          }),
          { maxLength: 40 },
        ),
        (links) => {
          const out = oneToOne(links, 0);
          expect(new Set(out.map((l) => l.a)).size).toBe(out.length);
          expect(new Set(out.map((l) => l.b)).size).toBe(out.length);
          for (const l of out) expect(l.weight).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('clustering', () => {
  it('does not chain two people through one weak link', () => {
    // 0,1,2 one person; 3,4 another; a single spurious edge 2–3.
    const edges = [
      { a: 0, b: 1, p: 0.99 },
      { a: 1, b: 2, p: 0.98 },
      { a: 0, b: 2, p: 0.97 },
      { a: 3, b: 4, p: 0.99 },
      { a: 2, b: 3, p: 0.6 },
    ];
    const clusters = clusterEdges(edges, { threshold: 0.5 });
    expect(clusters).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    // Connected components alone would have merged all five.
  });

  it('merges a group whose pairs were not all proposed when the full scores agree', () => {
    const edges = [
      { a: 0, b: 1, p: 0.99 },
      { a: 1, b: 2, p: 0.99 },
    ];
    expect(clusterEdges(edges, { threshold: 0.5, scorePair: () => 0.9 })).toEqual([[0, 1, 2]]);
    expect(clusterEdges(edges, { threshold: 0.9, scorePair: () => 0.01 })).toHaveLength(1);
  });

  it('pairwise metrics', () => {
    const m = pairMetrics(
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      [
        ['a', 'b'],
        ['e', 'f'],
      ],
    );
    expect(m).toMatchObject({ truePositives: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
  });
});

describe('the pipeline', () => {
  it('links two generated lists and explains a match', () => {
    const { records, entity } = generatePersons({
      seed: 11,
      count: 1200,
      duplicatedShare: 1,
      maxDuplicates: 1,
    });
    // Originals on one side, their second registration on the other.
    const a = records.filter((r) => r.id.endsWith('-0'));
    const b = records.filter((r) => r.id.endsWith('-1'));
    const r = linkRecords(a, b);
    const truth = b.map((x) => [x.id.replace(/-1$/, '-0'), x.id] as [string, string]);
    const metrics = pairMetrics(
      r.matches.map(([x, y]) => [x, y]),
      truth,
    );
    expect(metrics.f1).toBeGreaterThan(0.9);
    for (const [, , p] of r.matches) {
      expect(p).toBeGreaterThanOrEqual(0.5);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(entity.length).toBe(records.length);
    const explained = comparePair(r.model, a[0]!, a[0]!);
    expect(explained.probability).toBeGreaterThan(0.5);
    expect(explained.fields[0]!.weight).toBeGreaterThanOrEqual(explained.fields.at(-1)!.weight);
  });

  it('the model survives JSON and is checked when read', () => {
    const { records } = generatePersons({ seed: 5, count: 600 });
    const { model } = dedupeRecords(records);
    const back = parseModel(JSON.stringify(model));
    expect(back).toEqual(model);
    expect(() => parseModel({ ...model, lambda: 2 })).toThrow(/lambda/);
    expect(() => parseModel('{"format":"x"}')).toThrow(/format/);
    const again = dedupeRecords(records, { model: back });
    expect(again.clusters.length).toBeGreaterThan(0);
  });

  it('weights stay finite and probabilities within [0, 1] on any records', () => {
    const { model } = dedupeRecords(generatePersons({ seed: 9, count: 400 }).records);
    fc.assert(
      fc.property(
        fc.record({
          givenName: fc.option(fc.string({ maxLength: 30 })),
          familyName: fc.option(fc.string({ maxLength: 30 })),
          year: fc.integer({ min: 1900, max: 2030 }),
        }),
        (x) => {
          const rec = person('q', {
            givenName: x.givenName,
            familyName: x.familyName,
            birth: { year: x.year, month: null, day: null },
          });
          const s = comparePair(model, rec, { ...rec, id: 'r' });
          expect(Number.isFinite(s.weight)).toBe(true);
          expect(s.probability).toBeGreaterThanOrEqual(0);
          expect(s.probability).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('the default model', () => {
  it('scores an obvious duplicate high and a different person low', () => {
    const a = person('a', {
      givenName: 'Amina',
      familyName: 'Yusuf',
      sex: 'F',
      birth: { year: 1990, month: 1, day: 2 },
      places: [{ country: 'NG', adminArea: 'Edo', locality: 'Benin City' }],
    });
    const dup = { ...a, id: 'b', familyName: 'Yousuf', birth: { year: 1990, month: 2, day: 1 } };
    const other = person('c', {
      givenName: 'Olga',
      familyName: 'Ivanova',
      sex: 'F',
      birth: { year: 1971, month: 5, day: 6 },
      places: [{ country: 'UA', adminArea: null, locality: null }],
    });
    expect(comparePair(DEFAULT_MODEL, a, dup).probability).toBeGreaterThan(0.9);
    expect(comparePair(DEFAULT_MODEL, a, other).probability).toBeLessThan(0.01);
  });
});

describe('CSV records', () => {
  it('reads FEBRL layout: spaced header, blanks missing, no final newline', () => {
    const text =
      'rec_id, given_name, surname, date_of_birth, soc_sec_id, postcode\n' +
      'rec-1-org, amy, lee, 19800102, 123, 2000\n' +
      'rec-2-org, , , , , ';
    const r = recordsFromCsv(text);
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toMatchObject({
      id: 'rec-1-org',
      givenName: 'amy',
      familyName: 'lee',
      birth: { year: 1980, month: 1, day: 2 },
      identifiers: { soc_sec_id: '123' },
      attributes: { postcode: '2000' },
    });
    expect(r.records[1]).toMatchObject({ givenName: null, birth: null, identifiers: {} });
  });

  it('reports ragged rows, missing and repeated ids by row, and keeps the rest', () => {
    const text =
      '\ufeffid,first_name,dob\r\n1,Ann,1990-01-02\r\n2,Bob\r\n,Cy,1990\r\n1,Dee,x\r\n3,"Eve, Jr",1999-02\r\n';
    const r = recordsFromCsv(text);
    expect(r.records.map((x) => x.id)).toEqual(['1', '3']);
    expect(r.errors.map((e) => e.row)).toEqual([3, 4, 5]);
    expect(r.errors[0]!.message).toMatch(/2 values/);
    expect(r.records[1]).toMatchObject({
      givenName: 'Eve, Jr',
      birth: { year: 1999, month: 2, day: null },
    });
  });

  it('parses partial dates and rejects impossible parts only', () => {
    expect(parseBirth('19651313')).toEqual({ year: 1965, month: null, day: null });
    expect(parseBirth('02/03/2001')).toEqual({ year: 2001, month: 3, day: 2 });
    expect(parseBirth('yesterday')).toBeNull();
  });
});
