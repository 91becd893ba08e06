/** Synthetic names for one demo person: a random combination of common names from a pool. */
import type { Name, NameGroup } from './name-pool.ts';
import { feminineSurname } from './names.ts';
import { pick, type Rng } from './random.ts';

export interface DemoName {
  givenName: string;
  familyName?: string;
  aliases?: string[];
}

/** Share of non-Latin names also recorded in a Latin transliteration, as an alias. */
const TRANSLITERATED_SHARE = 0.4;
/** Share of Latin names with diacritics also recorded without them (as on travel documents). */
const FOLDED_SHARE = 0.15;
/** Share of persons known by another name (a nickname, or a name imposed by the exploiter). */
const OTHER_NAME_SHARE = 0.04;

/** The Latin spelling of a name: its common transliteration mostly, sometimes a variant. */
const latinOf = (rng: Rng, name: Name): string =>
  name.latin.length === 0
    ? name.text
    : rng() < 0.7
      ? (name.latin[0] ?? name.text)
      : pick(rng, name.latin);

const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

function givenParts(rng: Rng, group: NameGroup, feminine: boolean): Name[] {
  const pool = feminine ? group.feminine : group.masculine;
  if (group.syllabic) {
    const parts = [pick(rng, pool), pick(rng, pool)];
    if (rng() < 0.35) parts.push(pick(rng, pool));
    return parts;
  }
  const middle = group.middle;
  if (middle !== undefined && rng() < middle.share) {
    return [pick(rng, feminine ? middle.feminine : middle.masculine), pick(rng, pool)];
  }
  return [pick(rng, pool)];
}

function familyParts(rng: Rng, group: NameGroup, feminine: boolean): Name[] {
  if (group.family.length === 0 || rng() >= group.familyShare) return [];
  const womenOnly = group.familyFeminine;
  if (feminine && womenOnly !== undefined && rng() < womenOnly.share) {
    return [pick(rng, womenOnly.names)];
  }
  const parts = [pick(rng, group.family)];
  if (group.doubleFamilyShare !== undefined && rng() < group.doubleFamilyShare) {
    parts.push(pick(rng, group.family));
  }
  return parts;
}

const fullName = (group: NameGroup, given: string, family: string | undefined): string =>
  family === undefined
    ? given
    : group.familyFirst === true
      ? `${family} ${given}`
      : `${given} ${family}`;

const surname = (group: NameGroup, feminine: boolean, s: string): string =>
  feminine && group.genderedFamily === true ? feminineSurname(s) : s;

const texts = (parts: readonly Name[]): string => parts.map((n) => n.text).join(' ');

/** A given name, usually a family name, and sometimes aliases, in the pool's script. */
export function demoName(rng: Rng, group: NameGroup, feminine: boolean): DemoName {
  const given = givenParts(rng, group, feminine);
  const family = familyParts(rng, group, feminine);
  const givenName = texts(given);
  const familyName = family.length === 0 ? undefined : surname(group, feminine, texts(family));
  const result: DemoName = familyName === undefined ? { givenName } : { givenName, familyName };

  let alias: string | undefined;
  if (group.script !== 'Latin') {
    if (rng() < TRANSLITERATED_SHARE) {
      const latinGiven = given.map((n) => latinOf(rng, n)).join(' ');
      const latinFamily =
        family.length > 0 && rng() >= 0.2
          ? surname(group, feminine, family.map((n) => latinOf(rng, n)).join(' '))
          : undefined;
      alias = fullName(group, latinGiven, latinFamily);
    }
  } else if (rng() < FOLDED_SHARE) {
    const full = fullName(group, givenName, familyName);
    const folded = fold(full);
    if (folded !== full) alias = folded;
  }
  const aliases = alias === undefined ? [] : [alias];
  if (rng() < OTHER_NAME_SHARE) {
    const other = pick(rng, feminine ? group.feminine : group.masculine).text;
    if (other !== givenName && other !== alias) aliases.push(other);
  }
  if (aliases.length > 0) result.aliases = aliases;
  return result;
}
