import type { Role } from '../../shared/api/auth.schema.ts';
import { can } from '../../shared/policy/grants.ts';

/** Every role, in the order the admin screens list them; the check below keeps it complete. */
export const ROLE_LIST = ['admin', 'supervisor', 'caseworker', 'analyst', 'provider'] as const;
type Missing = Exclude<Role, (typeof ROLE_LIST)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

// The server decides (src/server/policy/policy.ts); the web app reads the same table only to
// hide what the server would refuse.

/** Who may list, open and register cases. */
export const canUseCases = (role: Role): boolean => can(role, 'case:list');

/** Who manages users and the organisation's settings. */
export const canAdminister = (role: Role): boolean => can(role, 'user:list');

/** Where "/" leads: the first page the role can use. */
export function homePath(role: Role): string {
  if (canUseCases(role)) return '/cases';
  if (canAdminister(role)) return '/admin/users';
  return '/account';
}

/** False for paths the role cannot open, so sign-in does not land on a "not allowed" page. */
export function mayOpen(role: Role, path: string): boolean {
  if (path === '/cases' || path.startsWith('/cases/') || path.startsWith('/cases?'))
    return canUseCases(role);
  if (path.startsWith('/admin')) return canAdminister(role);
  if (path.startsWith('/caseload')) return can(role, 'caseload:read');
  return true;
}
