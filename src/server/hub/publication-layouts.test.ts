import { describe, expect, it } from 'vitest';
import type { PublicationReport } from '../../shared/api/hub.schema.ts';
import { DEFAULT_HUB_QI, MicrodataParameters } from '../../shared/api/hub.schema.ts';
import { CTDC_COLUMNS, SYNTHETIC_COLUMNS, generateCtdc } from '../../shared/hub/ctdc/index.ts';
import type { Table } from '../../shared/hub/table.ts';
import { buildPublication } from './publication-build.ts';
import {
  LayoutGuaranteeError,
  publicationLayouts,
  syntheticLayoutRefusal,
  toSyntheticRelease,
  type LayoutFacts,
} from './publication-layouts.ts';

const SOURCE = '00000000-0000-4000-8000-000000000001';
const source = generateCtdc({ rows: 3000, seed: 21 });

function release(over: Record<string, unknown>): LayoutFacts & Table {
  const p = MicrodataParameters.parse({ kind: 'microdata', sourceIds: [SOURCE], ...over });
  const built = buildPublication(source, 'global', p);
  return { kind: 'microdata', columns: built.columns, rows: built.rows, report: built.report };
}

/** The smallest number of rows sharing one combination of `qi`, counted here, not by the engine. */
function smallestClass(table: Table, qi: readonly string[]): number {
  const idx = qi.map((c) => table.columns.indexOf(c));
  expect(idx).not.toContain(-1);
  const sizes = new Map<string, number>();
  for (const r of table.rows) {
    const key = JSON.stringify(idx.map((i) => r[i]));
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return Math.min(...sizes.values());
}

const microReport = (
  r: PublicationReport,
  over: { qi: string[]; l: { sensitive: string; l: number }; k?: number },
) => {
  if (r.kind !== 'microdata') throw new Error('microdata expected');
  return { ...r, ...over };
};

describe('publication layouts', () => {
  const defaults = release({});

  it('offers the synthetic layout for k-anonymised records of the whole global layout', () => {
    expect(publicationLayouts(defaults)).toEqual(['global', 'synthetic']);
  });

  it('converts to the 27 columns, keeping every class of the CTDC quasi-identifiers ≥ k', () => {
    const out = toSyntheticRelease(defaults, defaults);
    expect(out.table.columns).toEqual([...SYNTHETIC_COLUMNS]);
    expect(out.table.rows).toHaveLength(defaults.rows.length);
    expect(out.guarantee).toEqual({ qi: [...DEFAULT_HUB_QI], k: 11, l: null });
    expect(smallestClass(out.table, DEFAULT_HUB_QI)).toBeGreaterThanOrEqual(11);
  });

  it('writes countries as alpha-3 and a region (a generalised country) as the empty cell', () => {
    const pub = release({ qi: ['gender', 'citizenship'], k: 5 });
    const cit = pub.columns.indexOf('citizenship');
    expect(pub.rows.some((r) => r[cit]!.length > 3)).toBe(true); // M49 region names
    const out = toSyntheticRelease(pub, pub).table;
    const at = (c: string) => out.columns.indexOf(c);
    const citizenships = new Set(out.rows.map((r) => r[at('citizenship')]));
    expect([...citizenships]).toEqual(['']);
    const exploitation = new Set(out.rows.map((r) => r[at('CountryOfExploitation')]));
    expect(exploitation.size).toBeGreaterThan(5);
    for (const c of exploitation) expect(c).toMatch(/^([A-Z]{3})?$/);
    expect(smallestClass(out, ['gender', 'citizenship'])).toBeGreaterThanOrEqual(5);
  });

  it('refuses aggregates and records lacking a column of the global layout', () => {
    const aggregates = { ...defaults, kind: 'aggregates' as const };
    expect(syntheticLayoutRefusal(aggregates)).toMatch(/aggregates/);
    expect(publicationLayouts(aggregates)).toEqual(['global']);
    const cut = { ...defaults, columns: CTDC_COLUMNS.filter((c) => c !== 'isAbduction') };
    expect(syntheticLayoutRefusal(cut)).toMatch(/lacks 1 of them \(the first: isAbduction\)/);
    expect(publicationLayouts(cut)).toEqual(['global']);
  });

  it('refuses when a synthetic column would merge a quasi-identifier with another column', () => {
    const one = { ...defaults, report: { ...defaults.report, qi: ['meansOfControlThreats'] } };
    expect(syntheticLayoutRefusal(one)).toMatch(/meansThreats .*meansOfControlUsesChildren/);
    const all = {
      ...defaults,
      report: {
        ...defaults.report,
        qi: [
          'meansOfControlThreats',
          'meansOfControlUsesChildren',
          'meansOfControlThreatOfLawEnforcement',
        ],
      },
    };
    expect(syntheticLayoutRefusal(all)).toBeNull();
    const sensitive = {
      ...defaults,
      report: microReport(defaults.report, {
        qi: [...DEFAULT_HUB_QI],
        l: { sensitive: 'meansOfControlThreats', l: 2 },
      }),
    };
    expect(syntheticLayoutRefusal(sensitive)).toMatch(/sensitive column meansOfControlThreats/);
  });

  it('checks l again on the converted file and refuses when merged values break it', () => {
    // Two distinct genders in the released class, both missing in the synthetic layout.
    const columns = [...CTDC_COLUMNS];
    const row = (gender: string) => columns.map((c) => (c === 'gender' ? gender : '-99'));
    const table: Table = { columns, rows: [row('-99'), row('*'), row('-99'), row('*')] };
    const facts: LayoutFacts = {
      kind: 'microdata',
      columns,
      report: microReport(defaults.report, {
        qi: ['yearOfRegistration'],
        k: 2,
        l: { sensitive: 'gender', l: 2 },
      }),
    };
    expect(syntheticLayoutRefusal(facts)).toBeNull();
    expect(() => toSyntheticRelease(table, facts)).toThrow(LayoutGuaranteeError);
    expect(() => toSyntheticRelease(table, facts)).toThrow(/fewer than 2 distinct values/);
    const diverse = { columns, rows: [row('Female'), row('Male'), row('Female'), row('Male')] };
    expect(toSyntheticRelease(diverse, facts).guarantee).toEqual({
      qi: ['yearOfRegistration'],
      k: 2,
      l: { sensitive: 'gender', l: 2 },
    });
  });
});
