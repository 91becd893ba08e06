import { describe, expect, it } from 'vitest';
import { GENDER_LIST, TRAFFICKING_STATUS_LIST, lookupIn } from './code-lists.ts';
import { country, multi, pick, splitMulti, wholeNumber } from './column-values.ts';
import { EXPLOITATION_TYPE_LIST } from './code-lists.ts';
import { countryCodeOf } from './country-names.ts';

describe('picklists', () => {
  it('read the toolkit’s spelling, the value name, the standard’s label and the API’s aliases', () => {
    const status = lookupIn(TRAFFICKING_STATUS_LIST);
    expect(status('Possible victim of trafficking')).toBe('PossibleVictimOfTrafficking');
    expect(status('ACTUALVICTIMOFTRAFFICKING')).toBe('ActualVictimOfTrafficking');
    expect(status('maybe')).toBeUndefined();
    const gender = lookupIn(GENDER_LIST);
    expect(gender('Not Specified/Unknown')).toBe('NonSpecifiedUnknown');
    expect(gender('Transgender Feminine')).toBe('TransgenderFeminine');
    expect(gender('female')).toBe('Feminine');
  });

  it('write the toolkit’s drop-down spelling', () => {
    expect(
      pick('traffickingStatus', TRAFFICKING_STATUS_LIST).write('NotAVictimOfTrafficking'),
    ).toBe('Not a victim of trafficking');
    expect(multi('t', EXPLOITATION_TYPE_LIST).write(['ForcedLabour', 'Other'])).toBe(
      'Forced labour; Other',
    );
  });

  it('name the wrong items of a multi-select without repeating them', () => {
    expect(multi('t', EXPLOITATION_TYPE_LIST).read('Forced labour; Fishing; ; Mining')).toEqual({
      ok: false,
      message: expect.stringMatching(/^items 2, 3 not one of: Forced labour, /) as string,
    });
    // The same value twice is kept once.
    expect(multi('t', EXPLOITATION_TYPE_LIST).read('Forced labour; ForcedLabour')).toEqual({
      ok: true,
      value: ['ForcedLabour'],
    });
  });
});

describe('splitMulti', () => {
  it('keeps a value whose own text holds a semicolon (the toolkit’s "Water supply; …")', () => {
    const known = ['Water supply; sewerage, waste management and remediation', 'Manufacturing'];
    const lookup = (s: string) => known.find((k) => k === s);
    expect(
      splitMulti('Manufacturing; Water supply; sewerage, waste management and remediation', lookup),
    ).toEqual({ values: known.slice().reverse(), unknown: [] });
  });
});

describe('countries', () => {
  it('are read as codes or English names, including the toolkit’s spellings', () => {
    expect(countryCodeOf('ng')).toBe('NG');
    expect(countryCodeOf('Nigeria')).toBe('NG');
    expect(countryCodeOf('Viet Nam')).toBe('VN');
    expect(countryCodeOf('Congo, Democratic Republic of the')).toBe('CD');
    expect(countryCodeOf('Congo')).toBe('CG');
    expect(countryCodeOf("Côte d'Ivoire")).toBe('CI');
    expect(countryCodeOf('UK')).toBe('GB');
    expect(countryCodeOf('Kosovo')).toBe('XK');
    expect(countryCodeOf('Atlantis')).toBeUndefined();
    expect(countryCodeOf('ZZ')).toBeUndefined();
  });

  it('keep the first of a multi-select and warn', () => {
    expect(country('citizenship', { firstOfMany: true }).read('Albania; Kosovo')).toEqual({
      ok: true,
      value: 'AL',
      warning: 'Lantern keeps one value for now: the first was imported',
    });
    expect(country('countryOfExploitation').read('Milan, Italy').ok).toBe(false);
  });
});

it('whole numbers refuse fractions and words', () => {
  const age = wholeNumber('person.age');
  expect(age.read('30')).toEqual({ ok: true, value: 30 });
  expect(age.read('30.5')).toEqual({ ok: false, message: 'must be a whole number' });
  expect(age.read('thirty').ok).toBe(false);
});
