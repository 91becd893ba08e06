/**
 * The tracing-request lifecycle (docs/reunite.md). Pure code: the server asks it before every
 * change, the web app to show only the steps that would work.
 *
 * ```
 * open ──confirm──▶ matched ──verify──▶ verified ──(child or age unknown)──determine──▶ best_interest_determined
 *   ▲                  │                   │                                               │
 *   └──verification────┘                   └──(adult)──reunify──▶ reunified ◀──reunify────┘ (in the child's best interest)
 *       failed / consent withdrawn
 * close (supervisor): from any status but closed, with a reason the status allows
 * ```
 *
 * The best-interest step follows the UNHCR Guidelines on Assessing and Determining the Best
 * Interests of the Child (2021), ch. 4 "Best interests determination" (family reunification of
 * an unaccompanied or separated child is one of the decisions that requires a formal BID), and
 * the Inter-agency Guiding Principles on Unaccompanied and Separated Children (ICRC et al.,
 * 2004), §§ "Family reunification": reunification is not carried out where it would not be in
 * the child's best interest, and the decision is taken by a designated, competent person —
 * here a supervisor (action `tracing:decide`). Where the age is unknown the step is required
 * too: in doubt, the person is treated as a child (UNHCR 2021, § 2.3 on age assessment).
 */

export const TRACING_STATUSES = [
  'open',
  'matched',
  'verified',
  'best_interest_determined',
  'reunified',
  'closed',
] as const;
export type TracingStatus = (typeof TRACING_STATUSES)[number];

export const TRACING_ACTIONS = [
  'confirm',
  'verify',
  'verification_failed',
  'determine_best_interest',
  'reunify',
  'close',
  'consent_withdrawn',
] as const;
export type TracingAction = (typeof TRACING_ACTIONS)[number];

export const CLOSURE_REASONS = [
  'reunified',
  'not_found',
  'enquirer_withdrew',
  'not_in_best_interest',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const BEST_INTEREST_OUTCOMES = ['in_best_interest', 'not_in_best_interest'] as const;
export type BestInterestOutcome = (typeof BEST_INTEREST_OUTCOMES)[number];

/** How the identity of the confirmed match was verified with the people concerned. */
export const VERIFICATION_METHODS = [
  'interview_both_parties',
  'documents',
  'photograph_recognition',
  'shared_knowledge',
  'agency_confirmation',
  'other',
] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** Why an officer rejects a proposed candidate (a code; details go in the sealed note). */
export const REJECTION_REASONS = [
  'different_person',
  'insufficient_information',
  'verification_failed',
  'duplicate_candidate',
  'other',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Which role class may take the action: `officer` holds tracing:write, `supervisor` tracing:decide. */
export type TracingActor = 'officer' | 'supervisor' | 'system';

/** What a decision needs to know about the request. */
export interface TracingState {
  status: TracingStatus;
  /** true child, false adult, null unknown (treated as a child). */
  soughtIsChild: boolean | null;
  bestInterest: BestInterestOutcome | null;
}

/** Extra input of an action, when it has one. */
export interface TracingInput {
  closureReason?: ClosureReason;
  bestInterest?: BestInterestOutcome;
}

export type TracingCheck =
  | { ok: true; to: TracingStatus }
  | {
      ok: false;
      /** One English sentence, no personal data. */
      message: string;
      from: TracingStatus;
      /** Where the action would have led. */
      to: TracingStatus;
    };

export const OPEN_TRACING_STATUSES = [
  'open',
  'matched',
  'verified',
  'best_interest_determined',
] as const satisfies readonly TracingStatus[];

/** Whether the best-interest step is required before reunification. */
export const needsBestInterest = (s: Pick<TracingState, 'soughtIsChild'>): boolean =>
  s.soughtIsChild !== false;

const TARGET: Record<TracingAction, (s: TracingState, i: TracingInput) => TracingStatus> = {
  confirm: () => 'matched',
  verify: () => 'verified',
  verification_failed: () => 'open',
  determine_best_interest: () => 'best_interest_determined',
  reunify: () => 'reunified',
  close: () => 'closed',
  consent_withdrawn: () => 'open',
};

/** Who takes each action. */
export const ACTION_ACTOR: Readonly<Record<TracingAction, TracingActor>> = {
  confirm: 'officer',
  verify: 'officer',
  verification_failed: 'officer',
  determine_best_interest: 'supervisor',
  reunify: 'officer',
  close: 'supervisor',
  consent_withdrawn: 'system',
};

/** Closure reasons each status allows. */
const CLOSABLE: Readonly<Record<TracingStatus, readonly ClosureReason[]>> = {
  open: ['not_found', 'enquirer_withdrew', 'other'],
  matched: ['not_found', 'enquirer_withdrew', 'other'],
  verified: ['enquirer_withdrew', 'other'],
  best_interest_determined: ['enquirer_withdrew', 'not_in_best_interest', 'other'],
  reunified: ['reunified', 'other'],
  closed: [],
};

const refuse = (from: TracingStatus, to: TracingStatus, message: string): TracingCheck => ({
  ok: false,
  from,
  to,
  message,
});

/**
 * Whether `action` may be taken now, and where it leads. The rule, in full:
 * confirm open→matched; verify and verification_failed from matched; determine_best_interest
 * from verified, only when the best-interest step is required; reunify from verified when it is
 * not required, or from best_interest_determined when the determination was in the child's
 * best interest; close from any status but closed, with a reason that status allows
 * (`reunified` only after reunification, `not_in_best_interest` only after that determination);
 * consent_withdrawn (the system) from matched, verified or best_interest_determined back to open.
 */
export function checkTracing(
  state: TracingState,
  action: TracingAction,
  input: TracingInput = {},
): TracingCheck {
  const from = state.status;
  const to = TARGET[action](state, input);
  const wrong = (why: string) =>
    refuse(from, to, `A tracing request that is ${from.replace(/_/g, ' ')} cannot ${why}.`);
  switch (action) {
    case 'confirm':
      return from === 'open' ? { ok: true, to } : wrong('have a candidate confirmed');
    case 'verify':
    case 'verification_failed':
      return from === 'matched' ? { ok: true, to } : wrong('be verified');
    case 'determine_best_interest':
      if (from !== 'verified') return wrong('have a best-interest determination recorded');
      if (!needsBestInterest(state)) {
        return refuse(from, to, 'The sought person is an adult: no best-interest step applies.');
      }
      return input.bestInterest ? { ok: true, to } : wrong('be decided without a determination');
    case 'reunify':
      if (from === 'verified') {
        return needsBestInterest(state)
          ? refuse(
              from,
              to,
              'The sought person is a child or of unknown age: a best-interest determination comes first.',
            )
          : { ok: true, to };
      }
      if (from === 'best_interest_determined') {
        return state.bestInterest === 'in_best_interest'
          ? { ok: true, to }
          : refuse(
              from,
              to,
              'Reunification was determined not to be in the child’s best interest.',
            );
      }
      return wrong('be reunified');
    case 'close': {
      if (from === 'closed') return wrong('be closed again');
      const reason = input.closureReason;
      if (!reason) return wrong('be closed without a reason');
      const allowed =
        from === 'best_interest_determined' && reason === 'not_in_best_interest'
          ? state.bestInterest === 'not_in_best_interest'
          : CLOSABLE[from].includes(reason);
      return allowed
        ? { ok: true, to }
        : refuse(
            from,
            to,
            `A tracing request that is ${from.replace(/_/g, ' ')} cannot be closed as ${reason.replace(/_/g, ' ')}.`,
          );
    }
    case 'consent_withdrawn':
      return from === 'matched' || from === 'verified' || from === 'best_interest_determined'
        ? { ok: true, to }
        : wrong('lose its match');
  }
}

/** The actions that would succeed now (for the web app's buttons). */
export function availableTracingActions(state: TracingState): TracingAction[] {
  return TRACING_ACTIONS.filter((a) => {
    if (a === 'consent_withdrawn') return false;
    if (a === 'close') {
      return CLOSURE_REASONS.some((r) => checkTracing(state, a, { closureReason: r }).ok);
    }
    if (a === 'determine_best_interest') {
      return checkTracing(state, a, { bestInterest: 'in_best_interest' }).ok;
    }
    return checkTracing(state, a).ok;
  });
}
