import { Caseload, TeamCaseload } from '../../shared/api/casework.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { myCaseload, teamCaseload } from './caseload.service.ts';

/** Each user's caseload, and the team's for supervisors. */
export function registerCaseloadRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['casework'];
  app.get(
    '/caseload',
    {
      schema: {
        tags,
        summary: 'Your cases by stage and your open and overdue tasks',
        response: responses({ 200: Caseload }),
      },
    },
    (req) => secured(deps, req, { action: 'caseload:read' }, myCaseload),
  );

  app.get(
    '/caseload/team',
    {
      schema: {
        tags,
        summary: 'Open cases and tasks per caseworker and supervisor (supervisors)',
        response: responses({ 200: TeamCaseload }),
      },
    },
    (req) => secured(deps, req, { action: 'caseload:team' }, teamCaseload),
  );
}
