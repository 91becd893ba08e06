/**
 * Records prepared once for many comparisons: names analysed and interned (each distinct
 * spelling is analysed once, however many records carry it), dates as small integers, generic
 * strings normalised and interned. Stored column-wise in typed arrays so that a million records
 * fit in memory and compare without allocation.
 */
import { normaliseIdentifier, type PlaceKey } from './compare.ts';
import { analyseName, type AnalysedName } from './name-adapter.ts';
import { normaliseText } from './strings.ts';
import type { LinkRecord } from './types.ts';

/** Interns strings to dense integer ids. */
export class Interner {
  readonly values: string[] = [];
  readonly #ids = new Map<string, number>();
  id(value: string): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.#ids.set(value, id);
    }
    return id;
  }
  get size(): number {
    return this.values.length;
  }
}

export interface StringColumn {
  /** Interned value id per record, -1 when missing. */
  ids: Int32Array;
  values: Interner;
}

export interface PreparedSet {
  readonly n: number;
  readonly ids: readonly string[];
  /** Distinct names analysed, by interned id. */
  readonly names: AnalysedName[];
  readonly nameIds: Interner;
  /** Main given / family name id per record, -1 when missing. */
  readonly given: Int32Array;
  readonly family: Int32Array;
  /** Name ids from aliases, per record (null for the many records without aliases). */
  readonly aliasGiven: (Int32Array | null)[];
  readonly aliasFamily: (Int32Array | null)[];
  readonly birthYear: Int16Array;
  readonly birthMonth: Int8Array;
  readonly birthDay: Int8Array;
  /** 1 when the year was derived from a stated age. */
  readonly birthApprox: Uint8Array;
  /** 0 missing, 1 F, 2 M. */
  readonly sex: Uint8Array;
  readonly places: (readonly PlaceKey[])[];
  readonly identifiers: Map<string, StringColumn>;
  readonly attributes: Map<string, StringColumn>;
}

const EMPTY: readonly PlaceKey[] = [];

function yearFromAge(age: number | null, ageAt: string | null): number {
  if (age === null || !Number.isFinite(age) || age < 0 || age > 130) return 0;
  const at = ageAt ? Number(ageAt.slice(0, 4)) : NaN;
  if (!Number.isInteger(at) || at < 1800 || at > 2200) return 0;
  return at - Math.round(age);
}

const clampInt = (v: number | null | undefined, lo: number, hi: number): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : 0;

/** Splits an alias into a given and a family part (last word is the family name). */
function aliasParts(alias: string): [string, string | null] {
  const words = alias.trim().split(/\s+/);
  if (words.length < 2) return [alias, null];
  return [words.slice(0, -1).join(' '), words[words.length - 1]!];
}

/** Prepares records for comparison. Never throws on odd values: they count as missing. */
export function prepareRecords(records: readonly LinkRecord[]): PreparedSet {
  const n = records.length;
  const nameIds = new Interner();
  const names: AnalysedName[] = [];
  const nameId = (text: string | null | undefined): number => {
    if (typeof text !== 'string') return -1;
    // Interned by a case-folded form: "SMITH" and "Smith" are one value (and one term).
    const key = text.trim().slice(0, 1000).normalize('NFKC').toLowerCase();
    if (key === '') return -1;
    const before = nameIds.size;
    const id = nameIds.id(key);
    if (id === before) names.push(analyseName(key));
    // A name with no letters ("???", an emoji) is missing for the matcher.
    return names[id]!.empty ? -1 : id;
  };
  const given = new Int32Array(n);
  const family = new Int32Array(n);
  const aliasGiven: (Int32Array | null)[] = new Array<Int32Array | null>(n).fill(null);
  const aliasFamily: (Int32Array | null)[] = new Array<Int32Array | null>(n).fill(null);
  const birthYear = new Int16Array(n);
  const birthMonth = new Int8Array(n);
  const birthDay = new Int8Array(n);
  const birthApprox = new Uint8Array(n);
  const sex = new Uint8Array(n);
  const places: (readonly PlaceKey[])[] = new Array<readonly PlaceKey[]>(n).fill(EMPTY);
  const identifiers = new Map<string, StringColumn>();
  const attributes = new Map<string, StringColumn>();
  const column = (map: Map<string, StringColumn>, key: string): StringColumn => {
    let c = map.get(key);
    if (!c) {
      c = { ids: new Int32Array(n).fill(-1), values: new Interner() };
      map.set(key, c);
    }
    return c;
  };
  const ids: string[] = new Array<string>(n);
  // Normalisation is memoised by raw value: a list repeats its localities and values a lot.
  const textCache = new Map<string, string>();
  const text = (v: string | null | undefined): string => {
    if (typeof v !== 'string' || v === '') return '';
    let t = textCache.get(v);
    if (t === undefined) {
      t = normaliseText(v);
      if (textCache.size < 1_000_000) textCache.set(v, t);
    }
    return t;
  };

  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    ids[i] = String(r.id);
    given[i] = nameId(r.givenName);
    family[i] = nameId(r.familyName);
    if (Array.isArray(r.aliases) && r.aliases.length > 0) {
      const g: number[] = [];
      const f: number[] = [];
      for (const alias of r.aliases.slice(0, 20)) {
        if (typeof alias !== 'string') continue;
        const [gp, fp] = aliasParts(alias);
        const gi = nameId(gp);
        if (gi >= 0) g.push(gi);
        const fi = fp === null ? gi : nameId(fp);
        if (fi >= 0) f.push(fi);
      }
      if (g.length) aliasGiven[i] = Int32Array.from(g);
      if (f.length) aliasFamily[i] = Int32Array.from(f);
    }
    const b = r.birth;
    const y = clampInt(b?.year, 1000, 3000);
    if (y !== 0) {
      birthYear[i] = y;
      const m = clampInt(b?.month, 1, 12);
      birthMonth[i] = m;
      birthDay[i] = m === 0 ? 0 : clampInt(b?.day, 1, 31);
    } else {
      const approx = yearFromAge(r.age, r.ageAt);
      if (approx !== 0) {
        birthYear[i] = approx;
        birthApprox[i] = 1;
      }
    }
    sex[i] = r.sex === 'F' ? 1 : r.sex === 'M' ? 2 : 0;
    if (Array.isArray(r.places) && r.places.length > 0) {
      const ps = r.places
        .slice(0, 20)
        .map((p) => ({
          country: normaliseIdentifier(p?.country),
          adminArea: text(p?.adminArea),
          locality: text(p?.locality),
        }))
        .filter((p) => p.country !== '' || p.adminArea !== '' || p.locality !== '');
      if (ps.length) places[i] = ps;
    }
    if (r.identifiers && typeof r.identifiers === 'object') {
      for (const [key, value] of Object.entries(r.identifiers)) {
        const v = normaliseIdentifier(typeof value === 'string' ? value : null);
        const c = column(identifiers, key);
        if (v !== '') c.ids[i] = c.values.id(v);
      }
    }
    if (r.attributes && typeof r.attributes === 'object') {
      for (const [key, value] of Object.entries(r.attributes)) {
        const v = text(typeof value === 'string' ? value : null);
        const c = column(attributes, key);
        if (v !== '') c.ids[i] = c.values.id(v);
      }
    }
  }
  return {
    n,
    ids,
    names,
    nameIds,
    given,
    family,
    aliasGiven,
    aliasFamily,
    birthYear,
    birthMonth,
    birthDay,
    birthApprox,
    sex,
    places,
    identifiers,
    attributes,
  };
}
