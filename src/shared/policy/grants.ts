import type { Role } from '../api/auth.schema.ts';

/** Everything a signed-in user can ask to do. Add the action here before writing its route. */
export const ACTIONS = [
  'case:create',
  'case:list',
  'case:read',
  'person:lookup',
  // spreadsheet import and export in the HTCDS layout (docs/exchange.md)
  'case:import',
  'case:export',
  // casework (docs/casework.md)
  'case:transition',
  'case:assign',
  'case:timeline',
  'approval:request',
  'approval:list',
  'approval:decide',
  'task:read',
  'task:write',
  'task:read-team',
  'note:read',
  'note:write',
  'caseload:read',
  'caseload:team',
  'user:list',
  'user:create',
  'user:update',
  'organisation:read',
  'organisation:update',
  'instrument:read',
  'screening:read',
  'screening:write',
  // case record and its sensitive sections (docs/decisions/0004-sensitive-sections.md)
  'case:record:update',
  'case:sensitive:health',
  'case:sensitive:sexual_violence',
  'case:sensitive:criminal_justice',
  'case:sensitive:perpetrators',
  // consent by purpose (docs/consent.md); withdrawing is recording too
  'consent:read',
  'consent:record',
  // Refer (docs/referrals.md): the directory is read by all; listings are kept by the listing
  // organisation; the receiving organisation updates places and answers referrals in its inbox
  'directory:read',
  'directory:manage',
  'directory:capacity',
  'referral:read',
  'referral:write',
  'referral:inbox',
  'referral:metrics',
  'referral:package',
  'notification:read',
  'webhook:manage',
  'partner:manage',
  // Reunite (docs/reunite.md): tracing requests, duplicates and merges, privacy-preserving linkage
  'tracing:read',
  'tracing:write',
  'tracing:decide',
  'duplicate:check',
  'duplicate:review',
  'case:merge',
  'linkage:pprl',
  // the data hub (docs/hub.md): supervisors contribute their organisation's de-identified rows
  // (four-eyes approval); analysts import CTDC files, build and release publications
  'hub:contribute',
  'hub:approve',
  'hub:read',
  'hub:import',
  'hub:publish',
  // Understand (docs/insights.md): the organisation's own figures (suppressed small cells), trend
  // alerts, hot spots, routes and SDG 16.2.2; aggregates only, never a record
  'insights:read',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Who may do what, inside their own organisation (row-level security keeps them there).
 * Administrators manage accounts but do not read survivors' case files (separation of duties,
 * docs/decisions/0003); analysts see de-identified figures only, never case records; providers
 * see only referrals addressed to them (Refer capability). The server decides with this table
 * (src/server/policy/policy.ts); the web app reads it only to hide what would be refused.
 */
/** Everyone signed in may read their organisation and the screening instruments. */
const EVERYONE: readonly Action[] = [
  'organisation:read',
  'instrument:read',
  'directory:read',
  'notification:read',
];

/** Casework, shared by caseworkers and supervisors. */
const CASEWORK: readonly Action[] = [
  ...EVERYONE,
  'case:create',
  'case:list',
  'case:read',
  'person:lookup',
  'case:import',
  'case:transition',
  'case:assign',
  'case:timeline',
  'approval:request',
  'task:read',
  'task:write',
  'note:read',
  'note:write',
  'caseload:read',
  'screening:read',
  'screening:write',
  'case:record:update',
  'case:sensitive:health',
  'case:sensitive:perpetrators',
  'consent:read',
  'consent:record',
  'referral:read',
  'referral:write',
  'tracing:read',
  'tracing:write',
  'duplicate:check',
];

const GRANTS: Record<Role, ReadonlySet<Action>> = {
  admin: new Set([
    ...EVERYONE,
    'user:list',
    'user:create',
    'user:update',
    'organisation:update',
    // the organisation's listings, its webhooks and its partner instances; no referral content
    'directory:manage',
    'directory:capacity',
    'webhook:manage',
    'partner:manage',
  ]),
  supervisor: new Set([
    ...CASEWORK,
    // bulk export of identities (docs/decisions/0006-spreadsheet-exchange.md)
    'case:export',
    // deciding approvals and the team's figures (decisions/0005)
    'approval:list',
    'approval:decide',
    'task:read-team',
    'caseload:team',
    // sexual violence and criminal justice sections (decisions/0004)
    'case:sensitive:sexual_violence',
    'case:sensitive:criminal_justice',
    // the referral coordinator: listings, the inbox, pathway metrics, packages between instances
    'directory:manage',
    'directory:capacity',
    'referral:inbox',
    'referral:metrics',
    'referral:package',
    // Reunite: the best-interest and closing decisions, the batch duplicate review and merges,
    // and linkage with another organisation on encodings only
    'tracing:decide',
    'duplicate:review',
    'case:merge',
    'linkage:pprl',
    // the data hub: preparing and approving (a different supervisor) the organisation's contribution
    'hub:contribute',
    'hub:approve',
    'insights:read',
  ]),
  caseworker: new Set(CASEWORK),
  // de-identified pathway figures only
  analyst: new Set([
    ...EVERYONE,
    'referral:metrics',
    // the data hub's de-identified store: CTDC imports, publications and their release
    'hub:read',
    'hub:import',
    'hub:publish',
    'insights:read',
  ]),
  // the referrals addressed to their organisation, and its places; never a case
  provider: new Set([...EVERYONE, 'directory:capacity', 'referral:inbox', 'referral:package']),
};

export const can = (role: Role, action: Action): boolean => GRANTS[role].has(action);
