/**
 * From scored pairs to groups of records of one person. Connected components of the pairs above
 * the threshold (what Splink does) chain: A~B and B~C put A and C together however unlike they
 * are, and one wrong link can merge two families' records. So each component is re-clustered
 * by average-linkage agglomeration (the mean match probability over all record pairs of two
 * groups, each pair scored in full, must reach the threshold before they merge), in the spirit
 * of the dedupe library's hierarchical clustering (https://docs.dedupe.io/, "Clustering").
 * Components too large for that (rare: a block of near-identical records) are split by
 * MERGE-CENTER (Hassanzadeh, Chiang, Lee & Miller 2009, "Framework for evaluating clustering
 * algorithms in duplicate detection", PVLDB 2), which needs only the edges.
 */

export interface ScoredEdge {
  a: number;
  b: number;
  /** Match probability in [0, 1]. */
  p: number;
}

export interface ClusterOptions {
  threshold: number;
  /** Scores any pair in full (for pairs blocking did not propose); defaults to the edge or 0. */
  scorePair?: (a: number, b: number) => number;
  /** Largest component re-clustered by average linkage. */
  exactLimit?: number;
}

/** Clusters (as index lists, each sorted, of size ≥ 2), largest first. */
export function clusterEdges(edges: readonly ScoredEdge[], options: ClusterOptions): number[][] {
  const threshold = options.threshold;
  const exactLimit = options.exactLimit ?? 60;
  const strong = edges.filter((e) => e.p >= threshold && e.a !== e.b);
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (x !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  for (const e of strong) {
    if (!parent.has(e.a)) parent.set(e.a, e.a);
    if (!parent.has(e.b)) parent.set(e.b, e.b);
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const comps = new Map<number, { nodes: number[]; edges: ScoredEdge[] }>();
  for (const x of parent.keys()) {
    const r = find(x);
    let c = comps.get(r);
    if (!c) comps.set(r, (c = { nodes: [], edges: [] }));
    c.nodes.push(x);
  }
  for (const e of strong) comps.get(find(e.a))!.edges.push(e);

  const out: number[][] = [];
  for (const { nodes, edges: ce } of comps.values()) {
    if (nodes.length === 2) out.push(nodes.sort((x, y) => x - y));
    else if (nodes.length <= exactLimit) out.push(...averageLinkage(nodes, ce, options));
    else out.push(...mergeCenter(nodes, ce));
  }
  return out
    .filter((c) => c.length >= 2)
    .map((c) => c.sort((x, y) => x - y))
    .sort((x, y) => y.length - x.length || x[0]! - y[0]!);
}

function averageLinkage(
  nodes: number[],
  edges: readonly ScoredEdge[],
  options: ClusterOptions,
): number[][] {
  const k = nodes.length;
  const ix = new Map(nodes.map((x, i) => [x, i]));
  const sim: number[][] = nodes.map(() => new Array<number>(k).fill(Number.NaN));
  for (const e of edges) {
    const i = ix.get(e.a)!;
    const j = ix.get(e.b)!;
    sim[i]![j] = sim[j]![i] = e.p;
  }
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      if (Number.isNaN(sim[i]![j]!)) {
        const p = options.scorePair ? options.scorePair(nodes[i]!, nodes[j]!) : 0;
        sim[i]![j] = sim[j]![i] = p;
      }
    }
  }
  let groups: number[][] = nodes.map((_, i) => [i]);
  for (;;) {
    let best = -1;
    let bi = -1;
    let bj = -1;
    for (let x = 0; x < groups.length; x++) {
      for (let y = x + 1; y < groups.length; y++) {
        let sum = 0;
        for (const i of groups[x]!) for (const j of groups[y]!) sum += sim[i]![j]!;
        const avg = sum / (groups[x]!.length * groups[y]!.length);
        if (avg > best) {
          best = avg;
          bi = x;
          bj = y;
        }
      }
    }
    if (bi < 0 || best < options.threshold) break;
    const merged = [...groups[bi]!, ...groups[bj]!];
    groups = groups.filter((_, g) => g !== bi && g !== bj);
    groups.push(merged);
  }
  return groups.map((g) => g.map((i) => nodes[i]!));
}

/** MERGE-CENTER over edges in descending probability. */
function mergeCenter(nodes: number[], edges: readonly ScoredEdge[]): number[][] {
  const sorted = [...edges].sort((x, y) => y.p - x.p || x.a - y.a || x.b - y.b);
  const clusterOf = new Map<number, number>();
  const isCenter = new Set<number>();
  const members = new Map<number, number[]>();
  let next = 0;
  const merge = (x: number, y: number) => {
    if (x === y) return;
    const mx = members.get(x)!;
    for (const v of members.get(y)!) {
      clusterOf.set(v, x);
      mx.push(v);
    }
    members.delete(y);
  };
  for (const { a, b } of sorted) {
    const ca = clusterOf.get(a);
    const cb = clusterOf.get(b);
    if (ca === undefined && cb === undefined) {
      const id = next++;
      clusterOf.set(a, id);
      clusterOf.set(b, id);
      members.set(id, [a, b]);
      isCenter.add(a);
    } else if (ca !== undefined && cb === undefined) {
      if (isCenter.has(a)) {
        clusterOf.set(b, ca);
        members.get(ca)!.push(b);
      }
    } else if (ca === undefined && cb !== undefined) {
      if (isCenter.has(b)) {
        clusterOf.set(a, cb);
        members.get(cb)!.push(a);
      }
    } else if (ca !== cb && (isCenter.has(a) || isCenter.has(b))) {
      // A centre similar to a record of another cluster: the clusters are one.
      merge(ca!, cb!);
    }
  }
  const out = [...members.values()];
  // Records no centre claimed stay alone (not returned: clusters have size ≥ 2).
  void nodes;
  return out;
}
