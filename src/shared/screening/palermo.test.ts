import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import type { PalermoResult } from './scoring/palermo.ts';

// Worked scenarios written from the Palermo Protocol, art. 3(a)–(d).
const palermo = (answers: Record<string, unknown>) =>
  evaluate('palermo', '1.0.0', answers) as PalermoResult;
const codes = (r: PalermoResult) => r.reasons.map((x) => x.code);

describe('Palermo elements: adults need act, means and purpose (art. 3(a))', () => {
  it('adult recruited abroad by deception into work bound by a debt: likely', () => {
    const r = palermo({
      ageAtRecruitment: 29,
      act: ['recruitment', 'transportation'],
      means: ['deception', 'abuse_of_vulnerability'],
      purpose: ['forced_labour'],
    });
    expect(r.determination).toBe('likely');
    expect(r.elements).toEqual({ act: 'present', means: 'present', purpose: 'present' });
    expect(r.missing).toEqual([]);
    expect(r.reasons.find((x) => x.code === 'palermo.means.present')?.text).toContain('deception');
    expect(codes(r)).toContain('palermo.rule.adult');
  });

  it('adult with act and purpose but means unknown: possible, means missing', () => {
    const r = palermo({
      ageAtRecruitment: 34,
      act: ['harbouring'],
      purpose: ['servitude'],
      unknown: ['means'],
    });
    expect(r.determination).toBe('possible');
    expect(r.elements.means).toBe('unknown');
    expect(r.missing).toEqual(['means']);
    expect(codes(r)).toContain('palermo.missing.means');
  });

  it('a key left out of the answers counts as unknown, like one listed in "unknown"', () => {
    const listed = palermo({
      ageAtRecruitment: 34,
      act: ['receipt'],
      purpose: ['slavery'],
      unknown: ['means'],
    });
    const omitted = palermo({ ageAtRecruitment: 34, act: ['receipt'], purpose: ['slavery'] });
    expect(omitted.determination).toBe(listed.determination);
    expect(omitted.elements).toEqual(listed.elements);
  });

  it('everything answered none: not indicated, every element missing', () => {
    const r = palermo({ ageAtRecruitment: 40, act: [], means: [], purpose: [] });
    expect(r.determination).toBe('not_indicated');
    expect(r.elements).toEqual({ act: 'absent', means: 'absent', purpose: 'absent' });
    expect(r.missing).toEqual(['act', 'means', 'purpose']);
  });

  it('adult with act and purpose but means answered none: not indicated', () => {
    const r = palermo({
      ageAtRecruitment: 30,
      act: ['recruitment'],
      means: [],
      purpose: ['forced_labour'],
    });
    expect(r.determination).toBe('not_indicated');
    expect(r.missing).toEqual(['means']);
  });

  it('nothing established at all: possible, with every element missing', () => {
    const r = palermo({ ageAtRecruitment: 30 });
    expect(r.determination).toBe('possible');
    expect(r.missing).toEqual(['act', 'means', 'purpose']);
  });

  it('consent is irrelevant where means were used (art. 3(b))', () => {
    const r = palermo({
      ageAtRecruitment: 22,
      act: ['recruitment'],
      means: ['fraud'],
      purpose: ['sexual_exploitation'],
      consent: 'yes',
    });
    expect(r.determination).toBe('likely');
    const note = r.reasons.find((x) => x.code === 'palermo.consent.means');
    expect(note?.ref).toBe('Palermo Protocol art. 3(b)');
    expect(note?.text).toContain('does not change the result');
  });

  it('age exactly 18 at recruitment is an adult (art. 3(d): "under eighteen")', () => {
    const r = palermo({
      ageAtRecruitment: 18,
      act: ['recruitment'],
      means: [],
      purpose: ['forced_labour'],
    });
    expect(r.child).toBe(false);
    expect(r.determination).toBe('not_indicated');
  });
});

describe('Palermo elements: a child needs act and purpose only (art. 3(c))', () => {
  it('child sexual exploitation without means: likely, means not required', () => {
    const r = palermo({
      ageAtRecruitment: 15,
      act: ['recruitment', 'harbouring'],
      purpose: ['sexual_exploitation'],
      unknown: ['means'],
    });
    expect(r.determination).toBe('likely');
    expect(r.elements.means).toBe('not_required');
    expect(r.missing).toEqual([]);
    expect(codes(r)).toContain('palermo.rule.child');
  });

  it('child with means answered none: still likely', () => {
    const r = palermo({
      ageAtRecruitment: 16,
      act: ['transportation'],
      means: [],
      purpose: ['forced_begging'],
    });
    expect(r.determination).toBe('likely');
    expect(r.elements.means).toBe('not_required');
  });

  it('child with means found: means shown as present, still not required', () => {
    const r = palermo({
      ageAtRecruitment: 12,
      act: ['transfer'],
      means: ['giving_payments'],
      purpose: ['forced_labour'],
    });
    expect(r.elements.means).toBe('present');
    expect(r.missing).toEqual([]);
    expect(r.reasons.find((x) => x.code === 'palermo.means.present')?.text).toContain(
      'Not required for a child',
    );
  });

  it("a child's agreement is irrelevant (art. 3(c))", () => {
    const r = palermo({
      ageAtRecruitment: 17,
      act: ['recruitment'],
      means: [],
      purpose: ['sexual_exploitation'],
      consent: 'yes',
    });
    expect(r.determination).toBe('likely');
    expect(codes(r)).toContain('palermo.consent.child');
  });

  it('child recruited into an armed group: likely', () => {
    const r = palermo({
      ageAtRecruitment: 14,
      act: ['recruitment'],
      means: ['abduction'],
      purpose: ['armed_groups'],
    });
    expect(r.determination).toBe('likely');
    expect(codes(r)).toContain('palermo.purpose.national');
  });

  it('child with no exploitative purpose: not indicated, purpose missing', () => {
    const r = palermo({ ageAtRecruitment: 15, act: ['transportation'], means: [], purpose: [] });
    expect(r.determination).toBe('not_indicated');
    expect(r.missing).toEqual(['purpose']);
  });
});

describe('Palermo elements: age at recruitment not known', () => {
  it('act and purpose, means none: possible, because a child would be likely', () => {
    const r = palermo({
      ageAtRecruitment: null,
      act: ['recruitment'],
      means: [],
      purpose: ['forced_labour'],
    });
    expect(r.child).toBeNull();
    expect(r.determination).toBe('possible');
    expect(r.elements.means).toBe('absent');
    expect(r.missing).toEqual(['means']);
    expect(codes(r)).toEqual(
      expect.arrayContaining(['palermo.age.unknown', 'palermo.rule.age_unknown']),
    );
  });

  it('all three present: likely either way', () => {
    const r = palermo({ act: ['recruitment'], means: ['threat'], purpose: ['forced_labour'] });
    expect(r.determination).toBe('likely');
    expect(codes(r)).toContain('palermo.rule.adult');
  });

  it('purpose answered none: not indicated either way', () => {
    const r = palermo({ act: ['recruitment'], means: [], purpose: [] });
    expect(r.determination).toBe('not_indicated');
  });
});

describe('Palermo elements: forms and settings of exploitation', () => {
  it('forced marriage, a national-law form of exploitation: likely', () => {
    const r = palermo({
      ageAtRecruitment: 19,
      act: ['transfer'],
      means: ['giving_payments', 'coercion'],
      purpose: ['forced_marriage'],
    });
    expect(r.determination).toBe('likely');
    expect(r.reasons.find((x) => x.code === 'palermo.purpose.national')?.text).toContain(
      'Forced marriage',
    );
  });

  it('domestic trafficking (citizenship = country of exploitation): no border crossing needed', () => {
    const r = palermo({
      ageAtRecruitment: 24,
      act: ['recruitment', 'transportation'],
      means: ['deception'],
      purpose: ['sexual_exploitation'],
      citizenship: 'NG',
      countryOfExploitation: 'NG',
    });
    expect(r.determination).toBe('likely');
    expect(codes(r)).toContain('palermo.domestic');
  });

  it('forced criminality (e.g. cannabis farm, pickpocketing): likely', () => {
    const r = palermo({
      ageAtRecruitment: 20,
      act: ['harbouring'],
      means: ['threat', 'abuse_of_vulnerability'],
      purpose: ['forced_criminality'],
    });
    expect(r.determination).toBe('likely');
  });

  it('deceptive recruitment still in transit: the intended purpose counts (art. 3(a) "for the purpose of")', () => {
    const r = palermo({
      ageAtRecruitment: 23,
      act: ['recruitment', 'transportation'],
      means: ['deception'],
      purpose: ['forced_labour'],
    });
    expect(r.determination).toBe('likely');
    expect(codes(r)).toContain('palermo.purpose.intent');
  });

  it('smuggled migrant, moved with consent, no means and no exploitative purpose: not indicated', () => {
    const r = palermo({ ageAtRecruitment: 27, act: ['transportation'], means: [], purpose: [] });
    expect(r.determination).toBe('not_indicated');
    expect(r.missing).toEqual(['means', 'purpose']);
  });
});
