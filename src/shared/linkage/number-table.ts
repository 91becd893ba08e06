/**
 * A hash table from non-negative integer keys below 2^53 to int32 values, open addressing over
 * typed arrays. The engine's keys (pairs of ids packed as x·2^26 + y) are beyond V8's small
 * integers, where a Map boxes every key: this table is several times faster and allocates
 * nothing per entry.
 */
const EMPTY = -1;

export class NumberTable {
  #keys: Float64Array;
  #values: Int32Array;
  #mask: number;
  #size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.#keys = new Float64Array(cap).fill(EMPTY);
    this.#values = new Int32Array(cap);
    this.#mask = cap - 1;
  }

  get size(): number {
    return this.#size;
  }

  #slot(key: number): number {
    const lo = (key % 0x1_0000_0000) | 0;
    const hi = Math.floor(key / 0x1_0000_0000) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let i = h & this.#mask;
    const keys = this.#keys;
    while (keys[i] !== EMPTY && keys[i] !== key) i = (i + 1) & this.#mask;
    return i;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    const i = this.#slot(key);
    return this.#keys[i] === key ? this.#values[i]! : -1;
  }

  set(key: number, value: number): void {
    const i = this.#slot(key);
    if (this.#keys[i] !== key) {
      this.#keys[i] = key;
      this.#size++;
    }
    this.#values[i] = value;
    if (this.#size * 2 > this.#mask) this.#grow();
  }

  /** The dense id of `key` (0, 1, 2… in order of first appearance). */
  intern(key: number): number {
    const i = this.#slot(key);
    if (this.#keys[i] === key) return this.#values[i]!;
    const id = this.#size;
    this.#keys[i] = key;
    this.#values[i] = id;
    this.#size++;
    if (this.#size * 2 > this.#mask) this.#grow();
    return id;
  }

  #grow(): void {
    const keys = this.#keys;
    const values = this.#values;
    this.#keys = new Float64Array(keys.length * 2).fill(EMPTY);
    this.#values = new Int32Array(keys.length * 2);
    this.#mask = keys.length * 2 - 1;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k === EMPTY) continue;
      const j = this.#slot(k);
      this.#keys[j] = k;
      this.#values[j] = values[i]!;
    }
  }
}
