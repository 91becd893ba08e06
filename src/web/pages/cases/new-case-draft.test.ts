import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { emptyDraft, fieldOf, toBody, validateDraft } from './new-case-draft.ts';

const t = ((key: string) => key) as unknown as TFunction;

describe('new case form', () => {
  it('asks for given name, gender and citizenship before sending', () => {
    expect(validateDraft(t, emptyDraft())).toEqual({
      'person.givenName': 'fieldErrors.required',
      'person.gender': 'fieldErrors.required',
      citizenship: 'fieldErrors.required',
    });
  });

  it('accepts an age or a date of birth, not both, and only a whole age up to 120', () => {
    const base = {
      ...emptyDraft(),
      givenName: 'Amina',
      gender: 'Feminine' as const,
      citizenship: 'NG',
    };
    expect(validateDraft(t, { ...base, age: '34' })).toEqual({});
    expect(validateDraft(t, { ...base, age: '121' })).toEqual({ 'person.age': 'fieldErrors.age' });
    expect(validateDraft(t, { ...base, age: '3.5' })).toEqual({ 'person.age': 'fieldErrors.age' });
    expect(validateDraft(t, { ...base, age: '30', dateOfBirth: '1996-01-01' })).toEqual({
      'person.age': 'newCase.ageOrDateOfBirth',
    });
  });

  it('sends trimmed values, splits aliases on commas and leaves empty fields out', () => {
    const body = toBody({
      ...emptyDraft(),
      givenName: '  Amina ',
      aliases: 'Mina, , A. B.',
      age: '34',
      gender: 'Feminine',
      citizenship: 'NG',
      typeOfExploitation: ['ForcedLabour'],
      registrationDate: '2026-03-01',
    });
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      person: { givenName: 'Amina', aliases: ['Mina', 'A. B.'], age: 34, gender: 'Feminine' },
      citizenship: 'NG',
      typeOfExploitation: ['ForcedLabour'],
      registrationDate: '2026-03-01',
      traffickingStatus: 'PossibleVictimOfTrafficking',
      status: 'Active',
    });
  });

  it('reports errors on array items against the whole field', () => {
    expect(fieldOf('person.aliases.3')).toBe('person.aliases');
    expect(fieldOf('typeOfExploitation.0')).toBe('typeOfExploitation');
    expect(fieldOf('person.givenName')).toBe('person.givenName');
  });
});
