/**
 * The record linkage pipeline: prepare → block → compare → (train) → score → assign or
 * cluster. Pure and synchronous; used by the CLI (`lantern link`, `lantern dedupe`), the
 * benchmarks and the server.
 */
import { oneToOne } from './assign.ts';
import {
  DEFAULT_BLOCKING,
  comparisonsUsedBy,
  defaultRules,
  generateCandidates,
  type BlockingOptions,
  type Candidates,
} from './blocking.ts';
import { clusterEdges, type ScoredEdge } from './cluster.ts';
import {
  compileComparisons,
  defaultComparisons,
  fieldOf,
  LEVELS_OF,
  type CompiledComparison,
  type ComparisonSpec,
} from './comparisons.ts';
import {
  buildModel,
  expectationMaximisation,
  initialM,
  levelWeights,
  logOdds,
  PatternCounter,
  probabilityOf,
  uFromCounts,
  type Model,
} from './model.ts';
import { prepareRecords, type PreparedSet } from './prepare.ts';
import type { FieldComparison, LinkRecord, ScoredPair } from './types.ts';
import { createRng } from '../demo/random.ts';

export interface EngineOptions {
  /** A trained model to score with; without one, a model is trained on the data. */
  model?: Model;
  /** Retrain even when a model is given (its comparisons and blocking are kept). */
  retrain?: boolean;
  comparisons?: ComparisonSpec[];
  blocking?: Partial<BlockingOptions>;
  /** Match probability from which a pair is a match (default: the model's, else 0.5). */
  threshold?: number;
  /** Random pairs sampled to estimate u. */
  randomPairs?: number;
  seed?: number;
}

export interface EngineStats {
  records: number;
  candidatePairs: number;
  totalPairs: number;
  reductionRatio: number;
  blocking: Candidates['stats'];
  seconds: { prepare: number; block: number; compare: number; train: number; score: number };
}

/** A prepared, blocked and scored set. */
export interface ScoredSet {
  set: PreparedSet;
  model: Model;
  candidates: Candidates;
  /** Match weight per candidate pair. */
  weights: Float64Array;
  scorer: PairScorer;
  stats: EngineStats;
}

const now = () => performance.now();
const secs = (t: number) => Math.round((now() - t) / 10) / 100;

/** Scores pairs of a prepared set with a model, and explains them. */
export class PairScorer {
  readonly compiled: CompiledComparison[];
  readonly tables: Float64Array[];
  /** Per comparison: TF adjustment by interned value id (exact level only), or null. */
  readonly tf: (Float64Array | null)[];
  readonly prior: number;

  /**
   * `termFrequencies: false` scores without frequency adjustment: value frequencies mean
   * something only over a whole list, not over the two records of a single comparison.
   */
  constructor(
    readonly model: Model,
    readonly set: PreparedSet,
    options: { termFrequencies?: boolean } = {},
  ) {
    this.compiled = compileComparisons(model.comparisons, set);
    this.tables = model.comparisons.map(levelWeights);
    this.prior = logOdds(model.lambda);
    this.tf = this.compiled.map((c, k) =>
      options.termFrequencies === false ? null : tfAdjustments(c, model, k),
    );
  }

  /** Match weight of the pair from its level vector (levels[offset..offset+C)). */
  weightOf(i: number, levels: ArrayLike<number>, offset: number): number {
    let w = this.prior;
    for (let c = 0; c < this.tables.length; c++) {
      const l = levels[offset + c]!;
      w += this.tables[c]![l]!;
      if (l === 1) {
        const adj = this.tf[c];
        if (adj) w += adj[this.compiled[c]!.tfValues![i]!]!;
      }
    }
    return w;
  }

  #buf = new Uint8Array(64);
  weight(i: number, j: number): number {
    const C = this.compiled.length;
    if (this.#buf.length < C) this.#buf = new Uint8Array(C);
    for (let c = 0; c < C; c++) this.#buf[c] = this.compiled[c]!.compare(i, j);
    return this.weightOf(i, this.#buf, 0);
  }

  probability(i: number, j: number): number {
    return probabilityOf(this.weight(i, j));
  }

  /** The pair with a per-field explanation, strongest evidence first. */
  explain(i: number, j: number): ScoredPair {
    const fields: FieldComparison[] = this.compiled.map((c, k) => {
      const l = c.compare(i, j);
      let weight = this.tables[k]![l]!;
      const adj = this.tf[k];
      if (l === 1 && adj) weight += adj[c.tfValues![i]!]!;
      return { field: fieldOf(c.spec), level: c.levels[l]!, weight: round(weight) };
    });
    fields.sort((x, y) => y.weight - x.weight);
    const weight = this.prior + fields.reduce((s, f) => s + f.weight, 0);
    return {
      a: this.set.ids[i]!,
      b: this.set.ids[j]!,
      weight: round(weight),
      probability: probabilityOf(weight),
      fields,
    };
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Term-frequency adjustment of exact agreement on value v: log2(u_exact / f(v)), f(v) the
 * value's relative frequency among the records that have one, floored at tfMinimumU. A common
 * value weighs less than the average agreement, a rare one more.
 */
function tfAdjustments(c: CompiledComparison, model: Model, k: number): Float64Array | null {
  const values = c.tfValues;
  if (!values) return null;
  let max = -1;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  const counts = new Float64Array(max + 1);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v >= 0) {
      counts[v]!++;
      total++;
    }
  }
  if (total === 0) return null;
  const uExact = Math.max(model.comparisons[k]!.levels[1]!.u, 1e-12);
  const adj = new Float64Array(max + 1);
  for (let v = 0; v <= max; v++) {
    const f = Math.max(counts[v]! / total, model.tfMinimumU);
    adj[v] = Math.log2(uExact / f);
  }
  return adj;
}

/** Level vectors of all candidate pairs: count × C bytes. */
function compareCandidates(compiled: CompiledComparison[], cand: Candidates): Uint8Array {
  const C = compiled.length;
  const levels = new Uint8Array(cand.count * C);
  const fns = compiled.map((c) => c.compare);
  for (let p = 0; p < cand.count; p++) {
    const i = cand.left[p]!;
    const j = cand.right[p]!;
    const base = p * C;
    for (let c = 0; c < C; c++) levels[base + c] = fns[c]!(i, j);
  }
  return levels;
}

/**
 * The probability that two random records match: the expected number of matches over all
 * pairs, where pairs blocking left out are taken as non-matches. A fixed point of
 * λ = Σ_candidates P(match | γ, λ) / total pairs, the EM update of λ over the full pair space.
 */
function globalLambda(
  patterns: ReturnType<PatternCounter['patterns']>,
  u: readonly (readonly number[])[],
  m: readonly (readonly number[])[],
  expectedMatches: number,
  totalPairs: number,
): number {
  if (totalPairs <= 0) return 0.5;
  const C = patterns.comparisons;
  const bayes = new Float64Array(patterns.size);
  for (let p = 0; p < patterns.size; p++) {
    let w = 0;
    for (let c = 0; c < C; c++) {
      const l = patterns.levels[p * C + c]!;
      if (l !== 0) w += Math.log2(Math.max(m[c]![l]!, 1e-12) / Math.max(u[c]![l]!, 1e-12));
    }
    bayes[p] = w;
  }
  let lambda = Math.min(0.5, Math.max(1e-12, expectedMatches / totalPairs));
  for (let it = 0; it < 50; it++) {
    const prior = logOdds(lambda);
    let matches = 0;
    for (let p = 0; p < patterns.size; p++)
      matches += patterns.counts[p]! * probabilityOf(prior + bayes[p]!);
    const next = Math.min(0.5, Math.max(1e-12, matches / totalPairs));
    if (Math.abs(next - lambda) <= 1e-3 * lambda) {
      lambda = next;
      break;
    }
    lambda = next;
  }
  return lambda;
}

function train(
  specs: ComparisonSpec[],
  compiled: CompiledComparison[],
  set: PreparedSet,
  side: Uint8Array | null,
  cand: Candidates,
  levels: Uint8Array,
  rules: readonly string[],
  options: EngineOptions,
): Model {
  const C = compiled.length;
  // u from random pairs.
  const rng = createRng(options.seed ?? 1969);
  const samples = Math.max(0, Math.min(options.randomPairs ?? 100_000, cand.totalPairs));
  const uCounts = compiled.map((c) => new Array<number>(c.levels.length).fill(0));
  const sideA: number[] = [];
  const sideB: number[] = [];
  if (side) for (let i = 0; i < set.n; i++) (side[i] === 0 ? sideA : sideB).push(i);
  for (let s = 0; s < samples; s++) {
    let i: number;
    let j: number;
    if (side) {
      i = sideA[Math.floor(rng() * sideA.length)]!;
      j = sideB[Math.floor(rng() * sideB.length)]!;
    } else {
      i = Math.floor(rng() * set.n);
      j = Math.floor(rng() * (set.n - 1));
      if (j >= i) j++;
    }
    for (let c = 0; c < C; c++) uCounts[c]![compiled[c]!.compare(i, j)]!++;
  }
  const u = uFromCounts(uCounts);

  // Patterns: all candidates, and those of each rule.
  const all = new PatternCounter(C);
  const perRule = rules.map(() => new PatternCounter(C));
  for (let p = 0; p < cand.count; p++) {
    all.add(levels, p * C);
    const mask = cand.ruleMask[p]!;
    for (let r = 0; r < perRule.length; r++) if (mask & (1 << r)) perRule[r]!.add(levels, p * C);
  }
  const mInit = compiled.map((c) => initialM(c.levels.length));
  // m per rule with the rule's own comparisons left out (their agreement is forced by the
  // blocking, so the blocked pairs say nothing about their m) — Splink's training approach.
  const sums = compiled.map((c) => new Array<number>(c.levels.length).fill(0));
  const runs = new Array<number>(C).fill(0);
  let iterations = 0;
  cand.stats.forEach((stat, r) => {
    const patterns = perRule[r]!.patterns();
    let pairs = 0;
    for (let k = 0; k < patterns.size; k++) pairs += patterns.counts[k]!;
    if (pairs < 20 || stat.skipped) return;
    const used = new Set(comparisonsUsedBy(stat.rule));
    const ignore = specs.map((s) => used.has(s.id));
    if (ignore.every(Boolean)) return;
    const em = expectationMaximisation(patterns, u, mInit, 0.3, { ignore });
    iterations += em.iterations;
    for (let c = 0; c < C; c++) {
      if (ignore[c]) continue;
      runs[c]!++;
      for (let l = 1; l < em.m[c]!.length; l++) sums[c]![l]! += em.m[c]![l]!;
    }
  });
  const patterns = all.patterns();
  let m: number[][];
  if (runs.some((n) => n === 0)) {
    // Some comparison is used by every rule: estimate it over all candidates.
    const em = expectationMaximisation(patterns, u, mInit, 0.3);
    iterations += em.iterations;
    m = em.m.map((row, c) =>
      runs[c] === 0 ? row : sums[c]!.map((s, l) => (l === 0 ? 1 : s / runs[c]!)),
    );
  } else {
    m = sums.map((row, c) => row.map((s, l) => (l === 0 ? 1 : s / runs[c]!)));
  }
  // λ among the candidate pairs, with m and u now fixed.
  const lambdaFit = expectationMaximisation(patterns, u, m, 0.1, { lambdaOnly: true });
  iterations += lambdaFit.iterations;
  const lambda = globalLambda(patterns, u, m, lambdaFit.lambda * cand.count, cand.totalPairs);
  return buildModel(specs, m, u, {
    lambda,
    lambdaCandidates: lambdaFit.lambda,
    blocking: [...rules],
    tfMinimumU: 1e-6,
    threshold: options.threshold ?? 0.5,
    trainedOn: {
      records: set.n,
      candidatePairs: cand.count,
      randomPairs: samples,
      emIterations: iterations,
    },
  });
}

/** Prepares, blocks, compares, trains when needed and scores every candidate pair. */
export function scoreSet(
  set: PreparedSet,
  side: Uint8Array | null,
  options: EngineOptions = {},
): ScoredSet {
  const specs = (options.model?.comparisons ?? options.comparisons ?? defaultComparisons(set)).map(
    (c): ComparisonSpec => ({
      id: c.id,
      kind: c.kind,
      ...(c.part ? { part: c.part } : {}),
      ...(c.key !== undefined ? { key: c.key } : {}),
      ...(c.toleranceYears !== undefined ? { toleranceYears: c.toleranceYears } : {}),
      ...(c.termFrequency ? { termFrequency: true } : {}),
    }),
  );
  const rules = options.blocking?.rules ?? options.model?.blocking ?? defaultRules(set);
  const blocking: BlockingOptions = { ...DEFAULT_BLOCKING, ...options.blocking, rules };
  const tb = now();
  const cand = generateCandidates(set, side, blocking);
  const block = secs(tb);
  const tc = now();
  const compiled = compileComparisons(specs, set);
  const levels = compareCandidates(compiled, cand);
  const compare = secs(tc);
  const tt = now();
  const model =
    options.model && !options.retrain
      ? options.model
      : train(specs, compiled, set, side, cand, levels, rules, options);
  const trainSeconds = secs(tt);
  const ts = now();
  const scorer = new PairScorer(model, set);
  const C = compiled.length;
  const weights = new Float64Array(cand.count);
  for (let p = 0; p < cand.count; p++) weights[p] = scorer.weightOf(cand.left[p]!, levels, p * C);
  return {
    set,
    model,
    candidates: cand,
    weights,
    scorer,
    stats: {
      records: set.n,
      candidatePairs: cand.count,
      totalPairs: cand.totalPairs,
      reductionRatio: cand.reductionRatio,
      blocking: cand.stats,
      seconds: { prepare: 0, block, compare, train: trainSeconds, score: secs(ts) },
    },
  };
}

export interface LinkResult {
  /** [idA, idB, probability], strongest first. */
  matches: [string, string, number][];
  model: Model;
  stats: EngineStats;
  scored: ScoredSet;
}

/** Links two lists in which each person appears at most once (one-to-one). */
export function linkRecords(
  a: readonly LinkRecord[],
  b: readonly LinkRecord[],
  options: EngineOptions = {},
): LinkResult {
  const tp = now();
  const set = prepareRecords([...a, ...b]);
  const side = new Uint8Array(a.length + b.length);
  side.fill(1, a.length);
  const prepare = secs(tp);
  const scored = scoreSet(set, side, options);
  scored.stats.seconds.prepare = prepare;
  const threshold = options.threshold ?? scored.model.threshold;
  const floor = logOdds(threshold);
  const { left, right, count } = scored.candidates;
  const links = [];
  for (let p = 0; p < count; p++) {
    const w = scored.weights[p]!;
    if (w >= floor) links.push({ a: left[p]!, b: right[p]! - a.length, weight: w });
  }
  // Links exactly at the floor count: give them an epsilon above it.
  const chosen = oneToOne(links, floor - 1e-9);
  const matches = chosen.map((l): [string, string, number] => [
    set.ids[l.a]!,
    set.ids[l.b + a.length]!,
    Math.round(probabilityOf(l.weight) * 1e6) / 1e6,
  ]);
  return { matches, model: scored.model, stats: scored.stats, scored };
}

export interface DedupeResult {
  /** Clusters of record ids (size ≥ 2), largest first. */
  clusters: string[][];
  /** Pairs at or above the threshold: [id, id, probability]. */
  pairs: [string, string, number][];
  model: Model;
  stats: EngineStats;
  scored: ScoredSet;
}

/** Finds records of the same person within one list. */
export function dedupeRecords(
  records: readonly LinkRecord[],
  options: EngineOptions = {},
): DedupeResult {
  const tp = now();
  const set = prepareRecords(records);
  const prepare = secs(tp);
  const scored = scoreSet(set, null, options);
  scored.stats.seconds.prepare = prepare;
  const threshold = options.threshold ?? scored.model.threshold;
  const floor = logOdds(threshold);
  const { left, right, count } = scored.candidates;
  const edges: ScoredEdge[] = [];
  for (let p = 0; p < count; p++) {
    const w = scored.weights[p]!;
    if (w >= floor) edges.push({ a: left[p]!, b: right[p]!, p: probabilityOf(w) });
  }
  const clusters = clusterEdges(edges, {
    threshold,
    scorePair: (i, j) => scored.scorer.probability(i, j),
  });
  return {
    clusters: clusters.map((c) => c.map((i) => set.ids[i]!)),
    pairs: edges.map((e) => [set.ids[e.a]!, set.ids[e.b]!, Math.round(e.p * 1e6) / 1e6]),
    model: scored.model,
    stats: scored.stats,
    scored,
  };
}

/** Scores and explains one pair of records with a model (the tracing and duplicate views). */
export function comparePair(model: Model, a: LinkRecord, b: LinkRecord): ScoredPair {
  const set = prepareRecords([a, b]);
  return new PairScorer(model, set, { termFrequencies: false }).explain(0, 1);
}

export { LEVELS_OF };

/**
 * Scores and explains one record against many (a tracing query against its blocked
 * candidates): the records are prepared together once, so the query's names are analysed once
 * and name-pair levels are memoised across candidates, instead of once per `comparePair`.
 * Without term-frequency adjustment, as `comparePair`: the frequencies of a blocked candidate
 * list are not those of the whole list (its members share the query's name keys). Returns one
 * pair per candidate, in the candidates' order, `a` being the query.
 */
export function explainAgainst(
  model: Model,
  query: LinkRecord,
  candidates: readonly LinkRecord[],
): ScoredPair[] {
  if (candidates.length === 0) return [];
  const set = prepareRecords([query, ...candidates]);
  const scorer = new PairScorer(model, set, { termFrequencies: false });
  return candidates.map((_, k) => scorer.explain(0, k + 1));
}
