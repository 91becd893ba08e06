import { describe, expect, it } from 'vitest';
import {
  AggregatesParameters,
  DEFAULT_HUB_QI,
  MicrodataParameters,
} from '../../shared/api/hub.schema.ts';
import { generateCtdc } from '../../shared/hub/ctdc/index.ts';
import { guaranteeFaults } from './guarantee.ts';
import { BuildError, aggregatesTable, buildPublication } from './publication-build.ts';

const SOURCE = '00000000-0000-4000-8000-000000000001';
const table = generateCtdc({ rows: 1500, seed: 5 });
const micro = (over: Record<string, unknown> = {}) =>
  MicrodataParameters.parse({ kind: 'microdata', sourceIds: [SOURCE], ...over });

describe('buildPublication', () => {
  it('makes an 11-anonymous file of the whole layout with the CTDC defaults', () => {
    const built = buildPublication(table, 'global', micro());
    expect(built.columns).toEqual(table.columns);
    expect(guaranteeFaults(built, [...DEFAULT_HUB_QI], 11, null)).toEqual([]);
    expect(built.spend).toBeNull();
    if (built.report.kind !== 'microdata') throw new Error('microdata expected');
    expect(built.report.released).toBe(built.rows.length);
    expect(built.report.released + built.report.utility.suppressed).toBe(1500);
  });

  it('publishes only the chosen columns, which must include the quasi-identifiers', () => {
    const columns = [...DEFAULT_HUB_QI, 'isForcedLabour'];
    expect(buildPublication(table, 'global', micro({ columns })).columns).toEqual(columns);
    expect(() => buildPublication(table, 'global', micro({ columns: ['gender'] }))).toThrow(
      expect.objectContaining({ path: 'qi.1' }),
    );
  });

  it('names the parameter of an unknown or repeated column', () => {
    const call = (over: Record<string, unknown>) => () =>
      buildPublication(table, 'global', micro(over));
    expect(call({ qi: ['gender', 'surname'] })).toThrow(BuildError);
    expect(call({ qi: ['gender', 'surname'] })).toThrow(expect.objectContaining({ path: 'qi.1' }));
    expect(call({ qi: ['gender', 'gender'] })).toThrow(expect.objectContaining({ path: 'qi.1' }));
    expect(call({ l: { sensitive: 'gender', l: 2 } })).toThrow(
      expect.objectContaining({ path: 'l.sensitive' }),
    );
  });

  it('refuses microdata from the synthetic layout (the hierarchies are for global codes)', () => {
    expect(() => buildPublication(table, 'synthetic', micro())).toThrow(
      expect.objectContaining({ path: 'sourceIds' }),
    );
  });

  it('DP aggregates: a count per released combination, spending the stated ε and δ', () => {
    const p = AggregatesParameters.parse({
      kind: 'aggregates',
      sourceIds: [SOURCE],
      epsilon: 2,
      length: 2,
    });
    const built = buildPublication(table, 'global', p, { seed: 1 });
    expect(built.columns).toEqual([...DEFAULT_HUB_QI, 'count']);
    expect(built.spend).toEqual({ epsilon: 2, delta: p.delta });
    for (const row of built.rows) {
      const fixed = row.slice(0, -1).filter((c) => c !== '').length;
      expect(fixed).toBeGreaterThanOrEqual(1);
      expect(fixed).toBeLessThanOrEqual(2);
    }
  });
});

describe('aggregatesTable', () => {
  it('writes one wide row per combination, an empty cell for a column it does not fix', () => {
    const out = aggregatesTable({
      columns: ['gender', 'ageBroad'],
      length: 2,
      records: 10,
      combinations: [
        { items: [{ column: 'ageBroad', value: '18--20' }], count: 4 },
        {
          items: [
            { column: 'gender', value: 'Female' },
            { column: 'ageBroad', value: '18--20' },
          ],
          count: 3,
        },
      ],
      epsilon: 1,
      delta: 1e-6,
      parameters: {} as never,
    });
    expect(out).toEqual({
      columns: ['gender', 'ageBroad', 'count'],
      rows: [
        ['', '18--20', '4'],
        ['Female', '18--20', '3'],
      ],
    });
  });
});
