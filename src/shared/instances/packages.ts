/**
 * The vocabulary of sealed packages between Lantern instances (docs/instances.md), shared by the
 * server (src/server/instances/package.ts) and the web pages that export and import them.
 */

/**
 * What a package carries: a referral (sender → receiver), the receiver's answers (`reply`,
 * receiver → sender), or the sender's withdrawal of a referral it sent (`withdrawal`).
 */
export const PACKAGE_KINDS = ['referral', 'reply', 'withdrawal'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

/** Why a package was refused, in the order of the checks (`error.details[0].reason`). */
export const PACKAGE_REFUSALS = [
  'malformed',
  'unknown_format',
  'unsupported_version',
  'wrong_recipient',
  'unknown_sender',
  'sender_key_mismatch',
  'bad_signature',
  'expired',
  'dated_in_future',
  'replayed',
  'decryption_failed',
] as const;
export type PackageRefusal = (typeof PACKAGE_REFUSALS)[number];

/**
 * Why a package could not be exported or applied once opened (`details.reason` of a 409, or
 * `details[0].reason` of a 404): a package that is genuine but does not fit this referral.
 */
export const PACKAGE_CONFLICTS = [
  'not_between_instances',
  'partner_removed',
  'no_answer_yet',
  'not_withdrawn',
  'remote_referral_mismatch',
  'unknown_referral',
] as const;
export type PackageConflict = (typeof PACKAGE_CONFLICTS)[number];
