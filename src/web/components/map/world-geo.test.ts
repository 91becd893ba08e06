import type { Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { unwrapRing, worldCountries } from './world-geo.ts';

const rings = (g: Geometry): Position[][] =>
  g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];

const jumps = (ring: readonly Position[]) =>
  ring.filter((p, i) => i > 0 && Math.abs(p[0]! - ring[i - 1]![0]!) > 180).length;

describe('world boundaries', () => {
  it('moves the western points of a ring that crosses 180° east of it', () => {
    const ring: Position[] = [
      [178, 65],
      [-178, 65],
      [-178, 66],
      [178, 66],
      [178, 65],
    ];
    expect(jumps(ring)).toBe(2);
    expect(unwrapRing(ring)).toEqual([
      [178, 65],
      [182, 65],
      [182, 66],
      [178, 66],
      [178, 65],
    ]);
    const plain: Position[] = [
      [10, 0],
      [11, 0],
      [11, 1],
      [10, 0],
    ];
    expect(unwrapRing(plain)).toEqual(plain);
  });

  it('draws no line across the map: no ring of any country jumps over 180° (Russia, Fiji)', () => {
    const features = worldCountries().features;
    const crossing = features.filter((f) => ['RU', 'FJ'].includes(f.properties.code ?? ''));
    expect(crossing).toHaveLength(2);
    for (const f of features) {
      for (const ring of rings(f.geometry)) expect(jumps(ring), f.properties.name).toBe(0);
    }
  });
});
