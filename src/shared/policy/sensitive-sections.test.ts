import { describe, expect, it } from 'vitest';
import { ROLES } from '../api/auth.schema.ts';
import { can } from './grants.ts';
import { SECTION_ACTION, WITHHOLDABLE, maySee } from './sensitive-sections.ts';

// docs/decisions/0004-sensitive-sections.md, written out by hand.
const INTENDED = {
  supervisor: ['health', 'sexualViolence', 'criminalJustice', 'perpetrators'],
  caseworker: ['health', 'perpetrators'],
  admin: [],
  analyst: [],
  provider: [],
} as const;

describe('sensitive sections', () => {
  it.each(ROLES)('%s sees exactly the sections decided', (role) => {
    expect(WITHHOLDABLE.filter((s) => maySee(role, s))).toEqual(INTENDED[role]);
  });

  it('a section grant never comes without reading the case', () => {
    for (const role of ROLES)
      for (const s of WITHHOLDABLE)
        if (can(role, SECTION_ACTION[s])) expect(can(role, 'case:read')).toBe(true);
  });
});
