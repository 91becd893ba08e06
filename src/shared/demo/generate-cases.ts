/**
 * Synthetic, reproducible demo cases: never real victim data. Persons are random combinations of
 * common names; corridors and skews are illustrative (sources in corridors.ts). Each case is a
 * valid `CaseCreateBody` (src/shared/api/cases.schema.ts). Output depends only on the options
 * and on this module's tables, so changing a table changes what a seed produces.
 */
import type { CountryCode } from '../codes/countries.ts';
import type { CaseStatus, ExploitationType, Gender, TraffickingStatus } from '../codes/htcds.ts';
import {
  ORIGINS,
  PROFILES,
  PURPOSE_TRAITS,
  UNKNOWN_DESTINATION_SHARE,
  type ProfileId,
} from './corridors.ts';
import { isoDay, parseIsoDay, yearsBefore } from './calendar.ts';
import { demoName } from './demo-person.ts';
import type { NameGroup } from './name-pool.ts';
import { NAME_GROUPS } from './names.ts';
import { demoPhone } from './phones.ts';
import { createRng, pick, randomInt, Weighted, type Rng } from './random.ts';

export interface DemoCase {
  person: {
    givenName: string;
    familyName?: string;
    aliases?: string[];
    dateOfBirth?: string;
    age?: number;
    gender: Gender;
    phone?: string;
  };
  citizenship: CountryCode;
  countryOfExploitation?: CountryCode;
  typeOfExploitation: ExploitationType[];
  registrationDate: string;
  traffickingStatus: TraffickingStatus;
  status: CaseStatus;
}

export interface DemoCaseOptions {
  /** Any safe integer; the same seed gives the same cases. */
  seed: number;
  /** How many cases; a non-negative integer. */
  count: number;
  /** The day registrations end, YYYY-MM-DD; they spread over the five years before it. */
  today?: string;
}

export const DEFAULT_DEMO_TODAY = '2026-06-30';

const WINDOW_YEARS = 5;
const PHONE_SHARE = 0.3;

interface PreparedProfile {
  readonly purposes: Weighted<ExploitationType>;
  readonly feminine: number | undefined;
}

interface PreparedOrigin {
  readonly citizenship: CountryCode;
  readonly names: Weighted<NameGroup>;
  readonly destinations: Weighted<{ to: CountryCode; profile: PreparedProfile }>;
}

const PREPARED_PROFILES = Object.fromEntries(
  Object.entries(PROFILES).map(([id, p]) => [
    id,
    {
      purposes: new Weighted(Object.entries(p.purposes) as [ExploitationType, number][]),
      feminine: 'feminine' in p ? p.feminine : undefined,
    },
  ]),
) as Record<ProfileId, PreparedProfile>;

const ORIGIN_TABLE = new Weighted<PreparedOrigin>(
  ORIGINS.map((o) => [
    {
      citizenship: o.citizenship,
      names: new Weighted(o.names.map(([id, w]) => [NAME_GROUPS[id], w] as const)),
      destinations: new Weighted(
        o.destinations.map(([to, w, profile]) => [{ to, profile: PREPARED_PROFILES[profile] }, w]),
      ),
    },
    o.weight,
  ]),
);

/** Ages skew to 15–35; children are drawn older rather than younger, and young ones only for
 * the purposes where young children are found (labour, begging). */
function drawAge(rng: Rng, purpose: ExploitationType): number {
  if (rng() < PURPOSE_TRAITS[purpose].child) {
    const youngest = purpose === 'ChildLabour' || purpose === 'ForcedBegging' ? 5 : 12;
    return youngest + Math.floor((18 - youngest) * Math.sqrt(rng()));
  }
  if (purpose === 'ForcedMarriage') return randomInt(rng, 18, 27);
  const r = rng();
  return r < 0.72
    ? randomInt(rng, 18, 35)
    : r < 0.93
      ? randomInt(rng, 36, 50)
      : randomInt(rng, 51, 70);
}

const OTHER_GENDERS = ['TransgenderFeminine', 'TransgenderMasculine', 'NonConforming'] as const;

function drawGender(rng: Rng, feminine: number, purpose: ExploitationType): Gender {
  const r = rng();
  if (r < 0.025) return 'NonSpecifiedUnknown';
  if (r < 0.037) {
    return purpose === 'SexualExploitation' && rng() < 0.6
      ? 'TransgenderFeminine'
      : pick(rng, OTHER_GENDERS);
  }
  return rng() < feminine ? 'Feminine' : 'Masculine';
}

function drawTypes(rng: Rng, profile: PreparedProfile, purpose: ExploitationType, age: number) {
  // Children in forced labour are recorded under child labour about half the time.
  const main = age < 18 && purpose === 'ForcedLabour' && rng() < 0.5 ? 'ChildLabour' : purpose;
  const types: ExploitationType[] = [main];
  if (rng() < 0.12) {
    const extra = profile.purposes.draw(rng);
    if (!types.includes(extra) && (age < 18 || extra !== 'ChildLabour')) types.push(extra);
  }
  return types;
}

/** A birth date that makes the person exactly `age` on `registrationDay`. */
const birthDay = (rng: Rng, registrationDay: number, age: number): number =>
  yearsBefore(registrationDay, age) - Math.floor(rng() * 365);

function demoCase(rng: Rng, today: number, window: number): DemoCase {
  const origin = ORIGIN_TABLE.draw(rng);
  const { to, profile } = origin.destinations.draw(rng);
  const purpose = profile.purposes.draw(rng);
  const age = drawAge(rng, purpose);
  const typeOfExploitation = drawTypes(rng, profile, purpose, age);
  const gender = drawGender(rng, profile.feminine ?? PURPOSE_TRAITS[purpose].feminine, purpose);
  const feminine =
    gender === 'Feminine' || gender === 'TransgenderFeminine'
      ? true
      : gender === 'Masculine' || gender === 'TransgenderMasculine'
        ? false
        : rng() < 0.5;

  // Half uniform, half leaning to recent years: the newest day is about three times as likely
  // as the oldest, as registrations grow with a deployment's use.
  const u = rng() < 0.5 ? rng() : 1 - Math.sqrt(rng());
  const daysBack = Math.min(window - 1, Math.floor(u * window));
  const registrationDay = today - daysBack;
  const ageOfCase = daysBack / window;

  const name = demoName(rng, origin.names.draw(rng), feminine);
  const person: DemoCase['person'] = { givenName: name.givenName, gender };
  if (name.familyName !== undefined) person.familyName = name.familyName;
  if (name.aliases !== undefined) person.aliases = name.aliases;
  const known = rng();
  if (known < 0.58) person.dateOfBirth = isoDay(birthDay(rng, registrationDay, age));
  else if (known < 0.9) person.age = age;
  if (rng() < PHONE_SHARE) {
    const phone = demoPhone(rng, rng() < 0.6 ? origin.citizenship : to);
    if (phone !== undefined) person.phone = phone;
  }

  const t = rng();
  const traffickingStatus: TraffickingStatus =
    t < 0.06
      ? 'NotAVictimOfTrafficking'
      : t < 0.3 + 0.3 * ageOfCase
        ? 'ActualVictimOfTrafficking'
        : 'PossibleVictimOfTrafficking';
  const s = rng();
  const closed = 0.04 + 0.56 * ageOfCase;
  const status: CaseStatus =
    s < closed
      ? rng() < 0.6
        ? 'Closed'
        : 'ClosedReferred'
      : s < closed + 0.08 + 0.12 * ageOfCase
        ? 'FollowUp'
        : 'Active';

  const result: DemoCase = {
    person,
    citizenship: origin.citizenship,
    typeOfExploitation,
    registrationDate: isoDay(registrationDay),
    traffickingStatus,
    status,
  };
  if (rng() >= UNKNOWN_DESTINATION_SHARE) result.countryOfExploitation = to;
  return result;
}

function* generate(rng: Rng, count: number, today: number, window: number) {
  for (let i = 0; i < count; i++) yield demoCase(rng, today, window);
}

/**
 * Streams synthetic demo cases, one at a time, so any number can be produced in constant memory.
 * Deterministic: the same options always give the same sequence. Options are checked on call.
 */
export function demoCases(options: DemoCaseOptions): Generator<DemoCase, void, undefined> {
  const { seed, count } = options;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError('count must be a non-negative integer');
  }
  const today = parseIsoDay(options.today ?? DEFAULT_DEMO_TODAY);
  const start = yearsBefore(today, WINDOW_YEARS);
  return generate(createRng(seed), count, today, today - start);
}

/** Synthetic demo cases as an array; see `demoCases` to stream large counts. */
export function generateDemoCases(options: DemoCaseOptions): DemoCase[] {
  return Array.from(demoCases(options));
}
