import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../codes/htcds.ts';
import type { Stage } from './lifecycle.ts';
import {
  CLOSURE_REASONS,
  DIRECT_TRANSITIONS,
  STAGES,
  closureError,
  determinationError,
  initialStage,
  statusForStage,
  transitionError,
  transitionKind,
} from './lifecycle.ts';

// Written out by hand: the moves the lifecycle allows without approval (docs/casework.md).
const ALLOWED = new Set([
  'intake→screening',
  'intake→assessment',
  'screening→assessment',
  'screening→intake',
  'assessment→assistance',
  'assessment→screening',
  'assistance→follow_up',
  'assistance→assessment',
  'follow_up→assistance',
  'closed→intake',
  'closed→assessment',
]);
const PAIRS = STAGES.flatMap((from) => STAGES.map((to) => [from, to] as [Stage, Stage]));

describe('case lifecycle', () => {
  it('has 36 ordered pairs of stages, 11 of them direct moves', () => {
    expect(PAIRS).toHaveLength(36);
    expect(PAIRS.filter(([f, t]) => transitionError(f, t) === null)).toHaveLength(ALLOWED.size);
  });

  it.each(PAIRS.filter(([f, t]) => ALLOWED.has(`${f}→${t}`)))('allows %s → %s', (from, to) => {
    expect(transitionError(from, to)).toBeNull();
  });

  it.each(PAIRS.filter(([f, t]) => !ALLOWED.has(`${f}→${t}`)))(
    'refuses %s → %s, naming both stages',
    (from, to) => {
      const error = transitionError(from, to);
      expect(error).not.toBeNull();
      expect(error).toContain(from.replace('_', '-'));
      expect(error).toContain(to.replace('_', '-'));
    },
  );

  it('never closes a case directly: every open stage is told to request a closure', () => {
    for (const from of STAGES.filter((s) => s !== 'closed')) {
      expect(transitionError(from, 'closed')).toMatch(/approved closure request/);
    }
  });

  it('refuses staying in the same stage', () => {
    for (const s of STAGES) expect(transitionError(s, s)).not.toBeNull();
  });

  it('names what is allowed instead', () => {
    expect(transitionError('intake', 'assistance')).toBe(
      'A case cannot move from intake to assistance; from intake it can move to screening or assessment.',
    );
  });

  it('reaches every stage from intake, and intake again from closed', () => {
    const seen = new Set<Stage>(['intake']);
    const queue: Stage[] = ['intake'];
    while (queue.length) {
      for (const next of DIRECT_TRANSITIONS[queue.shift()!]) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    // closed is reached only through approval
    expect([...seen].sort()).toEqual(STAGES.filter((s) => s !== 'closed').sort());
    expect(DIRECT_TRANSITIONS.closed).toContain('intake');
  });

  it('classifies moves for the timeline', () => {
    expect(transitionKind('intake', 'screening')).toBe('forward');
    expect(transitionKind('intake', 'assessment')).toBe('forward');
    expect(transitionKind('assistance', 'assessment')).toBe('back');
    expect(transitionKind('closed', 'intake')).toBe('reopen');
    expect(transitionKind('follow_up', 'closed')).toBe('close');
  });
});

describe('HTCDS cas_Status of a stage', () => {
  it('is Active in the working stages, FollowUp in follow-up', () => {
    for (const s of ['intake', 'screening', 'assessment', 'assistance'] as const) {
      expect(statusForStage(s)).toBe('Active');
    }
    expect(statusForStage('follow_up')).toBe('FollowUp');
  });

  it('is ClosedReferred only for a closure by referral, Closed for every other reason', () => {
    for (const reason of CLOSURE_REASONS) {
      expect(statusForStage('closed', reason)).toBe(
        reason === 'referred_elsewhere' ? 'ClosedReferred' : 'Closed',
      );
    }
  });

  it('gives a registered case the stage its status implies, and back', () => {
    for (const status of CASE_STATUSES) {
      const stage = initialStage(status);
      expect(statusForStage(stage, status === 'ClosedReferred' ? 'referred_elsewhere' : null)).toBe(
        status,
      );
    }
  });
});

describe('requests that need approval', () => {
  it('cannot close a closed case', () => {
    expect(closureError('closed')).not.toBeNull();
    for (const s of STAGES.filter((x) => x !== 'closed')) expect(closureError(s)).toBeNull();
  });

  it('needs an open case and a different determination', () => {
    expect(
      determinationError('assessment', 'PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking'),
    ).toBeNull();
    expect(
      determinationError('assessment', 'ActualVictimOfTrafficking', 'ActualVictimOfTrafficking'),
    ).toMatch(/already/);
    expect(
      determinationError('closed', 'PossibleVictimOfTrafficking', 'NotAVictimOfTrafficking'),
    ).toMatch(/closed/);
  });
});
