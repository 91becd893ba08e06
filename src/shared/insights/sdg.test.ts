import { describe, expect, it } from 'vitest';
import { SdgRow } from '../api/insights.schema.ts';
import { populationOf } from './population.ts';
import { sdgRows, type SdgInput } from './sdg.ts';

const shown = (count: number) => ({ count, suppressed: false });
const hidden = { count: null, suppressed: true };
const pop = (table: Record<string, number>) => (code: string) => table[code];

describe('sdgRows (SDG 16.2.2)', () => {
  it('gives victims per 100,000 of the total population, in total and by sex, age and form', () => {
    // 2,000,000 people; 30 victims: 20 women (12 adults, 8 children), 10 men (adults).
    const input: SdgInput[] = [
      { country: 'MD', sex: 'female', age: 'adult', forms: ['SexualExploitation'], count: 12 },
      {
        country: 'MD',
        sex: 'female',
        age: 'child',
        forms: ['SexualExploitation', 'ForcedLabour'],
        count: 8,
      },
      {
        country: 'MD',
        sex: 'male',
        age: 'adult',
        forms: ['ForcedLabour', 'ForcedLabour'],
        count: 10,
      },
    ];
    const [row] = sdgRows(input, 5, pop({ MD: 2_000_000 }));
    expect(SdgRow.parse(row)).toEqual(row);
    expect(row!.population).toBe(2_000_000);
    expect(row!.total).toEqual({ victims: shown(30), per100k: 1.5 }); // 30 / 2e6 · 1e5
    expect(row!.bySex.female).toEqual({ victims: shown(20), per100k: 1 });
    expect(row!.bySex.male).toEqual({ victims: shown(10), per100k: 0.5 });
    expect(row!.bySex.other).toEqual({ victims: shown(0), per100k: 0 });
    expect(row!.byAge.child).toEqual({ victims: shown(8), per100k: 0.4 });
    expect(row!.byAge.adult).toEqual({ victims: shown(22), per100k: 1.1 });
    // A form listed twice in one record counts once; a record in two forms counts in each.
    expect(row!.byForm).toEqual({
      ForcedLabour: { victims: shown(18), per100k: 0.9 },
      SexualExploitation: { victims: shown(20), per100k: 1 },
    });
    expect(row!.notice).toBeNull();
  });

  it('suppresses small counts with no rate, and a second cell so the first cannot be recovered', () => {
    const input: SdgInput[] = [
      { country: 'MD', sex: 'female', age: 'adult', forms: ['X'], count: 3 },
      { country: 'MD', sex: 'male', age: 'adult', forms: ['X'], count: 9 },
    ];
    const [row] = sdgRows(input, 5, pop({ MD: 1_000_000 }));
    expect(row!.total).toEqual({ victims: shown(12), per100k: 1.2 });
    expect(row!.bySex.female).toEqual({ victims: hidden, per100k: null });
    // 12 − 9 would give the 3 back: male is suppressed too.
    expect(row!.bySex.male).toEqual({ victims: hidden, per100k: null });
    expect(row!.bySex.other).toEqual({ victims: shown(0), per100k: 0 });
  });

  it('gives no rate, with a notice code, when the population is unknown or zero', () => {
    const input: SdgInput[] = [
      { country: 'AQ', sex: 'male', age: 'unknown', forms: [], count: 7 },
      { country: 'XX', sex: 'male', age: 'unknown', forms: [], count: 7 },
    ];
    const rows = sdgRows(input, 5, pop({ XX: 0 }));
    expect(rows.map((r) => [r.country, r.population, r.total, r.notice])).toEqual([
      ['AQ', null, { victims: shown(7), per100k: null }, 'population_unknown'],
      ['XX', 0, { victims: shown(7), per100k: null }, 'population_zero'],
    ]);
    for (const r of rows) expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it('uses the shipped table by default', () => {
    const [row] = sdgRows(
      [{ country: 'IS', sex: 'female', age: 'adult', forms: [], count: 35 }],
      5,
    );
    expect(row!.population).toBe(populationOf('IS'));
    expect(row!.total.per100k).toBe(Number(((35 / 352_721) * 100_000).toPrecision(4)));
  });

  it('refuses a count that is not a whole number ≥ 0', () => {
    expect(() =>
      sdgRows([{ country: 'IS', sex: 'female', age: 'adult', forms: [], count: -1 }], 5),
    ).toThrow(RangeError);
  });
});
