import { z } from 'zod';
import { Uuid } from '../../shared/api/common.schema.ts';
import { DisclosureField, ReferralSnapshot } from '../../shared/api/referrals.schema.ts';
import { line, text } from '../../shared/api/text.ts';
import { SERVICE_TYPES } from '../../shared/codes/service-types.ts';
import {
  DECLINE_REASONS,
  OUTCOMES,
  URGENCIES,
  WITHDRAW_REASONS,
} from '../../shared/referrals/lifecycle.ts';

/**
 * What a package carries once decrypted (docs/instances.md, "Bodies"): UTF-8 JSON, checked here
 * as strictly as any request body. Only the fields the sender disclosed travel, as snapshotted
 * and sealed at sending; never the case.
 */

const Instant = z.iso.datetime({ message: 'must be an ISO 8601 instant' });

export const ReferralPackageBody = z.strictObject({
  referral: z.strictObject({
    /** The referral's id at the sending instance (the receiver's `remote_referral_id`). */
    id: Uuid,
    reference: line(50).pipe(z.string().min(1)),
    /** The service at the receiving instance (the sender's `services.remote_service_id`). */
    serviceId: Uuid,
    serviceType: z.enum(SERVICE_TYPES),
    urgency: z.enum(URGENCIES),
    fromOrganisation: line(200).pipe(z.string().min(1)),
    sentAt: Instant,
    fields: z.array(DisclosureField).max(50),
    snapshot: z.strictObject(ReferralSnapshot.shape),
    message: text(4000).nullable(),
  }),
});
export type ReferralPackageBody = z.infer<typeof ReferralPackageBody>;

/** The receiver-side lifecycle actions a reply may carry. */
export const REPLY_ACTIONS = ['accept', 'decline', 'start', 'complete'] as const;
export type ReplyAction = (typeof REPLY_ACTIONS)[number];

export const ReplyTransition = z.strictObject({
  action: z.enum(REPLY_ACTIONS),
  /**
   * When the receiver took it: the importing side records this time, bounded by its own clock
   * and by what the referral already records (referrals.service.ts `remoteActionTime`).
   */
  at: Instant,
  reason: z.enum(DECLINE_REASONS).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  note: text(2000).optional(),
});
export type ReplyTransition = z.infer<typeof ReplyTransition>;

export const ReplyPackageBody = z.strictObject({
  reply: z.strictObject({
    /** The referral's id at the instance the reply goes to (its original sender). */
    referralId: Uuid,
    /** The referral's id at the replying instance. */
    remoteReferralId: Uuid,
    /**
     * Every answer the receiver gave so far, in order: a later reply repeats the earlier ones,
     * so one lost or late file loses nothing and importing them in any order converges.
     */
    transitions: z.array(ReplyTransition).min(1).max(10),
  }),
});
export type ReplyPackageBody = z.infer<typeof ReplyPackageBody>;

/**
 * The sender withdrew a referral it had sent to the partner (by hand, or because the person
 * withdrew consent): the partner closes its copy and erases the person's data. The withdrawal's
 * note does not travel: it is the sender's own record, never shown to a provider.
 */
export const WithdrawalPackageBody = z.strictObject({
  withdrawal: z.strictObject({
    /** The referral's id at the withdrawing instance (the receiver's `remote_referral_id`). */
    referralId: Uuid,
    /** The referral's id at the receiving instance, when a reply made it known; else null. */
    remoteReferralId: Uuid.nullable(),
    reason: z.enum(WITHDRAW_REASONS),
    /** When the sender withdrew it (recorded as such by the receiver, bounded). */
    at: Instant,
  }),
});
export type WithdrawalPackageBody = z.infer<typeof WithdrawalPackageBody>;
