import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import type { DomvResult } from './scoring/domv.ts';
import type { PalermoResult } from './scoring/palermo.ts';

// IOM Determinants of Migrant Vulnerability (IOM Handbook 2019, Part 1).
const domv = (answers: Record<string, unknown>) => evaluate('domv', '1.0.0', answers) as DomvResult;
const services = (r: DomvResult) => r.recommendations.map((x) => x.service);

describe('DOMV profile and services', () => {
  it('a vulnerable migrant with no trafficking elements: a profile, not a determination', () => {
    const palermo = evaluate('palermo', undefined, {
      ageAtRecruitment: 31,
      act: ['transportation'],
      means: [],
      purpose: [],
    }) as PalermoResult;
    expect(palermo.determination).toBe('not_indicated');

    const r = domv({
      ageAtScreening: 31,
      present: ['no_documents', 'language_barrier', 'household_debt', 'support_network'],
    });
    expect(r).not.toHaveProperty('determination');
    expect(r.levels.individual).toMatchObject({
      risk: ['no_documents', 'language_barrier'],
      balance: 'risk_outweighs',
    });
    expect(r.levels.community).toMatchObject({
      protective: ['support_network'],
      balance: 'protective_outweighs',
    });
    expect(r.levels.structural.balance).toBe('none');
    expect(services(r)).toEqual(expect.arrayContaining(['documentation_legal_aid', 'livelihood']));
    expect(r.reasons[0]?.code).toBe('domv.scope');
  });

  it('an unaccompanied child: child protection and family tracing', () => {
    const r = domv({ ageAtScreening: 15, present: ['unaccompanied_child'] });
    expect(r.child).toBe(true);
    expect(r.levels.individual.risk).toEqual(['child']);
    expect(r.levels.household.risk).toEqual(['unaccompanied_child']);
    expect(services(r)).toEqual(expect.arrayContaining(['child_protection', 'family_tracing']));
    expect(r.recommendations.find((x) => x.service === 'child_protection')?.because).toEqual([
      'child',
      'unaccompanied_child',
    ]);
  });

  it('"unaccompanied child" is skipped for an adult, so answering it is an error', () => {
    expect(() => domv({ ageAtScreening: 25, present: ['unaccompanied_child'] })).toThrow(
      /present\[0\]/,
    );
  });

  it('protective factors balance risk factors at the same level', () => {
    const r = domv({ ageAtScreening: 40, present: ['household_poverty', 'family_support'] });
    expect(r.levels.household.balance).toBe('balanced');
    expect(services(r)).toEqual(['livelihood', 'cash_assistance']);
  });

  it('structural factors lead to structural action, not a case service', () => {
    const r = domv({
      ageAtScreening: null,
      present: ['weak_labour_protection'],
      unknown: ['no_documents'],
    });
    expect(services(r)).toEqual(['structural_advocacy']);
    expect(r.levels.individual.unknown).toEqual(['no_documents']);
  });
});
