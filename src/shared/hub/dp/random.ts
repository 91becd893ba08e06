/**
 * Sources of randomness for the differential-privacy engine. A release meant for publication
 * draws from the platform's cryptographic generator (`crypto.getRandomValues`); a seeded
 * generator exists for tests and benchmarks only — anyone who knows the seed can recompute the
 * noise and remove it, so a seeded release protects nobody.
 */

/** A source of uniform numbers in [0, 1) with 53 random bits. */
export interface Rng {
  next(): number;
}

/**
 * sfc32 (Chris Doty-Humphrey's "small fast counting" generator, PractRand suite) seeded through
 * splitmix32: deterministic and statistically sound, NOT cryptographic.
 */
export function seededRng(seed: number): Rng {
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  return { next: () => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992 };
}

/** The platform's cryptographically secure generator, read in batches. */
export function secureRng(): Rng {
  const buffer = new Uint32Array(1024);
  let at = buffer.length;
  const u32 = (): number => {
    if (at === buffer.length) {
      globalThis.crypto.getRandomValues(buffer);
      at = 0;
    }
    return buffer[at++]!;
  };
  return { next: () => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992 };
}

/** The generator for an optional seed: seeded when given, cryptographic otherwise. */
export function rngFor(seed: number | undefined): Rng {
  return seed === undefined ? secureRng() : seededRng(seed);
}

/** A standard normal draw (Marsaglia's polar method, 1964). */
export function standardNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.next() - 1;
    const v = 2 * rng.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** A uniform integer in [0, n). */
export function uniformInt(rng: Rng, n: number): number {
  return Math.floor(rng.next() * n);
}
