/**
 * The privacy-budget ledger of a dataset: every differentially private release spends (ε, δ),
 * and a release that would take the total past the budget is refused. Spending adds up by basic
 * sequential composition: k releases that are (εᵢ, δᵢ)-DP are together (Σεᵢ, Σδᵢ)-DP (Dwork &
 * Roth, "The Algorithmic Foundations of Differential Privacy", 2014, Theorem 3.16). Pure: the
 * server stores the ledger and calls this before each release.
 */

export interface BudgetSpend {
  epsilon: number;
  delta: number;
}

export interface BudgetLedger {
  /** The total ε the dataset may ever spend. */
  budgetEpsilon: number;
  /** The total δ the dataset may ever spend. */
  budgetDelta: number;
  /** What earlier releases spent, oldest first. */
  entries: BudgetSpend[];
}

/** A refusal: bad numbers, or a release that would exceed the budget. Says what remains. */
export class BudgetError extends Error {
  constructor(
    message: string,
    readonly remaining: BudgetSpend,
  ) {
    super(message);
    this.name = 'BudgetError';
  }
}

/** Slack for the rounding of sums of decimal fractions (0.1 + 0.2 ≠ 0.3 in binary). */
const SLACK = 1e-9;

/** What the ledger has spent so far, (Σε, Σδ). */
export function spentBudget(ledger: BudgetLedger): BudgetSpend {
  return ledger.entries.reduce(
    (s, e) => ({ epsilon: s.epsilon + e.epsilon, delta: s.delta + e.delta }),
    { epsilon: 0, delta: 0 },
  );
}

/** What the ledger may still spend (never negative). */
export function remainingBudget(ledger: BudgetLedger): BudgetSpend {
  const spent = spentBudget(ledger);
  return {
    epsilon: Math.max(0, ledger.budgetEpsilon - spent.epsilon),
    delta: Math.max(0, ledger.budgetDelta - spent.delta),
  };
}

const round = (x: number): string => String(Number(x.toPrecision(6)));

function checkSpend(what: string, s: BudgetSpend, remaining: BudgetSpend): void {
  if (!Number.isFinite(s.epsilon) || s.epsilon <= 0)
    throw new BudgetError(`${what} epsilon must be a finite number above 0`, remaining);
  if (!Number.isFinite(s.delta) || s.delta < 0 || s.delta >= 1)
    throw new BudgetError(`${what} delta must be a finite number in [0, 1)`, remaining);
}

/**
 * Records a release of (ε, δ) in the ledger and returns the new ledger (the argument is not
 * changed). Throws `BudgetError` — naming what remains — when ε ≤ 0, δ is outside [0, 1), a
 * value is not finite, or the total would pass the budget in ε or in δ.
 */
export function spendBudget(ledger: BudgetLedger, request: BudgetSpend): BudgetLedger {
  const initial = { epsilon: ledger.budgetEpsilon, delta: ledger.budgetDelta };
  if (!Number.isFinite(initial.epsilon) || initial.epsilon <= 0)
    throw new BudgetError('the budget epsilon must be a finite number above 0', initial);
  if (!Number.isFinite(initial.delta) || initial.delta < 0 || initial.delta >= 1)
    throw new BudgetError('the budget delta must be a finite number in [0, 1)', initial);
  ledger.entries.forEach((e, i) => checkSpend(`entry ${i + 1}:`, e, initial));
  const remaining = remainingBudget(ledger);
  checkSpend('the requested', request, remaining);
  const left = `remaining: epsilon ${round(remaining.epsilon)}, delta ${round(remaining.delta)}`;
  if (request.epsilon > remaining.epsilon + SLACK)
    throw new BudgetError(
      `the release needs epsilon ${round(request.epsilon)}, more than the budget has left (${left})`,
      remaining,
    );
  if (request.delta > remaining.delta + SLACK * Math.max(initial.delta, 1e-12))
    throw new BudgetError(
      `the release needs delta ${round(request.delta)}, more than the budget has left (${left})`,
      remaining,
    );
  return {
    ...ledger,
    entries: [...ledger.entries, { epsilon: request.epsilon, delta: request.delta }],
  };
}
