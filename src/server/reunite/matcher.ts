/**
 * The candidate search's single door to the record-linkage engine: blocking-key strings of a
 * record (before they are keyed with HMAC, match-keys.ts) and the Fellegi–Sunter scores of pairs
 * with their per-field explanations. Everything else in src/server/reunite depends on these
 * functions only.
 *
 * Names come from the engine's names module (src/shared/linkage/names: `nameBlockingKeys`,
 * cross-script). Pairs are scored by the engine (src/shared/linkage/engine.ts) with its
 * EM-trained `DEFAULT_MODEL`, fitted to the server's records and to the organisation's size
 * (`serverModel`; docs/reunite.md, "Scoring"). Fellegi, I. P. and Sunter, A. B. (1969), "A theory
 * for record linkage", JASA 64(328): the weight of a comparison level is log2(m/u), the weights
 * of the fields add up, and the posterior follows from the prior odds.
 */
import { DEFAULT_MODEL } from '../../shared/linkage/default-model.ts';
import { comparePair, explainAgainst, PairScorer } from '../../shared/linkage/engine.ts';
import {
  countryOnlyPlaces,
  queryPrior,
  withLambda,
  withoutComparisons,
} from '../../shared/linkage/model-adapt.ts';
import type { Model } from '../../shared/linkage/model.ts';
import { nameBlockingKeys } from '../../shared/linkage/names/index.ts';
import { prepareRecords } from '../../shared/linkage/prepare.ts';
import type { LinkRecord, ScoredPair } from '../../shared/linkage/types.ts';

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

/**
 * The scorer in use, recorded by the benchmarks beside their figures: the engine's default
 * model and how it was trained (default-model.ts; `dedupeRecords` on generatePersons seed 1969,
 * whose run gives these figures).
 */
export const SCORER = {
  name: 'fs-default-v1',
  model: 'DEFAULT_MODEL (src/shared/linkage/default-model.ts)',
  trainedOn: {
    records: 60_000,
    data: 'synthetic persons (generatePersons, seed 1969)',
    randomPairsForU: 100_000,
    candidatePairsForEm: 70_904,
    emIterations: 123,
  },
  comparisons: ['givenName', 'familyName', 'birth', 'sex', 'place'],
  prior: '1 / (cases the organisation has registered + 1)',
  termFrequencies: false,
} as const;

/**
 * The default model, fitted once to what the server's person records carry: places are
 * countries only (citizenship, country of exploitation), so the place levels are collapsed to
 * country agreement (`countryOnlyPlaces`); a telephone is never given to the model — the
 * duplicate check compares telephones and document numbers as exact identifiers of its own
 * (shared/reunite/duplicates.ts), and a tracing request holds no telephone of the person sought.
 */
const SERVER_BASE: Model = countryOnlyPlaces(withoutComparisons(DEFAULT_MODEL, ['id:phone']));

/**
 * The model to score against an organisation holding `persons` registered persons: the default
 * model with the prior of one record compared with each of them (`queryPrior`: 1 / (persons + 1),
 * Splink's probability_two_random_records_match for that comparison). The batch scan uses the
 * same prior — each person is a query against the others — so that a pair scores the same in
 * the scan as in the check at registration.
 */
export function serverModel(persons: number): Model {
  return withLambda(SERVER_BASE, queryPrior(persons));
}

/** The record as the server's model compares it: places by country only. */
function countriesOnly(r: LinkRecord): LinkRecord {
  return {
    ...r,
    places: r.places
      .filter((p) => !!p.country)
      .map((p) => ({ country: p.country, adminArea: null, locality: null })),
    identifiers: {},
  };
}

/**
 * Scores `query` against each candidate, in the candidates' order: one ScoredPair each (`a` the
 * query's id, `b` the candidate's), its fields strongest evidence first. The query and its
 * candidates are prepared together once (`explainAgainst`).
 */
export function scoreCandidates(
  model: Model,
  query: LinkRecord,
  candidates: readonly LinkRecord[],
): ScoredPair[] {
  return explainAgainst(model, countriesOnly(query), candidates.map(countriesOnly));
}

/** Scores one pair (a case found by its document number at registration). */
export function scorePair(model: Model, a: LinkRecord, b: LinkRecord): ScoredPair {
  return comparePair(model, countriesOnly(a), countriesOnly(b));
}

/**
 * Scores pairs among many records (the batch scan): the records are prepared once and each
 * pair, by the records' indices, is explained as `scorePair` would.
 */
export function pairScorer(
  model: Model,
  records: readonly LinkRecord[],
): (i: number, j: number) => ScoredPair {
  const scorer = new PairScorer(model, prepareRecords(records.map(countriesOnly)), {
    termFrequencies: false,
  });
  return (i, j) => scorer.explain(i, j);
}
