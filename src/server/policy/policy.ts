import type { Role } from '../../shared/api/auth.schema.ts';
import { AppError } from '../http/app-error.ts';

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
 * Administrators manage accounts but do not read survivors' case files (separation of duties);
 * analysts see de-identified figures only, never case records; providers see only referrals
 * addressed to them (Refer capability). See docs/security.md.
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

/** Throws 403 `forbidden` unless the role may perform the action. */
export function authorize(role: Role, action: Action): void {
  if (!can(role, action)) throw new AppError('forbidden', 'Your role does not allow this action.');
}
