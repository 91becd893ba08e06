/**
 * The privacy criteria at one lattice node, and its information loss.
 *
 * - k-anonymity (Sweeney 2002): every equivalence class holds at least k records.
 * - l-diversity (Machanavajjhala, Kifer, Gehrke, Venkitasubramaniam 2007, "l-Diversity: Privacy
 *   Beyond k-Anonymity", ACM TKDD 1(1)): every class holds at least l distinct sensitive values
 *   (distinct l-diversity, section 4.1 remark), or its sensitive values have entropy at least
 *   log l (entropy l-diversity, definition 4.2).
 * - Local suppression as in ARX: the records of every class that fails a criterion are removed;
 *   the node is acceptable when at most `maxOutliers` records are removed.
 *
 * Both criteria are monotone under generalisation (merging classes can only raise a class's
 * size, distinct values and entropy — Machanavajjhala et al., section 5), and so is "records in
 * failing classes": the lattice search relies on it for predictive tagging.
 */
import type { Encoded, Groups } from './encoded.ts';

export interface Criteria {
  k: number;
  /** Records that may be suppressed: floor(suppression limit × rows), as ARX counts it. */
  maxOutliers: number;
  l: { l: number; variant: 'distinct' | 'entropy' } | null;
}

export interface Evaluation {
  /** True when the criteria hold after suppressing at most `maxOutliers` records. */
  anonymous: boolean;
  /** Records in classes that fail the criteria (all suppressed when the node is used). */
  suppressed: number;
  /** Generalisation loss (ARX "Loss"), suppressed cells counting 1; NaN when not anonymous. */
  loss: number;
  /** `classOk[c]`: class c is kept (only when asked for). */
  classOk?: Uint8Array;
}

/** Evaluates the criteria and the loss on the groups of one node. */
export function evaluateNode(
  enc: Encoded,
  groups: Groups,
  criteria: Criteria,
  withClasses = false,
): Evaluation {
  const C = groups.classes;
  const size = new Int32Array(C);
  const { count, cls } = groups;
  for (let g = 0; g < groups.size; g++) size[cls[g]!]! += count[g]!;
  const ok = new Uint8Array(C);
  for (let c = 0; c < C; c++) ok[c] = size[c]! >= criteria.k ? 1 : 0;
  const l = criteria.l;
  if (l && groups.sens) {
    // Groups are (class, sensitive value) pairs: one group is one distinct value of its class.
    if (l.variant === 'distinct') {
      const distinct = new Int32Array(C);
      for (let g = 0; g < groups.size; g++) distinct[cls[g]!]!++;
      for (let c = 0; c < C; c++) if (distinct[c]! < l.l) ok[c] = 0;
    } else {
      // H = log N − (1/N) Σ n_s log n_s.
      const sum = new Float64Array(C);
      for (let g = 0; g < groups.size; g++) sum[cls[g]!]! += count[g]! * Math.log(count[g]!);
      const need = Math.log(l.l) - 1e-12;
      for (let c = 0; c < C; c++) {
        const n = size[c]!;
        if (Math.log(n) - sum[c]! / n < need) ok[c] = 0;
      }
    }
  }
  let suppressed = 0;
  for (let c = 0; c < C; c++) if (!ok[c]) suppressed += size[c]!;
  const anonymous = suppressed <= criteria.maxOutliers;
  let loss = Number.NaN;
  if (anonymous) {
    const D = enc.qi;
    const seen = new Uint8Array(C);
    let sum = suppressed * D;
    const { rep, levels } = groups;
    for (let g = 0; g < groups.size; g++) {
      const c = cls[g]!;
      if (seen[c] || !ok[c]) continue;
      seen[c] = 1;
      let cell = 0;
      for (let d = 0; d < D; d++) {
        const lv = levels[d]!;
        const label = enc.hierarchies[d]!.codes[lv]![rep[g * D + d]!]!;
        cell += enc.cellLoss[d]![lv]![label]!;
      }
      sum += cell * size[c]!;
    }
    loss = enc.rows === 0 ? 0 : sum / (enc.rows * D);
  }
  return withClasses
    ? { anonymous, suppressed, loss, classOk: ok }
    : { anonymous, suppressed, loss };
}

/**
 * `bound[d][level]`: the mean generalisation loss of column d's cells at that level with nothing
 * suppressed. Their mean over the columns is a lower bound of a node's loss (a suppressed cell
 * costs 1, no less than any generalised one), and it grows with every level: ARX's lower bound
 * for pruning by information loss.
 */
export function columnBounds(enc: Encoded): Float64Array[] {
  const { bottom, qi: D } = enc;
  return enc.hierarchies.map((h, d) =>
    Float64Array.from(h.labels, (_, level) => {
      let sum = 0;
      for (let g = 0; g < bottom.size; g++) {
        sum +=
          enc.cellLoss[d]![level]![h.codes[level]![bottom.rep[g * D + d]!]!]! * bottom.count[g]!;
      }
      return enc.rows === 0 ? 0 : sum / enc.rows;
    }),
  );
}
