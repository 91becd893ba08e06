import { describe, expect, it } from 'vitest';
import { emptyDraft, type NewCaseDraft } from '../cases/new-case-draft.ts';
import { checkBodyFrom } from './duplicate-check.ts';

const draft = (changes: Partial<NewCaseDraft>): NewCaseDraft => ({
  ...emptyDraft(),
  registrationDate: '2026-03-01',
  ...changes,
});

describe('the duplicate check body from the registration form', () => {
  it('waits for a name and a date of birth or an age', () => {
    expect(checkBodyFrom(draft({ givenName: 'Mohammed' }))).toBeNull();
    expect(checkBodyFrom(draft({ dateOfBirth: '1990-02-03' }))).toBeNull();
    expect(checkBodyFrom(draft({ givenName: 'Mohammed', age: '1x' }))).toBeNull();
    expect(checkBodyFrom(draft({ givenName: 'Mohammed', age: '34' }))?.person.age).toBe(34);
  });

  it('sends the names, aliases and date of birth, and leaves out what the API would refuse', () => {
    const body = checkBodyFrom(
      draft({
        givenName: ' Mohammed ',
        familyName: 'Abdulrahman',
        aliases: 'Muhammad, , Abd al-Rahman',
        dateOfBirth: '1990-02-03',
        age: '34',
        phone: '+9',
        documentNumber: 'P123',
        citizenship: 'SY',
      }),
    );
    expect(body).toEqual({
      person: {
        givenName: 'Mohammed',
        familyName: 'Abdulrahman',
        aliases: ['Muhammad', 'Abd al-Rahman'],
        dateOfBirth: '1990-02-03',
        gender: 'NonSpecifiedUnknown',
        documentNumber: 'P123',
      },
      citizenship: 'SY',
      registrationDate: '2026-03-01',
      limit: 5,
    });
  });

  it('ignores an impossible date of birth rather than sending it', () => {
    expect(checkBodyFrom(draft({ givenName: 'Amina', dateOfBirth: '1990-02-31' }))).toBeNull();
  });
});
