import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totpAt } from '../../src/server/auth/totp.ts';
import type { Role } from '../../src/shared/api/auth.schema.ts';
import { ROLES } from '../../src/shared/api/auth.schema.ts';
import { auditEntries, errorOf } from '../support/api.ts';
import { apiRouteKeys } from '../support/routes.ts';
import type { TestResponse, TestSession } from '../support/test-app.ts';
import { PASSWORD, TestLantern, caseBody } from '../support/test-app.ts';
import { DIRECT_TRANSITIONS } from '../../src/shared/casework/lifecycle.ts';
import type { Stage } from '../../src/shared/casework/lifecycle.ts';
import type { RecordIds } from '../support/case-record.ts';
import { addRecordParts, valid } from '../support/case-record.ts';
import { csvUpload, validProvider, validService } from '../support/directory.ts';
import { ctdcTable, importBody } from '../support/hub.ts';
import type {
  HubTarget,
  ReferTarget,
  ReuniteTarget,
  TracingStage,
} from '../support/permission-targets.ts';
import {
  LINKAGE_SECRET,
  hubTarget,
  missingHubTarget,
  missingReferTarget,
  missingReuniteTarget,
  partnerInstance,
  referTarget,
  reuniteTarget,
  tracingRequestBody,
} from '../support/permission-targets.ts';

type ByRole = Record<Role, number>;
/** One row of statuses, in the column order of the table below. */
const by = (
  admin: number,
  supervisor: number,
  caseworker: number,
  analyst: number,
  provider: number,
): ByRole => ({
  admin,
  supervisor,
  caseworker,
  analyst,
  provider,
});

interface Row {
  /** Without a session cookie. */
  anon: number;
  /** Signed in; any record the endpoint names belongs to the user's own organisation. */
  same: ByRole;
  /** Signed in; the record the endpoint names belongs to another organisation. */
  other?: ByRole;
  /**
   * The record is shared by every organisation of the instance (the service directory, and the
   * data hub's publications): another organisation's record answers `other`, not like a
   * missing one, which is 404 to a role that may act on it. Only for those instance-wide
   * records; everything else keeps "foreign answers like missing".
   */
  shared?: true;
}

// The expected answers, written out by hand from the intended policy (src/server/policy/policy.ts
// and docs/security.md): administrators manage users and the organisation but do not read case
// files; supervisors and caseworkers do casework; analysts and providers touch neither; everyone
// reads their own organisation and manages their own account. Records of another organisation:
// 404 where the role may act at all, 403 where it may not (the policy answers before any look-up).
//
// Columns of by(…): admin, supervisor, caseworker, analyst, provider.
const MATRIX: Record<string, Row> = {
  'POST /api/v1/auth/login': { anon: 200, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/auth/session': { anon: 401, same: by(200, 200, 200, 200, 200) },
  'POST /api/v1/auth/logout': { anon: 401, same: by(204, 204, 204, 204, 204) },
  'POST /api/v1/auth/password': { anon: 401, same: by(204, 204, 204, 204, 204) },
  'POST /api/v1/auth/totp/setup': { anon: 401, same: by(200, 200, 200, 200, 200) },
  'POST /api/v1/auth/totp/confirm': { anon: 401, same: by(204, 204, 204, 204, 204) },
  'POST /api/v1/auth/totp/disable': { anon: 401, same: by(204, 204, 204, 204, 204) },
  'GET /api/v1/cases': { anon: 401, same: by(403, 200, 200, 403, 403) },
  'POST /api/v1/cases': { anon: 401, same: by(403, 201, 201, 403, 403) },
  // spreadsheet import and export (docs/exchange.md): exporting identities in bulk is for supervisors
  'POST /api/v1/cases/import': { anon: 401, same: by(403, 200, 200, 403, 403) },
  'GET /api/v1/cases/export': { anon: 401, same: by(403, 200, 403, 403, 403) },
  'GET /api/v1/cases/:id': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  // consent by purpose (docs/consent.md)
  'GET /api/v1/cases/:id/consents': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/cases/:id/consents': {
    anon: 401,
    same: by(403, 201, 201, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/cases/:id/consents/withdraw': {
    anon: 401,
    same: by(403, 201, 201, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  // case record on HTCDS 2.0 (docs/htcds-mapping.md)
  'GET /api/v1/cases/:id/record': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/cases/:id/profile': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'PUT /api/v1/cases/:id/profile': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/cases/:id/events': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/cases/:id/events': {
    anon: 401,
    same: by(403, 201, 201, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'PATCH /api/v1/cases/:id/events/:eventId': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'DELETE /api/v1/cases/:id/events/:eventId': {
    anon: 401,
    same: by(403, 204, 204, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/cases/:id/needs': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/cases/:id/needs': {
    anon: 401,
    same: by(403, 201, 201, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'PATCH /api/v1/cases/:id/needs/:needId': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/cases/:id/plan': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'PUT /api/v1/cases/:id/plan': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/cases/:id/follow-ups': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/cases/:id/follow-ups': {
    anon: 401,
    same: by(403, 201, 201, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/cases/:id/reintegration': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/cases/:id/reintegration': {
    anon: 401,
    same: by(403, 201, 201, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  // sensitive sections (docs/decisions/0004): sexual violence and criminal justice are
  // supervisor-only; health and perpetrators are for caseworkers too
  'GET /api/v1/cases/:id/sensitive/health': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'PUT /api/v1/cases/:id/sensitive/health': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/cases/:id/sensitive/sexual-violence': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  'PUT /api/v1/cases/:id/sensitive/sexual-violence': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  'GET /api/v1/cases/:id/sensitive/criminal-justice': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  'PUT /api/v1/cases/:id/sensitive/criminal-justice': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  'GET /api/v1/cases/:id/perpetrators': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/cases/:id/perpetrators': {
    anon: 401,
    same: by(403, 201, 201, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'PATCH /api/v1/cases/:id/perpetrators/:perpetratorId': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'DELETE /api/v1/cases/:id/perpetrators/:perpetratorId': {
    anon: 401,
    same: by(403, 204, 204, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/persons/lookup': { anon: 401, same: by(403, 200, 200, 403, 403) },
  'GET /api/v1/users': { anon: 401, same: by(200, 403, 403, 403, 403) },
  'POST /api/v1/users': { anon: 401, same: by(201, 403, 403, 403, 403) },
  'PATCH /api/v1/users/:id': {
    anon: 401,
    same: by(200, 403, 403, 403, 403),
    other: by(404, 403, 403, 403, 403),
  },
  'POST /api/v1/users/:id/reset-password': {
    anon: 401,
    same: by(200, 403, 403, 403, 403),
    other: by(404, 403, 403, 403, 403),
  },
  // screenings (docs/screening.md): instruments are open to every role, screenings to casework
  'GET /api/v1/instruments': { anon: 401, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/instruments/:instrumentId/:version': {
    anon: 401,
    same: by(200, 200, 200, 200, 200),
  },
  'GET /api/v1/cases/:id/screenings': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/cases/:id/screenings': {
    anon: 401,
    same: by(403, 201, 201, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/cases/:id/screenings/:sid': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'PATCH /api/v1/cases/:id/screenings/:sid': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/cases/:id/screenings/:sid/complete': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  // casework (docs/casework.md): supervisors alone decide approvals and see the team's figures;
  // a caseworker transfers only cases they own (the matrix's case belongs to another caseworker)
  'POST /api/v1/cases/:id/transitions': {
    anon: 401,
    same: by(403, 201, 201, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'PUT /api/v1/cases/:id/owner': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/cases/:id/timeline': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/cases/:id/approvals': {
    anon: 401,
    same: by(403, 201, 201, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/cases/:id/approvals': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/approvals': { anon: 401, same: by(403, 200, 403, 403, 403) },
  'POST /api/v1/approvals/:id/decision': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  'POST /api/v1/cases/:id/tasks': {
    anon: 401,
    same: by(403, 201, 201, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/cases/:id/tasks': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'PATCH /api/v1/tasks/:id': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/tasks': { anon: 401, same: by(403, 200, 200, 403, 403) },
  'GET /api/v1/tasks/overdue': { anon: 401, same: by(403, 200, 403, 403, 403) },
  'POST /api/v1/cases/:id/notes': {
    anon: 401,
    same: by(403, 201, 201, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/cases/:id/notes': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/caseload': { anon: 401, same: by(403, 200, 200, 403, 403) },
  'GET /api/v1/caseload/team': { anon: 401, same: by(403, 200, 403, 403, 403) },
  'GET /api/v1/organisation': { anon: 401, same: by(200, 200, 200, 200, 200) },
  'PATCH /api/v1/organisation': { anon: 401, same: by(200, 403, 403, 403, 403) },

  // --- Refer (docs/referrals.md) ---------------------------------------------------------------
  // The service directory is shared by every organisation on the instance and read by everyone;
  // listings are kept by the listing organisation's administrators and supervisors; places by
  // them and by the receiving organisation's providers. `shared`: another organisation's
  // listing is read like one's own (200), while a missing one is 404.
  'GET /api/v1/directory/providers': { anon: 401, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/directory/providers/:id': {
    anon: 401,
    same: by(200, 200, 200, 200, 200),
    other: by(200, 200, 200, 200, 200),
    shared: true,
  },
  'GET /api/v1/directory/services/:id': {
    anon: 401,
    same: by(200, 200, 200, 200, 200),
    other: by(200, 200, 200, 200, 200),
    shared: true,
  },
  'POST /api/v1/directory/search': { anon: 401, same: by(200, 200, 200, 200, 200) },
  'POST /api/v1/directory/providers': { anon: 401, same: by(201, 201, 403, 403, 403) },
  'PATCH /api/v1/directory/providers/:id': {
    anon: 401,
    same: by(200, 200, 403, 403, 403),
    other: by(404, 404, 403, 403, 403),
  },
  'POST /api/v1/directory/services': { anon: 401, same: by(201, 201, 403, 403, 403) },
  'PATCH /api/v1/directory/services/:id': {
    anon: 401,
    same: by(200, 200, 403, 403, 403),
    other: by(404, 404, 403, 403, 403),
  },
  // the matrix's service is listed and received by the same organisation
  'PUT /api/v1/directory/services/:id/capacity': {
    anon: 401,
    same: by(200, 200, 403, 403, 200),
    other: by(404, 404, 403, 403, 404),
  },
  'POST /api/v1/directory/import': { anon: 401, same: by(200, 200, 403, 403, 403) },
  'GET /api/v1/directory/export': { anon: 401, same: by(200, 200, 403, 403, 403) },
  // Referrals: supervisors and caseworkers send them (never the case to a provider); supervisors
  // and providers answer those addressed to their organisation. The matrix's referral goes from
  // a case of the organisation to a service it receives itself, so both sides are the same
  // organisation and the role alone decides: answering is the receiver's (a caseworker is
  // refused), sending and withdrawing the sender's (a provider is refused). Administrators and
  // analysts never see a referral. Another organisation's referral: 404 to any role that may
  // act on some referral, 403 to the others (refused before the look-up).
  'GET /api/v1/referrals': { anon: 401, same: by(403, 200, 200, 403, 403) },
  'POST /api/v1/referrals': { anon: 401, same: by(403, 201, 201, 403, 403) },
  'GET /api/v1/referrals/:id': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'PATCH /api/v1/referrals/:id': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/referrals/:id/send': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/referrals/:id/withdraw': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/referrals/inbox': { anon: 401, same: by(403, 200, 403, 403, 200) },
  'GET /api/v1/referrals/inbox/:id': {
    anon: 401,
    same: by(403, 200, 403, 403, 200),
    other: by(403, 404, 403, 403, 404),
  },
  'POST /api/v1/referrals/:id/accept': {
    anon: 401,
    same: by(403, 200, 403, 403, 200),
    other: by(403, 404, 404, 403, 404),
  },
  'POST /api/v1/referrals/:id/decline': {
    anon: 401,
    same: by(403, 200, 403, 403, 200),
    other: by(403, 404, 404, 403, 404),
  },
  'POST /api/v1/referrals/:id/start': {
    anon: 401,
    same: by(403, 200, 403, 403, 200),
    other: by(403, 404, 404, 403, 404),
  },
  'POST /api/v1/referrals/:id/complete': {
    anon: 401,
    same: by(403, 200, 403, 403, 200),
    other: by(403, 404, 404, 403, 404),
  },
  // either side writes in the thread
  'POST /api/v1/referrals/:id/messages': {
    anon: 401,
    same: by(403, 201, 201, 403, 201),
    other: by(403, 404, 404, 403, 404),
  },
  // pathway metrics (docs/referral-metrics.md): de-identified figures for the referral
  // coordinator and analysts; an unmet need is recorded by whoever searched for a case
  'GET /api/v1/referrals/metrics': { anon: 401, same: by(403, 200, 403, 200, 403) },
  'GET /api/v1/referrals/metrics.csv': { anon: 401, same: by(403, 200, 403, 200, 403) },
  'POST /api/v1/referrals/unmet-needs': { anon: 401, same: by(403, 201, 201, 403, 403) },
  // Notifications (docs/notifications.md): everyone reads their own. The matrix's one announces
  // a referral to its receiving organisation without naming users: its supervisors and
  // providers see it; to anyone else it does not exist. Webhooks are the administrators'.
  'GET /api/v1/notifications': { anon: 401, same: by(200, 200, 200, 200, 200) },
  'POST /api/v1/notifications/read-all': { anon: 401, same: by(200, 200, 200, 200, 200) },
  'POST /api/v1/notifications/:id/read': {
    anon: 401,
    same: by(404, 204, 404, 404, 204),
    other: by(404, 404, 404, 404, 404),
  },
  'GET /api/v1/webhooks': { anon: 401, same: by(200, 403, 403, 403, 403) },
  'POST /api/v1/webhooks': { anon: 401, same: by(201, 403, 403, 403, 403) },
  'PATCH /api/v1/webhooks/:id': {
    anon: 401,
    same: by(200, 403, 403, 403, 403),
    other: by(404, 403, 403, 403, 403),
  },
  'DELETE /api/v1/webhooks/:id': {
    anon: 401,
    same: by(204, 403, 403, 403, 403),
    other: by(404, 403, 403, 403, 403),
  },
  'POST /api/v1/webhooks/:id/rotate-secret': {
    anon: 401,
    same: by(200, 403, 403, 403, 403),
    other: by(404, 403, 403, 403, 403),
  },
  'POST /api/v1/webhooks/:id/ping': {
    anon: 401,
    same: by(202, 403, 403, 403, 403),
    other: by(404, 403, 403, 403, 403),
  },
  'GET /api/v1/webhooks/:id/deliveries': {
    anon: 401,
    same: by(200, 403, 403, 403, 403),
    other: by(404, 403, 403, 403, 403),
  },
  'POST /api/v1/webhooks/:id/deliveries/:deliveryId/retry': {
    anon: 401,
    same: by(202, 403, 403, 403, 403),
    other: by(404, 403, 403, 403, 403),
  },
  // Between instances (docs/instances.md): the instance's public card is every signed-in
  // user's; partners are the administrators'; listing a service at a partner is keeping the
  // directory; a referral's package is exported by its sender, the reply by its receiver, and
  // packages are imported by those who answer referrals (supervisors and providers).
  'GET /api/v1/instance/identity': { anon: 401, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/partners': { anon: 401, same: by(200, 403, 403, 403, 403) },
  'POST /api/v1/partners': { anon: 401, same: by(201, 403, 403, 403, 403) },
  'GET /api/v1/partners/:id': {
    anon: 401,
    same: by(200, 403, 403, 403, 403),
    other: by(404, 403, 403, 403, 403),
  },
  'PATCH /api/v1/partners/:id': {
    anon: 401,
    same: by(200, 403, 403, 403, 403),
    other: by(404, 403, 403, 403, 403),
  },
  'DELETE /api/v1/partners/:id': {
    anon: 401,
    same: by(204, 403, 403, 403, 403),
    other: by(404, 403, 403, 403, 403),
  },
  'PUT /api/v1/services/:id/partner': {
    anon: 401,
    same: by(200, 200, 403, 403, 403),
    other: by(404, 404, 403, 403, 403),
  },
  'DELETE /api/v1/services/:id/partner': {
    anon: 401,
    same: by(200, 200, 403, 403, 403),
    other: by(404, 404, 403, 403, 403),
  },
  'GET /api/v1/referrals/:id/package': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/referrals/:id/withdrawal-package': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/referrals/:id/reply-package': {
    anon: 401,
    same: by(403, 200, 403, 403, 200),
    other: by(403, 404, 403, 403, 404),
  },
  'POST /api/v1/referral-packages': { anon: 401, same: by(403, 201, 403, 403, 201) },

  // --- Reunite (docs/reunite.md, docs/duplicates.md) -------------------------------------------
  // Written from the intended policy, not from the routes. Tracing: caseworkers and supervisors
  // record, search, read and take the officer's steps (confirm or reject a candidate, verify,
  // reunify); the best-interest determination and the closing are a supervisor's decisions
  // (tracing-lifecycle.ts ACTION_ACTOR, after UNHCR 2021). Administrators, analysts and
  // providers never see a tracing request. Another organisation's request or candidate: 404 to
  // those who may act on a request at all, 403 to the others (refused before the look-up).
  'POST /api/v1/tracing-requests': { anon: 401, same: by(403, 201, 201, 403, 403) },
  'GET /api/v1/tracing-requests': { anon: 401, same: by(403, 200, 200, 403, 403) },
  'GET /api/v1/tracing-requests/:id': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/tracing-requests/:id/search': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'GET /api/v1/tracing-requests/:id/candidates': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/tracing-requests/:id/candidates/:candidateId/confirm': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/tracing-requests/:id/candidates/:candidateId/reject': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/tracing-requests/:id/verify': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/tracing-requests/:id/best-interest': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  'POST /api/v1/tracing-requests/:id/reunify': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  'POST /api/v1/tracing-requests/:id/close': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  // Duplicates: the check before registering is casework; the organisation's batch review,
  // its decisions and merges are supervisors'; where a merged case went is read like the case.
  'POST /api/v1/cases/duplicates/check': { anon: 401, same: by(403, 200, 200, 403, 403) },
  'POST /api/v1/duplicates/scan': { anon: 401, same: by(403, 200, 403, 403, 403) },
  'GET /api/v1/duplicates': { anon: 401, same: by(403, 200, 403, 403, 403) },
  'GET /api/v1/duplicates/:id': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  'POST /api/v1/duplicates/:id/decision': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  'POST /api/v1/duplicates/:id/merge': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  'GET /api/v1/cases/:id/merge': {
    anon: 401,
    same: by(403, 200, 200, 403, 403),
    other: by(403, 404, 404, 403, 403),
  },
  // Privacy-preserving linkage (docs/pprl.md): encoding the organisation's cases for another
  // organisation, and matching two encoding files, are supervisors' (linkage:pprl).
  'POST /api/v1/linkage/encodings': { anon: 401, same: by(403, 200, 403, 403, 403) },
  'POST /api/v1/linkage/matches': { anon: 401, same: by(403, 200, 403, 403, 403) },

  // --- Data hub (docs/hub.md, docs/decisions/0009-data-hub.md) ---------------------------------
  // Contributions are the organisation's own (row-level security): its supervisors prepare,
  // approve (a supervisor other than the preparer: the matrix's supervisor never prepared the
  // contribution it names), reject and withdraw them; nobody else sees one. Another
  // organisation's contribution: 404 to a supervisor, 403 to the others (refused before the
  // look-up).
  'POST /api/v1/hub/contributions': { anon: 401, same: by(403, 201, 403, 403, 403) },
  'GET /api/v1/hub/contributions': { anon: 401, same: by(403, 200, 403, 403, 403) },
  'GET /api/v1/hub/contributions/:id': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  'POST /api/v1/hub/contributions/:id/approve': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  'POST /api/v1/hub/contributions/:id/reject': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  'POST /api/v1/hub/contributions/:id/withdraw': {
    anon: 401,
    same: by(403, 200, 403, 403, 403),
    other: by(403, 404, 403, 403, 403),
  },
  // The hub store and its publications are of the instance, like the directory: analysts of
  // any organisation read the store, import, build and release. `shared`: another
  // organisation's analyst's draft is released like one's own (200); a missing one is 404.
  'GET /api/v1/hub/sources': { anon: 401, same: by(403, 403, 403, 200, 403) },
  'GET /api/v1/hub/budget': { anon: 401, same: by(403, 403, 403, 200, 403) },
  'POST /api/v1/hub/imports': { anon: 401, same: by(403, 403, 403, 201, 403) },
  'POST /api/v1/hub/publications/preview': { anon: 401, same: by(403, 403, 403, 200, 403) },
  'POST /api/v1/hub/publications': { anon: 401, same: by(403, 403, 403, 201, 403) },
  'GET /api/v1/hub/publications': { anon: 401, same: by(403, 403, 403, 200, 403) },
  'POST /api/v1/hub/publications/:id/release': {
    anon: 401,
    same: by(403, 403, 403, 200, 403),
    other: by(403, 403, 403, 200, 403),
    shared: true,
  },
  // Released publications are public: the same answer for everyone, signed in or not, whoever
  // made them; a draft or a missing one is 404.
  'GET /api/v1/public/publications': { anon: 200, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/public/publications/:id': {
    anon: 200,
    same: by(200, 200, 200, 200, 200),
    other: by(200, 200, 200, 200, 200),
    shared: true,
  },
  'GET /api/v1/public/publications/:id/download': {
    anon: 200,
    same: by(200, 200, 200, 200, 200),
    other: by(200, 200, 200, 200, 200),
    shared: true,
  },

  // Understand (docs/insights.md): dashboards, trend alerts, hot spots, routes and SDG 16.2.2 are
  // aggregates of the organisation's own cases, for supervisors and analysts (insights:read); the same
  // figures of a released publication are public like the publication itself.
  'GET /api/v1/insights/dashboard': { anon: 401, same: by(403, 200, 403, 200, 403) },
  'GET /api/v1/insights/alerts': { anon: 401, same: by(403, 200, 403, 200, 403) },
  'GET /api/v1/insights/hotspots': { anon: 401, same: by(403, 200, 403, 200, 403) },
  'GET /api/v1/insights/routes': { anon: 401, same: by(403, 200, 403, 200, 403) },
  'GET /api/v1/insights/sdg': { anon: 401, same: by(403, 200, 403, 200, 403) },
  'GET /api/v1/public/publications/:id/insights/dashboard': {
    anon: 200,
    same: by(200, 200, 200, 200, 200),
    other: by(200, 200, 200, 200, 200),
    shared: true,
  },
  'GET /api/v1/public/publications/:id/insights/routes': {
    anon: 200,
    same: by(200, 200, 200, 200, 200),
    other: by(200, 200, 200, 200, 200),
    shared: true,
  },
  'GET /api/v1/public/publications/:id/insights/sdg': {
    anon: 200,
    same: by(200, 200, 200, 200, 200),
    other: by(200, 200, 200, 200, 200),
    shared: true,
  },

  // The API's own documentation is public: the same answer for everyone.
  'GET /api/v1/openapi.json': { anon: 200, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/docs': { anon: 200, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/docs/': { anon: 200, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/docs/*': { anon: 200, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/docs/json': { anon: 200, same: by(200, 200, 200, 200, 200) },
  'GET /api/v1/docs/yaml': { anon: 200, same: by(200, 200, 200, 200, 200) },
  // Swagger UI redirects its static index page to /api/v1/docs/.
  'GET /api/v1/docs/static/index.html': { anon: 302, same: by(302, 302, 302, 302, 302) },
  'GET /api/v1/docs/static/swagger-initializer.js': {
    anon: 200,
    same: by(200, 200, 200, 200, 200),
  },
};

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/**
 * The records a cell names; Refer's (directory, referrals, webhooks, partners…) in ReferTarget,
 * Reunite's (tracing requests, duplicate pairs) in ReuniteTarget, the data hub's
 * (contributions, sources, publications) in HubTarget.
 */
interface Target extends Partial<ReferTarget>, Partial<ReuniteTarget>, Partial<HubTarget> {
  caseId: string;
  userId: string;
  screeningId: string;
  /** A task of the case, and a pending approval request of another case (casework). */
  taskId?: string;
  approvalId?: string;
  /** A new draft screening of the case (a completed one cannot be completed again). */
  newScreening?: () => Promise<string>;
  /** An event, a perpetrator and a need of the case, and a way to add fresh ones (DELETE). */
  record?: RecordIds;
  newRecordParts?: () => Promise<RecordIds>;
}
interface Cell {
  /** The acting user, or null for an unauthenticated request. */
  session: TestSession | null;
  email: string;
  target: Target;
}

describe('permission matrix', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  const targets: Record<'same' | 'other' | 'missing', Target> = {} as never;

  beforeAll(async () => {
    // Every cell signs in anew: lift the sign-in throttle well above the matrix's size.
    t = await TestLantern.start({ loginAttempts: { limit: 100_000, windowMs: 60_000 } });
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    // another Lantern instance that both organisations trust (keys only: see permission-targets)
    const partner = partnerInstance();
    for (const [key, org, seed] of [
      ['same', orgA, 1],
      ['other', orgB, 2],
    ] as const) {
      const worker = await t.signIn(org, 'caseworker');
      const { id: caseId } = await t.createCase(worker);
      const { id: userId } = await t.createUser(org, 'caseworker');
      const newScreening = async () =>
        (
          await t.request('POST', `/api/v1/cases/${caseId}/screenings`, {
            session: worker,
            body: { instrumentId: 'palermo' },
          })
        ).json<{ id: string }>().id;
      targets[key] = { caseId, userId, screeningId: await newScreening(), newScreening };
      Object.assign(targets[key], await caseworkTargets(worker));
      const lead = await t.signIn(org, 'supervisor');
      const newRecordParts = () => addRecordParts(t, lead, caseId);
      Object.assign(targets[key], { record: await newRecordParts(), newRecordParts });
      Object.assign(targets[key], await referTarget(t, org, partner));
      Object.assign(targets[key], await reuniteTarget(t, org));
      Object.assign(targets[key], await hubTarget(t, org, seed));
    }
    targets.missing = { caseId: randomUUID(), userId: randomUUID(), screeningId: randomUUID() };
    Object.assign(targets.missing, { taskId: randomUUID(), approvalId: randomUUID() });
    const [eventId, perpetratorId, needId] = [randomUUID(), randomUUID(), randomUUID()];
    Object.assign(targets.missing, { record: { eventId, perpetratorId, needId } });
    Object.assign(targets.missing, missingReferTarget());
    Object.assign(targets.missing, missingReuniteTarget());
    Object.assign(targets.missing, missingHubTarget());
  });
  afterAll(() => t.close());

  /** Another case of the worker's, with a task and a pending victim determination request. */
  async function caseworkTargets(worker: TestSession): Promise<Partial<Target>> {
    const { id: caseId } = await t.createCase(worker);
    const task = await t.request('POST', `/api/v1/cases/${caseId}/tasks`, {
      session: worker,
      body: { title: 'Call back', dueDate: '2026-12-31' },
    });
    const approval = await t.request('POST', `/api/v1/cases/${caseId}/approvals`, {
      session: worker,
      body: {
        kind: 'victim_determination',
        traffickingStatus: 'ActualVictimOfTrafficking',
        reason: 'Indicators met',
      },
    });
    return {
      taskId: task.json<{ id: string }>().id,
      approvalId: approval.json<{ id: string }>().id,
    };
  }

  /** Casework state of a case, read outside row-level security (undefined when not there). */
  const caseworkOf = async (caseId: string) => {
    const [row] = await t.database.superuser(
      `SELECT stage, EXISTS (SELECT 1 FROM case_approvals a WHERE a.case_id = c.id
                AND a.state = 'pending' AND a.kind = 'victim_determination') AS "determinationPending"
         FROM cases c WHERE c.id = $1`,
      [caseId],
    );
    return row as { stage: Stage; determinationPending: boolean } | undefined;
  };

  /** The version a partner has now, read outside row-level security (undefined: none). */
  const partnerVersion = async (id: string | undefined) => {
    const [row] = await t.database.superuser('SELECT version FROM partners WHERE id = $1', [id]);
    return row ? Number(row.version) : undefined;
  };

  /** The referral a cell names: one in the state the endpoint acts on, fresh if it changes it. */
  async function referralFor(key: string, target: Target): Promise<string | undefined> {
    const fresh = (state: 'draft' | 'sent' | 'accepted') =>
      target.newReferral ? target.newReferral(state) : target.referralId;
    const action = /^POST \/api\/v1\/referrals\/:id\/([a-z]+)$/.exec(key)?.[1];
    if (action === 'send') return fresh('draft');
    if (action === 'withdraw' || action === 'accept' || action === 'decline') return fresh('sent');
    if (action === 'start' || action === 'complete') return fresh('accepted');
    if (key === 'PATCH /api/v1/referrals/:id') return target.draftId;
    if (key.endsWith('/:id/package')) return target.outgoingReferralId;
    if (key.endsWith('/:id/withdrawal-package')) return target.withdrawnReferralId;
    if (key.endsWith('/:id/reply-package')) return target.incomingReferralId;
    return target.referralId;
  }

  /** The step of its workflow each state-changing tracing endpoint acts on. */
  const TRACING_STAGE: Record<string, TracingStage> = {
    'POST /api/v1/tracing-requests/:id/search': 'new',
    'POST /api/v1/tracing-requests/:id/candidates/:candidateId/confirm': 'searched',
    'POST /api/v1/tracing-requests/:id/candidates/:candidateId/reject': 'searched',
    'POST /api/v1/tracing-requests/:id/verify': 'matched',
    'POST /api/v1/tracing-requests/:id/best-interest': 'verified child',
    'POST /api/v1/tracing-requests/:id/reunify': 'verified adult',
    'POST /api/v1/tracing-requests/:id/close': 'new',
  };

  /** The tracing request (and candidate) a cell names: fresh, at its step, if it changes it. */
  async function tracingFor(key: string, target: Target) {
    const stage = TRACING_STAGE[key];
    const made = stage && target.newTracing ? await target.newTracing(stage) : undefined;
    if (made) return { id: made.id, candidateId: made.candidateId ?? target.candidateId };
    return { id: target.tracingId, candidateId: target.candidateId };
  }

  /** The duplicate pair a cell names: a fresh open one for a decision or a merge. */
  async function duplicateFor(key: string, target: Target) {
    const fresh = /\/duplicates\/:id\/(decision|merge)$/.test(key) && target.newDuplicate;
    if (fresh) return target.newDuplicate!();
    return { id: target.duplicateId, keep: target.duplicateCaseId };
  }

  /** The contribution a cell names: a fresh one in the state it acts on if it changes it. */
  async function contributionFor(key: string, target: Target): Promise<string | undefined> {
    const action = /\/hub\/contributions\/:id\/([a-z]+)$/.exec(key)?.[1];
    if (!action || !target.newContribution) return target.contributionId;
    return target.newContribution(action === 'withdraw' ? 'approved' : 'prepared');
  }

  /** The request a cell sends: a valid one, so that only the permission decides. */
  async function send(key: string, cell: Cell): Promise<TestResponse> {
    const [method, pattern] = key.split(' ') as [Method, string];
    const target = cell.target;
    const sid =
      key.endsWith('/screenings/:sid/complete') && target.newScreening
        ? await target.newScreening()
        : target.screeningId;
    const parts =
      method === 'DELETE' && key.includes('/cases/:id/') && target.newRecordParts
        ? await target.newRecordParts()
        : target.record;
    // a cell that deletes a record or changes its state gets a fresh one in the right state
    const fresh = async <T>(make: (() => Promise<T>) | undefined, existing: T) =>
      make ? make() : existing;
    const webhookId =
      key === 'DELETE /api/v1/webhooks/:id'
        ? await fresh(target.newWebhook, target.webhookId)
        : target.webhookId;
    const deliveryId = key.endsWith('/retry')
      ? await fresh(target.newDelivery, target.deliveryId)
      : target.deliveryId;
    const partnerId =
      key === 'DELETE /api/v1/partners/:id'
        ? await fresh(target.newPartner, target.partnerId)
        : target.partnerId;
    const tracing = key.includes('/tracing-requests/:id') ? await tracingFor(key, target) : null;
    const pair = key.includes('/duplicates/:id') ? await duplicateFor(key, target) : null;
    const contributionId = key.includes('/hub/contributions/:id')
      ? await contributionFor(key, target)
      : undefined;
    // a release needs a draft: a fresh one, whoever of the instance's analysts made it
    const draftId = key.includes('/hub/publications/:id')
      ? await fresh(target.newPublication, target.publicationId)
      : undefined;
    const url = pattern
      .replace('/cases/:id', `/cases/${cell.target.caseId}`)
      .replace('/screenings/:sid', `/screenings/${sid}`)
      .replace('/instruments/:instrumentId/:version', '/instruments/palermo/1.0.0')
      .replace('/users/:id', `/users/${cell.target.userId}`)
      .replace('/tasks/:id', `/tasks/${cell.target.taskId}`)
      .replace('/approvals/:id', `/approvals/${cell.target.approvalId}`)
      .replace('/events/:eventId', `/events/${parts?.eventId}`)
      .replace('/perpetrators/:perpetratorId', `/perpetrators/${parts?.perpetratorId}`)
      .replace('/needs/:needId', `/needs/${parts?.needId}`)
      .replace('/docs/*', '/docs/static/swagger-ui.css')
      .replace('/directory/providers/:id', `/directory/providers/${target.providerId}`)
      .replace('/directory/services/:id', `/directory/services/${target.serviceId}`)
      .replace('/services/:id/partner', `/services/${target.linkServiceId}/partner`)
      .replace('/referrals/inbox/:id', `/referrals/inbox/${target.referralId}`)
      .replace('/referrals/:id', `/referrals/${await referralFor(key, target)}`)
      .replace('/notifications/:id', `/notifications/${target.notificationId}`)
      .replace('/webhooks/:id', `/webhooks/${webhookId}`)
      .replace('/deliveries/:deliveryId', `/deliveries/${deliveryId}`)
      .replace('/partners/:id', `/partners/${partnerId}`)
      .replace('/tracing-requests/:id', `/tracing-requests/${tracing?.id}`)
      .replace('/candidates/:candidateId', `/candidates/${tracing?.candidateId}`)
      .replace('/duplicates/:id', `/duplicates/${pair?.id}`)
      .replace('/hub/contributions/:id', `/hub/contributions/${contributionId}`)
      .replace('/hub/publications/:id', `/hub/publications/${draftId}`)
      .replace('/public/publications/:id', `/public/publications/${target.publicationId}`);
    const session = cell.session ?? undefined;
    const bodies: Record<string, () => unknown> = {
      'POST /api/v1/auth/login': () => ({ email: cell.email, password: PASSWORD }),
      'POST /api/v1/auth/password': () => ({
        currentPassword: PASSWORD,
        newPassword: 'another long password',
      }),
      'POST /api/v1/auth/totp/confirm': async () => {
        if (!session) return { code: '123456' };
        const setup = await t.request('POST', '/api/v1/auth/totp/setup', { session });
        const secret = base32Decode(setup.json<{ secret: string }>().secret);
        return { code: totpAt(secret, t.clock.now()) };
      },
      'POST /api/v1/auth/totp/disable': () => ({ password: PASSWORD }),
      'POST /api/v1/cases': () => caseBody(),
      'POST /api/v1/cases/import': () => ({
        format: 'csv',
        content: Buffer.from('First Name,Gender,Citizenship\r\nAmina,F,NG\r\n').toString('base64'),
      }),
      // the matrix's case moves back and forth: each request takes a move allowed from its stage
      'POST /api/v1/cases/:id/transitions': async () => ({
        to: DIRECT_TRANSITIONS[(await caseworkOf(cell.target.caseId))?.stage ?? 'intake'][0],
        reason: 'Permission matrix',
      }),
      'PUT /api/v1/cases/:id/owner': () => ({ ownerId: cell.target.userId }),
      // one request of each kind may be pending: a determination first, then a closure
      'POST /api/v1/cases/:id/approvals': async () =>
        (await caseworkOf(cell.target.caseId))?.determinationPending
          ? { kind: 'closure', closureReason: 'assistance_completed', reason: 'Goals met' }
          : {
              kind: 'victim_determination',
              traffickingStatus: 'NotAVictimOfTrafficking',
              reason: 'No indicators',
            },
      'POST /api/v1/approvals/:id/decision': () => ({ decision: 'approved' }),
      'POST /api/v1/cases/:id/tasks': () => ({ title: 'Follow up', dueDate: '2026-12-31' }),
      'PATCH /api/v1/tasks/:id': () => ({ status: 'done' }),
      'POST /api/v1/cases/:id/notes': () => ({ text: 'Met at the shelter.' }),
      'POST /api/v1/cases/:id/consents': () => ({ purpose: 'assistance', method: 'verbal' }),
      'POST /api/v1/cases/:id/consents/withdraw': () => ({ purpose: 'assistance' }),
      'POST /api/v1/cases/:id/screenings': () => ({ instrumentId: 'palermo' }),
      'PATCH /api/v1/cases/:id/screenings/:sid': () => ({ answers: { act: ['recruitment'] } }),
      'POST /api/v1/cases/:id/screenings/:sid/complete': () => ({}),
      'PUT /api/v1/cases/:id/profile': () => ({ methodsOfControl: ['DebtBondage'] }),
      'POST /api/v1/cases/:id/events': () => valid.event(),
      'PATCH /api/v1/cases/:id/events/:eventId': () => ({ city: 'Caserta' }),
      'POST /api/v1/cases/:id/needs': () => valid.need(),
      'PATCH /api/v1/cases/:id/needs/:needId': () => ({ status: 'Met' }),
      'PUT /api/v1/cases/:id/plan': () => ({ objectives: 'Safe housing' }),
      'POST /api/v1/cases/:id/follow-ups': () => ({ date: '2026-05-25', notes: 'Called' }),
      'POST /api/v1/cases/:id/reintegration': () => ({
        economic: 'Reached',
        social: 'PartlyReached',
        psychosocial: 'NotAssessed',
      }),
      'PUT /api/v1/cases/:id/sensitive/health': () => ({ notes: 'Check-up done' }),
      'PUT /api/v1/cases/:id/sensitive/sexual-violence': () => ({ notes: 'Referred' }),
      'PUT /api/v1/cases/:id/sensitive/criminal-justice': () => ({ stage: 'Reported' }),
      'POST /api/v1/cases/:id/perpetrators': () => valid.perpetrator(),
      'PATCH /api/v1/cases/:id/perpetrators/:perpetratorId': () => ({ estimatedAge: 40 }),
      'POST /api/v1/persons/lookup': () => ({ givenName: 'Amina', familyName: 'Okafor' }),
      'POST /api/v1/users': () => ({
        email: `new-${randomBytes(4).toString('hex')}@example.org`,
        displayName: 'New Colleague',
        role: 'caseworker',
      }),
      'PATCH /api/v1/users/:id': () => ({ displayName: 'Renamed Colleague' }),
      'PATCH /api/v1/organisation': () => ({ name: 'Org A (renamed)' }),
      // Refer: the actor is always of org A, so a body naming the actor's own records names
      // org A's (targets.same), whatever organisation the URL's record belongs to
      'POST /api/v1/directory/search': () => ({ serviceType: 'shelter' }),
      'POST /api/v1/directory/providers': () => validProvider(),
      'PATCH /api/v1/directory/providers/:id': () => ({ phone: '+39 06 1234 0000' }),
      'POST /api/v1/directory/services': () => ({
        ...validService(),
        providerId: targets.same.providerId,
      }),
      'PATCH /api/v1/directory/services/:id': () => ({ hours: 'Weekdays, 9 to 17' }),
      'PUT /api/v1/directory/services/:id/capacity': () => ({ available: 3 }),
      'POST /api/v1/directory/import': () =>
        csvUpload(
          'provider_name,receiving_organisation,service_type,service_name,country,latitude,longitude\r\n' +
            'Casa Aurora,self,shelter,Night shelter,IT,41.9,12.5\r\n',
        ),
      'POST /api/v1/referrals': () => ({
        caseId: targets.same.caseId,
        serviceId: targets.same.serviceId,
        fields: ['givenName'],
      }),
      'PATCH /api/v1/referrals/:id': () => ({ urgency: 'urgent' }),
      'POST /api/v1/referrals/:id/send': () => ({}),
      'POST /api/v1/referrals/:id/withdraw': () => ({ reason: 'need_met' }),
      'POST /api/v1/referrals/:id/accept': () => ({}),
      'POST /api/v1/referrals/:id/decline': () => ({ reason: 'no_capacity' }),
      'POST /api/v1/referrals/:id/start': () => ({}),
      'POST /api/v1/referrals/:id/complete': () => ({ outcome: 'service_provided' }),
      'POST /api/v1/referrals/:id/messages': () => ({ text: 'She arrives at ten.' }),
      // not tied to a case: one gap per user, service type and country (each cell a new user)
      'POST /api/v1/referrals/unmet-needs': () => ({
        serviceType: 'shelter',
        country: 'IT',
        radiusKm: 50,
        reason: 'none_in_range',
      }),
      'POST /api/v1/webhooks': () => ({ url: 'https://hooks.example.org/lantern' }),
      'PATCH /api/v1/webhooks/:id': () => ({ description: 'Case system' }),
      'POST /api/v1/partners': () => {
        const { card } = partnerInstance('Mission Ghana');
        return { card, fingerprint: card.fingerprint };
      },
      'PATCH /api/v1/partners/:id': async () => ({
        name: 'Nigeria',
        version: (await partnerVersion(partnerId)) ?? 1,
      }),
      'PUT /api/v1/services/:id/partner': () => ({
        partnerId: targets.same.partnerId,
        remoteServiceId: randomUUID(),
      }),
      'POST /api/v1/referral-packages': () => targets.same.newIncomingPackage!(),
      // Reunite: each workflow step from the state it acts on (tracingFor)
      'POST /api/v1/tracing-requests': () => tracingRequestBody(),
      'POST /api/v1/tracing-requests/:id/candidates/:candidateId/confirm': () => ({}),
      'POST /api/v1/tracing-requests/:id/candidates/:candidateId/reject': () => ({
        reason: 'different_person',
      }),
      'POST /api/v1/tracing-requests/:id/verify': () => ({
        outcome: 'verified',
        method: 'interview_both_parties',
      }),
      'POST /api/v1/tracing-requests/:id/best-interest': () => ({ outcome: 'in_best_interest' }),
      'POST /api/v1/tracing-requests/:id/reunify': () => ({
        date: '2026-05-30',
        place: { country: 'LB', locality: 'Tripoli' },
      }),
      'POST /api/v1/tracing-requests/:id/close': () => ({ reason: 'not_found' }),
      'POST /api/v1/cases/duplicates/check': () => ({
        person: caseBody().person,
        citizenship: 'NG',
      }),
      'POST /api/v1/duplicates/scan': () => ({}),
      'POST /api/v1/duplicates/:id/decision': () => ({ decision: 'not_duplicate' }),
      // the pair's own case is kept (a case of the pair named by the URL, whatever its organisation)
      'POST /api/v1/duplicates/:id/merge': () => ({ keep: pair?.keep }),
      'POST /api/v1/linkage/encodings': () => ({ secret: LINKAGE_SECRET }),
      // the organisation's own file and the other organisation's, made under the shared secret
      'POST /api/v1/linkage/matches': () => ({
        a: targets.same.encodings,
        b: targets.other.encodings,
      }),
      // Data hub: k = 2, which the two consenting cases of HubTarget meet as they are
      'POST /api/v1/hub/contributions': () => ({ k: 2 }),
      'POST /api/v1/hub/contributions/:id/approve': () => ({}),
      'POST /api/v1/hub/contributions/:id/reject': () => ({ reason: 'The period is too short.' }),
      'POST /api/v1/hub/contributions/:id/withdraw': () => ({ reason: 'Consent reviewed.' }),
      'POST /api/v1/hub/imports': () => importBody(ctdcTable(50, 3), 'Matrix import'),
      'POST /api/v1/hub/publications/preview': () => ({
        kind: 'microdata',
        sourceIds: [targets.same.hubSourceId],
      }),
      'POST /api/v1/hub/publications': () => ({
        title: 'Matrix publication',
        parameters: { kind: 'microdata', sourceIds: [targets.same.hubSourceId] },
      }),
    };
    const body = await bodies[key]?.();
    return t.request(method, url, {
      ...(session ? { session } : {}),
      ...(body === undefined ? {} : { body }),
    });
  }

  /** A fresh user of `role` in org A, signed in unless the endpoint is the sign-in itself. */
  async function actor(
    role: Role,
    key: string,
  ): Promise<{ session: TestSession | null; email: string }> {
    if (key === 'POST /api/v1/auth/login')
      return { session: null, email: (await t.createUser(orgA, role)).email };
    return { session: await t.signIn(orgA, role), email: '' };
  }

  const expectAnswer = (res: TestResponse, status: number) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const codes: Record<number, string> = {
      401: 'unauthenticated',
      403: 'forbidden',
      404: 'not_found',
    };
    if (codes[status]) expect(errorOf(res).code).toBe(codes[status]);
  };

  it('covers every endpoint registered under /api/v1, and only those', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(apiRouteKeys(t.app));
  });

  it('has an other-organisation row exactly for the endpoints that name a record', () => {
    for (const [key, row] of Object.entries(MATRIX))
      expect([key, row.other !== undefined]).toEqual([key, key.includes(':id')]);
  });

  it('keeps the shared-record exception to the instance-wide records: directory and data hub', () => {
    const shared = Object.entries(MATRIX).filter(([, row]) => row.shared);
    expect(shared.map(([key]) => key)).toEqual([
      'GET /api/v1/directory/providers/:id',
      'GET /api/v1/directory/services/:id',
      // The data hub is one per instance by design (docs/decisions/0009-data-hub.md, after the
      // directory's decision 0008): its publications belong to no organisation, so an analyst
      // of another organisation legitimately releases a draft, and anyone reads a released one.
      // Contributions, which hold an organisation's own cases, are not shared.
      'POST /api/v1/hub/publications/:id/release',
      'GET /api/v1/public/publications/:id',
      'GET /api/v1/public/publications/:id/download',
      'GET /api/v1/public/publications/:id/insights/dashboard',
      'GET /api/v1/public/publications/:id/insights/routes',
      'GET /api/v1/public/publications/:id/insights/sdg',
    ]);
  });

  it('names Refer records that exist, in the state each endpoint acts on, in their own organisation', async () => {
    // a cell expecting 404 for another organisation's record would pass on a record never made
    const kinds: [keyof ReferTarget, string, string | null][] = [
      ['providerId', 'providers', null],
      ['serviceId', 'services', null],
      ['linkServiceId', 'services', null],
      ['referralId', 'referrals', 'sent'],
      ['draftId', 'referrals', 'draft'],
      ['outgoingReferralId', 'referrals', 'sent'],
      ['withdrawnReferralId', 'referrals', 'withdrawn'],
      ['incomingReferralId', 'referrals', 'accepted'],
      ['notificationId', 'notify_events', null],
      ['webhookId', 'webhook_endpoints', null],
      ['deliveryId', 'notify_deliveries', 'failed'],
      ['partnerId', 'partners', null],
    ];
    for (const [key, org] of [
      ['same', orgA],
      ['other', orgB],
    ] as const) {
      for (const [field, table, status] of kinds) {
        const [row] = await t.database.superuser(
          `SELECT org_id::text AS org, ${status ? 'status' : 'NULL'} AS status FROM ${table} WHERE id = $1`,
          [targets[key][field]],
        );
        expect([key, field, row]).toEqual([key, field, { org, status }]);
      }
    }
  });

  it('names Reunite records that exist, in the state each endpoint acts on, in their own organisation', async () => {
    const stateOf = async (id: string | undefined, candidateId?: string) => {
      const [row] = await t.database.superuser(
        `SELECT r.org_id::text AS org, r.status, r.sought_is_child AS child,
                (SELECT k.status FROM tracing_candidates k
                  WHERE k.request_id = r.id AND k.id = $2) AS candidate
           FROM tracing_requests r WHERE r.id = $1`,
        [id, candidateId ?? null],
      );
      return row;
    };
    for (const [key, org] of [
      ['same', orgA],
      ['other', orgB],
    ] as const) {
      const target = targets[key];
      expect(await stateOf(target.tracingId, target.candidateId)).toEqual({
        org,
        status: 'open',
        child: false,
        candidate: 'proposed',
      });
      const [pair] = await t.database.superuser(
        `SELECT org_id::text AS org, state, $2 IN (case_a::text, case_b::text) AS "ofPair"
           FROM duplicate_pairs WHERE id = $1`,
        [target.duplicateId, target.duplicateCaseId],
      );
      expect(pair).toEqual({ org, state: 'open', ofPair: true });
      // the two consenting cases (adult and child), so that the matches cell links real files
      expect([key, target.encodings?.count]).toEqual([key, 2]);
    }
    // the fresh records of the state-changing cells: each stage as its endpoint needs it
    const expected: Record<TracingStage, [string, boolean, string | null]> = {
      new: ['open', false, null],
      searched: ['open', false, 'proposed'],
      matched: ['matched', false, 'confirmed'],
      'verified adult': ['verified', false, 'confirmed'],
      'verified child': ['verified', true, 'confirmed'],
    };
    for (const [stage, [status, child, candidate]] of Object.entries(expected)) {
      const made = await targets.other.newTracing!(stage as TracingStage);
      expect([stage, await stateOf(made.id, made.candidateId)]).toEqual([
        stage,
        { org: orgB, status, child, candidate },
      ]);
    }
  });

  it('names data-hub records that exist, in the state each endpoint acts on, made by their own organisation', async () => {
    const rowOf = async (table: string, state: string, id: string | undefined) =>
      (
        await t.database.superuser(
          `SELECT org_id::text AS org, ${state} AS state FROM ${table} WHERE id = $1`,
          [id],
        )
      )[0];
    const contribution = (id: string | undefined) => rowOf('hub_contributions', 'status', id);
    const publication = (id: string | undefined) => rowOf('hub_publications', 'status', id);
    for (const [key, org] of [
      ['same', orgA],
      ['other', orgB],
    ] as const) {
      const target = targets[key];
      const fresh = {
        prepared: await target.newContribution!('prepared'),
        approved: await target.newContribution!('approved'),
        draft: await target.newPublication!(),
      };
      expect([
        key,
        await contribution(target.contributionId),
        await contribution(fresh.prepared),
        await contribution(fresh.approved),
        await rowOf('hub_sources', 'withdrawn_at IS NULL', target.hubSourceId),
        await publication(target.publicationId),
        await publication(fresh.draft),
      ]).toEqual([
        key,
        { org, state: 'prepared' },
        { org, state: 'prepared' },
        { org, state: 'approved' },
        { org, state: true },
        { org, state: 'released' },
        { org, state: 'draft' },
      ]);
    }
  });

  describe.each(Object.entries(MATRIX))('%s', (key, row) => {
    it(`unauthenticated → ${row.anon}`, async () => {
      const email = (await t.createUser(orgA, 'caseworker')).email;
      expectAnswer(await send(key, { session: null, email, target: targets.same }), row.anon);
    });

    it.each(ROLES.map((r) => [r, row.same[r]] as const))(
      '%s, own organisation → %i',
      async (role, status) => {
        expectAnswer(
          await send(key, { ...(await actor(role, key)), target: targets.same }),
          status,
        );
      },
    );

    if (row.other && row.shared) {
      const other = row.other;
      it.each(ROLES.map((r) => [r, other[r]] as const))(
        '%s, another organisation’s record → %i (it is the instance’s); a missing one → 404',
        async (role, status) => {
          const a = await actor(role, key);
          expectAnswer(await send(key, { ...a, target: targets.other }), status);
          // a role refused the action is refused before any look-up, record or none
          const missing = status === 403 ? 403 : 404;
          expectAnswer(await send(key, { ...a, target: targets.missing }), missing);
        },
      );
    } else if (row.other) {
      const other = row.other;
      it.each(ROLES.map((r) => [r, other[r]] as const))(
        '%s, another organisation’s record → %i, exactly as for a record that does not exist',
        async (role, status) => {
          const a = await actor(role, key);
          const foreign = await send(key, { ...a, target: targets.other });
          expectAnswer(foreign, status);
          const missing = await send(key, { ...a, target: targets.missing });
          expect(missing.status).toBe(foreign.status);
          expect(missing.body).toEqual(foreign.body);
        },
      );
    }
  });

  it('a draft publication is not public: the public routes answer 404, signed in or not', async () => {
    const draftId = await targets.same.newPublication!();
    const analyst = await t.signIn(orgA, 'analyst');
    for (const session of [undefined, analyst]) {
      for (const url of [
        `/api/v1/public/publications/${draftId}`,
        `/api/v1/public/publications/${draftId}/download`,
      ]) {
        expectAnswer(await t.request('GET', url, session ? { session } : {}), 404);
      }
    }
  });

  it('a refused case read is decided before the case is fetched: no case.read is written', async () => {
    const before = await auditEntries(t, orgA, 'case.read');
    for (const role of ['admin', 'analyst', 'provider'] as const) {
      const session = await t.signIn(orgA, role);
      const res = await t.request('GET', `/api/v1/cases/${targets.same.caseId}`, { session });
      expect(res.status).toBe(403);
    }
    expect(await auditEntries(t, orgA, 'case.read')).toHaveLength(before.length);
  });
});
