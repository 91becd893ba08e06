/**
 * The scan statistic's seeded generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator, PractRand suite) seeded through splitmix32 — the generator of
 * src/shared/hub/dp/random.ts, with the same output for the same seed, but keeping its state in
 * an Int32Array. Held in closure variables, 32-bit state words are boxed as heap numbers on
 * every step; in a typed array they are not, which makes the Monte Carlo replicas (hundreds of
 * millions of uniforms) about seven times faster. Deterministic, NOT cryptographic.
 */
import type { Rng } from '../../hub/dp/random.ts';

export type { Rng };

export function scanRng(seed: number): Rng {
  const state = new Int32Array(4);
  let s = seed >>> 0;
  for (let i = 0; i < 4; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    state[i] = z ^ (z >>> 16);
  }
  const u32 = (): number => {
    const a = state[0]!;
    const b = state[1]!;
    const c = state[2]!;
    const d = state[3]!;
    const t = (a + b + d) | 0;
    state[3] = d + 1;
    state[0] = b ^ (b >>> 9);
    state[1] = c + (c << 3);
    state[2] = ((c << 21) | (c >>> 11)) + t;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  return { next: () => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992 };
}
