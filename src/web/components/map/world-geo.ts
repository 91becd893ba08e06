import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Country boundaries: Natural Earth 1:110m Admin 0 (public domain, naturalearthdata.com),
// version 4.1.0 as redistributed in TopoJSON by world-atlas 2.0.2 (ISC). Bundled: nothing is
// fetched from outside and no tile server is used.
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import { naturalEarthAlpha2 } from './country-codes.ts';

export interface CountryProperties {
  /** The region's name for ECharts: the alpha-2 code, or `ne:<Natural Earth name>`. */
  name: string;
  /** ISO 3166-1 alpha-2, or null for an area without a code. */
  code: string | null;
}

// Antarctica (010) is left out: no service is there and it takes a fifth of the height.
const LEFT_OUT = new Set(['010']);

/** The world's countries as GeoJSON, each feature named by its alpha-2 code. */
export function worldCountries(): FeatureCollection<Geometry, CountryProperties> {
  const topology = world as unknown as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const all = feature(topology, topology.objects.countries);
  return {
    type: 'FeatureCollection',
    features: all.features
      .filter((f) => !LEFT_OUT.has(String(f.id ?? '')))
      .map((f) => {
        const neName = f.properties?.name ?? '';
        const code = naturalEarthAlpha2(f.id, neName);
        return {
          type: 'Feature' as const,
          geometry: f.geometry,
          properties: { name: code ?? `ne:${neName}`, code },
        };
      }),
  };
}
