import { describe, expect, it } from 'vitest';
import { RoutesResponse } from '../api/insights.schema.ts';
import { buildRoutes, type RouteInput } from './routes.ts';

const shown = (count: number) => ({ count, suppressed: false });
const hidden = { count: null, suppressed: true };
const r = (
  origin: string | null,
  transit: string[],
  destination: string | null,
  count: number,
): RouteInput => ({ origin, transit, destination, count });

describe('buildRoutes', () => {
  it('aggregates identical paths and links consecutive stages', () => {
    const out = buildRoutes(
      [
        r('UA', ['PL'], 'DE', 6),
        r('UA', ['PL'], 'DE', 4),
        r('UA', [], 'DE', 7),
        r('MD', ['PL'], 'DE', 5),
        r('UA', [], 'UA', 20),
      ],
      5,
    );
    expect(RoutesResponse.parse(out)).toEqual(out);
    expect(out.flows).toEqual([
      { origin: 'UA', transit: [], destination: 'UA', count: shown(20) },
      { origin: 'UA', transit: ['PL'], destination: 'DE', count: shown(10) },
      { origin: 'UA', transit: [], destination: 'DE', count: shown(7) },
      { origin: 'MD', transit: ['PL'], destination: 'DE', count: shown(5) },
    ]);
    expect(out.links).toEqual([
      { source: 'origin:UA', target: 'destination:UA', count: shown(20) },
      { source: 'transit:1:PL', target: 'destination:DE', count: shown(15) },
      { source: 'origin:UA', target: 'transit:1:PL', count: shown(10) },
      { source: 'origin:UA', target: 'destination:DE', count: shown(7) },
      { source: 'origin:MD', target: 'transit:1:PL', count: shown(5) },
    ]);
    expect(out.domestic).toEqual(shown(20));
    expect(out.crossBorder).toEqual(shown(22));
    expect(out.unknown).toEqual(shown(0));
    expect(out.domesticShare).toBe(Number((20 / 42).toFixed(4)));
  });

  it('treats a return through another country as cross-border, and a repeat as no stop', () => {
    const out = buildRoutes(
      [r('UA', ['UA', 'PL', 'PL', 'UA'], 'UA', 5), r('UA', ['UA'], 'UA', 6)],
      1,
    );
    expect(out.flows.map((f) => [f.transit, f.count.count])).toEqual([
      [[], 6],
      [['PL'], 5],
    ]);
    expect([out.domestic.count, out.crossBorder.count]).toEqual([6, 5]);
  });

  it('counts unknown ends apart and suppresses small counts, with no share beside them', () => {
    const out = buildRoutes(
      [r(null, [], 'DE', 3), r('UA', [], null, 4), r('UA', [], 'UA', 9), r('UA', [], 'DE', 2)],
      5,
    );
    expect(out.unknown).toEqual(shown(7));
    expect(out.domestic).toEqual(shown(9));
    expect(out.crossBorder).toEqual(hidden);
    expect(out.domesticShare).toBeNull();
    expect(out.flows[1]).toEqual({ origin: 'UA', transit: [], destination: 'DE', count: hidden });
    expect(JSON.stringify(out)).not.toMatch(/"count":[1-4]\b/);
  });

  it('has no share when no case has both ends known', () => {
    const out = buildRoutes([r(null, [], null, 8)], 5);
    expect(out.flows).toEqual([]);
    expect(out.links).toEqual([]);
    expect(out.domesticShare).toBeNull();
    expect(out.unknown).toEqual(shown(8));
  });
});

describe('buildRoutes: Sankey stages', () => {
  it('names a transit stop by its position, so opposite orders make no cycle', () => {
    const out = buildRoutes(
      [
        { origin: 'UA', transit: ['PL', 'DE'], destination: 'FR', count: 6 },
        { origin: 'UA', transit: ['DE', 'PL'], destination: 'FR', count: 7 },
      ],
      5,
    );
    const edges = out.links.map((l) => `${l.source} ${l.target}`).sort();
    expect(edges).toEqual([
      'origin:UA transit:1:DE',
      'origin:UA transit:1:PL',
      'transit:1:DE transit:2:PL',
      'transit:1:PL transit:2:DE',
      'transit:2:DE destination:FR',
      'transit:2:PL destination:FR',
    ]);
  });
});
