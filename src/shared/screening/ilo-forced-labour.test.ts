import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import type { IloFlResult } from './scoring/ilo-forced-labour.ts';

// ILO Indicators of Forced Labour (2012): one indicator may imply forced labour; usually several.
const fl = (present: string[], unknown: string[] = []) =>
  evaluate('ilo-fl', undefined, { present, unknown }) as IloFlResult;

describe('ILO forced-labour indicators', () => {
  it('deception and debt bondage together: likely', () => {
    const r = fl(['deception', 'debt_bondage']);
    expect(r.determination).toBe('likely');
    expect(r.count).toBe(2);
    expect(r.indicators.debt_bondage).toBe('present');
    expect(r.indicators.isolation).toBe('absent');
  });

  it('a single indicator (documents retained): possible, quoting the ILO guidance', () => {
    const r = fl(['retention_of_documents']);
    expect(r.determination).toBe('possible');
    expect(r.reasons.find((x) => x.kind === 'rule')?.text).toContain('single indicator');
  });

  it('no indicator present: not indicated, and unknown ones are named to follow up', () => {
    const r = fl([], ['withholding_of_wages']);
    expect(r.determination).toBe('not_indicated');
    expect(r.indicators.withholding_of_wages).toBe('unknown');
    expect(r.reasons.find((x) => x.kind === 'missing')?.text).toContain('withholding of wages');
  });

  it('lists the eleven ILO indicators', () => {
    expect(Object.keys(fl([]).indicators)).toHaveLength(11);
  });
});
