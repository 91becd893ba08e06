/**
 * The search of the generalisation lattice for the acceptable node of least information loss:
 * Flash (Kohlmayer, Prasser, Eckert, Kemper, Kuhn 2012, "Flash: efficient, stable and optimal
 * k-anonymity", IEEE PASSAT/SocialCom, algorithm 1), as ARX runs it.
 *
 * A node gives each quasi-identifier a generalisation level; its successors raise one level by
 * one. Flash walks the lattice bottom-up, level by level; from each untagged node it builds a
 * path upward through untagged successors (greedily, the one of least loss bound first), and
 * binary-searches the path for the lowest acceptable node. Every check tags nodes predictively:
 * an acceptable node's successors are acceptable, an unacceptable node's predecessors are not
 * (the criteria are monotone, see evaluate.ts), so most nodes are never checked. Nodes found
 * unacceptable go on a heap whose successors start new paths.
 *
 * Generalisation loss with suppression is not monotone (more generalisation can mean fewer
 * suppressed records), so, as ARX does for such metrics, the search also prunes by a lower bound
 * (`columnBounds`: no node above a node can lose less than its bound) and ends with a pass over
 * the acceptable nodes tagged but not checked, in increasing order of bound, until the bound
 * reaches the best loss found: the result is optimal for the measure, not only k-minimal.
 * Deviation from the paper: Flash orders successors by the number of distinct values; we order
 * them by the loss bound, which is what is being optimised.
 */
import { AnonymizeError } from './anonymize-error.ts';
import type { Encoded, Groups } from './encoded.ts';
import type { Criteria } from './evaluate.ts';
import { columnBounds, evaluateNode } from './evaluate.ts';
import { rollUp } from './groupify.ts';

/** Past this many nodes the lattice's bookkeeping (~24 bytes a node) is not worth holding. */
export const MAX_LATTICE_NODES = 1 << 22;

const UNKNOWN = 0;
const ACCEPTABLE = 1;
const UNACCEPTABLE = 2;

export interface SearchResult {
  /** Generalisation level per quasi-identifier of the best node, or null when none is acceptable. */
  levels: number[] | null;
  loss: number;
  suppressed: number;
  /** Nodes in the lattice. */
  nodes: number;
  /** Nodes whose groups were built and checked (the rest were tagged or pruned). */
  checked: number;
}

export function flashSearch(enc: Encoded, criteria: Criteria): SearchResult {
  const D = enc.qi;
  const heights = enc.heights;
  const strides: number[] = [];
  let N = 1;
  for (const h of heights) {
    strides.push(N);
    N *= h + 1;
  }
  if (N > MAX_LATTICE_NODES)
    throw new AnonymizeError(
      `the generalisation lattice has ${N} nodes, more than the ${MAX_LATTICE_NODES} this search handles: choose fewer quasi-identifiers or hierarchies with fewer levels`,
    );
  const levelOf = (node: number, d: number) => Math.floor(node / strides[d]!) % (heights[d]! + 1);
  const levelsOf = (node: number) => heights.map((_, d) => levelOf(node, d));

  // Bound and level sum of every node (an odometer over the levels).
  const bounds = columnBounds(enc);
  const bound = new Float64Array(N);
  const height = new Uint16Array(N);
  const odo = new Array<number>(D).fill(0);
  for (let node = 0; node < N; node++) {
    let b = 0;
    let s = 0;
    for (let d = 0; d < D; d++) {
      b += bounds[d]![odo[d]!]!;
      s += odo[d]!;
    }
    bound[node] = D === 0 ? 0 : b / D;
    height[node] = s;
    for (let d = 0; d < D; d++) {
      if (odo[d]! < heights[d]!) {
        odo[d]!++;
        break;
      }
      odo[d] = 0;
    }
  }
  const before = (a: number, b: number) =>
    height[a]! - height[b]! || bound[a]! - bound[b]! || a - b;

  const tag = new Uint8Array(N);
  const evaluated = new Uint8Array(N);
  let best = -1;
  let bestLoss = Number.POSITIVE_INFINITY;
  let bestSuppressed = 0;
  let checked = 0;
  const cache = new Map<number, Groups>();
  const budget = Math.max(8 * enc.bottom.size, 1 << 16);
  let cached = 0;

  const pruned = (node: number) => bound[node]! >= bestLoss;
  const done = (node: number) => tag[node] !== UNKNOWN || pruned(node);
  const successors = (node: number) => {
    const out: number[] = [];
    for (let d = 0; d < D; d++) if (levelOf(node, d) < heights[d]!) out.push(node + strides[d]!);
    return out.sort((a, b) => bound[a]! - bound[b]! || a - b);
  };

  /** The cached node below `levels` with fewest groups, or the bottom. */
  function source(levels: readonly number[]): Groups {
    let pick = enc.bottom;
    for (const g of cache.values()) {
      if (g.size < pick.size && g.levels.every((l, d) => l <= levels[d]!)) pick = g;
    }
    return pick;
  }

  function spread(start: number, value: number, up: boolean): void {
    const stack = [start];
    while (stack.length > 0) {
      const node = stack.pop()!;
      for (let d = 0; d < D; d++) {
        const l = levelOf(node, d);
        if (up ? l >= heights[d]! : l <= 0) continue;
        const next = up ? node + strides[d]! : node - strides[d]!;
        if (tag[next] === value) continue;
        tag[next] = value;
        stack.push(next);
      }
    }
  }

  function check(node: number): void {
    const levels = levelsOf(node);
    const groups = rollUp(enc, source(levels), levels);
    cache.set(node, groups);
    cached += groups.size;
    // Keep recent nodes' groups, oldest out first, within a budget of groups held.
    for (const [key, old] of cache) {
      if (cached <= budget || cache.size <= 1) break;
      cache.delete(key);
      cached -= old.size;
    }
    const ev = evaluateNode(enc, groups, criteria);
    checked++;
    if (ev.anonymous) {
      evaluated[node] = 1;
      if (ev.loss < bestLoss) {
        best = node;
        bestLoss = ev.loss;
        bestSuppressed = ev.suppressed;
      }
      tag[node] = ACCEPTABLE;
      spread(node, ACCEPTABLE, true);
    } else {
      tag[node] = UNACCEPTABLE;
      spread(node, UNACCEPTABLE, false);
    }
  }

  function findPath(head: number): number[] {
    const path = [head];
    for (let node = head; ;) {
      const next = successors(node).find((s) => !done(s));
      if (next === undefined) return path;
      path.push(next);
      node = next;
    }
  }

  const heap = new MinHeap(before);
  function checkPath(path: number[]): void {
    let low = 0;
    let high = path.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const node = path[mid]!;
      if (!done(node)) check(node);
      if (tag[node] === UNACCEPTABLE) {
        heap.push(node);
        low = mid + 1;
      } else high = mid - 1; // acceptable, or pruned by its bound: look lower
    }
  }

  const order = Uint32Array.from({ length: N }, (_, i) => i).sort(before);
  for (const node of order) {
    if (done(node)) continue;
    checkPath(findPath(node));
    while (heap.size > 0) {
      for (const up of successors(heap.pop())) if (!done(up)) checkPath(findPath(up));
    }
  }

  // Acceptable nodes tagged but not checked may still lose less (suppression is not monotone).
  const byBound = order.sort((a, b) => bound[a]! - bound[b]! || height[a]! - height[b]! || a - b);
  for (const node of byBound) {
    if (bound[node]! >= bestLoss) break;
    if (tag[node] === UNACCEPTABLE || evaluated[node]) continue;
    if (tag[node] === ACCEPTABLE && criteria.maxOutliers === 0) {
      // Nothing may be suppressed, so the loss is the bound itself.
      best = node;
      bestLoss = bound[node]!;
      bestSuppressed = 0;
      break;
    }
    check(node);
  }
  return {
    levels: best < 0 ? null : levelsOf(best),
    loss: best < 0 ? Number.NaN : bestLoss,
    suppressed: bestSuppressed,
    nodes: N,
    checked,
  };
}

/** A binary heap of node indexes. */
class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly less: (a: number, b: number) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (this.less(a[i]!, a[p]!) >= 0) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!) < 0) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}
