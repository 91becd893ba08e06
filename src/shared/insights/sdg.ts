import type { z } from 'zod';
import type { Cell, SdgRow as SdgRowSchema } from '../api/insights.schema.ts';
import { populationOf } from './population.ts';
import { cell, suppressRow } from './suppress.ts';

/**
 * SDG indicator 16.2.2, "Number of victims of human trafficking per 100,000 population, by sex,
 * age and form of exploitation" (UN SDG metadata repository, indicator 16.2.2, custodian UNODC,
 * metadata update 2023-03-31, 2.a: "the ratio between the total number of victims of trafficking
 * in persons in a country and the population resident in that country, expressed per 100,000
 * population").
 *
 * Denominator: the total resident population for the total and for every disaggregation. The
 * shipped table (population.ts) has totals only, so "female victims per 100,000" means female
 * victims per 100,000 of the whole population, not of the female population; the sexes' rates
 * then add up to the total rate. Children are persons under 18 (UN Trafficking in Persons
 * Protocol, art. 3(d)).
 *
 * Lantern counts detected victims (cases recorded), as UNODC's series does; a case in several
 * forms of exploitation counts once in the total and once in each form.
 */

export type SdgRow = z.infer<typeof SdgRowSchema>;
type Rate = SdgRow['total'];

export const SEXES = ['female', 'male', 'other'] as const;
export const AGES = ['child', 'adult', 'unknown'] as const;

export interface SdgInput {
  country: string;
  sex: (typeof SEXES)[number];
  /** child: under 18 at registration (Palermo Protocol art. 3(d)); unknown: age not recorded. */
  age: (typeof AGES)[number];
  forms: readonly string[];
  count: number;
}

/** Why no rate is given: codes the web app translates (insights.sdg.notice.*). */
export const SDG_NOTICES = {
  population_unknown: 'no population figure for this country in the shipped table; no rate',
  population_zero: 'the population is zero; a rate per 100,000 is not defined',
} as const;
export type SdgNotice = keyof typeof SDG_NOTICES;

interface Tally {
  total: number;
  sex: Record<(typeof SEXES)[number], number>;
  age: Record<(typeof AGES)[number], number>;
  form: Map<string, number>;
}

/** Four significant digits: enough for a rate, and no float noise in the output. */
const round = (x: number) => Number(x.toPrecision(4));

/**
 * One row per country (sorted by code): victims and the rate per 100,000, in total, by sex, by
 * age and by form. Counts under `minCell` are suppressed, with secondary suppression within each
 * breakdown so a suppressed cell cannot be recovered from the total; a suppressed count gets no
 * rate (a rate would give the count back). `population` defaults to the shipped table.
 */
export function sdgRows(
  input: readonly SdgInput[],
  minCell: number,
  population: (code: string) => number | undefined = populationOf,
): SdgRow[] {
  const tallies = new Map<string, Tally>();
  for (const r of input) {
    if (!Number.isInteger(r.count) || r.count < 0) {
      throw new RangeError(`a count must be a whole number ≥ 0 (got ${String(r.count)})`);
    }
    let t = tallies.get(r.country);
    if (!t) {
      t = {
        total: 0,
        sex: { female: 0, male: 0, other: 0 },
        age: { child: 0, adult: 0, unknown: 0 },
        form: new Map(),
      };
      tallies.set(r.country, t);
    }
    t.total += r.count;
    t.sex[r.sex] += r.count;
    t.age[r.age] += r.count;
    for (const f of new Set(r.forms)) t.form.set(f, (t.form.get(f) ?? 0) + r.count);
  }

  return [...tallies]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([country, t]) => {
      const p = population(country);
      const known = p !== undefined && Number.isFinite(p) && p >= 0;
      const notice: SdgNotice | null = !known
        ? 'population_unknown'
        : p === 0
          ? 'population_zero'
          : null;
      const rate = (c: Cell): Rate => ({
        victims: c,
        per100k:
          notice === null && c.count !== null ? round((c.count / (p as number)) * 100_000) : null,
      });
      const row = <K extends string>(keys: readonly K[], counts: readonly number[]) => {
        const cells = suppressRow(counts, minCell);
        return Object.fromEntries(keys.map((k, i) => [k, rate(cells[i]!)])) as Record<K, Rate>;
      };
      const forms = [...t.form.keys()].sort();
      return {
        country,
        population: known ? p : null,
        total: rate(cell(t.total, minCell)),
        bySex: row(
          SEXES,
          SEXES.map((s) => t.sex[s]),
        ),
        byAge: row(
          AGES,
          AGES.map((a) => t.age[a]),
        ),
        byForm: row(
          forms,
          forms.map((f) => t.form.get(f)!),
        ),
        notice,
      };
    });
}
