/**
 * Bit arrays as Uint32Array words: population count, the Dice coefficient and a compact text
 * form (base64) for the encoding files. Pure code, no I/O.
 */

/** Number of set bits in a 32-bit word (SWAR, "Hacker's Delight" 5-1). */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Number of set bits in `words[from, from + count)`. */
export function popcount(words: Uint32Array, from = 0, count = words.length - from): number {
  let c = 0;
  for (let i = from, end = from + count; i < end; i++) c += popcount32(words[i]!);
  return c;
}

/** Set bits common to a[ai..ai+w) and b[bi..bi+w). */
export function andCount(
  a: Uint32Array,
  ai: number,
  b: Uint32Array,
  bi: number,
  w: number,
): number {
  let c = 0;
  for (let i = 0; i < w; i++) c += popcount32(a[ai + i]! & b[bi + i]!);
  return c;
}

/**
 * The Dice coefficient of two bit arrays of the same length: 2|A ∧ B| / (|A| + |B|), the
 * similarity of Schnell, Bachteler & Reiher (2009). Two empty arrays have nothing in common: 0.
 */
export function dice(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError('bit arrays of different lengths');
  const total = popcount(a) + popcount(b);
  return total === 0 ? 0 : (2 * andCount(a, 0, b, 0, a.length)) / total;
}

export function setBit(words: Uint32Array, pos: number): void {
  words[pos >>> 5]! |= 1 << (pos & 31);
}

export function getBit(words: Uint32Array, pos: number): number {
  return (words[pos >>> 5]! >>> (pos & 31)) & 1;
}

/** Little-endian bytes of the words, base64: the same text on every platform. */
export function toBase64(words: Uint32Array): string {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < words.length; i++) view.setUint32(i * 4, words[i]!, true);
  return Buffer.from(bytes).toString('base64');
}

/** The inverse of toBase64; null when the text is not base64 of exactly `bits` bits. */
export function fromBase64(text: string, bits: number): Uint32Array | null {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length * 8 !== bits || bytes.length % 4 !== 0) return null;
  const words = new Uint32Array(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  return words;
}
