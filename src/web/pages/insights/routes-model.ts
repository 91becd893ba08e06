import type { RoutesResponse } from '../../../shared/api/insights.schema.ts';
import { countryCentroid } from '../../../shared/insights/space/country-geo.ts';
import type { MapFlow } from '../../components/map/map-types.ts';
import type { SankeyLink } from '../../components/sankey/sankey-types.ts';

export type Stage = 'origin' | 'transit' | 'destination';

/**
 * A Sankey node of the routes response split: `origin:NG`, `transit:2:LY` (the second stop in
 * transit; the stop keeps a route through A then B apart from one through B then A), or
 * `destination:IT`. Null for anything else.
 */
export function parseNode(id: string): { stage: Stage; country: string; stop: number } | null {
  const ends = /^(origin|destination):([^:]+)$/.exec(id);
  if (ends) return { stage: ends[1] as Stage, country: ends[2]!, stop: 0 };
  const transit = /^transit:(\d+):([^:]+)$/.exec(id);
  return transit ? { stage: 'transit', country: transit[2]!, stop: Number(transit[1]) } : null;
}

/** The response's links for the Sankey; a suppressed count has no value. */
export const sankeyLinks = (links: RoutesResponse['links']): SankeyLink[] =>
  links.map((l) => ({ source: l.source, target: l.target, value: l.count.count }));

/**
 * The links as lines on the map, one per leg (origin → first transit → … → destination), from
 * centroid to centroid (country-geo.ts), as thick as the cases on the leg. Left out, and counted
 * for the page to say so: legs whose count is suppressed (no number to draw a width from, and a
 * thin line would hint at one), legs inside one country (no line to draw), and legs with a
 * country that has no centroid. The table lists them all.
 */
export function routeFlows(
  links: RoutesResponse['links'],
  label: (from: string, to: string, count: number) => string,
): { flows: MapFlow[]; suppressed: number; unplaced: number } {
  const flows: MapFlow[] = [];
  let suppressed = 0;
  let unplaced = 0;
  for (const l of links) {
    const from = parseNode(l.source);
    const to = parseNode(l.target);
    if (!from || !to || from.country === to.country) continue;
    if (l.count.count === null) {
      suppressed += 1;
      continue;
    }
    if (l.count.count === 0) continue;
    const a = countryCentroid(from.country);
    const b = countryCentroid(to.country);
    if (!a || !b) {
      unplaced += 1;
      continue;
    }
    flows.push({
      id: `${l.source}>${l.target}`,
      from: a,
      to: b,
      label: label(from.country, to.country, l.count.count),
      value: l.count.count,
    });
  }
  return { flows, suppressed, unplaced };
}
