import { auditWriter } from '../audit/audit-writer.ts';
import type { Keyring, OrgKeys } from '../crypto/keyring.ts';
import { loadOrgKeys } from '../crypto/org-keys.ts';
import type { Database, Tx } from '../db/database.ts';
import { orgScope } from '../db/database.ts';
import type { AuditEvent, ServiceContext } from '../http/context.ts';
import type { Clock } from '../shared/clock.ts';
import { systemClock } from '../shared/clock.ts';

/**
 * What import and export need: a transaction under the organisation's row-level security, who
 * acts (a user, or nobody for the CLI), the clock, the keys and the audit log. A request's
 * ServiceContext provides it; the CLI builds one without a user.
 */
export interface ExchangeContext {
  tx: Tx;
  orgId: string;
  userId: string | null;
  clock: Clock;
  keys(): Promise<OrgKeys>;
  audit(event: AuditEvent): Promise<void>;
}

export const exchangeContextOf = (ctx: ServiceContext): ExchangeContext => ({
  tx: ctx.tx,
  orgId: ctx.actor.orgId,
  userId: ctx.actor.userId,
  clock: ctx.clock,
  keys: () => ctx.keys(),
  audit: (e) => ctx.audit(e),
});

/**
 * Runs `fn` in one transaction under an organisation's row-level security, acting for nobody:
 * the CLI's import and export (audited with no actor, as the operator of the installation).
 */
export function withSystemExchange<T>(
  db: Database,
  keyring: Keyring,
  orgId: string,
  fn: (ctx: ExchangeContext) => Promise<T>,
): Promise<T> {
  return db.transaction(orgScope(orgId, null), (tx) =>
    fn({
      tx,
      orgId,
      userId: null,
      clock: systemClock,
      keys: () => loadOrgKeys(tx, keyring, orgId),
      audit: auditWriter(tx, orgId, null, systemClock),
    }),
  );
}
