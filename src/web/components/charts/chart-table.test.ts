import { describe, expect, it } from 'vitest';
import { tableCsv, tableModel } from './chart-table.ts';
import type { ChartCell } from './chart-types.ts';

const n = (count: number): ChartCell => ({ count, suppressed: false });
const hidden: ChartCell = { count: null, suppressed: true };
const periods = [
  { key: '2024-01', label: 'Jan 2024' },
  { key: '2024-02', label: 'Feb 2024' },
];

describe('the table of a chart, and its CSV', () => {
  it('puts a series per row and a period per column over time, then the totals', () => {
    const model = tableModel(
      {
        kind: 'line',
        categories: periods,
        series: [
          { key: 'ForcedLabour', label: 'Forced labour', cells: [n(7), hidden], total: n(9) },
          { key: 'Other', label: 'Other', cells: [n(0), hidden], total: hidden },
        ],
        totals: { label: 'All cases', cells: [n(7), n(5)], total: n(12) },
      },
      'Total',
    );
    expect(model.columns.map((c) => c.label)).toEqual(['Jan 2024', 'Feb 2024', 'Total']);
    expect(model.rows.map((r) => r.cells)).toEqual([
      [n(7), hidden, n(9)],
      [n(0), hidden, hidden],
    ]);
    expect(model.footer?.cells).toEqual([n(7), n(5), n(12)]);
  });

  it('writes the CSV cell for cell, a suppressed cell as the word and never a number', () => {
    const model = tableModel(
      {
        kind: 'stacked',
        categories: periods,
        series: [{ key: 'MD', label: '=Moldova', cells: [n(1234), hidden], total: hidden }],
        totals: { label: 'All cases', cells: [n(1234), n(6)], total: n(1240) },
      },
      'Total',
    );
    const csv = tableCsv(model, 'Citizenship', 'suppressed');
    expect(csv).toBe(
      '\uFEFFCitizenship,2024-01,2024-02,Total\r\n' +
        "'=Moldova,1234,suppressed,suppressed\r\n" +
        'All cases,1234,6,1240\r\n',
    );
  });

  it('lists a breakdown with a row per category and its single series as the column', () => {
    const model = tableModel(
      {
        kind: 'bar',
        categories: [
          { key: 'Feminine', label: 'Female' },
          { key: 'Masculine', label: 'Male' },
        ],
        series: [{ key: 'cases', label: 'Cases', cells: [n(20), hidden] }],
        totals: { label: 'All cases', cells: [n(23)] },
      },
      'Total',
    );
    expect(model.columns).toEqual([{ key: 'cases', label: 'Cases', csv: 'Cases' }]);
    expect(model.rows.map((r) => [r.label, r.cells])).toEqual([
      ['Female', [n(20)]],
      ['Male', [hidden]],
    ]);
    expect(tableCsv(model, 'Sex', 'suppressed')).toBe(
      '\uFEFFSex,Cases\r\nFemale,20\r\nMale,suppressed\r\nAll cases,23\r\n',
    );
  });
});
