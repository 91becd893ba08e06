/**
 * Jaro–Winkler similarity, written for speed on the short code strings the name matcher
 * compares millions of times: no allocation per call (the match flags live in two reusable
 * buffers), char codes instead of substrings.
 *
 * Jaro, M. A. (1989), "Advances in record-linkage methodology as applied to matching the 1985
 * census of Tampa, Florida", JASA 84(406); Winkler, W. E. (1990), "String comparator metrics
 * and enhanced decision rules in the Fellegi–Sunter model of record linkage", Proc. Section on
 * Survey Research Methods, ASA: prefix scale p = 0.1 over at most 4 characters, applied only
 * when the Jaro similarity exceeds the boost threshold 0.7.
 */

const MAX = 256;
const flagsA = new Uint8Array(MAX);
const flagsB = new Uint8Array(MAX);

/**
 * Which code characters count as the same letter: a 128 × 128 table, or null for plain
 * equality. The name matcher lets an ambiguous letter match each of its readings (Latin g
 * matches Arabic غ, ج and ق), a full-credit form of Winkler's (1990) "similar characters".
 */
export type Equivalence = Uint8Array | null;

const same = (eq: Equivalence, x: number, y: number) =>
  x === y || (eq !== null && x < 128 && y < 128 && eq[x * 128 + y] === 1);

/** Jaro similarity in [0, 1]; strings longer than 256 code units are compared on their first 256. */
export function jaro(a: string, b: string, eq: Equivalence = null): number {
  if (a === b) return 1;
  const la = Math.min(a.length, MAX);
  const lb = Math.min(b.length, MAX);
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = Math.min(i + window + 1, lb);
    const c = a.charCodeAt(i);
    for (let j = lo; j < hi; j++) {
      if (flagsB[j] === 0 && same(eq, c, b.charCodeAt(j))) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let halfTranspositions = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (!same(eq, a.charCodeAt(i), b.charCodeAt(k))) halfTranspositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - (halfTranspositions >> 1)) / m) / 3;
}

/** Jaro–Winkler similarity in [0, 1] (Winkler 1990: p = 0.1, prefix up to 4, boost above 0.7). */
export function jaroWinkler(a: string, b: string, eq: Equivalence = null): number {
  if (a === b) return 1;
  const j = jaro(a, b, eq);
  if (j <= 0.7) return j;
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && same(eq, a.charCodeAt(prefix), b.charCodeAt(prefix))) prefix++;
  return j + prefix * 0.1 * (1 - j);
}
