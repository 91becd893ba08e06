import { describe, expect, it } from 'vitest';
import type { GrantCircumstances, GrantFacts } from './grant-rules.ts';
import { grantIssues } from './grant-rules.ts';

const adult: GrantCircumstances = { personIsChild: false, today: '2026-06-01' };
const child: GrantCircumstances = { personIsChild: true, today: '2026-06-01' };
const unknownAge: GrantCircumstances = { personIsChild: null, today: '2026-06-01' };
const mother = { relationship: 'parent', name: 'Ngozi Okafor' } as const;

const paths = (g: GrantFacts, c: GrantCircumstances) => grantIssues(g, c).map((i) => i.path);

describe('grantIssues', () => {
  it('accepts an adult’s verbal or written consent without a guardian', () => {
    expect(grantIssues({ purpose: 'assistance', method: 'verbal' }, adult)).toEqual([]);
    expect(
      grantIssues({ purpose: 'referral', serviceType: 'shelter', method: 'written' }, adult),
    ).toEqual([]);
  });

  it('refuses a service type on any purpose but referral', () => {
    expect(
      grantIssues({ purpose: 'statistics', serviceType: 'shelter', method: 'written' }, adult),
    ).toEqual([{ path: 'serviceType', message: 'applies only to the referral purpose' }]);
  });

  describe('a child (under 18)', () => {
    it('needs a guardian’s consent with the child’s assent', () => {
      expect(
        grantIssues(
          { purpose: 'assistance', method: 'guardian', guardian: mother, childAssent: 'given' },
          child,
        ),
      ).toEqual([]);
    });

    it('accepts a guardian’s consent where the child cannot assent', () => {
      expect(
        paths(
          {
            purpose: 'assistance',
            method: 'guardian',
            guardian: mother,
            childAssent: 'not_possible',
          },
          child,
        ),
      ).toEqual([]);
    });

    it('cannot consent alone: method, guardian and assent are named', () => {
      expect(grantIssues({ purpose: 'assistance', method: 'verbal' }, child)).toEqual([
        { path: 'method', message: 'must be guardian: the person is a child (under 18)' },
        { path: 'guardian', message: 'is required: the person is a child (under 18)' },
        { path: 'childAssent', message: 'is required: the person is a child (under 18)' },
      ]);
    });

    it('needs the guardian named when the method says guardian', () => {
      expect(
        paths({ purpose: 'assistance', method: 'guardian', childAssent: 'given' }, child),
      ).toEqual(['guardian']);
    });

    it('needs the child’s assent recorded', () => {
      expect(
        paths({ purpose: 'family_tracing', method: 'guardian', guardian: mother }, child),
      ).toEqual(['childAssent']);
    });

    it('does not let a guardian’s consent override the child’s refusal', () => {
      expect(
        grantIssues(
          {
            purpose: 'family_tracing',
            method: 'guardian',
            guardian: mother,
            childAssent: 'refused',
          },
          child,
        ),
      ).toEqual([
        {
          path: 'childAssent',
          message: "is refused: a guardian's consent does not override the child's refusal",
        },
      ]);
    });
  });

  it('an adult may consent through a guardian (lack of capacity), naming the guardian', () => {
    expect(
      paths(
        {
          purpose: 'assistance',
          method: 'guardian',
          guardian: { ...mother, relationship: 'legal_guardian' },
        },
        adult,
      ),
    ).toEqual([]);
    expect(paths({ purpose: 'assistance', method: 'guardian' }, adult)).toEqual(['guardian']);
  });

  it('records a guardian or a child’s assent only where they apply', () => {
    expect(paths({ purpose: 'assistance', method: 'written', guardian: mother }, adult)).toEqual([
      'guardian',
    ]);
    expect(
      paths({ purpose: 'assistance', method: 'written', childAssent: 'given' }, adult),
    ).toEqual(['childAssent']);
  });

  it('applies no child rule when the age is unknown, but accepts a guardian and assent', () => {
    expect(paths({ purpose: 'assistance', method: 'verbal' }, unknownAge)).toEqual([]);
    expect(
      paths(
        { purpose: 'assistance', method: 'guardian', guardian: mother, childAssent: 'given' },
        unknownAge,
      ),
    ).toEqual([]);
  });

  it('refuses an expiry date in the past, accepts today and later', () => {
    const g = { purpose: 'statistics', method: 'written' } as const;
    expect(paths({ ...g, expiresOn: '2026-05-31' }, adult)).toEqual(['expiresOn']);
    expect(paths({ ...g, expiresOn: '2026-06-01' }, adult)).toEqual([]);
    expect(paths({ ...g, expiresOn: '2027-06-01' }, adult)).toEqual([]);
  });
});
