/**
 * A small seeded pseudo-random number generator for reproducible demo data: sfc32 (Chris Doty-
 * Humphrey's Small Fast Counter, PractRand-tested) seeded through splitmix32. Not for secrets.
 */

/** Returns a float in [0, 1). */
export type Rng = () => number;

function splitmix32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return t >>> 0;
  };
}

/** A generator of floats in [0, 1) fully determined by `seed` (any safe integer). */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be a safe integer');
  const high = Math.floor(seed / 0x1_0000_0000) | 0;
  const mix = splitmix32((seed | 0) ^ Math.imul(high, 0x85ebca6b));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next: Rng = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 0x1_0000_0000;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** An integer in [min, max]. */
export const randomInt = (rng: Rng, min: number, max: number): number =>
  min + Math.floor(rng() * (max - min + 1));

/** One element of a non-empty list, uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new RangeError('cannot pick from an empty list');
  return item;
}

/** A list of values with relative weights, drawn from by a cumulative scan (lists are short). */
export class Weighted<T> {
  readonly #values: readonly T[];
  readonly #cumulative: Float64Array;

  constructor(entries: readonly (readonly [T, number])[]) {
    const positive = entries.filter(([, w]) => w > 0);
    if (positive.length === 0) throw new RangeError('a weighted list needs a positive weight');
    this.#values = positive.map(([v]) => v);
    this.#cumulative = new Float64Array(positive.length);
    let sum = 0;
    positive.forEach(([, w], i) => (this.#cumulative[i] = sum += w));
  }

  draw(rng: Rng): T {
    const cumulative = this.#cumulative;
    const x = rng() * (cumulative[cumulative.length - 1] ?? 0);
    let i = 0;
    while (i < cumulative.length - 1 && x >= (cumulative[i] ?? 0)) i++;
    return this.#values[i] as T;
  }
}
