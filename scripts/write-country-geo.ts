import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth 1:50m Admin 0 (public domain, naturalearthdata.com), version 4.1.0 as
// redistributed in TopoJSON by world-atlas 2.0.2 (ISC). 1:50m rather than the map's 1:110m so
// that small countries (Andorra, Singapore, the Pacific islands) exist.
import world from 'world-atlas/countries-50m.json' with { type: 'json' };
// The package is CommonJS; plain Node (unlike Vite) offers only its default export.
import isoCountries from 'i18n-iso-countries';

/**
 * Writes src/shared/insights/space/country-geo-data.ts: for every Natural Earth country with an
 * ISO 3166-1 alpha-2 code (named as the map names them, src/web/components/map/country-codes.ts),
 * a label point and the countries it shares a boundary with. A unit test regenerates the file in
 * memory and fails when the committed one differs (country-geo.test.ts).
 *
 *   node --import tsx scripts/write-country-geo.ts
 *
 * Label point: the area-weighted centroid of the country's LARGEST polygon (so France's point is
 * in metropolitan France, not pulled towards its overseas departments, and Norway's is not pulled
 * towards Svalbard), computed on the sinusoidal projection centred on the polygon — an equal-area
 * projection, so the weighting is by true area — and projected back. Longitudes are unwrapped
 * along each ring so that polygons crossing the antimeridian (Fiji, Russia) stay whole.
 *
 * Neighbours: countries whose Natural Earth outlines share an arc (topojson-client `neighbors`).
 * Two areas Natural Earth draws apart without a code of their own count, for adjacency only, as
 * the country ISO 3166-1 assigns their territory to (Somaliland → SO, northern Cyprus → CY):
 * cases there are recorded under that code, and without it Djibouti would not touch Somalia.
 */

export const COUNTRY_GEO_FILE = fileURLToPath(
  new URL('../src/shared/insights/space/country-geo-data.ts', import.meta.url),
);

/**
 * A Natural Earth feature's alpha-2 code, by the map's rule (src/web/components/map/
 * country-codes.ts, which a test holds this to): the ISO numeric id, or XK for Kosovo.
 */
export function featureCode(id: string | number | undefined, name: string): string | null {
  if (id !== undefined && id !== '') return isoCountries.numericToAlpha2(id) ?? null;
  return name === 'Kosovo' ? 'XK' : null;
}

/** The Natural Earth name in a feature's properties, or ''. */
export function featureName(properties: unknown): string {
  const name: unknown = (properties as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' ? name : '';
}

const ADJACENCY_ONLY: Readonly<Record<string, string>> = { Somaliland: 'SO', 'N. Cyprus': 'CY' };

// Antarctica (010) is left out, as on the map: no service is there, and its outline encloses the
// pole, where a centroid means nothing.
const LEFT_OUT = new Set(['010']);

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

const RAD = Math.PI / 180;

/** A ring's longitudes made continuous (no jump over 180°), latitudes unchanged. */
function unwrap(ring: readonly Position[]): [number, number][] {
  const out: [number, number][] = [];
  let previous: number | undefined;
  for (const p of ring) {
    let lon = p[0]!;
    if (previous !== undefined) {
      while (lon - previous > 180) lon -= 360;
      while (previous - lon > 180) lon += 360;
    }
    out.push([lon, p[1]!]);
    previous = lon;
  }
  return out;
}

/** Signed area and area moments of a ring on the sinusoidal projection centred at `lon0`. */
function ringMoments(ring: readonly [number, number][], lon0: number) {
  let a = 0;
  let mx = 0;
  let my = 0;
  const xy = ring.map(([lon, lat]) => [(lon - lon0) * Math.cos(lat * RAD), lat] as const);
  for (let i = 0; i + 1 < xy.length; i++) {
    const [x0, y0] = xy[i]!;
    const [x1, y1] = xy[i + 1]!;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    mx += (x0 + x1) * cross;
    my += (y0 + y1) * cross;
  }
  return { area: a / 2, mx: mx / 6, my: my / 6 };
}

/**
 * Where the parallel at `latitude` runs inside the polygon (even–odd rule): the midpoint of the
 * inside stretch nearest to `longitude`, or undefined when `longitude` is already inside.
 */
function insideOnParallel(
  rings: readonly [number, number][][],
  latitude: number,
  longitude: number,
): number | undefined {
  const crossings: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x0, y0] = ring[i]!;
      const [x1, y1] = ring[i + 1]!;
      if (y0 > latitude !== y1 > latitude) {
        crossings.push(x0 + ((latitude - y0) * (x1 - x0)) / (y1 - y0));
      }
    }
  }
  crossings.sort((a, b) => a - b);
  let best: number | undefined;
  let bestDistance = Infinity;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const [from, to] = [crossings[i]!, crossings[i + 1]!];
    if (longitude >= from && longitude <= to) return undefined;
    const distance = Math.min(Math.abs(longitude - from), Math.abs(longitude - to));
    if (distance < bestDistance) [best, bestDistance] = [(from + to) / 2, distance];
  }
  return best;
}

/**
 * Area (in projected square degrees) and label point of one polygon (outer ring minus holes):
 * its centroid, or, when the centroid falls outside (a crescent, an atoll, a hole — Israel's
 * centroid would fall in the West Bank), the middle of the nearest stretch of the same parallel
 * that is inside.
 */
function polygonCentroid(rings: readonly Position[][]) {
  const outer = unwrap(rings[0]!);
  const lon0 = outer.reduce((s, p) => s + p[0], 0) / outer.length;
  const unwrapped = rings.map((ring) => {
    const r = unwrap(ring);
    // A hole unwrapped on its own may sit 360° away from the outer ring.
    const shift = Math.round((r[0]![0] - lon0) / 360) * 360;
    return shift === 0 ? r : r.map(([lon, lat]): [number, number] => [lon - shift, lat]);
  });
  let area = 0;
  let mx = 0;
  let my = 0;
  unwrapped.forEach((r, i) => {
    const m = ringMoments(r, lon0);
    // The outer ring counts positively and holes negatively, whatever the winding order.
    const sign = Math.sign(m.area) * (i === 0 ? 1 : -1);
    area += sign * m.area;
    mx += sign * m.mx;
    my += sign * m.my;
  });
  const latitude = my / area;
  let longitude = lon0 + mx / area / Math.cos(latitude * RAD);
  longitude = insideOnParallel(unwrapped, latitude, longitude) ?? longitude;
  longitude = ((((longitude + 180) % 360) + 360) % 360) - 180;
  return { area, latitude, longitude };
}

const round2 = (x: number) => Math.round(x * 100) / 100 || 0;

export interface CountryGeoRow {
  code: string;
  latitude: number;
  longitude: number;
  neighbours: string[];
}

/** Every coded country's label point and neighbours, by code. */
export function countryGeoRows(
  topology: Countries = world as unknown as Countries,
): CountryGeoRow[] {
  const geometries = topology.objects.countries.geometries;
  const names = geometries.map((g) => featureName(g.properties));
  const codes = geometries.map((g, i) => featureCode(g.id, names[i]!));
  const adjacencyCodes = geometries.map((_, i) => codes[i] ?? ADJACENCY_ONLY[names[i]!] ?? null);
  const features = feature(topology, topology.objects.countries).features;

  const best = new Map<string, { area: number; latitude: number; longitude: number }>();
  features.forEach((f, i) => {
    const code = codes[i];
    const g = f.geometry as Polygon | MultiPolygon | null;
    if (!code || !g || LEFT_OUT.has(String(f.id))) return;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const p of polygons) {
      const c = polygonCentroid(p);
      if (c.area > (best.get(code)?.area ?? 0)) best.set(code, c);
    }
  });

  const adjacent = new Map<string, Set<string>>();
  neighbors(geometries).forEach((list, i) => {
    const a = adjacencyCodes[i];
    if (!a) return;
    for (const j of list) {
      const b = adjacencyCodes[j];
      if (!b || b === a) continue;
      if (!adjacent.has(a)) adjacent.set(a, new Set());
      adjacent.get(a)!.add(b);
    }
  });

  return [...best.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, c]) => ({
      code,
      latitude: round2(c.latitude),
      longitude: round2(c.longitude),
      neighbours: [...(adjacent.get(code) ?? [])].filter((n) => best.has(n)).sort(),
    }));
}

/** The text of country-geo-data.ts as it should be now (already in Prettier's layout). */
export function renderCountryGeo(rows: readonly CountryGeoRow[] = countryGeoRows()): string {
  const lines = rows.map(
    (r) => `  ${r.code}: [${r.latitude}, ${r.longitude}, '${r.neighbours.join(' ')}'],`,
  );
  return [
    '// Generated by scripts/write-country-geo.ts from Natural Earth 1:50m Admin 0 (public domain),',
    '// version 4.1.0 as redistributed by world-atlas 2.0.2. Do not edit by hand.',
    '',
    '/** Alpha-2 code → [latitude, longitude, alpha-2 codes of the neighbours separated by spaces]. */',
    'export const COUNTRY_GEO: Readonly<Record<string, readonly [number, number, string]>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(COUNTRY_GEO_FILE, renderCountryGeo());
  process.stdout.write(`Wrote ${COUNTRY_GEO_FILE}\n`);
}
