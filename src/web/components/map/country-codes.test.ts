import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../../shared/codes/countries.ts';
import { naturalEarthAlpha2 } from './country-codes.ts';
import { worldCountries } from './world-geo.ts';

describe('Natural Earth numeric ids → ISO 3166-1 alpha-2', () => {
  it('maps numeric codes, with or without leading zeros', () => {
    expect(naturalEarthAlpha2('036', 'Australia')).toBe('AU');
    expect(naturalEarthAlpha2(36, 'Australia')).toBe('AU');
    expect(naturalEarthAlpha2('804', 'Ukraine')).toBe('UA');
    expect(naturalEarthAlpha2('498', 'Moldova')).toBe('MD');
  });

  it('gives Kosovo XK and leaves the other uncoded areas without a code', () => {
    expect(naturalEarthAlpha2(undefined, 'Kosovo')).toBe('XK');
    expect(naturalEarthAlpha2(undefined, 'Somaliland')).toBeNull();
    expect(naturalEarthAlpha2(undefined, 'N. Cyprus')).toBeNull();
    expect(naturalEarthAlpha2('999', 'Nowhere')).toBeNull();
  });

  it('names every drawn country by a code Lantern knows, each code once', () => {
    const { features } = worldCountries();
    const codes = features.map((f) => f.properties.code).filter((c) => c !== null);
    expect(features.length).toBeGreaterThan(170);
    expect(codes.filter((c) => !COUNTRY_CODES.includes(c as never))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(
      features.filter((f) => f.properties.code === null).map((f) => f.properties.name),
    ).toEqual(expect.arrayContaining(['ne:Somaliland', 'ne:N. Cyprus']));
    expect(codes).toEqual(expect.arrayContaining(['NG', 'MD', 'TH', 'XK', 'FR']));
    expect(codes).not.toContain('AQ');
  });
});
