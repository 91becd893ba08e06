import type { Tx } from '../db/database.ts';
import type { AuditEvent } from '../http/context.ts';
import type { Clock } from '../shared/clock.ts';
import { appendAudit } from './audit.repo.ts';

/**
 * The `audit` of a context built outside a request (the CLI, benches): appends each event to
 * the organisation's chain in the same transaction, with no source address, at the clock's time.
 * `actorId` null means the operator of the installation.
 */
export const auditWriter =
  (tx: Tx, orgId: string, actorId: string | null, clock: Clock) =>
  (e: AuditEvent): Promise<void> =>
    appendAudit(tx, {
      orgId,
      actorId,
      action: e.action,
      recordType: e.recordType ?? null,
      recordId: e.recordId ?? null,
      fields: e.fields ?? [],
      sourceIp: null,
      at: clock.now(),
    });
