import { describe, expect, it } from 'vitest';
import type { Table } from '../table.ts';
import { AnonymizeError } from './anonymize-error.ts';
import { Hierarchy } from './hierarchy.ts';
import { riskReport, utilityReport } from './reports.ts';

// Classes by (age, sex): 20/M ×3, 30/F ×2, 30/M ×1, 40/F ×1.
const TABLE: Table = {
  columns: ['age', 'sex', 'note'],
  rows: [
    ['20', 'M', 'a'],
    ['20', 'M', 'b'],
    ['20', 'M', 'c'],
    ['30', 'F', 'd'],
    ['30', 'F', 'e'],
    ['30', 'M', 'f'],
    ['40', 'F', 'g'],
  ],
};

describe('riskReport (prosecutor model)', () => {
  it('counts classes, sample uniques, records at risk and the expected re-identifications', () => {
    expect(riskReport(TABLE, ['age', 'sex'], 3)).toEqual({
      k: 3,
      records: 7,
      classes: 4,
      sampleUniques: 2,
      recordsAtRisk: 4, // 30/F (2) + 30/M (1) + 40/F (1)
      smallestClass: 1,
      expectedReidentifications: 4, // 3 × 1/3 + 2 × 1/2 + 1 + 1
      highestRisk: 1,
      averageRisk: 4 / 7,
    });
  });

  it('reports a release whose smallest class is k', () => {
    const r = riskReport(TABLE, ['sex'], 3);
    expect(r).toMatchObject({ classes: 2, recordsAtRisk: 0, smallestClass: 3, highestRisk: 1 / 3 });
  });

  it('handles an empty table and refuses unknown columns', () => {
    const empty = riskReport({ columns: ['age'], rows: [] }, ['age'], 5);
    expect(empty).toMatchObject({ records: 0, classes: 0, highestRisk: 0, averageRisk: 0 });
    expect(() => riskReport(TABLE, ['height'], 2)).toThrow(AnonymizeError);
  });
});

describe('utilityReport', () => {
  const AGE = new Hierarchy('age', [
    ['20', '20-39', '*'],
    ['30', '20-39', '*'],
    ['40', '40-59', '*'],
    ['50', '40-59', '*'],
  ]);
  const SEX = new Hierarchy('sex', [
    ['M', '*'],
    ['F', '*'],
  ]);
  const hierarchies = new Map([
    ['age', AGE],
    ['sex', SEX],
  ]);
  // A release at (age 1, sex 0) with one record suppressed out of five.
  const released: Table = {
    columns: ['age', 'sex'],
    rows: [
      ['20-39', 'M'],
      ['20-39', 'M'],
      ['40-59', 'F'],
      ['40-59', 'F'],
    ],
  };

  it('gives generalisation loss, discernibility and the share suppressed', () => {
    const u = utilityReport(released, {
      qi: ['age', 'sex'],
      hierarchies,
      levels: { age: 1, sex: 0 },
      suppressed: 1,
    });
    // Age cells: (2 − 1)/(4 − 1) = 1/3 each; sex cells 0; the suppressed record: 2 cells of 1.
    expect(u.informationLoss).toBeCloseTo((4 / 3 + 2) / 10, 12);
    expect(u.discernibility).toBe(2 * 2 + 2 * 2 + 1 * 5);
    expect(u).toMatchObject({
      suppressed: 1,
      suppressedShare: 0.2,
      classes: 2,
      averageClassSize: 2,
      levels: { age: 1, sex: 0 },
    });
  });

  it('refuses a value that is not of the stated level', () => {
    expect(() =>
      utilityReport(released, {
        qi: ['age', 'sex'],
        hierarchies,
        levels: { age: 0, sex: 0 },
        suppressed: 0,
      }),
    ).toThrow(/"age" holds a value that is not a level-0 value/);
  });
});
