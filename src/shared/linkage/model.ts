/**
 * The Fellegi–Sunter model (Fellegi & Sunter 1969, "A theory for record linkage", JASA 64):
 * for each comparison level, m = P(level | match) and u = P(level | non-match); a pair's match
 * weight is Σ log2(m/u) over its comparisons plus the prior log-odds log2(λ/(1−λ)), and its
 * match probability is 2^w / (1 + 2^w).
 *
 * Estimation follows Splink (https://moj-analytical-services.github.io/splink/, "Estimating u
 * using random sampling" and "Expectation maximisation"): u from the level frequencies of
 * random record pairs, which are almost all non-matches; m and λ by expectation maximisation
 * (Winkler 1988, "Using the EM algorithm for weight computation in the Fellegi-Sunter model of
 * record linkage"; Jaro 1989, "Advances in record-linkage methodology as applied to matching
 * the 1985 census of Tampa, Florida") over blocked candidate pairs, with u held fixed; and the
 * weight of exact agreement adjusted by the frequency of the agreeing value (Winkler 1989,
 * "Frequency-based matching in Fellegi-Sunter model of record linkage"; Splink's
 * "term frequency adjustments": u for agreement on value v is v's relative frequency).
 *
 * A Model is plain JSON: the server stores one trained model per organisation.
 */
import { LEVELS_OF, type ComparisonKind, type ComparisonSpec } from './comparisons.ts';

export interface ModelLevel {
  name: string;
  /** P(level | match). */
  m: number;
  /** P(level | non-match). */
  u: number;
}

export interface ModelComparison extends ComparisonSpec {
  /** Index-aligned with the kind's levels; level 0 ('missing') has m = u = 1 and weighs 0. */
  levels: ModelLevel[];
}

export interface Model {
  format: 'lantern-linkage-model';
  version: 1;
  comparisons: ModelComparison[];
  /**
   * Prior: the probability that two records drawn at random are a match (Splink's
   * probability_two_random_records_match). Not the share of matches among blocked pairs: the
   * pairs passed blocking because some fields agree, and those fields' agreement is already
   * counted by their weights.
   */
  lambda: number;
  /** Share of matches among the candidate pairs the model was trained on (for information). */
  lambdaCandidates: number;
  /** Blocking rules the model was trained with (blocking.ts). */
  blocking: string[];
  /** Smallest value frequency used in term-frequency adjustment. */
  tfMinimumU: number;
  /** Match probability from which a pair is proposed as a match. */
  threshold: number;
  trainedOn?: {
    records: number;
    candidatePairs: number;
    randomPairs: number;
    emIterations: number;
  };
}

/** Smallest probability allowed for m or u: keeps every weight finite. */
export const PROBABILITY_FLOOR = 1e-6;

const clampP = (p: number): number =>
  Number.isFinite(p) ? Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, p)) : 0.5;

/** log2(m/u) per level; 0 for 'missing'. */
export function levelWeights(c: ModelComparison): Float64Array {
  const w = new Float64Array(c.levels.length);
  for (let l = 1; l < c.levels.length; l++) {
    const { m, u } = c.levels[l]!;
    w[l] = Math.log2(clampP(m) / clampP(u));
  }
  return w;
}

export const logOdds = (p: number): number => Math.log2(clampP(p) / (1 - clampP(p)));
export const probabilityOf = (weight: number): number =>
  weight > 60 ? 1 : weight < -60 ? 0 : 1 / (1 + 2 ** -weight);

/** Starting m: most matches agree exactly; the rest spread over the weaker levels. */
export function initialM(levelCount: number): number[] {
  const m = [1];
  const rest = levelCount - 1;
  for (let l = 1; l < levelCount; l++) m.push(l === 1 ? 0.7 : 0.3 / Math.max(1, rest - 1));
  return m;
}

/**
 * Comparison vectors aggregated into distinct patterns: `levels` holds P × C level indices
 * and `counts` how many pairs show each pattern. EM over patterns costs the same for a
 * thousand pairs as for a hundred million.
 */
export interface Patterns {
  comparisons: number;
  levels: Uint8Array;
  counts: Float64Array;
  size: number;
}

export class PatternCounter {
  readonly #index = new Map<string, number>();
  #levels: number[] = [];
  #counts: number[] = [];
  constructor(readonly comparisons: number) {}
  add(levels: ArrayLike<number>, offset: number, count = 1): void {
    let key = '';
    for (let c = 0; c < this.comparisons; c++) key += String.fromCharCode(65 + levels[offset + c]!);
    let p = this.#index.get(key);
    if (p === undefined) {
      p = this.#counts.length;
      this.#index.set(key, p);
      this.#counts.push(0);
      for (let c = 0; c < this.comparisons; c++) this.#levels.push(levels[offset + c]!);
    }
    this.#counts[p]! += count;
  }
  patterns(): Patterns {
    return {
      comparisons: this.comparisons,
      levels: Uint8Array.from(this.#levels),
      counts: Float64Array.from(this.#counts),
      size: this.#counts.length,
    };
  }
}

export interface EmOptions {
  /** Comparisons left out of the likelihood (those the training pairs were blocked on). */
  ignore?: readonly boolean[];
  /** Estimate λ only, with m held fixed. */
  lambdaOnly?: boolean;
  maxIterations?: number;
  tolerance?: number;
}

export interface EmResult {
  m: number[][];
  lambda: number;
  iterations: number;
  converged: boolean;
}

/**
 * Expectation maximisation of m and λ with u fixed (Winkler 1988). Missing levels (index 0)
 * contribute to neither likelihood.
 */
export function expectationMaximisation(
  patterns: Patterns,
  u: readonly (readonly number[])[],
  mInit: readonly (readonly number[])[],
  lambdaInit: number,
  options: EmOptions = {},
): EmResult {
  const C = patterns.comparisons;
  const ignore = options.ignore ?? [];
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-6;
  let m = mInit.map((row) => row.map(clampP));
  const uc = u.map((row) => row.map(clampP));
  let lambda = clampP(lambdaInit);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const acc = m.map((row) => new Float64Array(row.length));
    let matchMass = 0;
    let total = 0;
    for (let p = 0; p < patterns.size; p++) {
      let lm = Math.log(lambda);
      let lu = Math.log(1 - lambda);
      const base = p * C;
      for (let c = 0; c < C; c++) {
        const l = patterns.levels[base + c]!;
        if (l === 0 || ignore[c]) continue;
        lm += Math.log(m[c]![l]!);
        lu += Math.log(uc[c]![l]!);
      }
      const r = 1 / (1 + Math.exp(lu - lm));
      const n = patterns.counts[p]!;
      matchMass += r * n;
      total += n;
      for (let c = 0; c < C; c++) {
        const l = patterns.levels[base + c]!;
        if (l !== 0) acc[c]![l]! += r * n;
      }
    }
    const nextLambda = clampP(total === 0 ? lambda : matchMass / total);
    let change = Math.abs(nextLambda - lambda);
    lambda = nextLambda;
    if (!options.lambdaOnly) {
      const next = m.map((row, c) => {
        if (ignore[c]) return row;
        const a = acc[c]!;
        let sum = 0;
        for (let l = 1; l < a.length; l++) sum += a[l]!;
        if (sum <= 0) return row;
        // A tiny pseudo-count keeps a level never seen among matches from weighing −∞.
        const out = [1];
        const eps = 1e-9 * sum;
        let norm = 0;
        for (let l = 1; l < a.length; l++) norm += a[l]! + eps;
        for (let l = 1; l < a.length; l++) out.push(clampP((a[l]! + eps) / norm));
        return out;
      });
      for (let c = 0; c < C; c++) {
        for (let l = 1; l < next[c]!.length; l++)
          change = Math.max(change, Math.abs(next[c]![l]! - m[c]![l]!));
      }
      m = next;
    }
    if (change < tolerance) {
      converged = true;
      iterations++;
      break;
    }
  }
  return { m, lambda, iterations, converged };
}

/**
 * u per level from the levels of random pairs, with add-one smoothing so that a level never
 * seen among the samples still gets a small, finite u.
 */
export function uFromCounts(counts: readonly (readonly number[])[]): number[][] {
  return counts.map((row) => {
    let total = 0;
    for (let l = 1; l < row.length; l++) total += row[l]!;
    const out = [1];
    for (let l = 1; l < row.length; l++) out.push((row[l]! + 1) / (total + row.length - 1));
    return out;
  });
}

/** A model from specs and probabilities. */
export function buildModel(
  specs: readonly ComparisonSpec[],
  m: readonly (readonly number[])[],
  u: readonly (readonly number[])[],
  rest: Omit<Model, 'format' | 'version' | 'comparisons'>,
): Model {
  return {
    format: 'lantern-linkage-model',
    version: 1,
    comparisons: specs.map((spec, c) => ({
      ...spec,
      levels: LEVELS_OF[spec.kind].map((name, l) => ({
        name,
        m: l === 0 ? 1 : m[c]![l]!,
        u: l === 0 ? 1 : u[c]![l]!,
      })),
    })),
    ...rest,
  };
}

const KINDS: readonly ComparisonKind[] = ['name', 'date', 'sex', 'place', 'identifier', 'string'];
const isProbability = (x: unknown): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;

/** Reads a model from JSON, checking every field; throws an Error naming the first fault. */
export function parseModel(json: unknown): Model {
  const raw = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown>;
  const fail = (what: string): never => {
    throw new Error(`invalid linkage model: ${what}`);
  };
  if (!raw || typeof raw !== 'object') fail('not an object');
  if (raw.format !== 'lantern-linkage-model' || raw.version !== 1) fail('format or version');
  if (!Array.isArray(raw.comparisons) || raw.comparisons.length === 0) fail('comparisons');
  const ids = new Set<string>();
  for (const [i, c] of (raw.comparisons as Record<string, unknown>[]).entries()) {
    if (!c || typeof c !== 'object') fail(`comparisons[${i}]`);
    if (typeof c.id !== 'string' || ids.has(c.id)) fail(`comparisons[${i}].id`);
    ids.add(c.id as string);
    if (!KINDS.includes(c.kind as ComparisonKind)) fail(`comparisons[${i}].kind`);
    const names = LEVELS_OF[c.kind as ComparisonKind];
    const levels = c.levels as ModelLevel[];
    if (!Array.isArray(levels) || levels.length !== names.length) fail(`comparisons[${i}].levels`);
    levels.forEach((l, k) => {
      if (l?.name !== names[k] || !isProbability(l.m) || !isProbability(l.u))
        fail(`comparisons[${i}].levels[${k}]`);
    });
  }
  for (const key of ['lambda', 'lambdaCandidates', 'threshold', 'tfMinimumU'] as const) {
    if (!isProbability(raw[key])) fail(key);
  }
  if (!Array.isArray(raw.blocking) || !raw.blocking.every((b) => typeof b === 'string'))
    fail('blocking');
  return raw as unknown as Model;
}
