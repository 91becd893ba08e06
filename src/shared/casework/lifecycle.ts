import type { CaseStatus, TraffickingStatus } from '../codes/htcds.ts';

/**
 * The stages a case moves through, in their usual order: identification (screening, then
 * assessment) before assistance, as in a National Referral Mechanism (OSCE/ODIHR, "National
 * Referral Mechanisms", 2nd ed., 2022). Rules and sources: docs/casework.md.
 */
export const STAGES = [
  'intake',
  'screening',
  'assessment',
  'assistance',
  'follow_up',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Direct moves a caseworker may make with a reason, without approval. Closing is not among
 * them: a case closes only when a supervisor approves a closure request (see `closureError`).
 *
 * - forward one step; intake → assessment skips screening when identification is already
 *   settled (e.g. a person formally identified by the police or another agency);
 * - back one step where new facts call for it (incomplete intake, re-screening, re-assessment,
 *   new needs during follow-up);
 * - reopening a closed case starts again at intake or at assessment.
 */
export const DIRECT_TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  intake: ['screening', 'assessment'],
  screening: ['assessment', 'intake'],
  assessment: ['assistance', 'screening'],
  assistance: ['follow_up', 'assessment'],
  follow_up: ['assistance'],
  closed: ['intake', 'assessment'],
};

export type TransitionKind = 'forward' | 'back' | 'reopen' | 'close';

/** What a move is, for the timeline: forward or back along the stages, a reopening, a closure. */
export function transitionKind(from: Stage, to: Stage): TransitionKind {
  if (to === 'closed') return 'close';
  if (from === 'closed') return 'reopen';
  return STAGES.indexOf(to) > STAGES.indexOf(from) ? 'forward' : 'back';
}

const label = (s: Stage) => s.replace('_', '-');

/**
 * Why a direct move is refused, or null when it is allowed. The message names both stages
 * and what is allowed instead; it never contains case data.
 */
export function transitionError(from: Stage, to: Stage): string | null {
  if (DIRECT_TRANSITIONS[from].includes(to)) return null;
  if (to === 'closed' && from !== 'closed') {
    return `A case moves from ${label(from)} to closed only through an approved closure request.`;
  }
  const allowed = DIRECT_TRANSITIONS[from].map(label).join(' or ');
  return `A case cannot move from ${label(from)} to ${label(to)}; from ${label(from)} it can move to ${allowed}.`;
}

/** Why a closure cannot be requested or approved now, or null. */
export function closureError(stage: Stage): string | null {
  return stage === 'closed' ? 'The case is already closed.' : null;
}

/** Why a case closes (the code travels with a free-text reason). */
export const CLOSURE_REASONS = [
  'assistance_completed',
  'referred_elsewhere',
  'declined_assistance',
  'lost_contact',
  'relocated',
  'not_a_victim',
  'deceased',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/**
 * HTCDS `cas_Status` for a stage: follow-up → FollowUp; closed → ClosedReferred when the
 * closure reason is a referral to another organisation, otherwise Closed; every other stage
 * → Active (docs/casework.md).
 */
export function statusForStage(stage: Stage, closureReason?: ClosureReason | null): CaseStatus {
  if (stage === 'follow_up') return 'FollowUp';
  if (stage === 'closed')
    return closureReason === 'referred_elsewhere' ? 'ClosedReferred' : 'Closed';
  return 'Active';
}

/** The stage a case starts in when it is registered (or imported) with a given status. */
export function initialStage(status: CaseStatus): Stage {
  if (status === 'FollowUp') return 'follow_up';
  if (status === 'Closed' || status === 'ClosedReferred') return 'closed';
  return 'intake';
}

/** Determinations a supervisor must approve (vic_TraffickingStatus). */
export const DETERMINATIONS = [
  'ActualVictimOfTrafficking',
  'NotAVictimOfTrafficking',
] as const satisfies readonly TraffickingStatus[];
export type Determination = (typeof DETERMINATIONS)[number];

/** Why a determination cannot be requested for a case now, or null. */
export function determinationError(
  stage: Stage,
  current: TraffickingStatus,
  proposed: Determination,
): string | null {
  if (stage === 'closed') return 'The case is closed; reopen it before changing the determination.';
  if (current === proposed) return `The case is already recorded as ${proposed}.`;
  return null;
}
