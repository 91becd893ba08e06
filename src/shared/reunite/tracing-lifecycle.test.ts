import { describe, expect, it } from 'vitest';
import type {
  BestInterestOutcome,
  ClosureReason,
  TracingAction,
  TracingInput,
  TracingState,
  TracingStatus,
} from './tracing-lifecycle.ts';
import {
  BEST_INTEREST_OUTCOMES,
  CLOSURE_REASONS,
  TRACING_ACTIONS,
  TRACING_STATUSES,
  availableTracingActions,
  checkTracing,
  needsBestInterest,
} from './tracing-lifecycle.ts';

const CHILDHOOD = [true, false, null] as const;
const BEST = [null, ...BEST_INTEREST_OUTCOMES] as const;
const inputsOf = (a: TracingAction): TracingInput[] =>
  a === 'close'
    ? [{}, ...CLOSURE_REASONS.map((closureReason) => ({ closureReason }))]
    : a === 'determine_best_interest'
      ? [{}, ...BEST_INTEREST_OUTCOMES.map((bestInterest) => ({ bestInterest }))]
      : [{}];

/**
 * The legal moves, written out independently of the implementation: everything else is refused.
 * `child` is whether the best-interest step applies (a child, or age unknown).
 */
function legal(
  status: TracingStatus,
  child: boolean,
  best: BestInterestOutcome | null,
  action: TracingAction,
  input: TracingInput,
): TracingStatus | null {
  const reason: ClosureReason | undefined = input.closureReason;
  switch (action) {
    case 'confirm':
      return status === 'open' ? 'matched' : null;
    case 'verify':
      return status === 'matched' ? 'verified' : null;
    case 'verification_failed':
      return status === 'matched' ? 'open' : null;
    case 'determine_best_interest':
      return status === 'verified' && child && input.bestInterest
        ? 'best_interest_determined'
        : null;
    case 'reunify':
      if (status === 'verified' && !child) return 'reunified';
      if (status === 'best_interest_determined' && best === 'in_best_interest') return 'reunified';
      return null;
    case 'consent_withdrawn':
      return ['matched', 'verified', 'best_interest_determined'].includes(status) ? 'open' : null;
    case 'close': {
      if (!reason) return null;
      const ok: Record<TracingStatus, ClosureReason[]> = {
        open: ['not_found', 'enquirer_withdrew', 'other'],
        matched: ['not_found', 'enquirer_withdrew', 'other'],
        verified: ['enquirer_withdrew', 'other'],
        best_interest_determined: [
          'enquirer_withdrew',
          'other',
          ...(best === 'not_in_best_interest' ? (['not_in_best_interest'] as const) : []),
        ],
        reunified: ['reunified', 'other'],
        closed: [],
      };
      return ok[status].includes(reason) ? 'closed' : null;
    }
  }
}

describe('tracing lifecycle', () => {
  const cases: {
    state: TracingState;
    action: TracingAction;
    input: TracingInput;
    expected: TracingStatus | null;
  }[] = [];
  for (const status of TRACING_STATUSES)
    for (const soughtIsChild of CHILDHOOD)
      for (const bestInterest of BEST)
        for (const action of TRACING_ACTIONS)
          for (const input of inputsOf(action)) {
            const state = { status, soughtIsChild, bestInterest };
            const child = soughtIsChild !== false;
            cases.push({
              state,
              action,
              input,
              expected: legal(status, child, bestInterest, action, input),
            });
          }

  it('enumerates every status × age × determination × action × input', () => {
    // 6 statuses × 3 ages × 3 determinations × (5 one-input actions + 4 + 6 inputs)
    expect(cases).toHaveLength(6 * 3 * 3 * (5 + 3 + 6));
    expect(cases.filter((c) => c.expected === null).length).toBeGreaterThan(500);
  });

  it('allows exactly the legal moves, to the right status', () => {
    for (const c of cases.filter((x) => x.expected !== null)) {
      expect(checkTracing(c.state, c.action, c.input), JSON.stringify(c)).toEqual({
        ok: true,
        to: c.expected,
      });
    }
  });

  it('refuses every illegal move, naming from and to, with a sentence free of data', () => {
    const illegal = cases.filter((x) => x.expected === null);
    for (const c of illegal) {
      const r = checkTracing(c.state, c.action, c.input);
      expect(r.ok, JSON.stringify(c)).toBe(false);
      if (r.ok) continue;
      expect(r.from).toBe(c.state.status);
      expect(TRACING_STATUSES).toContain(r.to);
      expect(r.message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('requires the best-interest step for a child and for an unknown age, never for an adult', () => {
    expect(needsBestInterest({ soughtIsChild: true })).toBe(true);
    expect(needsBestInterest({ soughtIsChild: null })).toBe(true);
    expect(needsBestInterest({ soughtIsChild: false })).toBe(false);
    const verified = (soughtIsChild: boolean | null): TracingState => ({
      status: 'verified',
      soughtIsChild,
      bestInterest: null,
    });
    expect(checkTracing(verified(true), 'reunify')).toMatchObject({
      ok: false,
      from: 'verified',
      to: 'reunified',
    });
    expect(checkTracing(verified(false), 'reunify')).toEqual({ ok: true, to: 'reunified' });
    const adult = checkTracing(verified(false), 'determine_best_interest', {
      bestInterest: 'in_best_interest',
    });
    expect(adult.ok).toBe(false);
    expect(!adult.ok && adult.message).toContain('adult');
  });

  it('offers the web app only the actions that would work', () => {
    expect(
      availableTracingActions({ status: 'open', soughtIsChild: true, bestInterest: null }),
    ).toEqual(['confirm', 'close']);
    expect(
      availableTracingActions({ status: 'verified', soughtIsChild: true, bestInterest: null }),
    ).toEqual(['determine_best_interest', 'close']);
    expect(
      availableTracingActions({ status: 'verified', soughtIsChild: false, bestInterest: null }),
    ).toEqual(['reunify', 'close']);
    expect(
      availableTracingActions({ status: 'closed', soughtIsChild: false, bestInterest: null }),
    ).toEqual([]);
  });
});
