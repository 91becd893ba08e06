/**
 * Realistic synthetic records in the CTDC global layout, for tests and benchmarks: skewed by
 * country, year, exploitation type, age and sex, with the correlations of real data (weights in
 * generator-profile.ts, described in docs/ctdc-format.md). Deterministic by seed. Real victim
 * data never enters the repository; these records describe no one.
 */
import { createRng, type Rng } from '../../demo/random.ts';
import type { Table } from '../table.ts';
import {
  CONCATENATED_LABELS,
  CONCATENATION_SEPARATOR,
  CTDC_COLUMNS,
  CTDC_MISSING,
  type ConcatenatedColumn,
  type CtdcColumn,
} from './global-layout.ts';
import * as P from './generator-profile.ts';

/** Values with relative weights, drawn by binary search over the cumulative weights. */
class Draw<T> {
  readonly #values: T[] = [];
  readonly #cumulative: number[] = [];
  #total = 0;
  constructor(entries: Iterable<readonly [T, number]>) {
    for (const [v, w] of entries) {
      if (w <= 0) continue;
      this.#total += w;
      this.#values.push(v);
      this.#cumulative.push(this.#total);
    }
    if (this.#values.length === 0) throw new RangeError('a draw needs a positive weight');
  }
  draw(rng: Rng): T {
    const x = rng() * this.#total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < this.#cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return this.#values[lo]!;
  }
}

const INDEX = new Map<string, number>(CTDC_COLUMNS.map((c, i) => [c, i]));
const at = (c: CtdcColumn): number => INDEX.get(c)!;

interface Group {
  at: number;
  flags: number[];
  labels: string[];
  /** The concatenation of each combination of flags (as a bit mask), computed once. */
  memo: Map<number, string>;
}

/** For each concatenated column: its index, and the index and label of each of its flags. */
const GROUPS = Object.fromEntries(
  Object.entries(CONCATENATED_LABELS).map(([column, labels]): [string, Group] => [
    column,
    {
      at: at(column as CtdcColumn),
      flags: Object.keys(labels).map((f) => at(f as CtdcColumn)),
      labels: Object.values(labels),
      memo: new Map(),
    },
  ]),
) as Record<ConcatenatedColumn, Group>;

/** Sets every flag of a group to 0 and the given ones to 1, and writes the concatenation. */
function setGroup(row: string[], g: Group, on: readonly number[]): void {
  for (const f of g.flags) row[f] = '0';
  for (const f of on) row[f] = '1';
  concatenateGroup(row, g);
}

function concatenateGroup(row: string[], g: Group): void {
  let mask = 0;
  for (let k = 0; k < g.flags.length; k++) if (row[g.flags[k]!] === '1') mask |= 1 << k;
  let value = g.memo.get(mask);
  if (value === undefined) {
    const labels = g.labels.filter((_, k) => (mask & (1 << k)) !== 0);
    value = labels.length > 0 ? labels.join(CONCATENATION_SEPARATOR) : CTDC_MISSING;
    g.memo.set(mask, value);
  }
  row[g.at] = value;
}

const zipf = (codes: readonly string[]) =>
  new Draw(codes.map((c, rank) => [c, 1 / (rank + 1) ** 1.1] as const));

const years = (from: number) => {
  const entries: [string, number][] = [];
  for (let y = from; y <= P.LAST_YEAR; y++) entries.push([String(y), P.yearWeight(y)]);
  return new Draw(entries);
};

const SITUATION_NAMES = Object.keys(P.SITUATIONS) as P.Situation[];

/** Which exploitation flags each situation sets. */
const SITUATION_FLAGS: Record<P.Situation, readonly CtdcColumn[]> = {
  sexual: ['isSexualExploit'],
  labour: ['isForcedLabour'],
  sexAndLabour: ['isSexualExploit', 'isForcedLabour', 'isSexAndLabour'],
  marriage: ['isOtherExploit', 'isForcedMarriage'],
  slavery: ['isOtherExploit', 'isSlaveryAndPractices'],
  military: ['isOtherExploit', 'isForcedMilitary'],
  organ: ['isOtherExploit', 'isOrganRemoval'],
  other: ['isOtherExploit'],
  unknown: [],
};
const EXPLOIT_FLAGS: readonly CtdcColumn[] = [
  ...(Object.keys(CONCATENATED_LABELS.typeOfExploitConcatenated) as CtdcColumn[]),
  'isSexAndLabour',
];

const EXPLOIT_AT = EXPLOIT_FLAGS.map(at);
const SITUATION_AT = Object.fromEntries(
  SITUATION_NAMES.map((s) => [s, SITUATION_FLAGS[s].map(at)]),
) as Record<P.Situation, number[]>;
const TEMPLATE: readonly string[] = CTDC_COLUMNS.map(() => CTDC_MISSING);

/** The tables, built once per call from the profile. */
function tables() {
  const labour = (sex: 1 | 2, minor: boolean) =>
    new Draw(
      P.LABOUR_PROFILE.map(
        (e) => [at(e[0]), e[sex] * (minor ? (P.MINOR_LABOUR[e[0]] ?? 1) : 1)] as const,
      ),
    );
  const relation = (profile: 1 | 2 | 3, family: number) =>
    new Draw(
      P.RELATION_PROFILE.map(
        (e) => [at(e[0]), e[profile] * (e[0] === 'recruiterRelationFamily' ? family : 1)] as const,
      ),
    );
  return {
    years: years(P.FIRST_YEAR),
    hotlineYears: years(P.HOTLINE_FIRST_YEAR),
    origins: zipf(P.ORIGINS),
    destinations: zipf(P.DESTINATIONS),
    situations: [
      new Draw(SITUATION_NAMES.map((s) => [s, P.SITUATIONS[s].caseManagement] as const)),
      new Draw(SITUATION_NAMES.map((s) => [s, P.SITUATIONS[s].hotline] as const)),
    ],
    adultBands: new Draw(P.ADULT_BANDS),
    // [men, women] × [adult, minor]
    labour: [
      [labour(1, false), labour(1, true)],
      [labour(2, false), labour(2, true)],
    ],
    // [sexual, labour, other] × [adult, minor]; forced marriage recruits through family.
    relation: [
      [relation(1, 1), relation(1, 2.5)],
      [relation(2, 1), relation(2, 2.5)],
      [relation(3, 1), relation(3, 2.5)],
    ],
    marriageRelation: relation(3, 6),
  };
}

export interface GenerateCtdcOptions {
  /** Number of records, 0 to 10,000,000. */
  rows: number;
  /** Any safe integer; the same seed gives the same records. */
  seed: number;
}

export const MAX_GENERATED_ROWS = 10_000_000;

const COL = {
  year: at('yearOfRegistration'),
  source: at('Datasource'),
  gender: at('gender'),
  age: at('ageBroad'),
  majority: at('majorityStatus'),
  atExploit: at('majorityStatusAtExploit'),
  entry: at('majorityEntry'),
  citizenship: at('citizenship'),
  country: at('CountryOfExploitation'),
  forcedLabour: at('isForcedLabour'),
  sexual: at('isSexualExploit'),
  abduction: at('isAbduction'),
  notSpecifiedMeans: at('meansOfControlNotSpecified'),
  notSpecifiedLabour: at('typeOfLabourNotSpecified'),
  prostitution: at('typeOfSexProstitution'),
};
const MEANS = P.MEANS_PROFILE.map((e) => ({ at: at(e[0]), p: [e[1], e[2], e[3]] as const }));
const SEX = P.SEX_PROFILE.map((e) => ({ at: at(e[0]), p: [e[1], e[2]] as const }));

/** `rows` synthetic records in the CTDC global layout (`CTDC_COLUMNS` order). */
export function generateCtdc({ rows, seed }: GenerateCtdcOptions): Table {
  if (!Number.isInteger(rows) || rows < 0 || rows > MAX_GENERATED_ROWS) {
    throw new RangeError(`rows must be a whole number from 0 to ${MAX_GENERATED_ROWS}`);
  }
  const rng = createRng(seed);
  const t = tables();
  // Module bindings read in the loop are copied to locals once (each read is a getter call
  // under some loaders, and this loop runs millions of times).
  const { HOTLINE_SHARE, SITUATIONS, MISSING, YOUNG_CHILD_SHARE, TRANSGENDER_SHARE } = P;
  const { HOTLINE_COUNTRY, DOMESTIC_SHARE } = P;
  const template = TEMPLATE;
  const out: string[][] = new Array<string[]>(rows);
  for (let n = 0; n < rows; n++) {
    const row = template.slice();
    const hotline = rng() < HOTLINE_SHARE;
    const src = hotline ? 1 : 0;
    row[COL.source] = hotline ? 'Hotline' : 'Case Management';
    row[COL.year] = (hotline ? t.hotlineYears : t.years).draw(rng);
    const situation = t.situations[src]!.draw(rng);
    const traits = SITUATIONS[situation];

    // Age and sex follow the situation (children in marriage and armed groups; women in
    // sexual exploitation; men in forced labour).
    const minor = rng() < traits.minor;
    const majority = minor ? 'Minor' : 'Adult';
    if (rng() >= MISSING.age[src]) {
      row[COL.age] = minor
        ? rng() < YOUNG_CHILD_SHARE
          ? '0--8'
          : '9--17'
        : t.adultBands.draw(rng);
      row[COL.majority] = majority;
    } else if (rng() < 0.4) row[COL.majority] = majority;
    if (rng() >= MISSING.gender[src]) {
      row[COL.gender] =
        rng() < TRANSGENDER_SHARE ? 'Transgender' : rng() < traits.female ? 'Female' : 'Male';
    }
    const female = row[COL.gender] === 'Female';
    const enteredMinor = minor || rng() < 0.12;
    if (rng() >= MISSING.majorityEntry[src]) row[COL.entry] = enteredMinor ? 'Minor' : 'Adult';
    if (rng() >= MISSING.majorityAtExploit[src]) {
      row[COL.atExploit] = minor || (enteredMinor && rng() < 0.5) ? 'Minor' : 'Adult';
    }

    // Countries: a long tail of citizenships; many exploited at home.
    let citizenship: string;
    let country: string;
    if (hotline) {
      citizenship = rng() < 0.55 ? HOTLINE_COUNTRY : t.origins.draw(rng);
      country = rng() < 0.9 ? HOTLINE_COUNTRY : rng() < 0.7 ? 'MX' : 'CA';
    } else {
      citizenship = t.origins.draw(rng);
      country = rng() < DOMESTIC_SHARE ? citizenship : t.destinations.draw(rng);
      if (country === citizenship && rng() < 0.5) country = t.destinations.draw(rng);
    }
    if (rng() >= MISSING.citizenship[src]) row[COL.citizenship] = citizenship;
    if (rng() >= MISSING.countryOfExploitation[src]) row[COL.country] = country;

    if (situation !== 'unknown') {
      for (const f of EXPLOIT_AT) row[f] = '0';
      for (const f of SITUATION_AT[situation]) row[f] = '1';
      concatenateGroup(row, GROUPS.typeOfExploitConcatenated);
    }
    const labour = row[COL.forcedLabour] === '1';
    const sexual = row[COL.sexual] === '1';

    // Means of control by type: debt and documents in labour, abuse and substances in sex.
    if (rng() >= MISSING.means[src]) {
      if (rng() < 0.05) setGroup(row, GROUPS.meansOfControlConcatenated, [COL.notSpecifiedMeans]);
      else {
        const profile = labour && sexual ? (rng() < 0.5 ? 0 : 1) : sexual ? 0 : labour ? 1 : 2;
        const on: number[] = [];
        for (const m of MEANS) if (rng() < m.p[profile]) on.push(m.at);
        if (on.length === 0) on.push(MEANS[profile === 1 ? 1 : 4]!.at); // earnings; psychological abuse
        setGroup(row, GROUPS.meansOfControlConcatenated, on);
      }
    }

    // Industry by sex and age: construction and fishing for men, domestic work for women,
    // begging for children.
    if (labour) {
      if (rng() < MISSING.labourType[src]) {
        setGroup(row, GROUPS.typeOfLabourConcatenated, [COL.notSpecifiedLabour]);
      } else {
        const draw = t.labour[female ? 1 : 0]![minor ? 1 : 0]!;
        const on = [draw.draw(rng)];
        if (rng() < 0.05) on.push(draw.draw(rng));
        setGroup(row, GROUPS.typeOfLabourConcatenated, on);
      }
    }
    if (sexual && rng() >= MISSING.sexType[src]) {
      const on: number[] = [];
      for (const s of SEX) if (rng() < s.p[minor ? 1 : 0]) on.push(s.at);
      setGroup(row, GROUPS.typeOfSexConcatenated, on.length > 0 ? on : [COL.prostitution]);
    }

    if (rng() >= MISSING.abduction[src]) {
      row[COL.abduction] = rng() < traits.abduction * (minor ? 2 : 1) ? '1' : '0';
    }
    if (rng() >= MISSING.relation[src]) {
      const draw =
        situation === 'marriage'
          ? t.marriageRelation
          : t.relation[sexual && !labour ? 0 : labour ? 1 : 2]![minor ? 1 : 0]!;
      setGroup(row, GROUPS.RecruiterRelationship, [draw.draw(rng)]);
    }
    out[n] = row;
  }
  return { columns: [...CTDC_COLUMNS], rows: out };
}
