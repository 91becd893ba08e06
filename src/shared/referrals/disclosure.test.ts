import { describe, expect, it } from 'vitest';
import { SERVICE_TYPES } from '../codes/service-types.ts';
import {
  ALLOWED_FIELDS,
  DISCLOSURE_FIELD_NAMES,
  STATED_FIELDS,
  disclosureIssues,
  isAllowed,
} from './disclosure.ts';

describe('disclosure catalogue', () => {
  it('gives every service type a way to name and reach the person, and only known fields', () => {
    for (const t of SERVICE_TYPES) {
      expect(ALLOWED_FIELDS[t]).toContain('givenName');
      expect(ALLOWED_FIELDS[t]).toContain('phone');
      for (const f of ALLOWED_FIELDS[t]) expect(DISCLOSURE_FIELD_NAMES).toContain(f);
      expect(new Set(ALLOWED_FIELDS[t]).size).toBe(ALLOWED_FIELDS[t].length);
    }
  });

  it('keeps the exploitation away from services that do not use it', () => {
    for (const t of [
      'interpretation',
      'shelter',
      'livelihood',
      'education',
      'family_tracing',
    ] as const) {
      expect(isAllowed(t, 'typeOfExploitation')).toBe(false);
      expect(isAllowed(t, 'countryOfExploitation')).toBe(false);
    }
    expect(ALLOWED_FIELDS.interpretation).toEqual(['givenName', 'languages', 'phone', 'gender']);
  });

  it('lets health notes go to health services only (and to those who care for the whole person)', () => {
    const withHealth = SERVICE_TYPES.filter((t) => isAllowed(t, 'healthNotes'));
    expect(withHealth.sort()).toEqual(
      [
        'child_protection',
        'medical',
        'mental_health_psychosocial',
        'safe_return_reintegration',
      ].sort(),
    );
  });

  it('gives a shelter what the issue lists', () => {
    for (const f of ['givenName', 'gender', 'age', 'languages', 'phone', 'safetyConcerns'] as const)
      expect(isAllowed('shelter', f)).toBe(true);
    expect(isAllowed('shelter', 'documentNumber')).toBe(false);
  });

  it('keeps separation details for family tracing, document numbers for those who need them', () => {
    expect(SERVICE_TYPES.filter((t) => isAllowed(t, 'separationDetails'))).toEqual([
      'family_tracing',
    ]);
    expect(SERVICE_TYPES.filter((t) => isAllowed(t, 'documentNumber')).sort()).toEqual(
      ['documentation', 'legal_aid', 'safe_return_reintegration'].sort(),
    );
  });

  it('names stated fields: written by the sender, not read from the case', () => {
    expect(STATED_FIELDS).toEqual([
      'languages',
      'safetyConcerns',
      'healthNotes',
      'separationDetails',
    ]);
  });
});

describe('disclosureIssues', () => {
  it('accepts an allowed choice', () => {
    expect(
      disclosureIssues(
        'shelter',
        ['givenName', 'safetyConcerns'],
        { safetyConcerns: 'x' },
        {
          complete: true,
        },
      ),
    ).toEqual([]);
  });

  it('names each refused field by its position', () => {
    expect(
      disclosureIssues(
        'interpretation',
        ['givenName', 'typeOfExploitation', 'bogus', 'givenName'],
        {},
        { complete: false },
      ),
    ).toEqual([
      {
        path: 'fields.1',
        message: 'typeOfExploitation may not be disclosed to a service of type interpretation',
      },
      { path: 'fields.2', message: 'unknown field bogus' },
      { path: 'fields.3', message: 'givenName is chosen twice' },
    ]);
  });

  it('refuses a stated value whose field is not chosen, and wants one for a chosen field when sending', () => {
    expect(
      disclosureIssues('medical', ['healthNotes'], { languages: ['fr'] }, { complete: false }),
    ).toEqual([
      { path: 'stated.languages', message: 'is given but languages is not among the fields' },
    ]);
    expect(disclosureIssues('medical', ['healthNotes'], {}, { complete: false })).toEqual([]);
    expect(disclosureIssues('medical', ['healthNotes'], {}, { complete: true })).toEqual([
      { path: 'stated.healthNotes', message: 'is required when the field is chosen' },
    ]);
  });
});
