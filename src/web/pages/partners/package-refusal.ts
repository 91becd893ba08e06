import type { TFunction } from 'i18next';
import {
  PACKAGE_CONFLICTS,
  PACKAGE_REFUSALS,
  type PackageConflict,
  type PackageRefusal,
} from '../../../shared/instances/packages.ts';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../shared/referrals/lifecycle.ts';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../lib/error-message.ts';

/** Why a package was refused, in words: each reason the server names has its own label. */
export type RefusalReason = PackageRefusal | PackageConflict;

const REASONS: ReadonlySet<string> = new Set([...PACKAGE_REFUSALS, ...PACKAGE_CONFLICTS]);
const STATUSES: ReadonlySet<string> = new Set(REFERRAL_STATUSES);

/** What the UI says about a refusal: a reason with its own label, or a state that does not fit. */
export type Refusal =
  | { kind: 'reason'; reason: RefusalReason }
  | { kind: 'state'; from: ReferralStatus; to: ReferralStatus }
  | { kind: 'already_received' }
  | { kind: 'not_applicable' }
  | { kind: 'not_json' }
  | { kind: 'other'; error: unknown };

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/**
 * Reads a refusal from an error of the package endpoints (docs/instances.md, "Opening: the
 * checks"): `details[0].reason` for a package that could not be opened or matched, `details`
 * naming `reason` or `from`/`to` for one that does not fit the referral's state.
 */
export function refusalOf(error: unknown): Refusal {
  if (error instanceof SyntaxError) return { kind: 'not_json' };
  if (!(error instanceof ApiError)) return { kind: 'other', error };
  const first = Array.isArray(error.details) ? record(error.details[0]) : record(error.details);
  const reason = first.reason;
  if (typeof reason === 'string' && REASONS.has(reason)) {
    return { kind: 'reason', reason: reason as RefusalReason };
  }
  const { from, to } = first;
  if (
    typeof from === 'string' &&
    typeof to === 'string' &&
    STATUSES.has(from) &&
    STATUSES.has(to)
  ) {
    return { kind: 'state', from: from as ReferralStatus, to: to as ReferralStatus };
  }
  if (error.code === 'conflict') return { kind: 'already_received' };
  if (error.code === 'validation_failed') return { kind: 'not_applicable' };
  if (error.code === 'not_found') return { kind: 'reason', reason: 'unknown_referral' };
  return { kind: 'other', error };
}

/** The sentence for a refusal, in the user's language. */
export function refusalMessage(t: TFunction, error: unknown): string {
  const r = refusalOf(error);
  switch (r.kind) {
    case 'reason':
      return t(`packages.refusal.${r.reason}`);
    case 'state':
      return t('packages.refusal.state', {
        from: t(`referrals.status.${r.from}`),
        to: t(`referrals.status.${r.to}`),
      });
    case 'already_received':
      return t('packages.refusal.already_received');
    case 'not_applicable':
      return t('packages.refusal.not_applicable');
    case 'not_json':
      return t('packages.refusal.not_json');
    case 'other':
      return errorMessage(t, r.error);
  }
}
