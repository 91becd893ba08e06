import { describe, expect, it } from 'vitest';
import { grantIssues } from '../../../shared/consent/index.ts';
import { consentFieldOf, consentIssueKey } from './consent-errors.ts';

describe('consent form errors', () => {
  it('recognises every refusal of the grant rules', () => {
    const child = { personIsChild: true, today: '2026-06-01' };
    const adult = { personIsChild: false, today: '2026-06-01' };
    const g = { relationship: 'parent', name: 'A' } as const;
    const cases = [
      grantIssues({ purpose: 'assistance', method: 'verbal' }, child),
      grantIssues(
        { purpose: 'assistance', method: 'guardian', guardian: g, childAssent: 'refused' },
        child,
      ),
      grantIssues({ purpose: 'statistics', method: 'verbal', serviceType: 'shelter' }, adult),
      grantIssues(
        { purpose: 'assistance', method: 'verbal', guardian: g, childAssent: 'given' },
        adult,
      ),
      grantIssues({ purpose: 'assistance', method: 'guardian', expiresOn: '2026-01-01' }, adult),
    ].flat();
    expect(new Set(cases.map((i) => i.path)).size).toBe(5);
    for (const issue of cases) expect(consentIssueKey(issue.path, issue.message)).not.toBeNull();
  });

  it('maps the guardian object to its first field', () => {
    expect(consentFieldOf('guardian')).toBe('guardianRelationship');
    expect(consentFieldOf('guardian.name')).toBe('guardianName');
    expect(consentFieldOf('expiresOn')).toBe('expiresOn');
  });

  it('leaves unknown messages to the generic translation', () => {
    expect(consentIssueKey('note', 'must be at most 1000 characters')).toBeNull();
  });
});
