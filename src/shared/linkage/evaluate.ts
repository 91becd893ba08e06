/**
 * Evaluation of linkage against known truth (Christen 2012, Data Matching, ch. 7): pairwise
 * precision, recall and F1, and the pair completeness of blocking (share of true pairs that
 * blocking kept as candidates; ch. 4).
 */
import type { Candidates } from './blocking.ts';

export interface PairMetrics {
  predicted: number;
  truePairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function pairMetrics(
  predicted: readonly (readonly [string, string])[],
  truth: readonly (readonly [string, string])[],
): PairMetrics {
  const truthSet = new Set(truth.map(([a, b]) => key(a, b)));
  const seen = new Set<string>();
  let tp = 0;
  for (const [a, b] of predicted) {
    const k = key(a, b);
    if (seen.has(k)) continue;
    seen.add(k);
    if (truthSet.has(k)) tp++;
  }
  const precision = seen.size === 0 ? 1 : tp / seen.size;
  const recall = truthSet.size === 0 ? 1 : tp / truthSet.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    predicted: seen.size,
    truePairs: truthSet.size,
    truePositives: tp,
    precision,
    recall,
    f1,
  };
}

/** All pairs within each cluster. */
export function clusterPairs(clusters: readonly (readonly string[])[]): [string, string][] {
  const out: [string, string][] = [];
  for (const c of clusters) {
    for (let i = 0; i < c.length; i++)
      for (let j = i + 1; j < c.length; j++) out.push([c[i]!, c[j]!]);
  }
  return out;
}

/** Share of true pairs among the candidate pairs. */
export function pairCompleteness(
  ids: readonly string[],
  candidates: Candidates,
  truth: readonly (readonly [string, string])[],
): number {
  if (truth.length === 0) return 1;
  const truthSet = new Set(truth.map(([a, b]) => key(a, b)));
  let found = 0;
  for (let p = 0; p < candidates.count; p++) {
    if (truthSet.has(key(ids[candidates.left[p]!]!, ids[candidates.right[p]!]!))) found++;
  }
  return found / truthSet.size;
}
