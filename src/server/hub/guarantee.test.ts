import { describe, expect, it } from 'vitest';
import { generateCtdc } from '../../shared/hub/ctdc/index.ts';
import { TableError, readTable, writeTable } from '../../shared/hub/table.ts';
import { guaranteeFaults, readStoredTable } from './guarantee.ts';

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

describe('readStoredTable', () => {
  /** What readTable makes of `text`: the table, or its error message and faults. */
  const outcome = (read: (text: string) => unknown, text: string) => {
    try {
      return { table: read(text) };
    } catch (e) {
      if (!(e instanceof TableError)) throw e;
      return { error: e.message, faults: e.faults };
    }
  };

  it('reads a written file with repeated and quoted rows exactly as readTable does', () => {
    const generated = generateCtdc({ rows: 400, seed: 7 });
    const text = writeTable({
      columns: generated.columns,
      // Repeated rows, as in a k-anonymous release; CTDC lists hold ';', so cells are quoted.
      rows: [...generated.rows, ...generated.rows.slice(0, 100)],
    });
    expect(text).toContain('"');
    const stored = readStoredTable(text);
    expect(stored).toEqual(readTable(text));
    expect(stored.rows).toHaveLength(500);
  });

  it('gives readTable’s result or error for every shape of file', () => {
    const files = [
      '',
      '\ufeff',
      'a,b\r\n',
      '\ufeffa;b\r\n1;2\n1;2\r3;4',
      'a,b\r\n1,2\r\n\r\n1,2\r\n\r\n',
      'a,b\r\n1,2,3\r\n1,2\r\n',
      'a,a\r\n1,2',
      'a,b\r\n "1" ,2\r\n "1" ,2',
      // A quoted value over a line end, a blank record, stray and doubled quotes.
      'a,b\r\n"x\r\ny",2\r\n"x\r\ny",2\r\n',
      'a,b\r\n""\r\n1,2',
      '"a\nb",c\r\n1,2',
      'a,b\r\nab"c,"x\r\ny"\r\n',
      'a,b\r\n"1""",2\r\n"1""",2',
      'x\r\nx\r\nx',
    ];
    for (const text of files) {
      expect(outcome(readStoredTable, text), JSON.stringify(text)).toEqual(
        outcome(readTable, text),
      );
    }
  });
});
