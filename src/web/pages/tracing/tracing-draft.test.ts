import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import {
  emptyTracingDraft,
  partialDate,
  toTracingBody,
  tracingFieldOf,
  validateTracingDraft,
  type TracingDraft,
} from './tracing-draft.ts';

const t = ((key: string) => key) as unknown as TFunction;
const TODAY = '2026-03-01';
const draft = (changes: Partial<TracingDraft>): TracingDraft => ({
  ...emptyTracingDraft(),
  relationship: 'child',
  enquirerName: 'Fatima Haddad',
  ...changes,
});

describe('the tracing request form', () => {
  it('turns a partial date into YYYY, YYYY-MM or YYYY-MM-DD, refusing impossible ones', () => {
    const d = { precision: 'year' as const, year: '1998', month: '4', day: '31' };
    expect(partialDate({ ...d, precision: 'unknown' }, TODAY)).toBeUndefined();
    expect(partialDate(d, TODAY)).toBe('1998');
    expect(partialDate({ ...d, precision: 'month' }, TODAY)).toBe('1998-04');
    expect(partialDate({ ...d, precision: 'day' }, TODAY)).toBeNull();
    expect(partialDate({ ...d, precision: 'day', day: '30' }, TODAY)).toBe('1998-04-30');
    expect(partialDate({ ...d, year: '1899' }, TODAY)).toBeNull();
    expect(partialDate({ ...d, year: '2027' }, TODAY)).toBeNull();
    expect(partialDate({ ...d, precision: 'month', year: '2026', month: '4' }, TODAY)).toBeNull();
  });

  it('needs a name or an alias, the relationship and the enquirer, and an agency’s name', () => {
    const errors = validateTracingDraft(
      t,
      draft({ relationship: '', enquirerName: ' ', enquirerKind: 'agency', aliases: ['  '] }),
      TODAY,
    );
    expect(Object.keys(errors).sort()).toEqual([
      'enquirer.name',
      'enquirer.organisation',
      'sought.givenName',
      'sought.relationshipToEnquirer',
    ]);
    expect(validateTracingDraft(t, draft({ aliases: ['محمد'] }), TODAY)).toEqual({});
  });

  it('refuses an age beside a date of birth, and a bad phone or email', () => {
    const errors = validateTracingDraft(
      t,
      draft({
        givenName: 'Mohammed',
        age: '30',
        birth: { precision: 'year', year: '1990', month: '', day: '' },
        phone: 'call me',
        email: 'nope',
      }),
      TODAY,
    );
    expect(errors).toEqual({
      'sought.age': 'tracing.form.ageOrDateOfBirth',
      'enquirer.phone': 'fieldErrors.phone',
      'enquirer.email': 'fieldErrors.email',
    });
  });

  it('builds the body with only what was given', () => {
    const body = toTracingBody(
      draft({
        givenName: ' Mohammed ',
        familyName: 'Abdulrahman',
        aliases: ['Muhammad', ''],
        sex: 'M',
        birth: { precision: 'month', year: '1990', month: '2', day: '' },
        separationPlace: { country: 'SY', adminArea: '', locality: 'Aleppo' },
        phone: '+961 1 234 567',
      }),
      TODAY,
    );
    expect(body).toEqual({
      sought: {
        givenName: 'Mohammed',
        familyName: 'Abdulrahman',
        aliases: ['Muhammad'],
        sex: 'M',
        dateOfBirth: '1990-02',
        separation: { place: { country: 'SY', locality: 'Aleppo' } },
        relationshipToEnquirer: 'child',
      },
      enquirer: { name: 'Fatima Haddad', kind: 'family', phone: '+961 1 234 567' },
    });
  });

  it('reports server paths on the form’s fields', () => {
    expect(tracingFieldOf('sought.aliases.2')).toBe('sought.aliases');
    expect(tracingFieldOf('sought.places.0.country')).toBe('sought.places.country');
    expect(tracingFieldOf('enquirer.name')).toBe('enquirer.name');
  });
});
