/**
 * The referral lifecycle (docs/referrals.md): statuses, the actions
 * that move a referral between them, and which side of the referral may take each action. Pure
 * code: the server asks it before every change, the web app to show only the buttons that would
 * work.
 *
 * ```
 * draft ──send──▶ sent ──accept──▶ accepted ──start──▶ in_progress ──complete──▶ completed
 *                   │ └─decline──▶ declined      └──────────complete──────────▶ completed
 *                   └─(no answer by answer_due_at)─▶ expired
 * withdraw (sender): draft | sent | accepted | in_progress ─▶ withdrawn
 * ```
 */

export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'withdrawn',
  'expired',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Statuses in which the referral still asks something of someone. */
export const OPEN_STATUSES = [
  'draft',
  'sent',
  'accepted',
  'in_progress',
] as const satisfies readonly ReferralStatus[];
export const isOpen = (s: ReferralStatus): boolean =>
  (OPEN_STATUSES as readonly string[]).includes(s);

export const REFERRAL_ACTIONS = [
  'send',
  'accept',
  'decline',
  'start',
  'complete',
  'withdraw',
  'expire',
] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

/**
 * Who acts. `sender`: the referring organisation; `receiver`: the provider (its organisation on
 * this instance, or the sender recording the answer of an external provider on its behalf);
 * `system`: Lantern itself (expiry).
 */
export const REFERRAL_SIDES = ['sender', 'receiver', 'system'] as const;
export type ReferralSide = (typeof REFERRAL_SIDES)[number];

export const URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Why a provider declines (a code the pathway metrics count; details go in the note). */
export const DECLINE_REASONS = [
  'no_capacity',
  'not_eligible',
  'service_unavailable',
  'person_unreachable',
  'duplicate',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** How a referral ended once accepted. */
export const OUTCOMES = [
  'service_provided',
  'partially_provided',
  'person_declined_service',
  'person_left',
  'other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Why the sender withdrew (`consent_withdrawn` is also what the system records). */
export const WITHDRAW_REASONS = [
  'consent_withdrawn',
  'need_met',
  'person_request',
  'sent_in_error',
  'other',
] as const;
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number];

interface Rule {
  side: ReferralSide;
  from: readonly ReferralStatus[];
  to: ReferralStatus;
}

/** The whole transition table: one rule per action. */
export const TRANSITIONS: Readonly<Record<ReferralAction, Rule>> = {
  send: { side: 'sender', from: ['draft'], to: 'sent' },
  accept: { side: 'receiver', from: ['sent'], to: 'accepted' },
  decline: { side: 'receiver', from: ['sent'], to: 'declined' },
  start: { side: 'receiver', from: ['accepted'], to: 'in_progress' },
  // accepted → completed directly: a one-off service (an interpretation, a consultation).
  complete: { side: 'receiver', from: ['accepted', 'in_progress'], to: 'completed' },
  withdraw: { side: 'sender', from: ['draft', 'sent', 'accepted', 'in_progress'], to: 'withdrawn' },
  expire: { side: 'system', from: ['sent'], to: 'expired' },
};

export type TransitionCheck =
  | { ok: true; to: ReferralStatus }
  | {
      ok: false;
      /** `wrong_side`: this side never takes this action; `wrong_state`: not from this status. */
      problem: 'wrong_side' | 'wrong_state';
      /** One English sentence, no personal data. */
      message: string;
      /** Where the action would have led. */
      to: ReferralStatus;
    };

const SIDE_NAMES: Record<ReferralSide, string> = {
  sender: 'the referring organisation',
  receiver: 'the provider',
  system: 'Lantern itself',
};

/**
 * Is `action` legal from `from` for `side`, and if not, why? The side is checked first: a
 * provider trying to withdraw is refused for who it is, whatever the status.
 */
export function checkTransition(
  from: ReferralStatus,
  action: ReferralAction,
  side: ReferralSide,
): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (rule.side !== side) {
    return {
      ok: false,
      problem: 'wrong_side',
      message: `Only ${SIDE_NAMES[rule.side]} may ${action} a referral.`,
      to: rule.to,
    };
  }
  if (!rule.from.includes(from)) {
    return {
      ok: false,
      problem: 'wrong_state',
      message: `A referral that is ${from.replace('_', ' ')} cannot be moved to ${rule.to.replace('_', ' ')} (${action}).`,
      to: rule.to,
    };
  }
  return { ok: true, to: rule.to };
}

/** The actions `side` may take from `status` (for the buttons a screen shows). */
export const actionsFor = (status: ReferralStatus, side: ReferralSide): ReferralAction[] =>
  REFERRAL_ACTIONS.filter((a) => checkTransition(status, a, side).ok);

const DAY_MS = 86_400_000;

/**
 * When a sent referral expires without an answer: `response_days` whole days of 24 hours after
 * sending (the directory's `services.response_days`, 1–90). Calendar days, not working days: a
 * survivor waiting for a shelter waits on weekends too.
 */
export const answerDueAt = (sentAt: Date, responseDays: number): Date =>
  new Date(sentAt.getTime() + responseDays * DAY_MS);

/**
 * The status an answer must show at `now`: a sent referral past its due time is expired even
 * before the scheduled job (`expireDueReferrals`) has recorded it, so an answer is never wrong
 * because the job has not run yet.
 */
export function effectiveStatus(
  r: { status: ReferralStatus; answerDueAt: Date | null },
  now: Date,
): ReferralStatus {
  return r.status === 'sent' && r.answerDueAt !== null && r.answerDueAt.getTime() <= now.getTime()
    ? 'expired'
    : r.status;
}
