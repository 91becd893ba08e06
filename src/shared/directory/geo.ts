/**
 * Distances on the Earth for the directory search. A sphere is enough here: the search ranks
 * services a few to a few hundred kilometres away, and the spherical error (≤ 0.5 %) is far
 * below what a road trip adds.
 */

/**
 * Mean radius of the Earth, R₁ = (2a + b) / 3 of the GRS 80 ellipsoid, as adopted by the IUGG:
 * H. Moritz, "Geodetic Reference System 1980", Journal of Geodesy 74 (2000) 128–133, table on
 * derived geometric constants (R₁ = 6 371 008.7714 m).
 */
export const EARTH_RADIUS_KM = 6371.0088;

/** Half the Earth's circumference on that sphere (π·R): no two points are farther apart. */
export const MAX_DISTANCE_KM = Math.PI * EARTH_RADIUS_KM;

export interface LatLon {
  latitude: number;
  longitude: number;
}

const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/**
 * Great-circle distance in kilometres by the haversine formula (R. W. Sinnott, "Virtues of the
 * Haversine", Sky and Telescope 68:2 (1984) 159), which stays accurate for small distances
 * where the spherical law of cosines loses digits.
 */
export function haversineKm(a: LatLon, b: LatLon): number {
  const phi1 = rad(a.latitude);
  const phi2 = rad(b.latitude);
  const sinDPhi = Math.sin((phi2 - phi1) / 2);
  const sinDLambda = Math.sin(rad(b.longitude - a.longitude) / 2);
  const h = sinDPhi * sinDPhi + Math.cos(phi1) * Math.cos(phi2) * sinDLambda * sinDLambda;
  // Rounding can push h a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A latitude band and one or two longitude ranges (two when the box crosses ±180°). */
export interface BoundingBox {
  latMin: number;
  latMax: number;
  lonRanges: [number, number][];
}

// Widens the box by a hair so that points exactly on the circle are not lost to rounding; the
// exact haversine test after the prefilter decides.
const MARGIN_DEG = 1e-9;

/**
 * The smallest latitude/longitude box holding every point within `radiusKm` of `from`, for a
 * prefilter an index can serve before the exact distance is computed. After J. P. Matuschek,
 * "Finding Points Within a Distance of a Latitude/Longitude Using Bounding Coordinates" (2010,
 * http://janmatuschek.de/LatitudeLongitudeBoundingCoordinates): the longitude half-width is
 * asin(sin r / cos φ); when the circle reaches a pole, every longitude is in.
 */
export function boundingBox(from: LatLon, radiusKm: number): BoundingBox {
  const r = Math.max(0, radiusKm) / EARTH_RADIUS_KM;
  const latMin = from.latitude - deg(r) - MARGIN_DEG;
  const latMax = from.latitude + deg(r) + MARGIN_DEG;
  if (latMin <= -90 || latMax >= 90) {
    return {
      latMin: Math.max(latMin, -90),
      latMax: Math.min(latMax, 90),
      lonRanges: [[-180, 180]],
    };
  }
  // Not reaching a pole means r < 90° − |φ|, so sin r < cos φ and the asin is defined.
  const half = deg(Math.asin(Math.sin(r) / Math.cos(rad(from.latitude)))) + MARGIN_DEG;
  const lonMin = from.longitude - half;
  const lonMax = from.longitude + half;
  if (half >= 180) return { latMin, latMax, lonRanges: [[-180, 180]] };
  if (lonMin < -180)
    return {
      latMin,
      latMax,
      lonRanges: [
        [lonMin + 360, 180],
        [-180, lonMax],
      ],
    };
  if (lonMax > 180)
    return {
      latMin,
      latMax,
      lonRanges: [
        [lonMin, 180],
        [-180, lonMax - 360],
      ],
    };
  return { latMin, latMax, lonRanges: [[lonMin, lonMax]] };
}

/** Whether a point lies in the box (what the SQL prefilter asks). */
export const inBox = (box: BoundingBox, p: LatLon): boolean =>
  p.latitude >= box.latMin &&
  p.latitude <= box.latMax &&
  box.lonRanges.some(([min, max]) => p.longitude >= min && p.longitude <= max);
