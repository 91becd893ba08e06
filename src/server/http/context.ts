import type { Role } from '../../shared/api/auth.schema.ts';
import type { AuditInput } from '../audit/audit.repo.ts';
import type { CaseCountCache } from '../cases/case-count-cache.ts';
import type { Keyring, OrgKeys } from '../crypto/keyring.ts';
import type { Tx } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';

/** The signed-in user a request acts for. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  sessionId: string;
}

/** What an audit entry needs beyond what the context already knows. */
export interface AuditEvent {
  action: string;
  recordType?: string;
  recordId?: string;
  /** Names of the fields written or read — never their values. */
  fields?: string[];
}

/**
 * What a service receives for one request: the request's transaction (already under the
 * organisation's row-level security), who acts, the time, the organisation's keys, and
 * `audit`, which appends to the audit log inside the same transaction.
 */
export interface ServiceContext {
  tx: Tx;
  actor: Actor;
  clock: Clock;
  keys(): Promise<OrgKeys>;
  /** The instance's keyring: data keys of records shared between organisations (referrals). */
  keyring: Keyring;
  audit(event: AuditEvent): Promise<void>;
  /** Recent case-list totals; absent means count every time. */
  caseCounts?: CaseCountCache;
}

export type { AuditInput };
