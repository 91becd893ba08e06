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
  // bulk export of identities is for supervisors; import only creates (decisions/0006)
  'case:import':         row(N,     Y,         Y,        N,      N),
  'case:export':         row(N,     Y,         N,        N,      N),
  'case:transition':     row(N,     Y,         Y,        N,      N),
  'case:assign':         row(N,     Y,         Y,        N,      N),
  'case:timeline':       row(N,     Y,         Y,        N,      N),
  'approval:request':    row(N,     Y,         Y,        N,      N),
  'approval:list':       row(N,     Y,         N,        N,      N),
  'approval:decide':     row(N,     Y,         N,        N,      N),
  'task:read':           row(N,     Y,         Y,        N,      N),
  'task:write':          row(N,     Y,         Y,        N,      N),
  'task:read-team':      row(N,     Y,         N,        N,      N),
  'note:read':           row(N,     Y,         Y,        N,      N),
  'note:write':          row(N,     Y,         Y,        N,      N),
  'caseload:read':       row(N,     Y,         Y,        N,      N),
  'caseload:team':       row(N,     Y,         N,        N,      N),
  'case:record:update':  row(N,     Y,         Y,        N,      N),
  'case:sensitive:health':           row(N, Y, Y, N, N),
  'case:sensitive:sexual_violence':  row(N, Y, N, N, N),
  'case:sensitive:criminal_justice': row(N, Y, N, N, N),
  'case:sensitive:perpetrators':     row(N, Y, Y, N, N),
  'consent:read':        row(N,     Y,         Y,        N,      N),
  'consent:record':      row(N,     Y,         Y,        N,      N),
  'user:list':           row(Y,     N,         N,        N,      N),
  'user:create':         row(Y,     N,         N,        N,      N),
  'user:update':         row(Y,     N,         N,        N,      N),
  'organisation:read':   row(Y,     Y,         Y,        Y,      Y),
  'organisation:update': row(Y,     N,         N,        N,      N),
  // screening instruments are open data; screenings hold a person's account of exploitation
  'instrument:read':     row(Y,     Y,         Y,        Y,      Y),
  'screening:read':      row(N,     Y,         Y,        N,      N),
  'screening:write':     row(N,     Y,         Y,        N,      N),
  // Refer (docs/referrals.md): the directory holds no personal data; a provider sees only the
  // referrals addressed to its organisation; analysts get de-identified pathway figures
  'directory:read':      row(Y,     Y,         Y,        Y,      Y),
  'directory:manage':    row(Y,     Y,         N,        N,      N),
  'directory:capacity':  row(Y,     Y,         N,        N,      Y),
  'referral:read':       row(N,     Y,         Y,        N,      N),
  'referral:write':      row(N,     Y,         Y,        N,      N),
  'referral:inbox':      row(N,     Y,         N,        N,      Y),
  'referral:metrics':    row(N,     Y,         N,        Y,      N),
  'referral:package':    row(N,     Y,         N,        N,      Y),
  'notification:read':   row(Y,     Y,         Y,        Y,      Y),
  'webhook:manage':      row(Y,     N,         N,        N,      N),
  'partner:manage':      row(Y,     N,         N,        N,      N),
  // Reunite (docs/reunite.md): supervisors decide best interests, review duplicates, merge
  'tracing:read':        row(N,     Y,         Y,        N,      N),
  'tracing:write':       row(N,     Y,         Y,        N,      N),
  'tracing:decide':      row(N,     Y,         N,        N,      N),
  'duplicate:check':     row(N,     Y,         Y,        N,      N),
  'duplicate:review':    row(N,     Y,         N,        N,      N),
  'case:merge':          row(N,     Y,         N,        N,      N),
  'linkage:pprl':        row(N,     Y,         N,        N,      N),
  // the data hub (docs/hub.md): supervisors contribute (four-eyes), analysts publish
  'hub:contribute':      row(N,     Y,         N,        N,      N),
  'hub:approve':         row(N,     Y,         N,        N,      N),
  'hub:read':            row(N,     N,         N,        Y,      N),
  'hub:import':          row(N,     N,         N,        Y,      N),
  'hub:publish':         row(N,     N,         N,        Y,      N),
  // Understand (docs/insights.md): the organisation's own aggregates
  'insights:read':       row(N,     Y,         N,        Y,      N),
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
