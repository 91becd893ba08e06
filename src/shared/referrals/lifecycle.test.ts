import { describe, expect, it } from 'vitest';
import type { ReferralAction, ReferralSide, ReferralStatus } from './lifecycle.ts';
import {
  REFERRAL_ACTIONS,
  REFERRAL_SIDES,
  REFERRAL_STATUSES,
  actionsFor,
  answerDueAt,
  checkTransition,
  effectiveStatus,
} from './lifecycle.ts';

// The legal moves, written out by hand from the issue (not derived from the table under test).
const LEGAL: [ReferralStatus, ReferralAction, ReferralSide, ReferralStatus][] = [
  ['draft', 'send', 'sender', 'sent'],
  ['sent', 'accept', 'receiver', 'accepted'],
  ['sent', 'decline', 'receiver', 'declined'],
  ['accepted', 'start', 'receiver', 'in_progress'],
  ['accepted', 'complete', 'receiver', 'completed'],
  ['in_progress', 'complete', 'receiver', 'completed'],
  ['draft', 'withdraw', 'sender', 'withdrawn'],
  ['sent', 'withdraw', 'sender', 'withdrawn'],
  ['accepted', 'withdraw', 'sender', 'withdrawn'],
  ['in_progress', 'withdraw', 'sender', 'withdrawn'],
  ['sent', 'expire', 'system', 'expired'],
];
const key = (s: string, a: string, d: string) => `${s}/${a}/${d}`;
const legal = new Map(LEGAL.map(([s, a, d, to]) => [key(s, a, d), to]));

const triples = REFERRAL_STATUSES.flatMap((s) =>
  REFERRAL_ACTIONS.flatMap((a) => REFERRAL_SIDES.map((d) => [s, a, d] as const)),
);

describe('checkTransition', () => {
  it('covers every (from, action, side) triple: 8 × 7 × 3', () => {
    expect(triples).toHaveLength(168);
  });

  it.each(triples)('%s --%s--> by %s', (from, action, side) => {
    const got = checkTransition(from, action, side);
    const to = legal.get(key(from, action, side));
    if (to) {
      expect(got).toEqual({ ok: true, to });
    } else {
      expect(got.ok).toBe(false);
      if (got.ok) return;
      expect(got.message).toMatch(/\.$/);
      // the side is the first question: a legal action of this side from another status is a
      // wrong state; an action this side never takes is a wrong side
      const sideEverTakesIt = LEGAL.some(([, a, d]) => a === action && d === side);
      expect(got.problem).toBe(sideEverTakesIt ? 'wrong_state' : 'wrong_side');
    }
  });

  it('names the states in a wrong-state refusal, and the side in a wrong-side one', () => {
    expect(checkTransition('completed', 'accept', 'receiver')).toMatchObject({
      ok: false,
      problem: 'wrong_state',
      to: 'accepted',
      message: 'A referral that is completed cannot be moved to accepted (accept).',
    });
    expect(checkTransition('sent', 'withdraw', 'receiver')).toMatchObject({
      ok: false,
      problem: 'wrong_side',
      message: 'Only the referring organisation may withdraw a referral.',
    });
  });

  it('leaves the closed statuses closed for everyone', () => {
    for (const s of ['declined', 'completed', 'withdrawn', 'expired'] as const) {
      for (const side of REFERRAL_SIDES) expect(actionsFor(s, side)).toEqual([]);
    }
  });

  it('lists the buttons of each side', () => {
    expect(actionsFor('sent', 'receiver')).toEqual(['accept', 'decline']);
    expect(actionsFor('accepted', 'receiver')).toEqual(['start', 'complete']);
    expect(actionsFor('draft', 'sender')).toEqual(['send', 'withdraw']);
    expect(actionsFor('sent', 'system')).toEqual(['expire']);
  });
});

describe('expiry', () => {
  it('is response_days whole days after sending', () => {
    const sent = new Date('2026-06-01T09:30:00Z');
    expect(answerDueAt(sent, 5).toISOString()).toBe('2026-06-06T09:30:00.000Z');
    expect(answerDueAt(sent, 1).toISOString()).toBe('2026-06-02T09:30:00.000Z');
  });

  it('shows a sent referral as expired from its due instant on, and nothing else', () => {
    const due = new Date('2026-06-06T09:30:00Z');
    const before = new Date(due.getTime() - 1);
    expect(effectiveStatus({ status: 'sent', answerDueAt: due }, before)).toBe('sent');
    expect(effectiveStatus({ status: 'sent', answerDueAt: due }, due)).toBe('expired');
    expect(effectiveStatus({ status: 'accepted', answerDueAt: due }, due)).toBe('accepted');
    expect(effectiveStatus({ status: 'draft', answerDueAt: null }, due)).toBe('draft');
  });
});
