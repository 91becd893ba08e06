import { readFileSync } from 'node:fs';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import world from 'world-atlas/countries-50m.json' with { type: 'json' };
import {
  COUNTRY_GEO_FILE,
  countryGeoRows,
  featureCode,
  featureName,
  renderCountryGeo,
} from '../../../../scripts/write-country-geo.ts';
import { naturalEarthAlpha2 } from '../../../web/components/map/country-codes.ts';
import { COUNTRY_CODES } from '../../codes/countries.ts';
import { countryCentroid, countryNeighbours, countryRegions } from './country-geo.ts';

describe('country geometry (generated from Natural Earth 1:50m)', () => {
  it('is what scripts/write-country-geo.ts generates now', () => {
    // Regenerate with: node --import tsx scripts/write-country-geo.ts
    expect(readFileSync(COUNTRY_GEO_FILE, 'utf8')).toBe(renderCountryGeo());
  });

  it('names features by the same rule as the map', () => {
    const topology = world as unknown as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    for (const g of topology.objects.countries.geometries) {
      const name = featureName(g.properties);
      expect(featureCode(g.id, name)).toBe(naturalEarthAlpha2(g.id, name));
    }
  });

  it('puts label points in the country, on the mainland', () => {
    const inBox = (code: string, lat: [number, number], lon: [number, number]) => {
      const c = countryCentroid(code)!;
      expect(c.latitude, code).toBeGreaterThan(lat[0]);
      expect(c.latitude, code).toBeLessThan(lat[1]);
      expect(c.longitude, code).toBeGreaterThan(lon[0]);
      expect(c.longitude, code).toBeLessThan(lon[1]);
    };
    inBox('US', [30, 45], [-105, -85]); // the contiguous states, not Alaska or Hawaii
    inBox('FR', [44, 49], [0, 5]); // metropolitan France, not French Guiana or Réunion
    inBox('NO', [60, 68], [8, 16]); // mainland Norway, not Svalbard
    inBox('RU', [55, 66], [85, 105]); // Siberia, not split by the antimeridian
    inBox('FJ', [-18.5, -17], [177, 179]); // Viti Levu, across from the antimeridian
    inBox('KI', [1, 2.5], [-158, -157]); // Kiritimati, Kiribati's largest island
    inBox('IL', [30, 33.5], [34.2, 35.2]); // moved out of the West Bank along its parallel
    inBox('NG', [7, 11], [6, 10]);
  });

  it('lists neighbours by shared boundary, both ways', () => {
    expect(countryNeighbours('FR')).toEqual(expect.arrayContaining(['BE', 'DE', 'ES', 'AD']));
    expect(countryNeighbours('nl')).toEqual(['BE', 'DE']);
    expect(countryNeighbours('DJ')).toContain('SO'); // through Somaliland
    expect(countryNeighbours('XK')).toEqual(['AL', 'ME', 'MK', 'RS']);
    expect(countryNeighbours('JP')).toEqual([]);
    expect(countryNeighbours('ZZ')).toEqual([]);
    for (const { code, neighbours } of countryGeoRows()) {
      for (const n of neighbours) expect(countryNeighbours(n), `${n} → ${code}`).toContain(code);
    }
  });

  it('has a point for almost every ISO code, and reports the others as unknown', () => {
    const { regions, unknown } = countryRegions([...COUNTRY_CODES, 'ZZ', 'constructor']);
    expect(regions.length).toBeGreaterThan(230);
    expect(unknown).toEqual(expect.arrayContaining(['AQ', 'GF', 'TV', 'ZZ', 'constructor']));
    expect(unknown.length).toBeLessThan(20);
    const ng = regions.find((r) => r.id === 'NG')!;
    expect(ng).toEqual({ id: 'NG', ...countryCentroid('NG') });
    expect(countryCentroid('constructor')).toBeUndefined();
  });
});
