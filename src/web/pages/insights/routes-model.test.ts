import { describe, expect, it } from 'vitest';
import type { RoutesResponse } from '../../../shared/api/insights.schema.ts';
import { countryCentroid } from '../../../shared/insights/space/country-geo.ts';
import { parseNode, routeFlows, sankeyLinks } from './routes-model.ts';

const link = (source: string, target: string, count: number | null) => ({
  source,
  target,
  count: { count, suppressed: count === null },
});

describe('routes on the map and in the Sankey', () => {
  it('reads the stage and country of a node', () => {
    expect(parseNode('origin:NG')).toEqual({ stage: 'origin', country: 'NG', stop: 0 });
    expect(parseNode('transit:2:LY')).toEqual({ stage: 'transit', country: 'LY', stop: 2 });
    expect(parseNode('transit:LY')).toBeNull();
    expect(parseNode('destination:IT')).toEqual({ stage: 'destination', country: 'IT', stop: 0 });
    expect(parseNode('elsewhere:LY')).toBeNull();
    expect(parseNode('transit:x:LY')).toBeNull();
  });

  it('draws each leg between centroids, as wide as its cases', () => {
    const links: RoutesResponse['links'] = [
      link('origin:NG', 'transit:1:LY', 12),
      link('transit:1:LY', 'destination:IT', 12),
      link('origin:IT', 'destination:IT', 30),
      link('origin:UA', 'destination:PL', null),
      link('origin:NG', 'destination:ZZ', 9),
      link('origin:SY', 'destination:TR', 0),
    ];
    const { flows, suppressed, unplaced } = routeFlows(links, (a, b, n) => `${a}>${b}:${n}`);
    expect(flows.map((f) => [f.label, f.value])).toEqual([
      ['NG>LY:12', 12],
      ['LY>IT:12', 12],
    ]);
    expect(flows[0]!.from).toEqual(countryCentroid('NG'));
    expect(flows[1]!.to).toEqual(countryCentroid('IT'));
    expect(suppressed).toBe(1);
    expect(unplaced).toBe(1);
  });

  it('passes suppressed counts to the Sankey without a value', () => {
    expect(sankeyLinks([link('origin:UA', 'destination:PL', null)])).toEqual([
      { source: 'origin:UA', target: 'destination:PL', value: null },
    ]);
  });
});
