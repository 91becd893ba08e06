import type { ServiceType } from '../../shared/codes/service-types.ts';
import type { ConsentPurpose } from '../../shared/consent/index.ts';
import type { ServiceContext } from '../http/context.ts';

/** A withdrawal just recorded. `serviceType` null on a referral: every service type. */
export interface ConsentWithdrawal {
  caseId: string;
  purpose: ConsentPurpose;
  serviceType: ServiceType | null;
  /** The withdrawal record. */
  consentId: string;
  at: Date;
}

export type ConsentWithdrawnListener = (
  ctx: ServiceContext,
  withdrawal: ConsentWithdrawal,
) => Promise<void>;

const listeners = new Set<ConsentWithdrawnListener>();

/**
 * Registers what a later capability must undo when consent is withdrawn (Refer: withdraw open
 * referrals of that service type; Reunite: stop tracing). Listeners run in the withdrawal's own
 * transaction, in registration order, after the withdrawal row is written: they see it, they may
 * write and audit through `ctx`, and if one throws the withdrawal is rolled back with everything
 * else (the caller gets the error and tries again), so consent and its effects never disagree.
 * Register once at module load; the returned function unregisters (for tests).
 */
export function onConsentWithdrawn(listener: ConsentWithdrawnListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs every registered listener for a withdrawal; called by the consent service only. */
export async function notifyConsentWithdrawn(
  ctx: ServiceContext,
  withdrawal: ConsentWithdrawal,
): Promise<void> {
  for (const listener of [...listeners]) await listener(ctx, withdrawal);
}
