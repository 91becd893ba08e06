import type { HubBudget } from '../../shared/api/hub.schema.ts';
import { DEFAULT_HUB_BUDGET } from '../../shared/api/hub.schema.ts';
import { remainingBudget, spentBudget } from '../../shared/hub/dp/index.ts';
import type { Tx } from '../db/database.ts';
import type { AuditEvent, ServiceContext } from '../http/context.ts';
import type { Clock } from '../shared/clock.ts';

/** Settings of the hub (src/server/config.ts: LANTERN_HUB_EPSILON, LANTERN_HUB_DELTA). */
export interface HubOptions {
  /** The privacy budget of every source: what all its DP releases together may spend. */
  budget: { epsilon: number; delta: number };
}

export const DEFAULT_HUB_OPTIONS: HubOptions = { budget: { ...DEFAULT_HUB_BUDGET } };

/** What the hub's services need: the request's transaction, who acts, the clock, the audit. */
export interface HubContext {
  tx: Tx;
  orgId: string;
  userId: string;
  clock: Clock;
  audit(event: AuditEvent): Promise<void>;
  options: HubOptions;
}

export const hubContextOf = (ctx: ServiceContext, options: HubOptions): HubContext => ({
  tx: ctx.tx,
  orgId: ctx.actor.orgId,
  userId: ctx.actor.userId,
  clock: ctx.clock,
  audit: (e) => ctx.audit(e),
  options,
});

/** A source's budget as the API shows it, from its ledger entries. */
export function budgetOf(
  options: HubOptions,
  entries: readonly { epsilon: number; delta: number }[],
): HubBudget {
  const ledger = {
    budgetEpsilon: options.budget.epsilon,
    budgetDelta: options.budget.delta,
    entries: [...entries],
  };
  const spent = spentBudget(ledger);
  const left = remainingBudget(ledger);
  return {
    epsilon: options.budget.epsilon,
    delta: options.budget.delta,
    epsilonSpent: spent.epsilon,
    deltaSpent: spent.delta,
    epsilonLeft: left.epsilon,
    deltaLeft: left.delta,
  };
}
