import { describe, expect, it } from 'vitest';
import { sankeyGraph } from './sankey-data.ts';

describe('the drawable part of a Sankey', () => {
  it('keeps positive links and lists their nodes', () => {
    const g = sankeyGraph([
      { source: 'origin:NG', target: 'transit:LY', value: 12 },
      { source: 'transit:LY', target: 'destination:IT', value: 12 },
      { source: 'origin:NG', target: 'destination:IT', value: 0 },
    ]);
    expect(g.links).toEqual([
      { source: 'origin:NG', target: 'transit:LY', value: 12 },
      { source: 'transit:LY', target: 'destination:IT', value: 12 },
    ]);
    expect(g.nodes.sort()).toEqual(['destination:IT', 'origin:NG', 'transit:LY']);
    expect(g.leftOut).toEqual([]);
  });

  it('leaves suppressed links out of the picture and says so', () => {
    const small = { source: 'origin:UA', target: 'destination:PL', value: null };
    const g = sankeyGraph([small, { source: 'origin:NG', target: 'destination:IT', value: 7 }]);
    expect(g.links).toHaveLength(1);
    expect(g.nodes).not.toContain('origin:UA');
    expect(g.leftOut).toEqual([{ link: small, reason: 'suppressed' }]);
  });

  it('breaks a cycle by leaving out its smallest link', () => {
    const g = sankeyGraph([
      { source: 'transit:TR', target: 'transit:GR', value: 3 },
      { source: 'transit:GR', target: 'transit:TR', value: 9 },
      { source: 'origin:SY', target: 'transit:GR', value: 9 },
    ]);
    expect(g.links.map((l) => `${l.source}>${l.target}`)).toEqual([
      'origin:SY>transit:GR',
      'transit:GR>transit:TR',
    ]);
    expect(g.leftOut).toEqual([
      { link: { source: 'transit:TR', target: 'transit:GR', value: 3 }, reason: 'cycle' },
    ]);
  });

  it('reverses the links right to left, so the origin is drawn at the right', () => {
    const g = sankeyGraph([{ source: 'origin:NG', target: 'destination:IT', value: 5 }], true);
    expect(g.links).toEqual([{ source: 'destination:IT', target: 'origin:NG', value: 5 }]);
  });
});
