/**
 * Matching encodings: Dice coefficient on packed words, candidate pairs from exhaustive
 * comparison or from Hamming LSH blocking on the encodings themselves, then one-to-one greedy
 * assignment above a threshold.
 *
 * Blocking choice: HLSH (Durham 2012, "A framework for accurate, efficient private record
 * linkage", PhD thesis, Vanderbilt; Durham, Kantarcioglu, Xue, Toth, Kuzu & Malin 2014, TKDE)
 * samples λ bit positions per table and puts encodings agreeing on all of them in one bucket;
 * a pair is compared when it shares a bucket in any of L tables. It needs nothing but the
 * encodings, so blocking reveals nothing more to the linking party (keyed blocking keys sent by
 * the data holders would reveal their block sizes, a frequency signal). Exhaustive comparison
 * with the length filter (a pair with 2·min(|A|,|B|)/(|A|+|B|) below the threshold cannot reach
 * it; Vatsalan & Christen, P4Join) loses nothing and is the default below LSH_FROM pairs.
 */
import { andCount, popcount } from './bits.ts';

export type Blocking = 'auto' | 'none' | 'hlsh';

export interface HlshOptions {
  /** Tables (L). */
  tables: number;
  /** Bits sampled per table (λ, at most 30). */
  bitsPerKey: number;
  /** Seed of the position sampling (public: it carries no secret). */
  seed: number;
}

export interface MatchOptions {
  /** Dice threshold: pairs below it never match. Default 0.8. */
  threshold?: number;
  blocking?: Blocking;
  hlsh?: Partial<HlshOptions>;
  /** One-to-one greedy assignment (default), or every pair above the threshold. */
  oneToOne?: boolean;
}

export interface MatchResult {
  /** [index in A, index in B, Dice], best first. */
  pairs: [number, number, number][];
  /** Dice coefficients computed. */
  comparisons: number;
  /** Pairs above the threshold before the one-to-one assignment. */
  aboveThreshold: number;
  blocking: 'none' | 'hlsh';
  seconds: number;
}

export const DEFAULT_THRESHOLD = 0.8;
export const DEFAULT_HLSH: HlshOptions = { tables: 100, bitsPerKey: 14, seed: 1 };
/** auto: exhaustive up to this many pairs (a few seconds here), HLSH above. */
export const LSH_FROM = 50_000_000;

/** Packs vectors into one array of n × w words, and their popcounts. */
function pack(vectors: readonly Uint32Array[], w: number) {
  const words = new Uint32Array(vectors.length * w);
  const pops = new Uint32Array(vectors.length);
  vectors.forEach((v, i) => {
    words.set(v, i * w);
    pops[i] = popcount(v);
  });
  return { words, pops };
}

/** mulberry32: a small seeded generator for the (public) LSH positions. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Distinct bit positions per table, sampled with the seed. */
export function hlshPositions(bits: number, o: HlshOptions): Uint32Array[] {
  const rnd = mulberry32(o.seed);
  return Array.from({ length: o.tables }, () => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(o.bitsPerKey, bits)) chosen.add(Math.floor(rnd() * bits));
    return Uint32Array.from(chosen);
  });
}

function keyOf(words: Uint32Array, base: number, positions: Uint32Array): number {
  let key = 0;
  for (let j = 0; j < positions.length; j++) {
    const p = positions[j]!;
    key = (key << 1) | ((words[base + (p >>> 5)]! >>> (p & 31)) & 1);
  }
  return key >>> 0;
}

/** Compares A with B and assigns pairs; vectors must all have `bits` bits. */
export function matchVectors(
  a: readonly Uint32Array[],
  b: readonly Uint32Array[],
  bits: number,
  opts: MatchOptions = {},
): MatchResult {
  const started = performance.now();
  const t = opts.threshold ?? DEFAULT_THRESHOLD;
  if (!(t > 0 && t <= 1)) throw new RangeError('the threshold must be above 0 and at most 1');
  const w = bits / 32;
  const A = pack(a, w);
  const B = pack(b, w);
  const blocking: 'none' | 'hlsh' =
    opts.blocking === 'none' || opts.blocking === 'hlsh'
      ? opts.blocking
      : a.length * b.length > LSH_FROM
        ? 'hlsh'
        : 'none';

  const ia: number[] = [];
  const ib: number[] = [];
  const ds: number[] = [];
  let comparisons = 0;
  // Dice ≥ t needs |A∧B| ≥ t(|A|+|B|)/2; |A∧B| ≤ min(|A|,|B|) gives the length filter.
  const compare = (i: number, j: number) => {
    const pa = A.pops[i]!;
    const pb = B.pops[j]!;
    const total = pa + pb;
    if (total === 0 || 2 * Math.min(pa, pb) < t * total) return;
    comparisons++;
    const d = (2 * andCount(A.words, i * w, B.words, j * w, w)) / total;
    if (d >= t) {
      ia.push(i);
      ib.push(j);
      ds.push(d);
    }
  };

  if (blocking === 'none') {
    // A sorted by popcount: for each b only the window the length filter allows.
    const order = Array.from(A.pops.keys()).sort((x, y) => A.pops[x]! - A.pops[y]!);
    const sortedPops = Uint32Array.from(order, (i) => A.pops[i]!);
    const lowerBound = (v: number) => {
      let lo = 0;
      let hi = sortedPops.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sortedPops[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    for (let j = 0; j < b.length; j++) {
      const pb = B.pops[j]!;
      // 2·min/(pa+pb) ≥ t  ⇔  pa ∈ [pb·t/(2−t), pb·(2−t)/t].
      const from = lowerBound(Math.floor((pb * t) / (2 - t)));
      const to = Math.ceil((pb * (2 - t)) / t);
      for (let k = from; k < order.length && sortedPops[k]! <= to; k++) compare(order[k]!, j);
    }
  } else {
    const o: HlshOptions = { ...DEFAULT_HLSH, ...opts.hlsh };
    if (o.bitsPerKey < 1 || o.bitsPerKey > 30 || o.tables < 1)
      throw new RangeError('HLSH needs 1 to 30 bits per key and at least one table');
    const tables = hlshPositions(bits, o);
    const seen = new Int32Array(a.length).fill(-1);
    const buckets = tables.map((positions) => {
      const m = new Map<number, number[]>();
      for (let i = 0; i < a.length; i++) {
        const k = keyOf(A.words, i * w, positions);
        const list = m.get(k);
        if (list) list.push(i);
        else m.set(k, [i]);
      }
      return m;
    });
    for (let j = 0; j < b.length; j++) {
      for (let x = 0; x < tables.length; x++) {
        const list = buckets[x]!.get(keyOf(B.words, j * w, tables[x]!));
        if (!list) continue;
        for (const i of list) {
          if (seen[i] === j) continue;
          seen[i] = j;
          compare(i, j);
        }
      }
    }
  }

  // Best first; ties by index so the result never depends on the order of discovery.
  const idx = Array.from(ds.keys()).sort(
    (x, y) => ds[y]! - ds[x]! || ia[x]! - ia[y]! || ib[x]! - ib[y]!,
  );
  const pairs: [number, number, number][] = [];
  if (opts.oneToOne === false) {
    for (const x of idx) pairs.push([ia[x]!, ib[x]!, ds[x]!]);
  } else {
    const usedA = new Uint8Array(a.length);
    const usedB = new Uint8Array(b.length);
    for (const x of idx) {
      const i = ia[x]!;
      const j = ib[x]!;
      if (usedA[i] || usedB[j]) continue;
      usedA[i] = 1;
      usedB[j] = 1;
      pairs.push([i, j, ds[x]!]);
    }
  }
  return {
    pairs,
    comparisons,
    aboveThreshold: ds.length,
    blocking,
    seconds: (performance.now() - started) / 1000,
  };
}
