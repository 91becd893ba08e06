import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from './default-model.ts';
import { comparePair, explainAgainst } from './engine.ts';
import { countryOnlyPlaces, queryPrior, withLambda, withoutComparisons } from './model-adapt.ts';
import { levelWeights, parseModel, type ModelComparison } from './model.ts';
import { person } from './test-support.ts';

const placeOf = (m: { comparisons: ModelComparison[] }) =>
  m.comparisons.find((c) => c.kind === 'place')!;
const level = (c: ModelComparison, name: string) => c.levels.find((l) => l.name === name)!;
const country = (code: string) => [{ country: code, adminArea: null, locality: null }];

describe('the prior for one record against a list', () => {
  it('is one over the list size plus one: each record, or none of them, equally likely', () => {
    expect(queryPrior(999)).toBeCloseTo(0.001, 12);
    expect(queryPrior(1)).toBe(0.5);
    // Nothing to compare with: still a probability below one.
    expect(queryPrior(0)).toBe(0.5);
    expect(queryPrior(Number.NaN)).toBe(0.5);
  });

  it('moves every match weight by the change in prior log-odds, and nothing else', () => {
    const a = person('a', { givenName: 'Amina', familyName: 'Okafor', sex: 'F' });
    const b = person('b', { givenName: 'Aminah', familyName: 'Okafor', sex: 'F' });
    const small = comparePair(withLambda(DEFAULT_MODEL, queryPrior(1_000)), a, b);
    const large = comparePair(withLambda(DEFAULT_MODEL, queryPrior(1_000_000)), a, b);
    expect(small.fields).toEqual(large.fields);
    // Prior odds 1 : list size.
    expect(small.weight - large.weight).toBeCloseTo(Math.log2(1_000_000 / 1_000), 2);
    expect(small.probability).toBeGreaterThan(large.probability);
  });

  it('refuses a prior that is not a probability strictly between 0 and 1', () => {
    expect(() => withLambda(DEFAULT_MODEL, 0)).toThrow(RangeError);
    expect(() => withLambda(DEFAULT_MODEL, 1)).toThrow(RangeError);
  });
});

describe('places named by country only', () => {
  const coarse = countryOnlyPlaces(DEFAULT_MODEL);

  it('makes agreement on the country the union of the trained agreement levels', () => {
    const before = placeOf(DEFAULT_MODEL);
    const after = placeOf(coarse);
    const sum = (k: 'm' | 'u') =>
      ['locality', 'admin_area', 'country'].reduce((s, n) => s + level(before, n)[k], 0);
    expect(level(after, 'country').m).toBeCloseTo(sum('m'), 12);
    expect(level(after, 'country').u).toBeCloseTo(sum('u'), 12);
    expect(level(after, 'locality')).toMatchObject({ m: 0, u: 0 });
    expect(level(after, 'different')).toEqual(level(before, 'different'));
    // m and u each still sum to one over the levels that can occur.
    const total = (k: 'm' | 'u') => after.levels.slice(1).reduce((s, l) => s + l[k], 0);
    expect(total('m')).toBeCloseTo(1, 3);
    expect(total('u')).toBeCloseTo(1, 3);
    expect(() => parseModel(JSON.parse(JSON.stringify(coarse)))).not.toThrow();
  });

  it('turns the same country from evidence against (localities differ) into evidence for', () => {
    const w = (m: typeof coarse) => levelWeights(placeOf(m))[3]!;
    expect(w(DEFAULT_MODEL)).toBeLessThan(0);
    expect(w(coarse)).toBeGreaterThan(0);
    const [same, other] = explainAgainst(coarse, person('q', { places: country('SD') }), [
      person('s', { places: country('SD') }),
      person('o', { places: country('NG') }),
    ]);
    expect(same!.fields.find((f) => f.field === 'place')).toMatchObject({ level: 'country' });
    expect(same!.fields.find((f) => f.field === 'place')!.weight).toBeGreaterThan(0);
    expect(other!.fields.find((f) => f.field === 'place')!.weight).toBeLessThan(0);
  });

  it('leaves every other comparison as trained', () => {
    const others = (m: typeof coarse) => m.comparisons.filter((c) => c.kind !== 'place');
    expect(others(coarse)).toEqual(others(DEFAULT_MODEL));
  });
});

describe('comparisons left out', () => {
  it('drops the named comparisons from the model and so from every explanation', () => {
    const model = withoutComparisons(DEFAULT_MODEL, ['id:phone']);
    expect(model.comparisons.map((c) => c.id)).toEqual([
      'givenName',
      'familyName',
      'birth',
      'sex',
      'place',
    ]);
    const pair = comparePair(
      model,
      person('a', { givenName: 'Joy', identifiers: { phone: '0801234567' } }),
      person('b', { givenName: 'Joy', identifiers: { phone: '0801234567' } }),
    );
    expect(pair.fields.map((f) => f.field)).not.toContain('phone');
  });
});

describe('one record against many', () => {
  it('scores each candidate exactly as comparing the pair alone does, in order', () => {
    const q = person('q', {
      givenName: 'Mohammed',
      familyName: 'Abdulrahman',
      sex: 'M',
      birth: { year: 1990, month: 3, day: 4 },
    });
    const candidates = [
      person('c1', { givenName: 'محمد', familyName: 'عبد الرحمن', sex: 'M' }),
      person('c2', {
        givenName: 'Grace',
        familyName: 'Mensah',
        birth: { year: 1985, month: 1, day: 30 },
      }),
      person('c3', {
        givenName: 'Muhammad',
        familyName: 'Abd al-Rahman',
        age: 36,
        ageAt: '2026-06-30',
      }),
    ];
    const together = explainAgainst(DEFAULT_MODEL, q, candidates);
    expect(together.map((p) => p.b)).toEqual(['c1', 'c2', 'c3']);
    together.forEach((p, k) => expect(p).toEqual(comparePair(DEFAULT_MODEL, q, candidates[k]!)));
    expect(explainAgainst(DEFAULT_MODEL, q, [])).toEqual([]);
  });
});
