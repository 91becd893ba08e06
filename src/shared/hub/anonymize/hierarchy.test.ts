import { describe, expect, it } from 'vitest';
import { AnonymizeError } from './anonymize-error.ts';
import { Hierarchy, hierarchyColumnOfFile, hierarchyFromCsv } from './hierarchy.ts';

// A made-up hierarchy in ARX's format: leaf;level1;level2.
const WORK = [
  'Private;Non-Government;*',
  'Self-emp;Non-Government;*',
  'State-gov;Government;*',
].join('\r\n');

describe('hierarchies in ARX CSV format', () => {
  it('reads one row a leaf and generalises a value to each level', () => {
    const h = hierarchyFromCsv('workclass', `${WORK}\r\n\r\n`);
    expect(h.height).toBe(2);
    expect(h.leaves).toEqual(['Private', 'Self-emp', 'State-gov']);
    expect(h.generalise('Self-emp', 0)).toBe('Self-emp');
    expect(h.generalise('Self-emp', 1)).toBe('Non-Government');
    expect(h.generalise('State-gov', 2)).toBe('*');
  });

  it("measures ARX's generalisation loss: (leaves under the value − 1) / (leaves − 1)", () => {
    const h = hierarchyFromCsv('workclass', WORK);
    expect(h.loss('Private', 0)).toBe(0);
    expect(h.loss('Private', 1)).toBeCloseTo(1 / 2); // Non-Government covers 2 of 3 leaves
    expect(h.loss('State-gov', 1)).toBe(0); // Government covers 1 leaf
    expect(h.loss('State-gov', 2)).toBe(1);
  });

  it('names the column and the value when a value is not covered', () => {
    const h = hierarchyFromCsv('workclass', WORK);
    expect(() => h.generalise('Never-worked', 1)).toThrow(
      new AnonymizeError(
        'the hierarchy for column "workclass" does not cover the value "Never-worked"',
      ),
    );
    expect(() => h.generalise('Private', 3)).toThrow(/levels 0 to 2, not 3/);
  });

  it('refuses ragged rows, repeated leaves and levels that do not nest', () => {
    expect(() => hierarchyFromCsv('c', 'a;x;*\nb;*')).toThrow(/row 2 has 2 levels, row 1 has 3/);
    expect(() => hierarchyFromCsv('c', 'a;x;*\na;y;*')).toThrow(/"a" appears twice/);
    expect(() => hierarchyFromCsv('c', 'a;x;p;*\nb;x;q;*')).toThrow(
      /"x" at level 1 generalises to both "p" and "q" at level 2/,
    );
    expect(() => hierarchyFromCsv('c', '')).toThrow(/has no rows/);
    expect(() => new Hierarchy('c', [])).toThrow(AnonymizeError);
  });

  it('finds the column in ARX file names', () => {
    expect(hierarchyColumnOfFile('adult_hierarchy_marital-status.csv')).toBe('marital-status');
    expect(hierarchyColumnOfFile('hierarchy_age.csv')).toBe('age');
    expect(hierarchyColumnOfFile('adult.csv')).toBeNull();
  });
});
