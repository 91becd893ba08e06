import type { Region } from '../types.ts';

/**
 * The circular zones of the scan statistic (Kulldorff 1997, Commun Stat Theory Methods 26:1481,
 * section 3): for every region as centre, the circles through the next-nearest region centroids
 * (great-circle distance), growing until `maxRegions` regions or until the zone's expected count
 * would exceed `maxExpected` (SaTScan's maximum spatial cluster size as a share of the population
 * at risk; a zone above it, even a single region, is not scanned). Regions at the same distance
 * from the centre enter together, as a circle cannot hold one without the other. A set of regions
 * reached from several centres is scanned once, under the first centre that reaches it.
 */
export interface Zones {
  /** Per centre, the regions by increasing distance (the centre first), as far as any zone goes. */
  order: Int32Array[];
  /** Per centre, the zone sizes to scan (regions from the start of `order`), smallest first. */
  sizes: number[][];
  /** How many distinct zones in all. */
  count: number;
}

/** A unit vector per centroid: the chord between two is monotone in the great-circle distance. */
function unitVectors(regions: readonly Region[]): Float64Array {
  const v = new Float64Array(regions.length * 3);
  regions.forEach((r, i) => {
    const lat = (r.latitude * Math.PI) / 180;
    const lon = (r.longitude * Math.PI) / 180;
    v[3 * i] = Math.cos(lat) * Math.cos(lon);
    v[3 * i + 1] = Math.cos(lat) * Math.sin(lon);
    v[3 * i + 2] = Math.sin(lat);
  });
  return v;
}

export function buildZones(
  regions: readonly Region[],
  regionExpected: Float64Array,
  maxRegions: number,
  maxExpected: number,
): Zones {
  const n = regions.length;
  const v = unitVectors(regions);
  // Sums of expected counts carry rounding; a zone at exactly the limit is allowed.
  const limit = maxExpected * (1 + 1e-9);
  const seen = new Set<string>();
  const order: Int32Array[] = [];
  const sizes: number[][] = [];
  const distance = new Float64Array(n);
  const byDistance = Array.from({ length: n }, (_, i) => i);
  for (let centre = 0; centre < n; centre++) {
    for (let j = 0; j < n; j++) {
      const dx = v[3 * j]! - v[3 * centre]!;
      const dy = v[3 * j + 1]! - v[3 * centre + 1]!;
      const dz = v[3 * j + 2]! - v[3 * centre + 2]!;
      distance[j] = j === centre ? -1 : dx * dx + dy * dy + dz * dz;
    }
    byDistance.sort((a, b) => distance[a]! - distance[b]! || a - b);
    const mine: number[] = [];
    let expected = 0;
    let k = 0;
    while (k < Math.min(n, maxRegions)) {
      // Take the next region and every other one at the same distance.
      let end = k + 1;
      while (end < n && distance[byDistance[end]!] === distance[byDistance[k]!]) end++;
      if (end > maxRegions) break;
      for (let i = k; i < end; i++) expected += regionExpected[byDistance[i]!]!;
      if (expected > limit) break;
      k = end;
      const key = byDistance
        .slice(0, k)
        .sort((a, b) => a - b)
        .join(',');
      if (!seen.has(key)) {
        seen.add(key);
        mine.push(k);
      }
    }
    order.push(Int32Array.from(byDistance.slice(0, mine.at(-1) ?? 0)));
    sizes.push(mine);
  }
  return { order, sizes, count: seen.size };
}
