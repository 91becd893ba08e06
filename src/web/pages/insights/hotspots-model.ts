import type { HotspotsResponse } from '../../../shared/api/insights.schema.ts';
import { countryCentroid } from '../../../shared/insights/space/country-geo.ts';
import type { MapPoint, MapRegionValue } from '../../components/map/map-types.ts';

type Cluster = HotspotsResponse['clusters'][number];

/**
 * The Gi* z-score of every country as a choropleth value (rounded to two decimals: the map's
 * colour cannot show more). Non-finite z-scores (a country with no neighbour and no variance)
 * are left out rather than drawn as a number.
 */
export const giStarRegions = (g: HotspotsResponse['giStar']): MapRegionValue[] =>
  g
    .filter((s) => Number.isFinite(s.z))
    .map((s) => ({ code: s.country, value: Math.round(s.z * 100) / 100 }));

/**
 * The clusters as points at their countries' centroids (country-geo.ts); the most likely
 * cluster (the first) is emphasised. A country without a centroid gets no point but stays in
 * the table.
 */
export function clusterPoints(
  clusters: readonly Cluster[],
  label: (cluster: Cluster, rank: number, country: string) => { name: string; details: string[] },
): MapPoint[] {
  return clusters.flatMap((c, rank) =>
    c.countries.flatMap((country) => {
      const at = countryCentroid(country);
      if (!at) return [];
      const { name, details } = label(c, rank, country);
      return [
        {
          id: `cluster-${rank}-${country}`,
          latitude: at.latitude,
          longitude: at.longitude,
          label: name,
          details,
          emphasis: rank === 0,
        },
      ];
    }),
  );
}

/** Hot first (highest z), then the rest by z, cold last: the order people read a map legend. */
export const giStarRows = (g: HotspotsResponse['giStar']) =>
  [...g].sort((a, b) => b.z - a.z || a.country.localeCompare(b.country));
