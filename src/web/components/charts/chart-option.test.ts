import { describe, expect, it } from 'vitest';
import { chartOption, MAX_DRAWN, type OptionContext } from './chart-option.ts';
import type { ChartCell, ChartSeries } from './chart-types.ts';

const n = (count: number): ChartCell => ({ count, suppressed: false });
const hidden: ChartCell = { count: null, suppressed: true };
const context = (rtl = false): OptionContext => ({
  rtl,
  format: (v) => `#${v}`,
  suppressedLegend: 'Suppressed (under 5)',
  suppressedWord: 'suppressed',
});
const categories = ['2024-01', '2024-02', '2024-03'].map((key) => ({ key, label: key }));
type Series = { id?: string; type?: string; data?: unknown[]; stack?: string };

describe('the ECharts option of a chart', () => {
  it('draws a suppressed cell as a gap and marks it on the zero line', () => {
    const option = chartOption(
      {
        kind: 'line',
        categories,
        series: [{ key: 'A', label: 'A', cells: [n(8), hidden, n(0)] }],
      },
      context(),
    );
    const series = option.series as Series[];
    expect(series[0]).toMatchObject({ id: 'A', type: 'line', data: [8, null, 0] });
    expect(series[1]).toMatchObject({ id: 'suppressed', type: 'scatter', data: [[1, 0]] });
    expect((option.legend as { data: string[] }).data).toEqual(['A', 'Suppressed (under 5)']);
  });

  it('stacks bars and leaves the marker out when nothing is suppressed', () => {
    const option = chartOption(
      {
        kind: 'stacked',
        categories,
        series: [
          { key: 'A', label: 'A', cells: [n(8), n(9), n(10)] },
          { key: 'B', label: 'B', cells: [n(5), n(6), n(7)] },
        ],
      },
      context(),
    );
    const series = option.series as Series[];
    expect(series.map((s) => [s.type, s.stack])).toEqual([
      ['bar', 'all'],
      ['bar', 'all'],
      ['scatter', undefined],
    ]);
    expect(series[2]!.data).toEqual([]);
    expect((option.legend as { data: string[] }).data).toEqual(['A', 'B']);
  });

  it('mirrors the axes and the legend in a right-to-left language', () => {
    const ltr = chartOption({ kind: 'line', categories, series: [] }, context(false));
    const rtl = chartOption({ kind: 'line', categories, series: [] }, context(true));
    expect(ltr.xAxis).toMatchObject({ inverse: false });
    expect(rtl.xAxis).toMatchObject({ inverse: true });
    expect(ltr.yAxis).toMatchObject({ position: 'left' });
    expect(rtl.yAxis).toMatchObject({ position: 'right' });
    expect(rtl.legend).toMatchObject({ right: 0, align: 'right' });
    expect(ltr.legend).toMatchObject({ left: 0, align: 'left' });
  });

  it('draws a breakdown as horizontal bars keyed by category, suppressed ones marked', () => {
    const option = chartOption(
      {
        kind: 'bar',
        categories: [
          { key: 'F', label: 'Female' },
          { key: 'M', label: 'Male' },
        ],
        series: [{ key: 'cases', label: 'Cases', cells: [n(12), hidden] }],
      },
      context(),
    );
    const series = option.series as Series[];
    expect(series[0]!.data).toEqual([
      { value: 12, key: 'F' },
      { value: null, key: 'M' },
    ]);
    expect(series[1]!.data).toEqual([[0, 1]]);
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['Female', 'Male'] });
  });

  it('draws at most MAX_DRAWN series; the rest are in the table only', () => {
    const many: ChartSeries[] = Array.from({ length: MAX_DRAWN + 3 }, (_, i) => ({
      key: `k${i}`,
      label: `S${i}`,
      cells: [n(i), n(i), n(i)],
    }));
    const option = chartOption({ kind: 'line', categories, series: many }, context());
    expect((option.series as Series[]).filter((s) => s.type === 'line')).toHaveLength(MAX_DRAWN);
  });

  it('adds the title only for the PNG file', () => {
    const option = chartOption(
      { kind: 'line', categories, series: [] },
      { ...context(), title: 'Cases per month' },
    );
    expect(option.title).toMatchObject({ text: 'Cases per month' });
    expect(chartOption({ kind: 'line', categories, series: [] }, context()).title).toBeUndefined();
  });
});
