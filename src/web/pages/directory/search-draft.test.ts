import { describe, expect, it } from 'vitest';
import { EMPTY_SEARCH, parseDecimal, searchBody } from './search-draft.ts';

describe('directory search draft', () => {
  it('asks for a service type first', () => {
    expect(searchBody(EMPTY_SEARCH)).toEqual({ ok: false, problems: { serviceType: 'required' } });
  });

  it('sends only what is known of the person, and no starting point when none is given', () => {
    expect(
      searchBody({ ...EMPTY_SEARCH, serviceType: 'shelter', age: '17', language: 'ro' }),
    ).toEqual({
      ok: true,
      body: {
        serviceType: 'shelter',
        person: { age: 17, language: 'ro' },
        radiusKm: 50,
        includeIneligible: true,
        limit: 100,
      },
    });
  });

  it('takes coordinates with a decimal comma and the only-eligible choice', () => {
    const result = searchBody({
      ...EMPTY_SEARCH,
      serviceType: 'legal_aid',
      latitude: '47,0105',
      longitude: ' 28.8638 ',
      radiusKm: '25',
      onlyEligible: true,
    });
    expect(result).toEqual({
      ok: true,
      body: {
        serviceType: 'legal_aid',
        from: { latitude: 47.0105, longitude: 28.8638 },
        radiusKm: 25,
        includeIneligible: false,
        limit: 100,
      },
    });
  });

  it('names each field that is wrong', () => {
    expect(
      searchBody({
        ...EMPTY_SEARCH,
        serviceType: 'medical',
        age: '12.5',
        latitude: '91',
        longitude: '',
        radiusKm: '0',
      }),
    ).toEqual({
      ok: false,
      problems: {
        age: 'age',
        latitude: 'latitude',
        longitude: 'bothCoordinates',
        radiusKm: 'radius',
      },
    });
    expect(searchBody({ ...EMPTY_SEARCH, serviceType: 'medical', longitude: '181' })).toEqual({
      ok: false,
      problems: { longitude: 'longitude', latitude: 'bothCoordinates' },
    });
  });

  it('parses decimals strictly', () => {
    expect(parseDecimal('-12.5')).toBe(-12.5);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('1e3')).toBeNull();
    expect(parseDecimal('12 km')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });
});
