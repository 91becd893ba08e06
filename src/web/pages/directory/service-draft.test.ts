import { describe, expect, it } from 'vitest';
import type { Service } from '../../../shared/api/directory.schema.ts';
import {
  draftOf,
  EMPTY_SERVICE,
  serviceBody,
  serviceDraftProblems,
  serviceFieldOf,
  splitCodes,
} from './service-draft.ts';

const stored: Service = {
  id: 's1',
  orgId: 'o1',
  providerId: 'p1',
  provider: { id: 'p1', name: 'Harbour House', receivesReferrals: true },
  serviceType: 'shelter',
  name: 'Harbour House shelter',
  description: null,
  address: 'Via del Porto 1',
  country: 'IT',
  adminArea: null,
  latitude: 41.9028,
  longitude: 12.4964,
  languages: ['it', 'en'],
  ageMin: 18,
  ageMax: null,
  genders: ['Feminine'],
  nationalities: [],
  statuses: [],
  capacityTotal: 10,
  capacityAvailable: 4,
  capacityUpdatedAt: null,
  hours: null,
  phone: null,
  email: null,
  responseDays: 5,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('service form draft', () => {
  it('round-trips a stored service through the form', () => {
    const body = serviceBody(draftOf(stored), 'p1');
    expect(body).toMatchObject({
      providerId: 'p1',
      serviceType: 'shelter',
      name: 'Harbour House shelter',
      description: null,
      address: 'Via del Porto 1',
      latitude: 41.9028,
      longitude: 12.4964,
      languages: ['it', 'en'],
      ageMin: 18,
      ageMax: null,
      genders: ['Feminine'],
      capacityTotal: 10,
      capacityAvailable: 4,
      responseDays: 5,
      active: true,
    });
  });

  it('sends unparsable numbers as typed, so the server names the field', () => {
    const body = serviceBody(
      {
        ...EMPTY_SERVICE,
        serviceType: 'medical',
        latitude: 'north',
        capacityTotal: '-3',
        ageMin: '1.5',
      },
      'p1',
    );
    expect(body.latitude).toBe('north');
    expect(body.capacityTotal).toBe(-3);
    expect(body.ageMin).toBe('1.5');
  });

  it('splits code lists and upper-cases countries', () => {
    expect(splitCodes('en, AR ;ro')).toEqual(['en', 'ar', 'ro']);
    expect(splitCodes(' md,ua ', true)).toEqual(['MD', 'UA']);
    expect(splitCodes('  ')).toEqual([]);
  });

  it('asks for the required fields before sending', () => {
    expect(serviceDraftProblems(EMPTY_SERVICE)).toEqual({
      serviceType: 'required',
      name: 'required',
      country: 'required',
      latitude: 'required',
      longitude: 'required',
    });
    expect(serviceDraftProblems(draftOf(stored))).toEqual({});
  });

  it('reports list items on their list field', () => {
    expect(serviceFieldOf('languages.2')).toBe('languages');
    expect(serviceFieldOf('latitude')).toBe('latitude');
  });
});
