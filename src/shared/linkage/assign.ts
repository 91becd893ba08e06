/**
 * One-to-one assignment for linking two lists in which each person appears at most once.
 * Jaro (1989) solved it as a linear sum assignment over match weights; most linkers take the
 * greedy approximation (best remaining pair first). Here the graph of candidate links is cut
 * into connected components, which are tiny in practice: each component small enough is solved
 * exactly by the Hungarian method (Kuhn 1955; Munkres 1957), maximising the total match weight
 * above the threshold, and larger ones greedily.
 */

export interface Link {
  /** Index on side A and on side B. */
  a: number;
  b: number;
  /** Match weight (log2 odds); larger is stronger. */
  weight: number;
}

/** Best pair first; a record already taken is not linked again. Ties break by index. */
export function greedyOneToOne(links: readonly Link[]): Link[] {
  const sorted = [...links].sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: Link[] = [];
  for (const l of sorted) {
    if (usedA.has(l.a) || usedB.has(l.b)) continue;
    usedA.add(l.a);
    usedB.add(l.b);
    out.push(l);
  }
  return out;
}

/**
 * Minimum-cost assignment of rows to distinct columns (rows ≤ columns), O(n²m), the
 * shortest-augmenting-path form of the Hungarian method with potentials.
 * Returns the column of each row.
 */
export function hungarian(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  if (n === 0) return [];
  const m = cost[0]!.length;
  if (m < n) throw new RangeError('hungarian: more rows than columns');
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // row (1-based) assigned to column j
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(INF);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToCol = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j]! > 0) rowToCol[p[j]! - 1] = j - 1;
  return rowToCol;
}

/**
 * One-to-one links maximising the summed weight above `floor` (links at or below it are never
 * chosen). Components with at most `exactLimit` records on their larger side are solved
 * exactly; larger ones greedily.
 */
export function oneToOne(links: readonly Link[], floor = 0, exactLimit = 60): Link[] {
  const usable = links.filter((l) => Number.isFinite(l.weight) && l.weight > floor);
  // Union-find over A nodes (2a) and B nodes (2b+1).
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    let y = x;
    while (y !== r) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const l of usable) {
    const x = 2 * l.a;
    const y = 2 * l.b + 1;
    if (!parent.has(x)) parent.set(x, x);
    if (!parent.has(y)) parent.set(y, y);
    const rx = find(x);
    const ry = find(y);
    if (rx !== ry) parent.set(rx, ry);
  }
  const components = new Map<number, Link[]>();
  for (const l of usable) {
    const r = find(2 * l.a);
    let list = components.get(r);
    if (!list) components.set(r, (list = []));
    list.push(l);
  }
  const out: Link[] = [];
  for (const comp of components.values()) {
    if (comp.length === 1) {
      out.push(comp[0]!);
      continue;
    }
    const as = [...new Set(comp.map((l) => l.a))];
    const bs = [...new Set(comp.map((l) => l.b))];
    if (Math.max(as.length, bs.length) > exactLimit) {
      out.push(...greedyOneToOne(comp));
      continue;
    }
    // Rows = the smaller side; cost = −(weight − floor), 0 for "not linked".
    const swap = as.length > bs.length;
    const rows = swap ? bs : as;
    const cols = swap ? as : bs;
    const rowIx = new Map(rows.map((x, i) => [x, i]));
    const colIx = new Map(cols.map((x, i) => [x, i]));
    const cost = rows.map(() => new Array<number>(cols.length).fill(0));
    const best = new Map<string, Link>();
    for (const l of comp) {
      const r = rowIx.get(swap ? l.b : l.a)!;
      const c = colIx.get(swap ? l.a : l.b)!;
      const gain = l.weight - floor;
      if (-gain < cost[r]![c]!) {
        cost[r]![c] = -gain;
        best.set(`${r},${c}`, l);
      }
    }
    hungarian(cost).forEach((c, r) => {
      const l = best.get(`${r},${c}`);
      if (l) out.push(l);
    });
  }
  return out.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
}
