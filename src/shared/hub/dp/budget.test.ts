import { describe, expect, it } from 'vitest';
import type { BudgetLedger } from './budget.ts';
import { BudgetError, remainingBudget, spendBudget } from './budget.ts';

const fresh = (): BudgetLedger => ({ budgetEpsilon: 5, budgetDelta: 1e-5, entries: [] });

describe('the privacy-budget ledger', () => {
  it('adds releases up (sequential composition) and leaves the old ledger unchanged', () => {
    const a = fresh();
    const b = spendBudget(a, { epsilon: 2, delta: 1e-6 });
    const c = spendBudget(b, { epsilon: 3, delta: 9e-6 });
    expect(a.entries).toEqual([]);
    expect(c.entries).toEqual([
      { epsilon: 2, delta: 1e-6 },
      { epsilon: 3, delta: 9e-6 },
    ]);
    expect(remainingBudget(c).epsilon).toBeCloseTo(0, 12);
  });

  it('accepts a release that uses the budget exactly, despite decimal rounding', () => {
    let l: BudgetLedger = { budgetEpsilon: 0.3, budgetDelta: 3e-6, entries: [] };
    l = spendBudget(l, { epsilon: 0.1, delta: 1e-6 });
    l = spendBudget(l, { epsilon: 0.2, delta: 2e-6 });
    expect(l.entries).toHaveLength(2);
  });

  it('refuses a release past the budget in ε, naming what remains', () => {
    const l = spendBudget(fresh(), { epsilon: 4, delta: 1e-6 });
    expect(() => spendBudget(l, { epsilon: 1.5, delta: 1e-6 })).toThrow(
      /needs epsilon 1\.5.*remaining: epsilon 1, delta 0\.000009/,
    );
    try {
      spendBudget(l, { epsilon: 1.5, delta: 1e-6 });
    } catch (e) {
      expect(e).toBeInstanceOf(BudgetError);
      expect((e as BudgetError).remaining.epsilon).toBeCloseTo(1, 12);
    }
  });

  it('refuses a release past the budget in δ', () => {
    expect(() => spendBudget(fresh(), { epsilon: 1, delta: 2e-5 })).toThrow(/needs delta/);
  });

  it('refuses ε ≤ 0, δ outside [0, 1) and values that are not finite', () => {
    for (const request of [
      { epsilon: 0, delta: 0 },
      { epsilon: -1, delta: 0 },
      { epsilon: Number.NaN, delta: 0 },
      { epsilon: Infinity, delta: 0 },
      { epsilon: 1, delta: -1e-9 },
      { epsilon: 1, delta: 1 },
      { epsilon: 1, delta: Number.NaN },
    ]) {
      expect(() => spendBudget(fresh(), request)).toThrow(BudgetError);
    }
    expect(spendBudget(fresh(), { epsilon: 1, delta: 0 }).entries).toHaveLength(1);
  });

  it('refuses a ledger whose own budget or entries are malformed', () => {
    expect(() => spendBudget({ ...fresh(), budgetEpsilon: 0 }, { epsilon: 1, delta: 0 })).toThrow(
      /budget epsilon/,
    );
    expect(() =>
      spendBudget({ ...fresh(), entries: [{ epsilon: -1, delta: 0 }] }, { epsilon: 1, delta: 0 }),
    ).toThrow(/entry 1/);
  });
});
