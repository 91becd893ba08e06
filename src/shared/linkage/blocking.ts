/**
 * Blocking: which pairs are compared at all (Christen 2012, Data Matching, ch. 4). Several
 * rules, each a conjunction of features ("family+dob": same family-name key and same date of
 * birth); the candidate pairs are the union over rules, each pair produced once (a pair is
 * skipped by a rule when an earlier rule, or an earlier key of the same rule, already holds
 * for it — the technique Splink uses to union blocking rules without a set of pairs).
 *
 * Blocks larger than a cap are not compared in full: their records are sorted by name and
 * compared within a sliding window (the sorted neighbourhood method, Hernández & Stolfo 1995),
 * and the pairs this leaves out are counted and reported.
 */
import { nameKeys } from './name-adapter.ts';
import { NumberTable } from './number-table.ts';
import { Interner, type PreparedSet } from './prepare.ts';

/** A rule is a list of features joined by '+', e.g. 'names+year', 'family+attr:postcode'. */
export type BlockingRuleId = string;

export const DEFAULT_RULES: readonly BlockingRuleId[] = [
  'names+year',
  'names+monthday',
  'family+dob',
  'given+dob',
  'dob+sex',
];

export interface BlockingOptions {
  rules: readonly BlockingRuleId[];
  /** Records per block (per side when linking) beyond which the window replaces the block. */
  maxBlockSize: number;
  /** Sorted-neighbourhood window for oversized blocks. */
  window: number;
  /** Keys per record and rule at most (multi-valued features multiply). */
  maxKeysPerRecord: number;
  /**
   * A rule that would add more than this many pairs per record is left out (and reported):
   * a rule that selective in a small list can be hopeless in a large one (date of birth alone).
   */
  pairBudgetPerRecord: number;
}

export const DEFAULT_BLOCKING: BlockingOptions = {
  rules: DEFAULT_RULES,
  maxBlockSize: 200,
  window: 12,
  maxKeysPerRecord: 16,
  pairBudgetPerRecord: 10,
};

export interface RuleStats {
  rule: BlockingRuleId;
  blocks: number;
  /** New candidate pairs this rule added. */
  pairs: number;
  oversizedBlocks: number;
  /** Pairs in oversized blocks that the window did not compare. */
  pairsDroppedByCap: number;
  /** Set when the rule was left out because it would compare too many pairs. */
  skipped?: string;
}

export interface Candidates {
  /** Pair k is (left[k], right[k]) with left from side A (or the lower index when deduplicating). */
  left: Int32Array;
  right: Int32Array;
  count: number;
  /** Bit r set when rule r holds for the pair (training uses the pairs of each rule). */
  ruleMask: Uint16Array;
  stats: RuleStats[];
  /** All pairs the task could compare: n(n−1)/2, or |A|·|B|. */
  totalPairs: number;
  reductionRatio: number;
}

/** A growable pair of Int32 columns. */
class PairBuffer {
  left = new Int32Array(1 << 16);
  right = new Int32Array(1 << 16);
  count = 0;
  push(a: number, b: number): void {
    if (this.count === this.left.length) {
      const l = new Int32Array(this.left.length * 2);
      l.set(this.left);
      this.left = l;
      const r = new Int32Array(this.right.length * 2);
      r.set(this.right);
      this.right = r;
    }
    this.left[this.count] = a;
    this.right[this.count] = b;
    this.count++;
  }
}

const RADIX = 2 ** 26;

/** Per-name key ids, computed once per distinct name. */
function nameKeyTable(set: PreparedSet, keys: Interner): Int32Array[] {
  return set.names.map((a) => Int32Array.from(nameKeys(a).map((k) => keys.id(k))));
}

type FeatureFn = (i: number, out: number[]) => void;

function featureFn(set: PreparedSet, feature: string, nameKeyIds: Int32Array[]): FeatureFn | null {
  const pushNames = (own: Int32Array, alias: (Int32Array | null)[], i: number, out: number[]) => {
    const id = own[i]!;
    if (id >= 0) for (const k of nameKeyIds[id]!) out.push(k);
    const extra = alias[i];
    if (extra) for (const a of extra) for (const k of nameKeyIds[a]!) out.push(k);
  };
  switch (feature) {
    case 'given':
      return (i, out) => pushNames(set.given, set.aliasGiven, i, out);
    case 'family':
      return (i, out) => pushNames(set.family, set.aliasFamily, i, out);
    case 'names': {
      // Unordered pair of a given-name key and a family-name key: stays the same when the two
      // names are written in each other's place.
      const g: number[] = [];
      const f: number[] = [];
      const pairIds = new NumberTable(1024);
      return (i, out) => {
        g.length = 0;
        f.length = 0;
        pushNames(set.given, set.aliasGiven, i, g);
        pushNames(set.family, set.aliasFamily, i, f);
        for (const x of g) {
          for (const y of f) {
            const v = x < y ? x * RADIX + y : y * RADIX + x;
            out.push(pairIds.intern(v));
          }
        }
      };
    }
    case 'year':
      return (i, out) => {
        if (set.birthYear[i] !== 0 && set.birthApprox[i] === 0) out.push(set.birthYear[i]!);
      };
    case 'dob':
      return (i, out) => {
        if (set.birthDay[i] !== 0 && set.birthApprox[i] === 0)
          out.push(set.birthYear[i]! * 10000 + set.birthMonth[i]! * 100 + set.birthDay[i]!);
      };
    case 'monthday':
      return (i, out) => {
        if (set.birthDay[i] !== 0) out.push(set.birthMonth[i]! * 100 + set.birthDay[i]!);
      };
    case 'sex':
      return (i, out) => {
        if (set.sex[i] !== 0) out.push(set.sex[i]!);
      };
    case 'locality': {
      const localities = new Interner();
      return (i, out) => {
        for (const p of set.places[i]!) if (p.locality !== '') out.push(localities.id(p.locality));
      };
    }
    default: {
      const [kind, key] = [
        feature.slice(0, feature.indexOf(':')),
        feature.slice(feature.indexOf(':') + 1),
      ];
      const col =
        kind === 'id'
          ? set.identifiers.get(key)
          : kind === 'attr'
            ? set.attributes.get(key)
            : undefined;
      if (!col) return null;
      const ids = col.ids;
      return (i, out) => {
        if (ids[i]! >= 0) out.push(ids[i]!);
      };
    }
  }
}

/** The comparisons a rule's features bear on (their m cannot be trained on its pairs). */
export function comparisonsUsedBy(rule: BlockingRuleId): string[] {
  const used = new Set<string>();
  for (const f of rule.split('+')) {
    if (f === 'given') used.add('givenName');
    else if (f === 'family') used.add('familyName');
    else if (f === 'names') {
      used.add('givenName');
      used.add('familyName');
    } else if (f === 'year' || f === 'dob' || f === 'monthday') used.add('birth');
    else if (f === 'sex') used.add('sex');
    else if (f === 'locality') used.add('place');
    else if (f.startsWith('id:')) used.add(f);
    else if (f.startsWith('attr:')) used.add(f);
  }
  return [...used];
}

interface RuleKeys {
  offsets: Int32Array;
  keys: Int32Array;
  keyCount: number;
}

/** Keys of every record under one rule, as dense ids in CSR form. */
function ruleKeys(set: PreparedSet, features: FeatureFn[], maxKeys: number): RuleKeys {
  const n = set.n;
  const offsets = new Int32Array(n + 1);
  let keys = new Int32Array(Math.max(16, n * 2));
  let used = 0;
  const intern = new NumberTable(n);
  const dense = (v: number): number => intern.intern(v);
  let acc: number[] = [];
  let next: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    acc.length = 0;
    acc.push(-1);
    for (const f of features) {
      vals.length = 0;
      f(i, vals);
      next.length = 0;
      for (const a of acc) {
        for (const v of vals) {
          if (next.length >= maxKeys) break;
          next.push(a < 0 ? dense(v) : dense(a * RADIX + v + 1));
        }
      }
      const swap = acc;
      acc = next;
      next = swap;
      if (acc.length === 0) break;
    }
    // Distinct keys of this record, ascending (the pair dedupe below relies on the order);
    // insertion sort: the lists are a handful long, and sort() with a comparator allocates.
    for (let x = 1; x < acc.length; x++) {
      const v = acc[x]!;
      let y = x - 1;
      while (y >= 0 && acc[y]! > v) {
        acc[y + 1] = acc[y]!;
        y--;
      }
      acc[y + 1] = v;
    }
    if (used + acc.length > keys.length) {
      const k = new Int32Array(Math.max(keys.length * 2, used + acc.length));
      k.set(keys);
      keys = k;
    }
    let last = -2;
    for (const k of acc) {
      if (k === last || k < 0) continue;
      keys[used++] = k;
      last = k;
    }
    offsets[i + 1] = used;
  }
  return { offsets, keys, keyCount: intern.size };
}

/** Whether records i and j share a key of the rule smaller than `below`. */
function shareKey(rk: RuleKeys, i: number, j: number, below: number): boolean {
  const { offsets, keys } = rk;
  let p = offsets[i]!;
  const pe = offsets[i + 1]!;
  let q = offsets[j]!;
  const qe = offsets[j + 1]!;
  while (p < pe && q < qe) {
    const a = keys[p]!;
    const b = keys[q]!;
    if (a >= below || b >= below) return false;
    if (a === b) return true;
    if (a < b) p++;
    else q++;
  }
  return false;
}

/**
 * Candidate pairs of a set: all pairs when `side` is null (deduplication), else only pairs
 * with one record from each side (side[i] = 0 for A, 1 for B). `sortRank` orders records
 * within oversized blocks (by name).
 */
export function generateCandidates(
  set: PreparedSet,
  side: Uint8Array | null,
  options: BlockingOptions = DEFAULT_BLOCKING,
): Candidates {
  const n = set.n;
  const keyNames = new Interner();
  const nameKeyIds = nameKeyTable(set, keyNames);
  const rules: { id: string; keys: RuleKeys | null }[] = [];
  for (const id of options.rules.slice(0, 16)) {
    const features = id.split('+').map((f) => featureFn(set, f, nameKeyIds));
    const known = features.every((f) => f !== null);
    rules.push({
      id,
      keys: known ? ruleKeys(set, features, options.maxKeysPerRecord) : null,
    });
  }
  const rank = sortRank(set);
  const out = new PairBuffer();
  const stats: RuleStats[] = [];
  const members: number[] = [];

  const active = rules.map(() => false);
  for (let r = 0; r < rules.length; r++) {
    const rk = rules[r]!.keys;
    const stat: RuleStats = {
      rule: rules[r]!.id,
      blocks: 0,
      pairs: 0,
      oversizedBlocks: 0,
      pairsDroppedByCap: 0,
    };
    if (rk === null) {
      stat.skipped = 'a feature of the rule is not in the data';
      stats.push(stat);
      continue;
    }
    // Counting sort of (key, record) into blocks.
    const counts = new Int32Array(rk.keyCount + 1);
    for (let p = 0; p < rk.offsets[n]!; p++) counts[rk.keys[p]! + 1]!++;
    for (let k = 0; k < rk.keyCount; k++) counts[k + 1]! += counts[k]!;
    const start = counts.slice();
    // Pairs the rule would compare, estimated before any is made.
    let estimate = 0;
    for (let k = 0; k < rk.keyCount; k++) {
      const size = counts[k + 1]! - counts[k]!;
      estimate +=
        size <= options.maxBlockSize ? (size * (size - 1)) / 2 : size * (options.window - 1);
    }
    if (estimate > options.pairBudgetPerRecord * Math.max(n, 100)) {
      stat.skipped = `would compare about ${Math.round(estimate)} pairs`;
      stats.push(stat);
      continue;
    }
    active[r] = true;
    const byKey = new Int32Array(rk.offsets[n]!);
    for (let i = 0; i < n; i++) {
      for (let p = rk.offsets[i]!; p < rk.offsets[i + 1]!; p++) byKey[start[rk.keys[p]!]!++] = i;
    }
    const emit = (a: number, b: number, key: number) => {
      if (side !== null && side[a] === side[b]) return;
      // Produced by an earlier key of this rule, or by an earlier rule.
      if (shareKey(rk, a, b, key)) return;
      for (let e = 0; e < r; e++)
        if (active[e] && shareKey(rules[e]!.keys!, a, b, Infinity)) return;
      if (side !== null && side[a] === 1) out.push(b, a);
      else if (side === null && a > b) out.push(b, a);
      else out.push(a, b);
      stat.pairs++;
    };
    for (let k = 0; k < rk.keyCount; k++) {
      const from = counts[k]!;
      const to = counts[k + 1]!;
      const size = to - from;
      if (size < 2) continue;
      stat.blocks++;
      let sizeA = size;
      let sizeB = size;
      if (side !== null) {
        sizeA = 0;
        for (let p = from; p < to; p++) if (side[byKey[p]!] === 0) sizeA++;
        sizeB = size - sizeA;
        if (sizeA === 0 || sizeB === 0) continue;
      }
      const full = side === null ? (size * (size - 1)) / 2 : sizeA * sizeB;
      if (Math.max(sizeA, sizeB) <= options.maxBlockSize) {
        for (let p = from; p < to; p++) {
          for (let q = p + 1; q < to; q++) emit(byKey[p]!, byKey[q]!, k);
        }
        continue;
      }
      // Oversized: sorted neighbourhood within the block.
      stat.oversizedBlocks++;
      members.length = 0;
      for (let p = from; p < to; p++) members.push(byKey[p]!);
      members.sort((x, y) => rank[x]! - rank[y]!);
      let compared = 0;
      for (let p = 0; p < members.length; p++) {
        const end = Math.min(members.length, p + options.window);
        for (let q = p + 1; q < end; q++) {
          const a = members[p]!;
          const b = members[q]!;
          if (side !== null && side[a] === side[b]) continue;
          compared++;
          emit(a, b, k);
        }
      }
      stat.pairsDroppedByCap += full - compared;
    }
    stats.push(stat);
  }

  const count = out.count;
  const left = out.left.slice(0, count);
  const right = out.right.slice(0, count);
  const ruleMask = new Uint16Array(count);
  for (let p = 0; p < count; p++) {
    let mask = 0;
    for (let r = 0; r < rules.length; r++) {
      if (active[r] && shareKey(rules[r]!.keys!, left[p]!, right[p]!, Infinity)) mask |= 1 << r;
    }
    ruleMask[p] = mask;
  }
  let totalPairs: number;
  if (side === null) totalPairs = (n * (n - 1)) / 2;
  else {
    let a = 0;
    for (let i = 0; i < n; i++) if (side[i] === 0) a++;
    totalPairs = a * (n - a);
  }
  return {
    left,
    right,
    count,
    ruleMask,
    stats,
    totalPairs,
    reductionRatio: totalPairs === 0 ? 1 : 1 - count / totalPairs,
  };
}

/** Rank of each record in name order (family, then given), for sorted neighbourhoods. */
function sortRank(set: PreparedSet): Int32Array {
  const latin = (id: number) => (id >= 0 ? set.names[id]!.sortKey : '');
  const order = Array.from({ length: set.n }, (_, i) => i);
  const keys = order.map((i) => `${latin(set.family[i]!)}\u0000${latin(set.given[i]!)}`);
  order.sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : x - y));
  const rank = new Int32Array(set.n);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

/** Candidate rule ids for a set: the defaults plus identifier and address-like attributes. */
export function defaultRules(set: PreparedSet): BlockingRuleId[] {
  // Without a sex to narrow it, the date of birth blocks alone (blocks stay capped).
  const rules = DEFAULT_RULES.map((r) =>
    r === 'dob+sex' && !set.sex.some((s) => s !== 0) ? 'dob' : r,
  );
  for (const key of set.identifiers.keys()) rules.push(`id:${key}`);
  const attrs = [...set.attributes.keys()];
  const houseNumber = attrs.find((k) => /number|house/i.test(k));
  for (const key of attrs) {
    if (/post|zip|suburb|city|town|locality/i.test(key)) {
      rules.push(`family+attr:${key}`, `given+attr:${key}`);
      if (/post|zip/i.test(key) && houseNumber) rules.push(`attr:${key}+attr:${houseNumber}`);
    }
  }
  if (set.places.some((p) => p.length > 0)) rules.push('family+locality', 'given+locality');
  return rules;
}
