import { describe, expect, it } from 'vitest';
import type { EligibilityRules } from './eligibility.ts';
import { mismatchesOf } from './eligibility.ts';

const open: EligibilityRules = {
  ageMin: null,
  ageMax: null,
  genders: [],
  nationalities: [],
  statuses: [],
  languages: [],
  capacityAvailable: null,
};

describe('mismatchesOf', () => {
  it('finds nothing for a service without restrictions', () => {
    expect(
      mismatchesOf(open, {
        age: 15,
        gender: 'Masculine',
        nationality: 'NG',
        status: 'PossibleVictimOfTrafficking',
        language: 'ha',
      }),
    ).toEqual([]);
  });

  it('checks the age range, bounds included', () => {
    const adults = { ...open, ageMin: 18, ageMax: 25 };
    expect(mismatchesOf(adults, { age: 17 })).toEqual(['age']);
    expect(mismatchesOf(adults, { age: 18 })).toEqual([]);
    expect(mismatchesOf(adults, { age: 25 })).toEqual([]);
    expect(mismatchesOf(adults, { age: 26 })).toEqual(['age']);
    expect(mismatchesOf({ ...open, ageMax: 17 }, { age: 0 })).toEqual([]);
  });

  it('does not count what is unknown as a mismatch', () => {
    const strict: EligibilityRules = {
      ageMin: 18,
      ageMax: 30,
      genders: ['Feminine'],
      nationalities: ['NG'],
      statuses: ['ActualVictimOfTrafficking'],
      languages: ['en'],
      capacityAvailable: 2,
    };
    expect(mismatchesOf(strict, {})).toEqual([]);
    expect(mismatchesOf(strict)).toEqual([]);
  });

  it('reports every failing rule in a fixed order', () => {
    const strict: EligibilityRules = {
      ageMin: 18,
      ageMax: null,
      genders: ['Feminine', 'TransgenderFeminine'],
      nationalities: ['NG', 'GH'],
      statuses: ['ActualVictimOfTrafficking'],
      languages: ['en', 'fr'],
      capacityAvailable: 0,
    };
    expect(
      mismatchesOf(strict, {
        language: 'uk',
        status: 'PossibleVictimOfTrafficking',
        nationality: 'UA',
        gender: 'Masculine',
        age: 16,
      }),
    ).toEqual(['age', 'gender', 'nationality', 'status', 'language', 'capacity']);
    expect(
      mismatchesOf(strict, {
        age: 30,
        gender: 'TransgenderFeminine',
        nationality: 'GH',
        status: 'ActualVictimOfTrafficking',
        language: 'fr',
      }),
    ).toEqual(['capacity']);
  });

  it('counts no places left as a mismatch, and unlimited places as none', () => {
    expect(mismatchesOf({ ...open, capacityAvailable: 0 })).toEqual(['capacity']);
    expect(mismatchesOf({ ...open, capacityAvailable: 1 })).toEqual([]);
    expect(mismatchesOf({ ...open, capacityAvailable: null })).toEqual([]);
  });
});
