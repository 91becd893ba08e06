import { describe, expect, it } from 'vitest';
import { guaranteeFaults } from './guarantee.ts';

const table = {
  columns: ['gender', 'age', 'sensitive'],
  rows: [
    ['F', '18-20', 'a'],
    ['F', '18-20', 'b'],
    ['F', '18-20', 'a'],
    ['M', '30-38', 'a'],
    ['M', '30-38', 'a'],
  ],
};

describe('guaranteeFaults', () => {
  it('holds when every class of the quasi-identifiers has at least k rows', () => {
    expect(guaranteeFaults(table, ['gender', 'age'], 2, null)).toEqual([]);
  });

  it('names how many classes are smaller than k and the rarest size, never a value', () => {
    const faults = guaranteeFaults(table, ['gender', 'age'], 3, null);
    expect(faults).toEqual([
      '1 combination(s) of the quasi-identifiers occur fewer than 3 times (the rarest 2)',
    ]);
    expect(faults.join(' ')).not.toMatch(/30-38|M/);
  });

  it('checks distinct l-diversity of the sensitive column in every class', () => {
    expect(guaranteeFaults(table, ['gender'], 2, { sensitive: 'sensitive', l: 2 })).toEqual([
      '1 class(es) hold fewer than 2 distinct values of "sensitive"',
    ]);
  });

  it('reports a missing quasi-identifier or sensitive column instead of passing', () => {
    expect(guaranteeFaults(table, ['gender', 'year'], 2, null)).toHaveLength(1);
    expect(guaranteeFaults(table, ['gender'], 2, { sensitive: 'x', l: 2 })).toHaveLength(1);
  });
});
