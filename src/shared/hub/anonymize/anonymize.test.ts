import { describe, expect, it } from 'vitest';
import type { Table } from '../table.ts';
import { AnonymizeError } from './anonymize-error.ts';
import { anonymize } from './anonymize.ts';
import { Hierarchy } from './hierarchy.ts';

// Ten records worked by hand. Ages 20, 21, 30, 31 (→ decade → *), sex M/F (→ *).
const AGE = new Hierarchy('age', [
  ['20', '20-29', '*'],
  ['21', '20-29', '*'],
  ['30', '30-39', '*'],
  ['31', '30-39', '*'],
]);
const SEX = new Hierarchy('sex', [
  ['M', '*'],
  ['F', '*'],
]);
const HIERARCHIES = new Map([
  ['age', AGE],
  ['sex', SEX],
]);
const TEN: Table = {
  columns: ['age', 'sex', 'diagnosis'],
  rows: [
    ['20', 'M', 'flu'],
    ['21', 'M', 'flu'],
    ['20', 'M', 'flu'],
    ['21', 'M', 'flu'],
    ['30', 'F', 'cold'],
    ['31', 'F', 'flu'],
    ['30', 'F', 'cold'],
    ['31', 'F', 'flu'],
    ['30', 'M', 'cold'],
    ['20', 'F', 'asthma'],
  ],
};
const QI = ['age', 'sex'];

describe('anonymize: ten records worked by hand', () => {
  // Nodes (age level, sex level) with k = 3:
  //   (0,0): every class has fewer than 3 records.
  //   (1,0): 20-29/M 4, 30-39/F 4, 30-39/M 1, 20-29/F 1 → 2 records fail.
  //          Loss = (8 kept × age cell 1/3 + 2 suppressed × 2 cells) / 20 cells = 1/3.
  //   (0,1): 20 → 3, 21 → 2, 30 → 3, 31 → 2: 4 records fail.
  //   (2,0): M 5, F 5, nothing fails; loss = 10 age cells of 1 / 20 cells = 0.5.
  //   (1,1): 5 and 5; loss (10 × 1/3 + 10) / 20 = 2/3.
  it('with 2 records suppressible, picks decades and suppresses the two lone records', () => {
    const r = anonymize(TEN, { qi: QI, k: 3, hierarchies: HIERARCHIES, suppressionLimit: 0.2 });
    expect(r.levels).toEqual({ age: 1, sex: 0 });
    expect(r.suppressed).toBe(2);
    expect(r.informationLoss).toBeCloseTo(1 / 3, 12);
    expect(r.table.columns).toEqual(TEN.columns);
    expect(r.table.rows.map((row) => `${row[0]}/${row[1]}`).sort()).toEqual([
      ...new Array<string>(4).fill('20-29/M'),
      ...new Array<string>(4).fill('30-39/F'),
    ]);
    // Insensitive columns are carried unchanged.
    expect(r.table.rows.filter((row) => row[2] === 'flu')).toHaveLength(6);
    expect(r.utility.discernibility).toBe(4 * 4 + 4 * 4 + 2 * 10);
    expect(r.risk).toMatchObject({ records: 8, classes: 2, sampleUniques: 0, recordsAtRisk: 0 });
  });

  it('with no suppression allowed, generalises age to * instead', () => {
    const r = anonymize(TEN, { qi: QI, k: 3, hierarchies: HIERARCHIES, suppressionLimit: 0 });
    expect(r.levels).toEqual({ age: 2, sex: 0 });
    expect(r.suppressed).toBe(0);
    expect(r.informationLoss).toBeCloseTo(0.5, 12);
  });

  it('uses the default 5 % limit (no record out of ten) when none is given', () => {
    expect(anonymize(TEN, { qi: QI, k: 3, hierarchies: HIERARCHIES }).levels).toEqual({
      age: 2,
      sex: 0,
    });
  });

  it('adds distinct l-diversity: a class of one diagnosis is not released', () => {
    // At (1,0) the class 20-29/M holds only "flu": with 2 more records failing, 6 > 2.
    const r = anonymize(TEN, {
      qi: QI,
      k: 3,
      hierarchies: HIERARCHIES,
      suppressionLimit: 0.2,
      l: { sensitive: 'diagnosis', l: 2 },
    });
    expect(r.levels).toEqual({ age: 2, sex: 0 });
    const byClass = new Map<string, Set<string>>();
    for (const row of r.table.rows) {
      const key = `${row[0]}/${row[1]}`;
      byClass.set(key, (byClass.get(key) ?? new Set()).add(row[2]!));
    }
    for (const values of byClass.values()) expect(values.size).toBeGreaterThanOrEqual(2);
  });

  it('applies entropy l-diversity when asked', () => {
    const l = (variant: 'distinct' | 'entropy') =>
      anonymize(TEN, {
        qi: QI,
        k: 3,
        hierarchies: HIERARCHIES,
        suppressionLimit: 0,
        l: { sensitive: 'diagnosis', l: 2, variant },
      });
    // At (2,0) class M holds flu ×4 and cold ×1: 2 distinct values, but entropy 0.50 < log 2.
    expect(l('distinct').levels).toEqual({ age: 2, sex: 0 });
    const entropy = l('entropy');
    expect(entropy.levels).toEqual({ age: 2, sex: 1 });
    expect(entropy.informationLoss).toBe(1);
  });
});

describe('anonymize refuses rather than weakens', () => {
  const base = { qi: QI, k: 3, hierarchies: HIERARCHIES };
  it.each([
    ['k = 1', { ...base, k: 1 }, /k must be a whole number of at least 2 \(got 1\)/],
    ['k = 2.5', { ...base, k: 2.5 }, /k must be a whole number/],
    [
      'unknown column',
      { ...base, qi: ['age', 'height'] },
      /unknown quasi-identifier column "height"/,
    ],
    ['repeated column', { ...base, qi: ['age', 'age'] }, /named twice/],
    ['no quasi-identifier', { ...base, qi: [] }, /at least one quasi-identifier/],
    [
      'no hierarchy',
      { ...base, qi: ['age', 'diagnosis'] },
      /no hierarchy for the quasi-identifier "diagnosis"/,
    ],
    [
      'limit 1',
      { ...base, suppressionLimit: 1 },
      /suppression limit must be at least 0 and below 1/,
    ],
    [
      'l = 1',
      { ...base, l: { sensitive: 'diagnosis', l: 1 } },
      /l must be a whole number of at least 2/,
    ],
    ['sensitive is a QI', { ...base, l: { sensitive: 'age', l: 2 } }, /also a quasi-identifier/],
    [
      'unknown sensitive',
      { ...base, l: { sensitive: 'blood', l: 2 } },
      /unknown sensitive column "blood"/,
    ],
    [
      'unreachable k',
      { ...base, k: 11 },
      /no generalisation of age, sex reaches 11-anonymity with at most 0 of 10/,
    ],
  ])('%s', (_name, opts, message) => {
    expect(() => anonymize(TEN, opts)).toThrow(message);
  });

  it('names the column, row and value a hierarchy does not cover', () => {
    const table = { ...TEN, rows: [...TEN.rows, ['45', 'M', 'flu']] };
    expect(() => anonymize(table, base)).toThrow(
      new AnonymizeError('row 12: the hierarchy for column "age" does not cover the value "45"'),
    );
  });

  it('refuses a lattice too large to search, naming its size', () => {
    const columns = Array.from({ length: 23 }, (_, i) => `c${i}`);
    const hierarchies = new Map(
      columns.map((c) => [
        c,
        new Hierarchy(c, [
          ['0', '*'],
          ['1', '*'],
        ]),
      ]),
    );
    const table = { columns, rows: [columns.map(() => '0'), columns.map(() => '1')] };
    expect(() => anonymize(table, { qi: columns, k: 2, hierarchies })).toThrow(
      /the generalisation lattice has 8388608 nodes, more than the 4194304/,
    );
  });
});
