/**
 * Differential privacy for the data hub: DP aggregates, synthesis from them, their quality
 * against the original, and the privacy-budget ledger. Rules and sources:
 * docs/differential-privacy.md.
 */
export {
  AggregateError,
  DEFAULT_BOUNDS,
  DEFAULT_DELTA,
  DEFAULT_MAX_ITEMS,
  DEFAULT_SHARES,
  DEFAULT_THRESHOLDS,
  aggregate,
} from './aggregate.ts';
export type {
  AggregateOptions,
  DpAggregates,
  DpCombination,
  DpLengthParameters,
  DpParameters,
} from './aggregate.ts';
export { SynthesizeError, synthesize } from './synthesize.ts';
export type { SynthesizeOptions } from './synthesize.ts';
export { DEFAULT_MAX_EVALUATED, evaluateAggregates, evaluateSynthetic } from './evaluate.ts';
export type { LengthQuality, QualityReport } from './evaluate.ts';
export { BudgetError, remainingBudget, spendBudget, spentBudget } from './budget.ts';
export type { BudgetLedger, BudgetSpend } from './budget.ts';
export { EMPTY_VALUES } from './items.ts';
