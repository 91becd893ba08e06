import { describe, expect, it } from 'vitest';
import { writeTable } from '../table.ts';
import { CTDC_COLUMNS, generateCtdc, readCtdc } from './index.ts';

const sample = generateCtdc({ rows: 20_000, seed: 2024 });
const at = (c: string) => CTDC_COLUMNS.indexOf(c as (typeof CTDC_COLUMNS)[number]);
type Row = readonly string[];
const is = (c: string, v = '1') => {
  const i = at(c);
  return (r: Row) => r[i] === v;
};

/** Share of rows passing `test` among the rows passing `among`. */
function share(test: (r: Row) => boolean, among: (r: Row) => boolean = () => true): number {
  const rows = sample.rows.filter(among);
  expect(rows.length).toBeGreaterThan(100); // enough for the comparison to mean something
  return rows.filter(test).length / rows.length;
}

const female = is('gender', 'Female');
const male = is('gender', 'Male');
const minor = is('majorityStatus', 'Minor');
const sexual = is('isSexualExploit');
const labour = is('isForcedLabour');

describe('generateCtdc', () => {
  it('is deterministic by seed', () => {
    expect(generateCtdc({ rows: 300, seed: 9 })).toEqual(generateCtdc({ rows: 300, seed: 9 }));
    expect(generateCtdc({ rows: 300, seed: 10 })).not.toEqual(generateCtdc({ rows: 300, seed: 9 }));
    expect(generateCtdc({ rows: 300, seed: 2024 }).rows).toEqual(sample.rows.slice(0, 300));
  });

  it('gives rows in the global layout that all pass readCtdc', () => {
    expect(sample.columns).toEqual([...CTDC_COLUMNS]);
    expect(sample.rows).toHaveLength(20_000);
    expect(readCtdc(writeTable(sample)).table).toEqual(sample);
  });

  it('makes sexual exploitation mostly of women and forced labour mostly of men', () => {
    expect(share(female, sexual)).toBeGreaterThan(0.8);
    expect(share(female, labour)).toBeLessThan(0.45);
    expect(share(female, sexual)).toBeGreaterThan(share(female, labour));
  });

  it('ties industries to sex: construction for men, domestic work for women', () => {
    const construction = is('typeOfLabourConstruction');
    const domestic = is('typeOfLabourDomesticWork');
    expect(share(construction, (r) => labour(r) && male(r))).toBeGreaterThan(
      3 * share(construction, (r) => labour(r) && female(r)),
    );
    expect(share(domestic, (r) => labour(r) && female(r))).toBeGreaterThan(
      3 * share(domestic, (r) => labour(r) && male(r)),
    );
  });

  it('over-represents minors in forced marriage and sexual exploitation', () => {
    const known = (r: Row) => r[at('majorityStatus')] !== '-99';
    expect(share(minor, (r) => known(r) && is('isForcedMarriage')(r))).toBeGreaterThan(
      share(minor, (r) => known(r) && labour(r) && !sexual(r)),
    );
    expect(share(minor, (r) => known(r) && sexual(r))).toBeGreaterThan(
      share(minor, (r) => known(r) && labour(r) && !sexual(r)),
    );
  });

  it('ties means of control to the type: debt bondage in labour, substances in sex', () => {
    const knownMeans = (r: Row) => r[at('meansOfControlConcatenated')] !== '-99';
    const debt = is('meansOfControlDebtBondage');
    const drugs = is('meansOfControlPsychoactiveSubstances');
    const onlyLabour = (r: Row) => knownMeans(r) && labour(r) && !sexual(r);
    const onlySex = (r: Row) => knownMeans(r) && sexual(r) && !labour(r);
    expect(share(debt, onlyLabour)).toBeGreaterThan(share(debt, onlySex));
    expect(share(drugs, onlySex)).toBeGreaterThan(share(drugs, onlyLabour));
  });

  it('spreads citizenship over a long tail with domestic trafficking common', () => {
    const counts = new Map<string, number>();
    const cit = at('citizenship');
    const coe = at('CountryOfExploitation');
    for (const r of sample.rows) counts.set(r[cit]!, (counts.get(r[cit]!) ?? 0) + 1);
    counts.delete('-99');
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(counts.size).toBeGreaterThan(60);
    expect(sorted[0]!).toBeGreaterThan(10 * sorted[40]!);
    const domestic = share(
      (r) => r[cit] === r[coe],
      (r) => r[cit] !== '-99' && r[coe] !== '-99',
    );
    expect(domestic).toBeGreaterThan(0.2);
    expect(domestic).toBeLessThan(0.6);
  });

  it('has more records in recent years than early ones', () => {
    const y = at('yearOfRegistration');
    const inYears = (from: number, to: number) =>
      sample.rows.filter((r) => Number(r[y]) >= from && Number(r[y]) <= to).length;
    expect(inYears(2018, 2022)).toBeGreaterThan(3 * inYears(2002, 2006));
    expect(sample.rows.every((r) => Number(r[y]) >= 2002 && Number(r[y]) <= 2024)).toBe(true);
  });

  it('refuses a row count that is not a whole number in range', () => {
    expect(() => generateCtdc({ rows: -1, seed: 1 })).toThrow(/rows/);
    expect(() => generateCtdc({ rows: 1.5, seed: 1 })).toThrow(/rows/);
    expect(generateCtdc({ rows: 0, seed: 1 }).rows).toEqual([]);
  });
});
