import { describe, expect, it } from 'vitest';
import { ScreeningError } from './errors.ts';
import { evaluate } from './evaluate.ts';
import { iloEcV1 } from './instruments/ilo-ec.ts';
import type { IloEcResult } from './scoring/ilo-ec.ts';
import { assessDimension } from './scoring/ilo-ec-rule.ts';

// Worked cases of the ILO–EC (2009) combination rule and victim rule.
const ec = (answers: Record<string, unknown>) =>
  evaluate('ilo-ec', '1.0.0', answers) as IloEcResult;
const adult = (present: string[], unknown: string[] = []) =>
  ec({ ageAtRecruitment: 30, exploitation: 'labour', present, unknown });
const rule = iloEcV1.rule.dimension;

describe('ILO–EC dimension rule, on both sides of the threshold', () => {
  const w = {
    s1: 'strong',
    s2: 'strong',
    m1: 'medium',
    m2: 'medium',
    m3: 'medium',
    w1: 'weak',
    w2: 'weak',
  } as const;
  const cases: [string[], 'present' | 'absent', string | null][] = [
    [['s1'], 'absent', null],
    [['s1', 's2'], 'present', '1'],
    [['s1', 'm1'], 'present', '2'],
    [['s1', 'w1'], 'present', '2'],
    [['m1', 'm2'], 'absent', null],
    [['m1', 'm2', 'm3'], 'present', '3'],
    [['m1', 'm2', 'w1'], 'present', '4'],
    [['m1', 'w1', 'w2'], 'absent', null],
    [['w1', 'w2'], 'absent', null],
  ];
  it.each(cases)('%j → %s (clause %s)', (present, status, clause) => {
    const r = assessDimension(rule, w, present, []);
    expect(r.status).toBe(status);
    expect(r.clause?.slice(1, 2) ?? null).toBe(clause);
  });

  it('unknown indicators that could complete a clause leave the dimension unknown', () => {
    expect(assessDimension(rule, w, ['s1'], ['w1']).status).toBe('unknown');
    expect(assessDimension(rule, w, ['m1'], ['w1']).status).toBe('absent');
  });
});

describe('ILO–EC victim rule, adults', () => {
  it('deceived about the job, long hours unpaid, debt bondage and documents taken: likely', () => {
    const r = adult([
      'dr.nature_of_job',
      'dr.wages',
      'ex.excessive_hours',
      'ex.low_salary',
      'cd.debt_bondage',
      'cd.documents',
    ]);
    expect(r.determination).toBe('likely');
    expect(r.dimensions.deceptive_recruitment.clause).toMatch(/^\(2\)/);
    expect(r.dimensions.coercion_at_destination.clause).toMatch(/^\(1\)/);
    expect(r.missing).toEqual([]);
  });

  it('one strong deception indicator alone does not establish deceptive recruitment', () => {
    const r = adult([
      'dr.nature_of_job',
      'ex.excessive_hours',
      'ex.low_salary',
      'cd.debt_bondage',
      'cd.documents',
    ]);
    expect(r.dimensions.deceptive_recruitment.status).toBe('absent');
    expect(r.determination).toBe('not_indicated');
    expect(r.missing).toEqual(['recruitment']);
  });

  it('recruitment by abuse of vulnerability needs three medium indicators (no strong ones for adults)', () => {
    const base = [
      'ex.excessive_hours',
      'ex.wage_manipulation',
      'vd.dependency',
      'vd.unknown_area',
      'vd.authorities',
    ];
    expect(adult([...base, 'vr.economic', 'vr.illegal_status']).determination).toBe(
      'not_indicated',
    );
    const r = adult([...base, 'vr.economic', 'vr.illegal_status', 'vr.lack_of_information']);
    expect(r.dimensions.recruitment_abuse_of_vulnerability.clause).toMatch(/^\(3\)/);
    expect(r.determination).toBe('likely');
  });

  it('exploited but no coercion or abuse of vulnerability at destination: not indicated', () => {
    const r = adult(['dr.nature_of_job', 'dr.contract', 'ex.excessive_hours', 'ex.hazardous']);
    expect(r.determination).toBe('not_indicated');
    expect(r.missing).toEqual(['coercion_at_destination']);
  });

  it('a requirement that unknown indicators could complete: possible', () => {
    const r = adult(
      ['dr.nature_of_job', 'dr.wages', 'ex.excessive_hours', 'ex.low_salary', 'cd.isolation'],
      ['cd.violence'],
    );
    expect(r.dimensions.coercion_at_destination.status).toBe('unknown');
    expect(r.determination).toBe('possible');
  });

  it('the list matters: forced tasks or clients is strong for sexual exploitation only', () => {
    const present = [
      'dr.nature_of_job',
      'dr.travel',
      'ex.low_salary',
      'ex.living_conditions',
      'ex.hazardous',
      'cd.tasks_clients',
      'cd.threats',
    ];
    expect(ec({ ageAtRecruitment: 25, exploitation: 'labour', present }).determination).toBe(
      'not_indicated',
    );
    const sexual = ec({ ageAtRecruitment: 25, exploitation: 'sexual', present });
    expect(sexual.list).toBe('adults_sexual');
    expect(sexual.determination).toBe('likely');
    expect(sexual.reasons.some((x) => x.text.includes('reconstruction'))).toBe(true);
  });
});

describe('ILO–EC victim rule, children (no means needed)', () => {
  it('a child recruited (act) into exploitative work, no recruitment dimension: likely', () => {
    const r = ec({
      ageAtRecruitment: 14,
      exploitation: 'labour',
      act: 'yes',
      present: ['ex.excessive_hours', 'ex.education'],
    });
    expect(r.list).toBe('children_labour');
    expect(r.determination).toBe('likely');
    expect(r.requirements).toEqual({ recruitment: 'present', exploitation: 'present' });
  });

  it('a child with the act not known and no recruitment dimension: possible', () => {
    const r = ec({
      ageAtRecruitment: 14,
      exploitation: 'labour',
      present: ['ex.excessive_hours', 'ex.hazardous'],
    });
    expect(r.determination).toBe('possible');
    expect(r.missing).toEqual(['recruitment']);
  });

  it('age unknown, no coercion at destination: possible, because a child would be likely', () => {
    const r = ec({
      ageAtRecruitment: null,
      exploitation: 'labour',
      present: ['dr.nature_of_job', 'dr.wages', 'ex.excessive_hours', 'ex.low_salary'],
    });
    expect(r.list).toBe('adults_labour');
    expect(r.determination).toBe('possible');
  });

  it('an indicator that is not in the children list is refused, naming the field', () => {
    const call = () =>
      ec({
        ageAtRecruitment: 15,
        exploitation: 'labour',
        present: ['ex.excessive_hours', 'ex.social_protection'],
      });
    expect(call).toThrow(ScreeningError);
    expect(call).toThrow(/present\[1\]/);
  });
});
