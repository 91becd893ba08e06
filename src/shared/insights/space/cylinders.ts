/**
 * The cylinders of the space-time scan (scan.ts): time windows of 1..L consecutive periods, and
 * the per-window constants of the log-likelihood ratio that do not depend on the counts.
 */

/** The time windows: for each start s, lengths 1..min(length, T − s), in that order. */
export interface Windows {
  /** Longest window. */
  length: number;
  /** Number of windows. */
  count: number;
}

export function windows(T: number, L: number): Windows {
  let count = 0;
  for (let s = 0; s < T; s++) count += Math.min(L, T - s);
  return { length: L, count };
}

/** A window's first period and length from its index. */
export function windowAt(index: number, T: number, L: number): { start: number; length: number } {
  let w = index;
  for (let s = 0; s < T; s++) {
    const longest = Math.min(L, T - s);
    if (w < longest) return { start: s, length: w + 1 };
    w -= longest;
  }
  throw new RangeError(`no window ${index}`);
}

/** c·ln c + (N − c)·ln(N − c) for c = 0..N (0·ln 0 = 0): the LLR's part that depends on c. */
export function entropyTable(N: number): Float64Array {
  const xlx = (x: number) => (x > 0 ? x * Math.log(x) : 0);
  const table = new Float64Array(N + 1);
  for (let c = 0; c <= N; c++) table[c] = xlx(c) + xlx(N - c);
  return table;
}

/**
 * The per-window constants of one zone from its expected series: e, ln e − ln(N − e) and
 * N·ln(N − e). A window with nothing expected (hence no case) or with everything expected can
 * hold no high-rate cluster: its e is +∞ so that `c > e` never holds.
 */
export function zoneConstants(
  zoneExpected: Float64Array,
  N: number,
  L: number,
  e: Float64Array,
  a: Float64Array,
  b: Float64Array,
): void {
  const T = zoneExpected.length;
  let w = 0;
  for (let s = 0; s < T; s++) {
    let sum = 0;
    const longest = Math.min(L, T - s);
    for (let l = 1; l <= longest; l++, w++) {
      sum += zoneExpected[s + l - 1]!;
      const rest = N - sum;
      if (sum > 0 && rest > N * 1e-12) {
        e[w] = sum;
        a[w] = Math.log(sum) - Math.log(rest);
        b[w] = N * Math.log(rest);
      } else {
        e[w] = Infinity;
        a[w] = 0;
        b[w] = Infinity;
      }
    }
  }
}
