import { describe, expect, it } from 'vitest';
import { sankeyCsv } from './sankey-csv.ts';

const NAMES: Record<string, string> = {
  'origin:NG': 'From Nigeria',
  'destination:IT': 'To Italy',
  'origin:UA': 'From Ukraine',
  'destination:PL': 'To Poland',
};

describe('the CSV of a Sankey', () => {
  it('holds every link of the table, suppressed ones as the word, in the order given', () => {
    const csv = sankeyCsv(
      {
        links: [
          { source: 'origin:NG', target: 'destination:IT', value: 12 },
          { source: 'origin:UA', target: 'destination:PL', value: null },
          { source: 'origin:NG', target: 'destination:PL', value: 0 },
        ],
        nodeLabel: (id) => NAMES[id] ?? id,
        columns: { source: 'From', target: 'To', value: 'Cases' },
      },
      'suppressed',
    );
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'From,To,Cases',
      'From Nigeria,To Italy,12',
      'From Ukraine,To Poland,suppressed',
      'From Nigeria,To Poland,0',
      '',
    ]);
  });

  it('escapes a node name that would start a formula', () => {
    const csv = sankeyCsv(
      {
        links: [{ source: 'a', target: 'b', value: 5 }],
        nodeLabel: (id) => (id === 'a' ? '=cmd' : 'B'),
        columns: { source: 'From', target: 'To', value: 'Cases' },
      },
      'suppressed',
    );
    expect(csv).toContain("\r\n'=cmd,B,5\r\n");
  });
});
