import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/api/auth.schema.ts';
import { ROLES } from '../../shared/api/auth.schema.ts';
import { AppError } from '../http/app-error.ts';
import type { Action } from './policy.ts';
import { ACTIONS, authorize, can } from './policy.ts';

// What the product intends, written out by hand (not derived from the policy): administrators
// manage accounts but never read survivors' case files (separation of duties); analysts see
// de-identified figures only; providers see only referrals addressed to them; caseworkers and
// supervisors do the casework. A change to the grants must change this table on purpose.
const Y = true;
const N = false;
const row = (
  admin: boolean,
  supervisor: boolean,
  caseworker: boolean,
  analyst: boolean,
  provider: boolean,
) => ({ admin, supervisor, caseworker, analyst, provider }) satisfies Record<Role, boolean>;

// prettier-ignore
const INTENDED: Record<Action, Record<Role, boolean>> = {
  //                     row(admin, supervisor, caseworker, analyst, provider)
  'case:create':         row(N,     Y,         Y,        N,      N),
  'case:list':           row(N,     Y,         Y,        N,      N),
  'case:read':           row(N,     Y,         Y,        N,      N),
  'person:lookup':       row(N,     Y,         Y,        N,      N),
  'user:list':           row(Y,     N,         N,        N,      N),
  'user:create':         row(Y,     N,         N,        N,      N),
  'user:update':         row(Y,     N,         N,        N,      N),
  'organisation:read':   row(Y,     Y,         Y,        Y,      Y),
  'organisation:update': row(Y,     N,         N,        N,      N),
};

const cells = ACTIONS.flatMap((action) =>
  ROLES.map((role) => ({ role, action, allowed: INTENDED[action][role] })),
);

describe('policy: roles × actions', () => {
  it('the intended table covers every action and every role', () => {
    expect(Object.keys(INTENDED).sort()).toEqual([...ACTIONS].sort());
    for (const action of ACTIONS)
      expect(Object.keys(INTENDED[action]).sort()).toEqual([...ROLES].sort());
  });

  it.each(cells)('$role may $action: $allowed', ({ role, action, allowed }) => {
    expect(can(role, action)).toBe(allowed);
    if (allowed) {
      expect(() => authorize(role, action)).not.toThrow();
    } else {
      expect(() => authorize(role, action)).toThrow(AppError);
    }
  });

  it('a refusal is 403 `forbidden` and names no role or action', () => {
    let caught: unknown;
    try {
      authorize('admin', 'case:read');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.code).toBe('forbidden');
    expect(error.status).toBe(403);
  });

  it('no role other than caseworker and supervisor can reach case records', () => {
    const caseActions = ACTIONS.filter((a) => a.startsWith('case:') || a.startsWith('person:'));
    const readers = ROLES.filter((r) => caseActions.some((a) => can(r, a)));
    expect(readers.sort()).toEqual(['caseworker', 'supervisor']);
  });
});
