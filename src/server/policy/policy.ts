import type { Role } from '../../shared/api/auth.schema.ts';
import type { Action } from '../../shared/policy/grants.ts';
import { can } from '../../shared/policy/grants.ts';
import { AppError } from '../http/app-error.ts';

export { ACTIONS, can } from '../../shared/policy/grants.ts';
export type { Action } from '../../shared/policy/grants.ts';

/** Throws 403 `forbidden` unless the role may perform the action. */
export function authorize(role: Role, action: Action): void {
  if (!can(role, action)) throw new AppError('forbidden', 'Your role does not allow this action.');
}
