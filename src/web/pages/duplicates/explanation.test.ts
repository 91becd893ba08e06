import { describe, expect, it } from 'vitest';
import { barShare, explain, formatProbability, formatWeight } from './explanation.ts';

describe('match explanations in words', () => {
  it('maps engine and interim-scorer levels to catalogue keys, in the order given', () => {
    expect(
      explain([
        { field: 'familyName', level: 'transliterated', weight: 6.2 },
        { field: 'birth', level: 'year', weight: 2.1 },
        { field: 'sex', level: 'disagree', weight: -3 },
        { field: 'givenName', level: 'jw_0.92', weight: 3 },
        { field: 'place', level: 'same_country', weight: 1.6 },
      ]),
    ).toEqual([
      { field: 'familyName', level: 'transliterated', weight: 6.2, direction: 'for' },
      { field: 'birth', level: 'yearOnly', weight: 2.1, direction: 'for' },
      { field: 'sex', level: 'different', weight: -3, direction: 'against' },
      { field: 'givenName', level: 'similarHigh', weight: 3, direction: 'for' },
      { field: 'place', level: 'country', weight: 1.6, direction: 'for' },
    ]);
  });

  it('describes an unknown level by the sign of its weight, and an unknown field as "other"', () => {
    const [a, b, c] = explain([
      { field: 'attr:suburb', level: 'something_new', weight: 1.2 },
      { field: 'name', level: 'brand_new', weight: -0.4 },
      { field: 'age', level: 'n/a', weight: 0 },
    ]);
    expect([a!.field, a!.level]).toEqual(['other', 'agrees']);
    expect([b!.field, b!.level]).toEqual(['name', 'differs']);
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
