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
  // providers work from the referrals addressed to them; analysts from the pathway figures
  if (can(role, 'referral:inbox')) return '/referrals/inbox';
  if (can(role, 'referral:metrics')) return '/referrals/metrics';
  return '/account';
}

/** False for paths the role cannot open, so sign-in does not land on a "not allowed" page. */
export function mayOpen(role: Role, path: string): boolean {
  if (path === '/cases' || path.startsWith('/cases/') || path.startsWith('/cases?'))
    return canUseCases(role);
  if (path.startsWith('/admin')) return canAdminister(role);
  if (path.startsWith('/caseload')) return can(role, 'caseload:read');
  if (path.startsWith('/referrals/inbox')) return can(role, 'referral:inbox');
  if (path.startsWith('/referrals/metrics')) return can(role, 'referral:metrics');
  if (path.startsWith('/referrals/packages')) return can(role, 'referral:package');
  if (path === '/referrals' || path.startsWith('/referrals/')) return can(role, 'referral:read');
  if (path === '/tracing' || path.startsWith('/tracing/')) return can(role, 'tracing:read');
  if (path.startsWith('/hub/contributions')) return can(role, 'hub:contribute');
  if (path === '/hub' || path.startsWith('/hub/')) return can(role, 'hub:read');
  if (path === '/duplicates' || path.startsWith('/duplicates/'))
    return can(role, 'duplicate:review');
  return true;
}
