import type { SecuredDeps } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { registerCaseloadRoutes } from './caseload.routes.ts';
import { registerLifecycleRoutes } from './lifecycle.routes.ts';
import { registerNoteRoutes } from './notes.routes.ts';
import { registerTaskRoutes } from './tasks.routes.ts';

/** Casework (docs/casework.md): lifecycle, approvals, assignment, timeline, tasks, notes, caseload. */
export function registerCaseworkRoutes(app: ZodApp, deps: SecuredDeps): void {
  registerLifecycleRoutes(app, deps);
  registerTaskRoutes(app, deps);
  registerNoteRoutes(app, deps);
  registerCaseloadRoutes(app, deps);
}
