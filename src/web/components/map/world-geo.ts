import type { FeatureCollection, Geometry, Position } from 'geojson';
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

/**
 * A ring that crosses the 180° meridian (Russia's Chukotka, Fiji) jumps from +180 to −180
 * between two points; drawn as it is, the jump is a line across the whole map. Such a ring is
 * unwrapped instead: its western longitudes move by +360, so it ends a little east of 180°.
 */
export function unwrapRing(ring: readonly Position[]): Position[] {
  const crosses = ring.some((p, i) => i > 0 && Math.abs(p[0]! - ring[i - 1]![0]!) > 180);
  return crosses ? ring.map(([x, ...rest]) => [x! < 0 ? x! + 360 : x!, ...rest]) : [...ring];
}

function unwrapGeometry(g: Geometry): Geometry {
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === 'MultiPolygon') {
    return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
  }
  return g;
}

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
          geometry: unwrapGeometry(f.geometry),
          properties: { name: code ?? `ne:${neName}`, code },
        };
      }),
  };
}
