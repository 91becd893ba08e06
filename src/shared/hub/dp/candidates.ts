/**
 * Combinations of released values by length: numeric keys, Apriori candidates and the
 * consistency clamp used by `aggregate` (docs/differential-privacy.md, steps 4 and 5).
 */
import { AggregateError } from './aggregate-error.ts';

/**
 * Combination keys as numbers: ids ascending, key = Σ (idⱼ + 1)·Bʲ, exact while B^L < 2⁵³.
 * Ids here number the released single values (0..B−2).
 */
export interface Codec {
  pow: number[];
  encode(ids: readonly number[]): number;
  decode(key: number): number[];
}

export function codecFor(values: number, length: number): Codec {
  const base = values + 1;
  if (base ** length >= 2 ** 53)
    throw new AggregateError(
      `too many released values (${values}) for combinations of length ${length}: choose fewer columns or a shorter length`,
    );
  const pow = Array.from({ length: length + 1 }, (_, j) => base ** j);
  return {
    pow,
    encode: (ids) => ids.reduce((k, id, j) => k + (id + 1) * pow[j]!, 0),
    decode: (key) => {
      const ids: number[] = [];
      for (let k = key; k > 0; k = Math.floor(k / base)) ids.push((k % base) - 1);
      return ids;
    },
  };
}

/**
 * Apriori candidate generation (Agrawal & Srikant, VLDB 1994): the k-combinations whose every
 * (k−1)-sub-combination was released. Depends on the previous release only, never on the data.
 */
export function candidatesFrom(
  previous: Map<number, number>,
  k: number,
  itemColumn: Int32Array,
  codec: Codec,
  limit: number,
): number[] | null {
  const byPrefix = new Map<number, number[]>();
  for (const key of previous.keys()) {
    const ids = codec.decode(key);
    const prefix = codec.encode(ids.slice(0, k - 2));
    const list = byPrefix.get(prefix);
    if (list) list.push(ids[k - 2]!);
    else byPrefix.set(prefix, [ids[k - 2]!]);
  }
  const out: number[] = [];
  for (const [prefix, lasts] of byPrefix) {
    const head = codec.decode(prefix);
    lasts.sort((a, b) => a - b);
    for (let i = 0; i < lasts.length; i++) {
      for (let j = i + 1; j < lasts.length; j++) {
        const a = lasts[i]!;
        const b = lasts[j]!;
        if (itemColumn[a] === itemColumn[b]) continue;
        const ids = [...head, a, b];
        let closed = true;
        for (let drop = 0; drop < k - 2 && closed; drop++) {
          closed = previous.has(codec.encode(ids.filter((_, x) => x !== drop)));
        }
        if (!closed) continue;
        out.push(codec.encode(ids));
        if (out.length > limit) return null;
      }
    }
  }
  return out;
}

/** The smallest released count among the (k−1)-sub-combinations (consistency clamp). */
export function parentMinimum(ids: number[], previous: Map<number, number>, codec: Codec): number {
  let min = Infinity;
  for (let drop = 0; drop < ids.length; drop++) {
    const c = previous.get(codec.encode(ids.filter((_, x) => x !== drop)));
    min = Math.min(min, c ?? 0);
  }
  return min;
}
