import type { Role } from '../api/auth.schema.ts';

/** Everything a signed-in user can ask to do. Add the action here before writing its route. */
export const ACTIONS = [
  'case:create',
  'case:list',
  'case:read',
  'person:lookup',
  'user:list',
  'user:create',
  'user:update',
  'organisation:read',
  'organisation:update',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Who may do what, inside their own organisation (row-level security keeps them there).
 * Administrators manage accounts but do not read survivors' case files (separation of duties,
 * docs/decisions/0003); analysts see de-identified figures only, never case records; providers
 * see only referrals addressed to them (Refer capability). The server decides with this table
 * (src/server/policy/policy.ts); the web app reads it only to hide what would be refused.
 */
const GRANTS: Record<Role, ReadonlySet<Action>> = {
  admin: new Set([
    'user:list',
    'user:create',
    'user:update',
    'organisation:read',
    'organisation:update',
  ]),
  supervisor: new Set([
    'case:create',
    'case:list',
    'case:read',
    'person:lookup',
    'organisation:read',
  ]),
  caseworker: new Set([
    'case:create',
    'case:list',
    'case:read',
    'person:lookup',
    'organisation:read',
  ]),
  analyst: new Set(['organisation:read']),
  provider: new Set(['organisation:read']),
};

export const can = (role: Role, action: Action): boolean => GRANTS[role].has(action);
