import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, MAX_DISTANCE_KM, boundingBox, haversineKm, inBox } from './geo.ts';

const point = fc.record({
  latitude: fc.double({ min: -90, max: 90, noNaN: true }),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe('haversineKm', () => {
  it('uses the IUGG mean Earth radius', () => {
    expect(EARTH_RADIUS_KM).toBe(6371.0088);
  });

  it('matches known distances', () => {
    // One degree of arc along a meridian: π·R/180.
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(
      (Math.PI * 6371.0088) / 180,
      9,
    );
    // Antipodes: half the circumference (asin near 1 costs digits: within a metre).
    expect(
      haversineKm({ latitude: 10, longitude: 20 }, { latitude: -10, longitude: -160 }),
    ).toBeCloseTo(MAX_DISTANCE_KM, 3);
    // Rome to Milan, about 477 km on the sphere.
    const d = haversineKm(
      { latitude: 41.9028, longitude: 12.4964 },
      { latitude: 45.4642, longitude: 9.19 },
    );
    expect(d).toBeGreaterThan(475);
    expect(d).toBeLessThan(479);
    // Across the antimeridian: 0.2° of longitude on the equator, not 359.8°.
    expect(
      haversineKm({ latitude: 0, longitude: 179.9 }, { latitude: 0, longitude: -179.9 }),
    ).toBeCloseTo((0.2 * Math.PI * 6371.0088) / 180, 6);
  });

  it('is zero for a point and itself, non-negative, symmetric and bounded', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const ab = haversineKm(a, b);
        expect(haversineKm(a, a)).toBe(0);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(MAX_DISTANCE_KM + 1e-9);
        expect(Math.abs(ab - haversineKm(b, a))).toBeLessThan(1e-9);
      }),
    );
  });

  it('meets the triangle inequality (within a metre: haversine loses digits near antipodes)', () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        expect(haversineKm(a, c)).toBeLessThanOrEqual(haversineKm(a, b) + haversineKm(b, c) + 1e-3);
      }),
    );
  });
});

describe('boundingBox', () => {
  it('holds every point within the radius (the prefilter loses nothing)', () => {
    fc.assert(
      fc.property(
        point,
        point,
        fc.double({ min: 0.001, max: 20_000, noNaN: true }),
        (from, p, r) => {
          if (haversineKm(from, p) <= r) expect(inBox(boundingBox(from, r), p)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('holds points near the edge of small circles, wherever they are', () => {
    // Points generated on the circle itself: the hardest case for the box.
    fc.assert(
      fc.property(
        point,
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 1, max: 2000, noNaN: true }),
        (from, bearing, r) => {
          const p = destination(from, bearing, r * 0.999999);
          expect(inBox(boundingBox(from, r), p)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('splits at the antimeridian and opens fully at the poles', () => {
    const fiji = boundingBox({ latitude: -17, longitude: 179.5 }, 200);
    expect(fiji.lonRanges).toHaveLength(2);
    expect(inBox(fiji, { latitude: -17, longitude: -179.5 })).toBe(true);
    expect(inBox(fiji, { latitude: -17, longitude: 0 })).toBe(false);
    const arctic = boundingBox({ latitude: 89, longitude: 0 }, 500);
    expect(arctic.lonRanges).toEqual([[-180, 180]]);
    expect(arctic.latMax).toBe(90);
  });

  it('is narrow for a small radius', () => {
    const box = boundingBox({ latitude: 41.9, longitude: 12.5 }, 50);
    expect(box.latMax - box.latMin).toBeCloseTo((2 * 50 * 180) / (Math.PI * EARTH_RADIUS_KM), 6);
    expect(inBox(box, { latitude: 45.46, longitude: 9.19 })).toBe(false);
  });
});

/** The point `km` away from `from` along the initial `bearing` (radians), on the sphere. */
function destination(from: { latitude: number; longitude: number }, bearing: number, km: number) {
  const d = km / EARTH_RADIUS_KM;
  const phi1 = (from.latitude * Math.PI) / 180;
  const lambda1 = (from.longitude * Math.PI) / 180;
  const phi2 = Math.asin(
    Math.sin(phi1) * Math.cos(d) + Math.cos(phi1) * Math.sin(d) * Math.cos(bearing),
  );
  const lambda2 =
    lambda1 +
    Math.atan2(
      Math.sin(bearing) * Math.sin(d) * Math.cos(phi1),
      Math.cos(d) - Math.sin(phi1) * Math.sin(phi2),
    );
  const lon = (((((lambda2 * 180) / Math.PI + 540) % 360) + 360) % 360) - 180;
  return { latitude: (phi2 * 180) / Math.PI, longitude: lon };
}
