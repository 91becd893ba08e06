import { describe, expect, it } from 'vitest';
import { LEVELS_OF } from '../../../shared/linkage/comparisons.ts';
import { barShare, explain, formatProbability, formatWeight } from './explanation.ts';

describe('match explanations in words', () => {
  it('maps the engine’s fields and levels to catalogue keys, in the order given', () => {
    expect(
      explain([
        { field: 'familyName', level: 'transliterated', weight: 6.2 },
        { field: 'birth', level: 'year', weight: 2.1 },
        { field: 'givenName', level: 'fuzzy_high', weight: 3 },
        { field: 'place', level: 'country', weight: 3.7 },
        { field: 'birth', level: 'year_plus_minus_1', weight: -0.2 },
        { field: 'phone', level: 'one_edit', weight: 9.2 },
        { field: 'sex', level: 'different', weight: -16.3 },
        { field: 'place', level: 'missing', weight: 0 },
      ]),
    ).toEqual([
      { field: 'familyName', level: 'transliterated', weight: 6.2, direction: 'for' },
      { field: 'birth', level: 'yearOnly', weight: 2.1, direction: 'for' },
      { field: 'givenName', level: 'similarHigh', weight: 3, direction: 'for' },
      { field: 'place', level: 'country', weight: 3.7, direction: 'for' },
      { field: 'birth', level: 'yearClose', weight: -0.2, direction: 'against' },
      { field: 'phone', level: 'oneEdit', weight: 9.2, direction: 'for' },
      { field: 'sex', level: 'different', weight: -16.3, direction: 'against' },
      { field: 'place', level: 'missing', weight: 0, direction: 'neutral' },
    ]);
  });

  it('has a catalogue key for every level of every comparison kind the engine has', () => {
    const levels = Object.values(LEVELS_OF).flat();
    const unknown = explain(levels.map((level) => ({ field: 'sex', level, weight: 1 }))).filter(
      (f) => f.level === 'agrees',
    );
    expect(unknown).toEqual([]);
  });

  it('describes an unknown level by the sign of its weight, and an unknown field as "other"', () => {
    const [a, b, c] = explain([
      { field: 'attr:suburb', level: 'something_new', weight: 1.2 },
      { field: 'givenName', level: 'brand_new', weight: -0.4 },
      { field: 'age', level: 'n/a', weight: 0 },
    ]);
    expect([a!.field, a!.level]).toEqual(['other', 'agrees']);
    expect([b!.field, b!.level]).toEqual(['givenName', 'differs']);
    expect([c!.level, c!.direction]).toEqual(['notCompared', 'neutral']);
  });

  it('writes weights with a sign and one decimal, a real minus sign for evidence against', () => {
    expect(formatWeight(6.2, 'en')).toBe('+6.2');
    expect(formatWeight(-3, 'en')).toBe('\u22123.0');
    expect(formatWeight(0.04, 'en')).toBe('0.0');
    expect(formatWeight(2.06, 'fr')).toBe('+2,1');
  });

  it('never rounds a near-certain probability up to 100 %', () => {
    expect(formatProbability(0.9996, 'en')).toBe('99.9%');
    expect(formatProbability(1, 'en')).toBe('100%');
    expect(formatProbability(0.42, 'en')).toBe('42%');
  });

  it('sizes bars against the largest weight shown', () => {
    expect(barShare(-3, 6)).toBe(0.5);
    expect(barShare(6, 6)).toBe(1);
    expect(barShare(1, 0)).toBe(0);
  });
});
