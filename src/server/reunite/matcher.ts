/**
 * The candidate search's single door to the record-linkage engine: blocking-key strings of a
 * record (before they are keyed with HMAC, match-keys.ts) and the Fellegi–Sunter score of a pair
 * with its per-field explanation. Everything else in src/server/reunite depends on these three
 * functions only.
 *
 * Names come from the engine's names module (src/shared/linkage/names: `nameBlockingKeys`,
 * `compareNameParts`, cross-script). INTERIM: the pair score uses m/u probabilities set by hand
 * below, until the engine exports a default (or the organisation's trained) `Model` to give to
 * `comparePair` (src/shared/linkage/engine.ts); the switch is this file only.
 * Fellegi, I. P. and Sunter, A. B. (1969), "A theory for record
 * linkage", JASA 64(328): the weight of a comparison level is log2(m/u), the weights of the
 * fields add up, and the posterior follows from the prior odds.
 */
import type { AnalysedNameParts } from '../../shared/linkage/names/index.ts';
import {
  analyseNameParts,
  compareAnalysedParts,
  nameBlockingKeys,
} from '../../shared/linkage/names/index.ts';
import type {
  FieldComparison,
  LinkRecord,
  PartialDate,
  ScoredPair,
} from '../../shared/linkage/types.ts';

// ── Blocking keys ──────────────────────────────────────────────────────────────────────────

/** The birth year a record states or implies (age at a date), and how far it may be off. */
export function birthYearOf(r: LinkRecord): { year: number; spread: number } | null {
  if (r.birth?.year) return { year: r.birth.year, spread: 1 };
  if (r.age !== null && r.ageAt) {
    const at = Number(r.ageAt.slice(0, 4));
    // A stated age is approximate: ±2 years around the year it implies.
    if (Number.isInteger(at)) return { year: at - r.age, spread: 2 };
  }
  return null;
}

const MAX_NAME_KEYS = 16;

/**
 * The names module's blocking keys (coarse consonant-skeleton prefixes per word and reading, the
 * same for a name in any script: محمد عبد الرحمن and Mohammed Abdulrahman share all four) of the
 * given name, the family name and each alias.
 */
function nameKeySets(r: LinkRecord): { given: string[]; family: string[]; all: string[] } {
  const given = r.givenName ? nameBlockingKeys(r.givenName) : [];
  const family = r.familyName ? nameBlockingKeys(r.familyName) : [];
  const all = new Set([...given, ...family]);
  for (const alias of r.aliases) for (const k of nameBlockingKeys(alias)) all.add(k);
  return { given, family, all: [...all].slice(0, MAX_NAME_KEYS) };
}

/**
 * The blocking strings stored for a person: every name key alone (`n:`), with the birth year
 * (`y:`), and each given × family pair in either order (`p:`). Name keys alone find a person
 * whose age nobody knows; combined keys keep the blocks small when a name is very common.
 */
export function recordKeyStrings(r: LinkRecord): string[] {
  const { given, family, all } = nameKeySets(r);
  const keys = new Set<string>();
  for (const k of all) keys.add(`n:${k}`);
  const by = r.birth?.year ?? birthYearOf(r)?.year;
  if (by) for (const k of all) keys.add(`y:${k}:${by}`);
  for (const g of given) for (const f of family) keys.add(`p:${[g, f].sort().join('+')}`);
  return [...keys];
}

/**
 * The blocking strings a query looks up: as `recordKeyStrings`, with the birth year widened to
 * the years it may really be (a date of birth ±1, an age ±2), and pairs from every name given.
 */
export function queryKeyStrings(r: LinkRecord): string[] {
  const { given, family, all } = nameKeySets(r);
  const keys = new Set<string>();
  for (const k of all) keys.add(`n:${k}`);
  const by = birthYearOf(r);
  if (by) {
    for (let y = by.year - by.spread; y <= by.year + by.spread; y++) {
      for (const k of all) keys.add(`y:${k}:${y}`);
    }
  }
  const pairs = new Set([...given, ...family]);
  for (const g of pairs)
    for (const f of pairs) if (g !== f) keys.add(`p:${[g, f].sort().join('+')}`);
  return [...keys];
}

// ── Scoring ────────────────────────────────────────────────────────────────────────────────

/** m and u of one comparison level: P(level | match) and P(level | non-match). */
type Levels = Record<string, { m: number; u: number }>;

/** Hand-set defaults; the engine's trained models replace them. */
export const INTERIM_MODEL = {
  /** Prior probability that a candidate sharing a blocking key is the person sought. */
  prior: 1e-4,
  name: {
    exact: { m: 0.4, u: 0.0005 },
    transliterated: { m: 0.15, u: 0.0003 },
    phonetic: { m: 0.2, u: 0.002 },
    fuzzy_high: { m: 0.1, u: 0.003 },
    swapped: { m: 0.03, u: 0.0002 },
    subset: { m: 0.05, u: 0.003 },
    fuzzy_low: { m: 0.04, u: 0.02 },
    different: { m: 0.03, u: 0.97 },
  } satisfies Levels,
  birth: {
    exact: { m: 0.55, u: 0.0001 },
    swapped_day_month: { m: 0.02, u: 0.0001 },
    year_month: { m: 0.1, u: 0.001 },
    year: { m: 0.15, u: 0.014 },
    year_close: { m: 0.08, u: 0.03 },
    age_close: { m: 0.7, u: 0.1 },
    different: { m: 0.05, u: 0.85 },
  } satisfies Levels,
  sex: {
    agree: { m: 0.97, u: 0.5 },
    disagree: { m: 0.03, u: 0.5 },
  } satisfies Levels,
  place: {
    same_country: { m: 0.6, u: 0.2 },
    different: { m: 0.4, u: 0.8 },
  } satisfies Levels,
};

const weightOf = (l: { m: number; u: number }) => Math.log2(l.m / l.u);
const round = (n: number) => Math.round(n * 1000) / 1000;

// The query is compared with up to 300 candidates: its names are analysed once.
const analysed = new WeakMap<LinkRecord, AnalysedNameParts>();
function namePartsOf(r: LinkRecord): AnalysedNameParts {
  let a = analysed.get(r);
  if (!a) {
    a = analyseNameParts({ given: r.givenName, family: r.familyName, aliases: r.aliases });
    analysed.set(r, a);
  }
  return a;
}

/** The names module's level for the whole name (given, family, aliases; swapped, subsets). */
function compareNames(a: LinkRecord, b: LinkRecord): string {
  return compareAnalysedParts(namePartsOf(a), namePartsOf(b)).level;
}

function compareBirth(a: LinkRecord, b: LinkRecord): string {
  const da: PartialDate | null = a.birth?.year ? a.birth : null;
  const db: PartialDate | null = b.birth?.year ? b.birth : null;
  if (da && db) {
    if (da.year === db.year) {
      if (da.month && db.month && da.month === db.month) {
        if (da.day && db.day) return da.day === db.day ? 'exact' : 'year_month';
        return 'year_month';
      }
      if (da.month && db.month && da.day && db.day && da.month === db.day && da.day === db.month) {
        return 'swapped_day_month';
      }
      return da.month && db.month ? 'year_close' : 'year';
    }
    return Math.abs(da.year! - db.year!) <= 1 ? 'year_close' : 'different';
  }
  const ya = birthYearOf(a);
  const yb = birthYearOf(b);
  if (!ya || !yb) return 'missing';
  return Math.abs(ya.year - yb.year) <= Math.max(ya.spread, yb.spread) ? 'age_close' : 'different';
}

function compareSex(a: LinkRecord, b: LinkRecord): string {
  if (!a.sex || !b.sex) return 'missing';
  return a.sex === b.sex ? 'agree' : 'disagree';
}

function comparePlaces(a: LinkRecord, b: LinkRecord): string {
  const ca = new Set(a.places.map((p) => p.country).filter(Boolean));
  const cb = b.places.map((p) => p.country).filter(Boolean);
  if (ca.size === 0 || cb.length === 0) return 'missing';
  return cb.some((c) => ca.has(c)) ? 'same_country' : 'different';
}

/** Scores a pair: one FieldComparison per field, strongest evidence first, and the posterior. */
export function scorePair(a: LinkRecord, b: LinkRecord): ScoredPair {
  const m = INTERIM_MODEL;
  const field = (name: string, level: string, levels: Levels): FieldComparison => {
    const l = levels[level];
    return { field: name, level, weight: l ? round(weightOf(l)) : 0 };
  };
  const fields = [
    field('name', compareNames(a, b), m.name),
    field('birth', compareBirth(a, b), m.birth),
    field('sex', compareSex(a, b), m.sex),
    field('place', comparePlaces(a, b), m.place),
  ].sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight));
  const prior = Math.log2(m.prior / (1 - m.prior));
  const weight = round(prior + fields.reduce((s, f) => s + f.weight, 0));
  const probability = 1 / (1 + 2 ** -weight);
  return { a: a.id, b: b.id, weight, probability, fields };
}

/** Name of the scorer in use, recorded with each search (docs/reunite.md). */
export const SCORER = 'interim-fs-v1';
