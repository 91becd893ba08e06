import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareDates,
  compareIdentifiers,
  comparePlaces,
  compareSex,
  compareStrings,
  DATE_LEVELS,
  IDENTIFIER_LEVELS,
  PLACE_LEVELS,
  SEX_LEVELS,
  STRING_LEVELS,
  compareDateParts,
} from './compare.ts';
import { compileComparisons, defaultComparisons } from './comparisons.ts';
import { NAME_LEVELS } from './name-adapter.ts';
import { prepareRecords } from './prepare.ts';
import { jaroWinkler, withinOneEdit } from './strings.ts';
import type { LinkRecord, PartialDate } from './types.ts';

const date = (year: number | null, month: number | null = null, day: number | null = null) => ({
  year,
  month,
  day,
});
const dateLevel = (a: PartialDate | null, b: PartialDate | null) => DATE_LEVELS[compareDates(a, b)];

describe('date comparator', () => {
  it.each([
    [date(1990, 4, 12), date(1990, 4, 12), 'exact'],
    [date(1990, 4, 12), date(1990, 4, 13), 'year_month'],
    [date(1990, 4, 12), date(1990, 4), 'year_month'],
    [date(1990, 4, 12), date(1990, 12, 4), 'swapped_day_month'],
    [date(1990, 4, 12), date(1980, 4, 12), 'one_digit'],
    [date(1990, 4, 12), date(1990, 7, 30), 'year'],
    [date(1990), date(1990), 'year'],
    [date(1990, 4, 12), date(1991, 6, 1), 'year_plus_minus_1'],
    [date(1990, 4, 12), date(1993, 6, 1), 'within_tolerance'],
    [date(1990, 4, 12), date(1960, 1, 1), 'different'],
    [date(1990, 4, 12), null, 'missing'],
    [date(null), date(1990), 'missing'],
  ])('%o vs %o is %s', (a, b, level) => {
    expect(dateLevel(a, b)).toBe(level);
    expect(dateLevel(b, a)).toBe(level);
  });

  it('compares a year derived from an age by tolerance only', () => {
    expect(DATE_LEVELS[compareDateParts(1990, 4, 12, false, 1990, 0, 0, true, 3)]).toBe('year');
    expect(DATE_LEVELS[compareDateParts(1990, 4, 12, false, 1992, 0, 0, true, 3)]).toBe(
      'within_tolerance',
    );
  });
});

describe('other comparators', () => {
  it('sex', () => {
    expect(SEX_LEVELS[compareSex('F', 'F')]).toBe('exact');
    expect(SEX_LEVELS[compareSex('F', 'M')]).toBe('different');
    expect(SEX_LEVELS[compareSex(null, 'M')]).toBe('missing');
  });

  it('places', () => {
    const p = (country: string, adminArea = '', locality = '') => ({
      country,
      adminArea,
      locality,
    });
    expect(
      PLACE_LEVELS[comparePlaces([p('SY', 'aleppo', 'azaz')], [p('SY', 'aleppo', 'azaz')])],
    ).toBe('locality');
    expect(
      PLACE_LEVELS[comparePlaces([p('SY', 'aleppo', 'azaz')], [p('SY', 'aleppo', 'bab')])],
    ).toBe('admin_area');
    expect(PLACE_LEVELS[comparePlaces([p('SY', 'aleppo')], [p('SY', 'idlib')])]).toBe('country');
    expect(PLACE_LEVELS[comparePlaces([p('SY')], [p('LB')])]).toBe('different');
    expect(PLACE_LEVELS[comparePlaces([p('SY', 'x', 'azaz')], [p('LB', 'x', 'azaz')])]).toBe(
      'different',
    );
    expect(PLACE_LEVELS[comparePlaces([], [p('LB')])]).toBe('missing');
    // The best agreement over all places either record names.
    expect(PLACE_LEVELS[comparePlaces([p('LB'), p('SY', '', 'azaz')], [p('SY', '', 'azaz')])]).toBe(
      'locality',
    );
  });

  it('generic strings', () => {
    expect(STRING_LEVELS[compareStrings('tullaroop street', 'tullaroop street')]).toBe('exact');
    expect(STRING_LEVELS[compareStrings('tullaroop street', 'tullaroop stret')]).toBe('jw_0.92');
    expect(STRING_LEVELS[compareStrings('martha', 'marhta')]).toBe('jw_0.92');
    expect(STRING_LEVELS[compareStrings('dwayne', 'duane')]).toBe('jw_0.80');
    expect(STRING_LEVELS[compareStrings('kellerberrin', 'cleveland')]).toBe('different');
    expect(STRING_LEVELS[compareStrings('', 'x')]).toBe('missing');
  });

  it('identifiers', () => {
    expect(IDENTIFIER_LEVELS[compareIdentifiers('5304218', '5304218')]).toBe('exact');
    expect(IDENTIFIER_LEVELS[compareIdentifiers('5304218', '5304281')]).toBe('one_edit');
    expect(IDENTIFIER_LEVELS[compareIdentifiers('5304218', '530421')]).toBe('one_edit');
    expect(IDENTIFIER_LEVELS[compareIdentifiers('1234', '1235')]).toBe('different');
    expect(IDENTIFIER_LEVELS[compareIdentifiers('5304218', '9999999')]).toBe('different');
    expect(IDENTIFIER_LEVELS[compareIdentifiers('', '1')]).toBe('missing');
  });

  it('Jaro-Winkler on the textbook examples (Winkler 1990)', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 3);
    expect(withinOneEdit('abcd', 'abdc')).toBe(true);
    expect(withinOneEdit('abcd', 'badc')).toBe(false);
  });
});

const person = (over: Partial<LinkRecord>): LinkRecord => ({
  id: 'x',
  givenName: null,
  familyName: null,
  aliases: [],
  sex: null,
  birth: null,
  age: null,
  ageAt: null,
  places: [],
  identifiers: {},
  ...over,
});

describe('name comparisons in the engine', () => {
  const levelOf = (a: Partial<LinkRecord>, b: Partial<LinkRecord>, part: 'given' | 'family') => {
    const set = prepareRecords([person({ id: 'a', ...a }), person({ id: 'b', ...b })]);
    const [c] = compileComparisons([{ id: 'n', kind: 'name', part }], set);
    return NAME_LEVELS[c!.compare(0, 1)];
  };

  it('gives each level of the names module', () => {
    expect(levelOf({ givenName: 'Ahmed' }, { givenName: 'AHMED' }, 'given')).toBe('exact');
    expect(levelOf({ givenName: 'Ahmed' }, { givenName: 'Ahmad' }, 'given')).not.toBe('different');
    expect(levelOf({ givenName: 'Ahmed' }, { givenName: 'Svetlana' }, 'given')).toBe('different');
    expect(levelOf({ givenName: '???' }, { givenName: 'Ahmed' }, 'given')).toBe('missing');
    expect(levelOf({ givenName: 'محمد' }, { givenName: 'Mohammed' }, 'given')).not.toBe(
      'different',
    );
  });

  it("recognises given and family names written in each other's place", () => {
    const a = { givenName: 'Hassan', familyName: 'Karimi' };
    const b = { givenName: 'Karimi', familyName: 'Hassan' };
    expect(levelOf(a, b, 'given')).toBe('swapped');
    expect(levelOf(a, b, 'family')).toBe('swapped');
  });

  it('uses aliases: the best level over every spelling', () => {
    const level = levelOf(
      { givenName: 'Tigist', aliases: ['Mimi Bekele'] },
      { givenName: 'Mimi' },
      'given',
    );
    expect(level).toBe('exact');
  });
});

const arbRecord: fc.Arbitrary<LinkRecord> = fc.record({
  id: fc.string(),
  givenName: fc.option(fc.string({ maxLength: 40 })),
  familyName: fc.option(
    fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('محمد', 'Иванов', '😀')),
  ),
  aliases: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }),
  sex: fc.constantFrom<'F' | 'M' | null>('F', 'M', null),
  birth: fc.option(
    fc.record({
      year: fc.option(fc.integer({ min: -5, max: 4000 })),
      month: fc.option(fc.integer({ min: -1, max: 14 })),
      day: fc.option(fc.integer({ min: -1, max: 33 })),
    }),
  ),
  age: fc.option(fc.double()),
  ageAt: fc.option(fc.string({ maxLength: 12 })),
  places: fc.array(
    fc.record({
      country: fc.option(fc.string({ maxLength: 3 })),
      adminArea: fc.option(fc.string({ maxLength: 8 })),
      locality: fc.option(fc.string({ maxLength: 8 })),
    }),
    { maxLength: 2 },
  ),
  identifiers: fc.dictionary(fc.constantFrom('phone', 'passport'), fc.string({ maxLength: 10 })),
  attributes: fc.dictionary(fc.constantFrom('postcode', 'street'), fc.string({ maxLength: 10 })),
});

describe('properties', () => {
  it('every comparison is symmetric and never throws on junk', () => {
    fc.assert(
      fc.property(arbRecord, arbRecord, (a, b) => {
        const set = prepareRecords([a, b]);
        const specs = [
          { id: 'g', kind: 'name' as const, part: 'given' as const },
          { id: 'f', kind: 'name' as const, part: 'family' as const },
          ...defaultComparisons(set).filter((s) => s.kind !== 'name'),
        ];
        for (const c of compileComparisons(specs, set)) {
          const ab = c.compare(0, 1);
          expect(c.compare(1, 0)).toBe(ab);
          expect(ab).toBeGreaterThanOrEqual(0);
          expect(ab).toBeLessThan(c.levels.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('Jaro-Winkler is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const x = jaroWinkler(a, b);
        expect(x).toBeCloseTo(jaroWinkler(b, a), 12);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }),
    );
  });
});
