/** What the in-process benches share: their settings from the environment and a service context. */
import { auditWriter } from '../../src/server/audit/audit-writer.ts';
import type { Keyring } from '../../src/server/crypto/keyring.ts';
import { loadOrgKeys } from '../../src/server/crypto/org-keys.ts';
import type { Tx } from '../../src/server/db/database.ts';
import type { ServiceContext } from '../../src/server/http/context.ts';
import { systemClock } from '../../src/server/shared/clock.ts';

/** A whole number above 0 from the environment variable `name`, else `fallback`. */
export const envInt = (name: string, fallback: number): number => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number above 0`);
  return n;
};

/**
 * A request's ServiceContext built by hand: a supervisor of `orgId` acting in `tx`, on the
 * system clock, with the organisation's keys and the audit log.
 */
export function benchContext(
  tx: Tx,
  keyring: Keyring,
  orgId: string,
  userId: string,
): ServiceContext {
  return {
    tx,
    actor: { userId, orgId, role: 'supervisor', sessionId: 'bench' },
    clock: systemClock,
    keys: () => loadOrgKeys(tx, keyring, orgId),
    keyring,
    audit: auditWriter(tx, orgId, userId, systemClock),
  };
}
