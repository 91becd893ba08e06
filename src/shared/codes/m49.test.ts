import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from './countries.ts';
import { M49_COUNTRY_CODES, m49Area } from './m49.ts';

describe('UN M49 placement', () => {
  it('places every ISO alpha-2 code of the country list, and only those, exactly once', () => {
    expect([...M49_COUNTRY_CODES].sort()).toEqual([...COUNTRY_CODES].sort());
    expect(new Set(M49_COUNTRY_CODES).size).toBe(M49_COUNTRY_CODES.length);
  });

  it('gives the region, sub-region and intermediate region of M49', () => {
    expect(m49Area('NG')).toEqual({
      region: 'Africa',
      subRegion: 'Sub-Saharan Africa',
      intermediateRegion: 'Western Africa',
    });
    expect(m49Area('TH')).toEqual({
      region: 'Asia',
      subRegion: 'South-eastern Asia',
      intermediateRegion: 'South-eastern Asia',
    });
    expect(m49Area('MX')?.intermediateRegion).toBe('Central America');
    expect(m49Area('UA')?.subRegion).toBe('Eastern Europe');
    expect(m49Area('ZZ')).toBeUndefined();
  });

  it('nests: one sub-region belongs to one region, one intermediate region to one sub-region', () => {
    const regionOf = new Map<string, string>();
    const subOf = new Map<string, string>();
    for (const code of M49_COUNTRY_CODES) {
      const a = m49Area(code)!;
      expect(regionOf.get(a.subRegion) ?? a.region).toBe(a.region);
      expect(subOf.get(a.intermediateRegion) ?? a.subRegion).toBe(a.subRegion);
      regionOf.set(a.subRegion, a.region);
      subOf.set(a.intermediateRegion, a.subRegion);
    }
  });
});
