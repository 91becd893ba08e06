import { describe, expect, it } from 'vitest';
import { CaseCreateBody } from '../api/cases.schema.ts';
import { type DemoCase, demoCases, generateDemoCases } from './generate-cases.ts';

const sample = generateDemoCases({ seed: 42, count: 10_000 });
const share = (cases: readonly DemoCase[], test: (c: DemoCase) => boolean): number =>
  cases.filter(test).length / cases.length;

/** Age in whole years on a date, from YYYY-MM-DD strings. */
function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = [birth.slice(0, 4), birth.slice(5, 7), birth.slice(8, 10)].map(Number);
  const [y, m, d] = [on.slice(0, 4), on.slice(5, 7), on.slice(8, 10)].map(Number);
  const beforeBirthday = (m ?? 0) < (bm ?? 0) || (m === bm && (d ?? 0) < (bd ?? 0));
  return (y ?? 0) - (by ?? 0) - (beforeBirthday ? 1 : 0);
}

const ageOf = (c: DemoCase): number | undefined =>
  c.person.dateOfBirth === undefined
    ? c.person.age
    : ageOn(c.person.dateOfBirth, c.registrationDate);

describe('generateDemoCases', () => {
  it('gives the same cases for the same seed and different cases for another', () => {
    expect(generateDemoCases({ seed: 7, count: 500 })).toEqual(
      generateDemoCases({ seed: 7, count: 500 }),
    );
    expect(generateDemoCases({ seed: 8, count: 500 })).not.toEqual(
      generateDemoCases({ seed: 7, count: 500 }),
    );
  });

  it('streams the same sequence, lazily, however many are asked for', () => {
    const stream = demoCases({ seed: 42, count: 1_000_000_000 });
    const first = Array.from({ length: 100 }, () => stream.next().value);
    expect(first).toEqual(sample.slice(0, 100));
  });

  it('produces records the case API accepts unchanged', () => {
    for (const c of sample.slice(0, 5_000)) {
      const parsed = CaseCreateBody.safeParse(c);
      if (!parsed.success) throw new Error(`${JSON.stringify(c)}: ${parsed.error.message}`);
      expect(parsed.data).toEqual(c);
    }
  });

  it('writes names in the script of the citizenship, with Latin transliterations as aliases', () => {
    const cases = sample.slice(0, 2_000);
    const scripts = ['Latin', 'Arabic', 'Cyrillic', 'Ethiopic', 'Bengali'];
    for (const script of scripts) {
      const letter = new RegExp(`\\p{Script=${script}}`, 'u');
      expect(
        cases.some((c) => letter.test(c.person.givenName)),
        script,
      ).toBe(true);
    }
    const byCitizenship: Record<string, RegExp> = {
      SY: /^\p{Script=Arabic}/u,
      SD: /^\p{Script=Arabic}/u,
      ET: /^\p{Script=Ethiopic}/u,
      ER: /^\p{Script=Ethiopic}/u,
      BD: /^\p{Script=Bengali}/u,
      UA: /^\p{Script=Cyrillic}/u,
      KG: /^\p{Script=Cyrillic}/u,
      MD: /^(\p{Script=Cyrillic}|\p{Script=Latin})/u,
      NG: /^\p{Script=Latin}/u,
      VN: /^\p{Script=Latin}/u,
    };
    for (const c of sample) {
      expect(c.person.givenName, c.citizenship).toMatch(byCitizenship[c.citizenship] ?? /./u);
    }
    const transliterated = cases.filter(
      (c) =>
        !/\p{Script=Latin}/u.test(c.person.givenName) &&
        c.person.aliases?.some((a) => /^[\p{Script=Latin}\p{M} .'-]+$/u.test(a)),
    );
    expect(transliterated.length).toBeGreaterThan(50);
    expect(share(sample, (c) => c.person.familyName === undefined)).toBeGreaterThan(0.03);
  });

  it('spreads cases over many countries, about a fifth of them domestic', () => {
    expect(new Set(sample.map((c) => c.citizenship)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(sample.map((c) => c.countryOfExploitation)).size).toBeGreaterThanOrEqual(20);
    const domestic = share(sample, (c) => c.countryOfExploitation === c.citizenship);
    expect(domestic).toBeGreaterThan(0.1);
    expect(domestic).toBeLessThan(0.3);
  });

  it('skews sexual exploitation to women and girls and forced labour to men and boys', () => {
    const sexual = sample.filter((c) => c.typeOfExploitation.includes('SexualExploitation'));
    expect(share(sexual, (c) => c.person.gender === 'Feminine')).toBeGreaterThan(0.7);
    const labour = sample.filter((c) => c.typeOfExploitation[0] === 'ForcedLabour');
    expect(share(labour, (c) => c.person.gender === 'Masculine')).toBeGreaterThan(0.5);
    const marriage = sample.filter((c) => c.typeOfExploitation[0] === 'ForcedMarriage');
    expect(share(marriage, (c) => c.person.gender === 'Feminine')).toBeGreaterThan(0.8);
    expect(share(sample, (c) => c.person.gender === 'NonSpecifiedUnknown')).toBeGreaterThan(0);
  });

  it('registers cases in the five years up to today, more of them recently', () => {
    for (const today of ['2026-06-30', '2024-02-29']) {
      const cases = generateDemoCases({ seed: 3, count: 3_000, today });
      const fiveYearsBefore = `${Number(today.slice(0, 4)) - 5}${today.slice(4)}`;
      for (const c of cases) {
        expect(c.registrationDate <= today && c.registrationDate > fiveYearsBefore).toBe(true);
      }
    }
    const lastYear = share(sample, (c) => c.registrationDate > '2025-06-30');
    const firstYear = share(sample, (c) => c.registrationDate <= '2022-06-30');
    expect(lastYear).toBeGreaterThan(1.5 * firstYear);
  });

  it('gives an age or a date of birth that agree with a plausible person', () => {
    for (const c of sample) {
      expect(c.person.age !== undefined && c.person.dateOfBirth !== undefined).toBe(false);
      if (c.person.dateOfBirth !== undefined) {
        expect(c.person.dateOfBirth < c.registrationDate).toBe(true);
      }
      const age = ageOf(c);
      if (age !== undefined) expect(age >= 0 && age < 120).toBe(true);
      if (c.typeOfExploitation.includes('ChildLabour') && age !== undefined) {
        expect(age).toBeLessThan(18);
      }
    }
    const known = sample.filter((c) => ageOf(c) !== undefined);
    expect(share(sample, (c) => c.person.age !== undefined)).toBeGreaterThan(0.15);
    const children = share(known, (c) => (ageOf(c) ?? 0) < 18);
    expect(children).toBeGreaterThan(0.15);
    expect(children).toBeLessThan(0.35);
    expect(share(known, (c) => (ageOf(c) ?? 0) >= 15 && (ageOf(c) ?? 0) <= 35)).toBeGreaterThan(
      0.5,
    );
  });

  it('keeps most cases active and possible victims, and closes older cases more often', () => {
    expect(share(sample, (c) => c.status === 'Active')).toBeGreaterThan(0.5);
    expect(
      share(sample, (c) => c.traffickingStatus === 'PossibleVictimOfTrafficking'),
    ).toBeGreaterThan(0.45);
    expect(share(sample, (c) => c.traffickingStatus === 'NotAVictimOfTrafficking')).toBeLessThan(
      0.1,
    );
    const isClosed = (c: DemoCase) => c.status === 'Closed' || c.status === 'ClosedReferred';
    const old = sample.filter((c) => c.registrationDate < '2023-06-30');
    const recent = sample.filter((c) => c.registrationDate > '2025-06-30');
    expect(share(old, isClosed)).toBeGreaterThan(2 * share(recent, isClosed));
  });

  it('gives about a third of persons an international phone number', () => {
    const phones = sample.flatMap((c) => (c.person.phone === undefined ? [] : [c.person.phone]));
    expect(phones.length / sample.length).toBeGreaterThan(0.2);
    expect(phones.length / sample.length).toBeLessThan(0.4);
    for (const phone of phones) expect(phone).toMatch(/^\+[1-9]\d{7,14}$/);
  });

  it('refuses options it cannot honour', () => {
    expect(() => generateDemoCases({ seed: 1, count: -1 })).toThrow(RangeError);
    expect(() => generateDemoCases({ seed: 1.5, count: 1 })).toThrow(RangeError);
    expect(() => demoCases({ seed: 1, count: 1, today: '2026-02-30' })).toThrow(RangeError);
    expect(generateDemoCases({ seed: 1, count: 0 })).toEqual([]);
  });
});
