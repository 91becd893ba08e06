import type { Rng } from './random.ts';

/**
 * Exact binomial variates, for multinomial draws by a chain of conditional binomials (as
 * SaTScan's Poisson randomiser draws its replicas). Two algorithms, each exact up to the
 * generator's 53-bit uniforms:
 *  - mean n·p < 10: inversion, walking the probability function up from 0 (Kachitvichyanukul &
 *    Schmeiser 1988, "Binomial random variate generation", Commun ACM 31:216, algorithm BINV);
 *  - mean ≥ 10: BTRS, transformed rejection with squeeze (Hörmann 1993, "The generation of
 *    binomial random variates", J Stat Comput Simul 46:101), as TensorFlow and PyTorch use.
 * p above ½ draws the failures instead (n − X ~ Bin(n, 1 − p)).
 */
export function binomial(n: number, p: number, rng: Rng): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, rng);
  return n * p < 10 ? inversion(n, p, rng) : btrs(n, p, rng);
}

function inversion(n: number, p: number, rng: Rng): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const start = Math.exp(n * Math.log1p(-p));
  // Rounding in the running subtraction could in principle walk past every mass; a walk longer
  // than this (about 10 standard deviations above the mean) starts again with a fresh uniform.
  const bound = Math.min(n, n * p + 10 * Math.sqrt(n * p * q + 1));
  for (;;) {
    let u = rng.next();
    let r = start;
    let k = 0;
    while (u > r) {
      u -= r;
      k++;
      if (k > bound) break;
      r *= a / k - s;
    }
    if (k <= bound) return k;
  }
}

// log(k!) − [(k + ½)·log(k + 1) − (k + 1) + ½·log(2π)] for k = 0..9 (Hörmann 1993, table 1).
const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509,
  0.0166446911898211, 0.0138761288230707, 0.0118967099458917, 0.010411265261972,
  0.00925546218271273, 0.00833056343336287,
];

function stirlingTail(k: number): number {
  if (k < 10) return STIRLING_TAIL[k]!;
  const k1 = k + 1;
  const k1sq = k1 * k1;
  return (1 / 12 - (1 / 360 - 1 / 1260 / k1sq) / k1sq) / k1;
}

function btrs(n: number, p: number, rng: Rng): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const r = p / q;
  const m = Math.floor((n + 1) * p);
  for (;;) {
    const u = rng.next() - 0.5;
    let v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) +
      stirlingTail(m) +
      stirlingTail(n - m) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

/**
 * Multinomial vectors: `total` cases spread over cells in proportion to fixed weights. The cells
 * come in blocks (a region's periods): block totals are drawn first by a chain of binomials,
 * block i getting Bin(remaining, weight of i / weight of blocks i..), then each block's cells by
 * one of two exact methods, chosen by cost. With few cases per cell (as in monthly counts by
 * country) each case is placed by Walker's alias method (Walker 1977, ACM TOMS 3:253; Vose 1991,
 * IEEE TSE 17:972): one uniform per case, in a table small enough to stay in cache. With many,
 * the block's cells are filled by the same chain of binomials: about one logarithm and one
 * exponential per cell, whatever the number of cases.
 */
export class Multinomial {
  readonly #block: number;
  readonly #blockShare: Float64Array;
  readonly #cellShare: Float64Array;
  readonly #probability: Float64Array;
  readonly #alias: Int32Array;

  /** `weight.length` must be a multiple of `block`; weights ≥ 0, some above 0. */
  constructor(weight: ArrayLike<number>, block: number) {
    const blocks = weight.length / block;
    this.#block = block;
    const blockWeight = new Float64Array(blocks);
    this.#cellShare = new Float64Array(weight.length);
    this.#probability = new Float64Array(weight.length);
    this.#alias = new Int32Array(weight.length);
    for (let b = 0; b < blocks; b++) {
      const w = Array.prototype.slice.call(weight, b * block, (b + 1) * block) as number[];
      blockWeight[b] = w.reduce((x, y) => x + y, 0);
      this.#cellShare.set(conditionalShares(w), b * block);
      if (blockWeight[b]! > 0) {
        const [probability, alias] = aliasTable(w);
        this.#probability.set(probability, b * block);
        this.#alias.set(alias, b * block);
      }
    }
    this.#blockShare = conditionalShares(blockWeight);
  }

  /** One draw of `total` cases into `out` (one value per cell, overwritten). */
  draw(total: number, rng: Rng, out: Int32Array): void {
    const block = this.#block;
    const probability = this.#probability;
    const alias = this.#alias;
    const cellShare = this.#cellShare;
    let remaining = total;
    for (let b = 0; b < this.#blockShare.length; b++) {
      const n = remaining > 0 ? binomial(remaining, this.#blockShare[b]!, rng) : 0;
      remaining -= n;
      const from = b * block;
      // A case placed costs about a tenth of a cell's binomial (measured: bench/insights-scan.ts).
      if (n <= 10 * block) {
        out.fill(0, from, from + block);
        for (let k = 0; k < n; k++) {
          const u = rng.next() * block;
          const i = Math.floor(u);
          out[from + (u - i < probability[from + i]! ? i : alias[from + i]!)]!++;
        }
      } else {
        let left = n;
        for (let i = from; i < from + block; i++) {
          const x = left > 0 ? binomial(left, cellShare[i]!, rng) : 0;
          out[i] = x;
          left -= x;
        }
      }
    }
  }
}

/** weight[i] / Σ weight[i..] for every i (1 at the last cell with weight, 0 after it). */
function conditionalShares(weight: ArrayLike<number>): Float64Array {
  const share = new Float64Array(weight.length);
  let tail = 0;
  for (let i = weight.length - 1; i >= 0; i--) {
    tail += weight[i]!;
    share[i] = tail > 0 ? Math.min(1, weight[i]! / tail) : 0;
  }
  return share;
}

/** Vose's alias table: cell i is kept with probability[i], else replaced by alias[i]. */
function aliasTable(weight: ArrayLike<number>): [Float64Array, Int32Array] {
  const n = weight.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weight[i]!;
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) scaled[i] = (weight[i]! * n) / sum;
  const probability = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) (scaled[i]! < 1 ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    probability[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  // What is left is 1 up to rounding (a zero weight always finds a partner first).
  for (const i of [...large, ...small]) {
    probability[i] = 1;
    alias[i] = i;
  }
  return [probability, alias];
}
