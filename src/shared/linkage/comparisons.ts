/**
 * Comparison specifications (serialisable, part of a Model) and their compiled form: a
 * function of two record indices of a PreparedSet returning an integer level.
 */
import {
  compareDateParts,
  compareIdentifiers,
  comparePlaces,
  compareStrings,
  DATE_LEVELS,
  IDENTIFIER_LEVELS,
  PLACE_LEVELS,
  SEX_LEVELS,
  STRING_LEVELS,
} from './compare.ts';
import { compareAnalysedNames, NAME_LEVEL_INDEX, NAME_LEVELS } from './name-adapter.ts';
import { NumberTable } from './number-table.ts';
import type { PreparedSet } from './prepare.ts';

export type ComparisonKind = 'name' | 'date' | 'sex' | 'place' | 'identifier' | 'string';

export interface ComparisonSpec {
  /** Unique within a model: 'givenName', 'familyName', 'birth', 'sex', 'place', 'id:KEY', 'attr:KEY'. */
  id: string;
  kind: ComparisonKind;
  /** For 'name': which part; for 'identifier' and 'string': the column key. */
  part?: 'given' | 'family';
  key?: string;
  /** For 'date': the widest year difference still counted as 'within_tolerance'. */
  toleranceYears?: number;
  /** Whether exact agreement is weighed by the value's frequency (Winkler 1989). */
  termFrequency?: boolean;
}

export const LEVELS_OF: Readonly<Record<ComparisonKind, readonly string[]>> = {
  name: NAME_LEVELS,
  date: DATE_LEVELS,
  sex: SEX_LEVELS,
  place: PLACE_LEVELS,
  identifier: IDENTIFIER_LEVELS,
  string: STRING_LEVELS,
};

/** The field named in explanations (FieldComparison.field). */
export function fieldOf(spec: ComparisonSpec): string {
  switch (spec.kind) {
    case 'name':
      return spec.part === 'family' ? 'familyName' : 'givenName';
    case 'date':
      return 'birth';
    case 'identifier':
    case 'string':
      return spec.key ?? spec.id;
    case 'sex':
    case 'place':
      return spec.kind;
  }
}

export type PairComparator = (i: number, j: number) => number;

export interface CompiledComparison {
  spec: ComparisonSpec;
  levels: readonly string[];
  compare: PairComparator;
  /**
   * Per-record interned value for term-frequency adjustment (exact level only); null when
   * the comparison has none.
   */
  tfValues: Int32Array | null;
}

const N = NAME_LEVEL_INDEX;

/**
 * Levels of distinct name pairs, memoised: a name comparison costs microseconds, and the same
 * two spellings meet again and again across a large list.
 */
export class NameLevelCache {
  readonly #levels = new NumberTable(1 << 16);
  constructor(readonly set: PreparedSet) {}
  level(x: number, y: number): number {
    if (x < 0 || y < 0) return N.missing;
    if (x === y) return N.exact;
    const key = x < y ? x * 0x4000000 + y : y * 0x4000000 + x;
    let l = this.#levels.get(key);
    if (l < 0) {
      l = compareAnalysedNames(this.set.names[x]!, this.set.names[y]!);
      // Bounded: past a few million distinct pairs the cache stops growing.
      if (this.#levels.size < 8_000_000) this.#levels.set(key, l);
    }
    return l;
  }
}

function nameComparator(
  set: PreparedSet,
  part: 'given' | 'family',
  cache: NameLevelCache,
): PairComparator {
  const own = part === 'given' ? set.given : set.family;
  const other = part === 'given' ? set.family : set.given;
  const ownAlias = part === 'given' ? set.aliasGiven : set.aliasFamily;
  const cmp = (x: number, y: number): number => cache.level(x, y);
  return (i, j) => {
    let level = cmp(own[i]!, own[j]!);
    const ai = ownAlias[i];
    const aj = ownAlias[j];
    if ((ai || aj) && level !== N.exact) {
      // Best agreement over every spelling either record is known by.
      const xs = ai ? [own[i]!, ...ai] : [own[i]!];
      const ys = aj ? [own[j]!, ...aj] : [own[j]!];
      for (const x of xs) {
        for (const y of ys) {
          const l = cmp(x, y);
          if (l !== N.missing && (level === N.missing || l < level)) level = l;
        }
      }
    }
    if (level === N.fuzzy_low || level === N.different || level === N.missing) {
      // Given and family names written in each other's place (common across naming orders).
      const crossA = cmp(own[i]!, other[j]!);
      const crossB = cmp(other[i]!, own[j]!);
      const strong = (l: number) => l !== N.missing && l <= N.fuzzy_high;
      if (strong(crossA) && strong(crossB)) return N.swapped;
    }
    return level;
  };
}

/** Compiles the comparisons of a model against a prepared set. */
export function compileComparisons(
  specs: readonly ComparisonSpec[],
  set: PreparedSet,
): CompiledComparison[] {
  const cache = new NameLevelCache(set);
  return specs.map((spec) => {
    const levels = LEVELS_OF[spec.kind];
    switch (spec.kind) {
      case 'name': {
        const part = spec.part ?? 'given';
        return {
          spec,
          levels,
          compare: nameComparator(set, part, cache),
          tfValues: spec.termFrequency ? (part === 'given' ? set.given : set.family) : null,
        };
      }
      case 'date': {
        const { birthYear: y, birthMonth: m, birthDay: d, birthApprox: x } = set;
        const tol = spec.toleranceYears ?? 3;
        return {
          spec,
          levels,
          compare: (i, j) =>
            compareDateParts(y[i]!, m[i]!, d[i]!, x[i] === 1, y[j]!, m[j]!, d[j]!, x[j] === 1, tol),
          tfValues: null,
        };
      }
      case 'sex': {
        const s = set.sex;
        return {
          spec,
          levels,
          compare: (i, j) => {
            const a = s[i]!;
            const b = s[j]!;
            return a === 0 || b === 0 ? 0 : a === b ? 1 : 2;
          },
          tfValues: null,
        };
      }
      case 'place': {
        const p = set.places;
        // Fast path for the usual single place: parts interned to ids (0 = unknown).
        const ids = new Map<string, number>([['', 0]]);
        const id = (v: string) => {
          let x = ids.get(v);
          if (x === undefined) ids.set(v, (x = ids.size));
          return x;
        };
        const cty = new Int32Array(set.n).fill(-1);
        const adm = new Int32Array(set.n);
        const loc = new Int32Array(set.n);
        for (let i = 0; i < set.n; i++) {
          const ps = p[i]!;
          if (ps.length !== 1) continue;
          cty[i] = id(ps[0]!.country);
          adm[i] = id(ps[0]!.adminArea);
          loc[i] = id(ps[0]!.locality);
        }
        return {
          spec,
          levels,
          compare: (i, j) => {
            const ci = cty[i]!;
            const cj = cty[j]!;
            if (ci < 0 || cj < 0) return comparePlaces(p[i]!, p[j]!);
            const conflict = ci !== 0 && cj !== 0 && ci !== cj;
            if (!conflict && loc[i] !== 0 && loc[i] === loc[j]) return 1;
            if (!conflict && adm[i] !== 0 && adm[i] === adm[j]) return 2;
            if (ci !== 0 && cj !== 0 && !conflict) return 3;
            if (
              (ci !== 0 && cj !== 0) ||
              (adm[i] !== 0 && adm[j] !== 0) ||
              (loc[i] !== 0 && loc[j] !== 0)
            )
              return 4;
            return 0;
          },
          tfValues: null,
        };
      }
      case 'identifier':
      case 'string': {
        const map = spec.kind === 'identifier' ? set.identifiers : set.attributes;
        const col = map.get(spec.key ?? '');
        if (!col) return { spec, levels, compare: () => 0, tfValues: null };
        const { ids, values } = col;
        const vs = values.values;
        const f = spec.kind === 'identifier' ? compareIdentifiers : compareStrings;
        return {
          spec,
          levels,
          compare: (i, j) => {
            const a = ids[i]!;
            const b = ids[j]!;
            if (a < 0 || b < 0) return 0;
            if (a === b) return 1;
            return f(vs[a]!, vs[b]!);
          },
          tfValues: spec.termFrequency ? ids : null,
        };
      }
    }
  });
}

/** The comparisons worth making on a set: those whose fields some records carry. */
export function defaultComparisons(set: PreparedSet): ComparisonSpec[] {
  const specs: ComparisonSpec[] = [];
  const any = (a: ArrayLike<number>, missing: number) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== missing) return true;
    return false;
  };
  if (any(set.given, -1))
    specs.push({ id: 'givenName', kind: 'name', part: 'given', termFrequency: true });
  if (any(set.family, -1))
    specs.push({ id: 'familyName', kind: 'name', part: 'family', termFrequency: true });
  if (any(set.birthYear, 0)) specs.push({ id: 'birth', kind: 'date', toleranceYears: 3 });
  if (any(set.sex, 0)) specs.push({ id: 'sex', kind: 'sex' });
  if (set.places.some((p) => p.length > 0)) specs.push({ id: 'place', kind: 'place' });
  for (const [key, col] of set.identifiers) {
    if (any(col.ids, -1)) specs.push({ id: `id:${key}`, kind: 'identifier', key });
  }
  for (const [key, col] of set.attributes) {
    if (any(col.ids, -1))
      specs.push({ id: `attr:${key}`, kind: 'string', key, termFrequency: true });
  }
  return specs;
}
