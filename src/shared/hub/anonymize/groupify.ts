/**
 * Groups at a lattice node, rolled up from the groups of a less generalised node: records that
 * were together stay together when every column is generalised further, so the groups of any
 * predecessor (or of the bottom) can stand for the rows. ARX does the same ("roll-up" from a
 * snapshot of a predecessor; Kohlmayer et al. 2012, section IV.B).
 */
import type { Encoded, Groups } from './encoded.ts';

/** Above this many (ids × values), one refinement step hashes instead of indexing an array. */
const DIRECT_MAX = 1 << 22;
let scratch = new Int32Array(1 << 16).fill(-1);
let touched = new Int32Array(1 << 16);

/**
 * Splits the ids in `ids` (values 0..n−1) further by `code[g]` (values 0..card−1), in place;
 * returns the number of ids after the split. New ids are numbered in order of first appearance.
 */
function refine(ids: Int32Array, n: number, card: number, code: Int32Array): number {
  const size = n * card;
  let next = 0;
  if (size <= DIRECT_MAX) {
    if (scratch.length < size) scratch = new Int32Array(size).fill(-1);
    if (touched.length < ids.length) touched = new Int32Array(ids.length);
    for (let g = 0; g < ids.length; g++) {
      const key = ids[g]! * card + code[g]!;
      let c = scratch[key]!;
      if (c < 0) {
        scratch[key] = c = next;
        touched[next++] = key;
      }
      ids[g] = c;
    }
    for (let i = 0; i < next; i++) scratch[touched[i]!] = -1; // clean for the next call
    return next;
  }
  const index = new Map<number, number>();
  for (let g = 0; g < ids.length; g++) {
    const key = ids[g]! * card + code[g]!;
    let c = index.get(key);
    if (c === undefined) index.set(key, (c = next++));
    ids[g] = c;
  }
  return next;
}

/**
 * The groups at `levels`, from `source` (groups of a node at or below `levels` in every column).
 * `map`, when given, receives for each source group the index of its group at `levels`.
 */
export function rollUp(
  enc: Encoded,
  source: Groups,
  levels: readonly number[],
  map?: Int32Array,
): Groups {
  const D = enc.qi;
  const { rep, count } = source;
  // Equivalence class of each source group, refined one quasi-identifier at a time: each step
  // indexes an array of (classes so far × values of the column), never a string or a hash.
  const classOf = new Int32Array(source.size);
  const code = new Int32Array(source.size);
  let classes = source.size > 0 ? 1 : 0;
  for (let d = 0; d < D; d++) {
    const gen = enc.hierarchies[d]!.codes[levels[d]!]!;
    const card = enc.hierarchies[d]!.labels[levels[d]!]!.length;
    if (card === 1) continue;
    for (let g = 0, i = d; g < code.length; g++, i += D) code[g] = gen[rep[i]!]!;
    classes = refine(classOf, classes, card, code);
  }
  const firstOfClass = new Int32Array(classes).fill(-1);
  for (let g = 0; g < source.size; g++)
    if (firstOfClass[classOf[g]!] === -1) firstOfClass[classOf[g]!] = g;
  const sensIn = source.sens;
  if (!sensIn) {
    // Without a sensitive attribute, a group is a class.
    const outCount = new Int32Array(classes);
    for (let g = 0; g < source.size; g++) outCount[classOf[g]!]! += count[g]!;
    const outRep = new Int32Array(classes * D);
    firstOfClass.forEach((g, c) => outRep.set(rep.subarray(g * D, g * D + D), c * D));
    if (map) map.set(classOf);
    const cls = new Int32Array(classes);
    for (let c = 0; c < classes; c++) cls[c] = c;
    return { size: classes, rep: outRep, sens: null, count: outCount, cls, classes, levels };
  }
  // With one: groups are (class, sensitive value) pairs.
  const groupOf = map ?? new Int32Array(source.size);
  groupOf.set(classOf);
  const size = refine(groupOf, classes, Math.max(enc.sensitiveValues, 1), sensIn);
  const first = new Int32Array(size).fill(-1);
  for (let g = 0; g < source.size; g++) if (first[groupOf[g]!] === -1) first[groupOf[g]!] = g;
  const outCls = Int32Array.from(first, (g) => classOf[g]!);
  const outCount = new Int32Array(size);
  for (let g = 0; g < source.size; g++) outCount[groupOf[g]!]! += count[g]!;
  const outRep = new Int32Array(size * D);
  const outSens = new Int32Array(size);
  first.forEach((g, o) => {
    outRep.set(rep.subarray(g * D, g * D + D), o * D);
    outSens[o] = sensIn[g]!;
  });
  return {
    size,
    rep: outRep,
    sens: outSens,
    count: outCount,
    cls: outCls,
    classes,
    levels,
  };
}
