import type { RoutesResponse } from '../api/insights.schema.ts';
import { cell } from './suppress.ts';

/**
 * Trafficking routes: flows from origin (citizenship) through transit countries, in order, to the
 * country of exploitation, for a flow map and a Sankey diagram, and the domestic versus
 * cross-border share. Every count goes through small-cell suppression (suppress.ts).
 */

export interface RouteInput {
  /** Citizenship (alpha-2), or null when unknown. */
  origin: string | null;
  /** Transit countries in the order travelled. */
  transit: readonly string[];
  /** Country of exploitation (alpha-2), or null when unknown. */
  destination: string | null;
  count: number;
}

interface Flow {
  origin: string;
  transit: string[];
  destination: string;
  count: number;
}

/**
 * The stops between origin and destination: a country repeated right after itself (a transit
 * equal to the origin, or to the previous transit) and a last transit equal to the destination
 * are not stops, so UA → [UA] → UA is domestic and UA → [PL, PL] → DE passes through PL once.
 */
function stops(origin: string, transit: readonly string[], destination: string): string[] {
  const out: string[] = [];
  let previous = origin;
  for (const t of transit) {
    if (t !== previous) out.push(t);
    previous = t;
  }
  while (out.length > 0 && out[out.length - 1] === destination) out.pop();
  return out;
}

/**
 * Aggregates identical paths. A case is domestic when origin and destination are the same country
 * and it passed through no other; cross-border otherwise; a case with either end unknown is
 * counted in `unknown` and in no flow. Sankey links join consecutive stages (`origin:XX` →
 * `transit:1:YY` → `transit:2:WW` … → `destination:ZZ`, or origin straight to destination). `domesticShare` is
 * domestic / (domestic + cross-border), null when either is suppressed or both are zero (a share
 * beside one shown count would give the suppressed one back).
 */
export function buildRoutes(input: readonly RouteInput[], minCell: number): RoutesResponse {
  const flows = new Map<string, Flow>();
  let domestic = 0;
  let crossBorder = 0;
  let unknown = 0;
  for (const r of input) {
    if (!Number.isInteger(r.count) || r.count < 0) {
      throw new RangeError(`a count must be a whole number ≥ 0 (got ${String(r.count)})`);
    }
    if (r.count === 0) continue;
    if (r.origin === null || r.destination === null) {
      unknown += r.count;
      continue;
    }
    const transit = stops(r.origin, r.transit, r.destination);
    if (r.origin === r.destination && transit.length === 0) domestic += r.count;
    else crossBorder += r.count;
    const id = [r.origin, ...transit, r.destination].join('>');
    const f = flows.get(id);
    if (f) f.count += r.count;
    else flows.set(id, { origin: r.origin, transit, destination: r.destination, count: r.count });
  }

  const links = new Map<string, { source: string; target: string; count: number }>();
  for (const f of flows.values()) {
    const nodes = [
      `origin:${f.origin}`,
      // The stop's position is part of its name: PL then DE on one route and DE then PL on
      // another must not make a cycle, which a Sankey diagram cannot draw.
      ...f.transit.map((t, i) => `transit:${i + 1}:${t}`),
      `destination:${f.destination}`,
    ];
    for (let i = 1; i < nodes.length; i++) {
      const id = `${nodes[i - 1]!} ${nodes[i]!}`;
      const l = links.get(id);
      if (l) l.count += f.count;
      else links.set(id, { source: nodes[i - 1]!, target: nodes[i]!, count: f.count });
    }
  }

  // Largest first; suppressed ones after the shown ones, in code order, so that their order
  // says nothing about their sizes.
  const order = <T extends { count: number }>(items: Iterable<T>, name: (x: T) => string) =>
    [...items]
      .map((x) => ({ x, c: cell(x.count, minCell), name: name(x) }))
      .sort(
        (a, b) =>
          Number(a.c.suppressed) - Number(b.c.suppressed) ||
          (a.c.suppressed ? 0 : b.x.count - a.x.count) ||
          a.name.localeCompare(b.name),
      );

  const d = cell(domestic, minCell);
  const x = cell(crossBorder, minCell);
  const known = domestic + crossBorder;
  return {
    flows: order(flows.values(), (f) => [f.origin, ...f.transit, f.destination].join('>')).map(
      ({ x: f, c }) => ({
        origin: f.origin,
        transit: f.transit,
        destination: f.destination,
        count: c,
      }),
    ),
    links: order(links.values(), (l) => `${l.source} ${l.target}`).map(({ x: l, c }) => ({
      source: l.source,
      target: l.target,
      count: c,
    })),
    domestic: d,
    crossBorder: x,
    unknown: cell(unknown, minCell),
    domesticShare:
      d.suppressed || x.suppressed || known === 0 ? null : Number((domestic / known).toFixed(4)),
    minCell,
  };
}
