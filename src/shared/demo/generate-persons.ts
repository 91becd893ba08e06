/**
 * Synthetic person records with realistic duplicates, for the record linkage tests and the
 * million-record benchmark. People are random combinations of common names from the demo
 * pools (so no generated person is a real one); some are registered more than once, and each
 * extra registration carries the errors seen when two organisations record one survivor:
 * another script or transliteration, typing errors, given and family names swapped, a date
 * of birth with day and month swapped, a digit wrong, a year off by one, only a year or an
 * age, a missing sex, another locality. The error rates are illustrative choices in the spirit
 * of FEBRL's generator (Christen 2005, "Probabilistic data generation for deduplication and
 * data linkage"), not statistics.
 */
import type { LinkRecord } from '../linkage/types.ts';
import { civilDate, dayNumber } from './calendar.ts';
import type { Name, NameGroup } from './name-pool.ts';
import { NAME_GROUPS, feminineSurname } from './names.ts';
import { createRng, pick, randomInt, type Rng } from './random.ts';

export interface PersonGenerationOptions {
  seed: number;
  /** Records to produce (originals and duplicates together). */
  count: number;
  /** Share of persons registered more than once. */
  duplicatedShare?: number;
  /** Most extra registrations of one person. */
  maxDuplicates?: number;
  /** Year ages are stated at. */
  referenceYear?: number;
}

export interface GeneratedPersons {
  records: LinkRecord[];
  /** Person number of each record: records of one person share it. */
  entity: Int32Array;
}

const GROUPS: readonly NameGroup[] = Object.values(NAME_GROUPS);
const COUNTRIES = ['NG', 'PH', 'ET', 'BD', 'UA', 'VN', 'RO', 'AL', 'SY', 'IN', 'NP', 'MM', 'GT'];
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One typing error: a letter inserted, deleted, replaced, or two neighbours swapped. */
export function typo(rng: Rng, s: string): string {
  const chars = [...s];
  if (chars.length < 2) return s;
  const at = randomInt(rng, 0, chars.length - 1);
  const latin = /^[a-z]$/i.test(chars[at]!);
  const other = latin ? LATIN_LETTERS[randomInt(rng, 0, 25)]! : pick(rng, chars);
  switch (randomInt(rng, 0, 3)) {
    case 0:
      chars.splice(at, 0, other);
      break;
    case 1:
      if (chars.length > 3) chars.splice(at, 1);
      break;
    case 2:
      chars[at] = other;
      break;
    default:
      if (at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  }
  return chars.join('');
}

interface Person {
  group: NameGroup;
  feminine: boolean;
  given: Name;
  family: Name | null;
  /** A father's given name used as the family name (common in Arabic and Ethiopian naming). */
  birthDay: number;
  country: string;
  region: number;
  locality: number;
  phone: string | null;
}

function spell(rng: Rng, group: NameGroup, name: Name, variants: boolean): string {
  if (name.latin.length === 0) return name.text;
  if (rng() < 0.55) return name.text;
  return variants ? pick(rng, name.latin) : name.latin[0]!;
}

function person(rng: Rng): Person {
  const group = pick(rng, GROUPS);
  const feminine = rng() < 0.5;
  const given = pick(rng, feminine ? group.feminine : group.masculine);
  let family: Name | null = null;
  if (rng() < group.familyShare && group.family.length > 0) {
    family = rng() < 0.3 ? pick(rng, group.masculine) : pick(rng, group.family);
  }
  const birthDay = dayNumber(1950, 1, 1) + randomInt(rng, 0, 365 * 58);
  return {
    group,
    feminine,
    given,
    family,
    birthDay,
    country: pick(rng, COUNTRIES),
    region: randomInt(rng, 1, 12),
    locality: randomInt(rng, 1, 400),
    phone: rng() < 0.25 ? String(randomInt(rng, 100_000_000, 999_999_999)) : null,
  };
}

function record(rng: Rng, p: Person, id: string, duplicate: boolean, year: number): LinkRecord {
  let given: string | null = spell(rng, p.group, p.given, duplicate);
  let family: string | null = p.family ? spell(rng, p.group, p.family, duplicate) : null;
  if (family && p.feminine && p.group.genderedFamily) family = feminineSurname(family);
  let [y, m, d] = civilDate(p.birthDay);
  let birth: LinkRecord['birth'] = { year: y, month: m, day: d };
  let age: number | null = null;
  let sex: 'F' | 'M' | null = p.feminine ? 'F' : 'M';
  let locality = `locality ${p.country.toLowerCase()} ${p.locality}`;
  let phone = p.phone;
  if (duplicate) {
    if (given && rng() < 0.15) given = typo(rng, given);
    if (family && rng() < 0.15) family = typo(rng, family);
    if (rng() < 0.03) given = null;
    if (rng() < 0.05) family = null;
    if (rng() < 0.03) [given, family] = [family, given];
    const r = rng();
    if (r < 0.04 && d <= 12 && d !== m) birth = { year: y, month: d, day: m };
    else if (r < 0.1) {
      // One digit of YYYYMMDD mistyped, kept only when it still makes a date.
      const digits = [...`${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`];
      const at = randomInt(rng, 2, 7);
      digits[at] = String(randomInt(rng, 0, 9));
      const s = digits.join('');
      [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8))];
      if (m >= 1 && m <= 12 && d >= 1 && d <= 28) birth = { year: y, month: m, day: d };
    } else if (r < 0.15) birth = { year: y + (rng() < 0.5 ? -1 : 1), month: m, day: d };
    else if (r < 0.19) birth = { year: y, month: null, day: null };
    else if (r < 0.22) {
      birth = null;
      age = year - y - (rng() < 0.5 ? 1 : 0);
    } else if (r < 0.25) birth = null;
    if (rng() < 0.05) sex = null;
    if (rng() < 0.2) locality = `locality ${p.country.toLowerCase()} ${randomInt(rng, 1, 400)}`;
    if (phone && rng() < 0.1) phone = typo(rng, phone);
    if (phone && rng() < 0.3) phone = null;
  }
  return {
    id,
    givenName: given,
    familyName: family,
    aliases: [],
    sex,
    birth,
    age,
    ageAt: age === null ? null : `${year}-06-30`,
    places: [{ country: p.country, adminArea: `${p.country}-${p.region}`, locality }],
    identifiers: phone ? { phone } : {},
  };
}

/** Records of persons, some registered more than once (ids `p<person>-<k>`), shuffled. */
export function generatePersons(options: PersonGenerationOptions): GeneratedPersons {
  const rng = createRng(options.seed);
  const share = options.duplicatedShare ?? 0.2;
  const maxDup = options.maxDuplicates ?? 3;
  const year = options.referenceYear ?? 2026;
  const records: LinkRecord[] = [];
  const entities: number[] = [];
  for (let e = 0; records.length < options.count; e++) {
    const p = person(rng);
    records.push(record(rng, p, `p${e}-0`, false, year));
    entities.push(e);
    if (rng() < share) {
      const extra = randomInt(rng, 1, maxDup);
      for (let k = 1; k <= extra && records.length < options.count; k++) {
        records.push(record(rng, p, `p${e}-${k}`, true, year));
        entities.push(e);
      }
    }
  }
  // Shuffle (Fisher–Yates) so that duplicates are not neighbours in the list.
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [records[i], records[j]] = [records[j]!, records[i]!];
    [entities[i], entities[j]] = [entities[j]!, entities[i]!];
  }
  return { records, entity: Int32Array.from(entities) };
}
