import type { CaseDetail } from '../../../shared/api/cases.schema.ts';
import type { ConsentOverview } from '../../../shared/api/consent.schema.ts';
import type { SearchHit } from '../../../shared/api/directory.schema.ts';
import type { InboxItem, ReferralSnapshot } from '../../../shared/api/referrals.schema.ts';
import type { ServiceType } from '../../../shared/codes/service-types.ts';
import { isLanguageCode } from '../../../shared/directory/languages.ts';
import type { DisclosureFieldName } from '../../../shared/referrals/disclosure.ts';
import { ApiError } from '../../api/client.ts';

/** Whole years between a `YYYY-MM-DD` birth date and `today` (null for a bad date). */
export function ageOn(dateOfBirth: string, today: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(dateOfBirth);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.getUTCFullYear() - y;
  const before =
    today.getUTCMonth() + 1 < mo || (today.getUTCMonth() + 1 === mo && today.getUTCDate() < d);
  if (before) age -= 1;
  return age >= 0 && age <= 120 ? age : null;
}

/** What the search may know of the person, from the case the page already holds. */
export interface SearchProfile {
  age?: number;
  gender: CaseDetail['gender'];
  nationality: string;
  status: CaseDetail['traffickingStatus'];
}

/**
 * The eligibility profile for the directory search: age today from the date of birth (else the
 * age at registration), gender, citizenship and victim status. Sent in a POST body, never a URL.
 */
export function searchProfile(c: CaseDetail, today: Date): SearchProfile {
  const age = c.person.dateOfBirth ? ageOn(c.person.dateOfBirth, today) : c.ageAtRegistration;
  return {
    ...(age !== null ? { age } : {}),
    gender: c.gender,
    nationality: c.citizenship,
    status: c.traffickingStatus,
  };
}

/**
 * Does today's consent cover referral to this service type? null when it could not be read.
 * The overview lists referral once per service type, a grant "for all types" included.
 */
export function consentCovers(overview: ConsentOverview | null, type: ServiceType): boolean | null {
  if (!overview) return null;
  const state = overview.current.find((s) => s.purpose === 'referral' && s.serviceType === type);
  return state ? state.allowed : false;
}

/** True when no result is both eligible and within the radius: an unmet need. */
export const noneEligibleInRange = (hits: readonly SearchHit[]): boolean =>
  !hits.some((h) => h.eligible && h.withinRadius);

/** The service type a 403 `consent_required` names (null: not that error, or no type named). */
export function consentRefusal(error: unknown): { serviceType: ServiceType | null } | null {
  if (!(error instanceof ApiError) || error.code !== 'consent_required') return null;
  const d = error.details as { serviceType?: unknown } | undefined;
  const type = typeof d?.serviceType === 'string' ? (d.serviceType as ServiceType) : null;
  return { serviceType: type };
}

/** API path of a refused referral field → the wizard's field: `fields.3` is the field list. */
export function wizardFieldOf(path: string): string {
  if (path.startsWith('fields')) return 'fields';
  return path;
}

/**
 * Languages typed as "ar, fr en": lower-cased ISO 639-1 codes, each once, and the words that
 * are not such codes (so the form can say which).
 */
export function parseLanguages(text: string): { codes: string[]; invalid: string[] } {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const word of text.split(/[\s,;]+/).filter(Boolean)) {
    const code = word.toLowerCase();
    if (!isLanguageCode(code)) invalid.push(word);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, invalid };
}

/** The snapshot's fields that are present, in the order the disclosure rules list them. */
export function snapshotEntries(
  snapshot: ReferralSnapshot,
  order: readonly DisclosureFieldName[],
): [DisclosureFieldName, unknown][] {
  return order
    .filter((f) => Object.prototype.hasOwnProperty.call(snapshot, f))
    .map((f) => [f, (snapshot as Record<string, unknown>)[f]]);
}

const DAY_MS = 86_400_000;

/**
 * How pressing an answer is: `overdue` past its due time while still sent, `soon` within a day
 * of it; null when it asks nothing now.
 */
export function dueState(
  item: Pick<InboxItem, 'status' | 'answerDueAt'>,
  now: Date,
): 'overdue' | 'soon' | null {
  if (item.answerDueAt === null) return null;
  if (item.status !== 'sent' && item.status !== 'expired') return null;
  const left = new Date(item.answerDueAt).getTime() - now.getTime();
  if (left <= 0) return item.status === 'expired' || item.status === 'sent' ? 'overdue' : null;
  return left <= DAY_MS && item.status === 'sent' ? 'soon' : null;
}

/** The inbox order: new (sent) first, soonest due first; then the rest, latest sent first. */
export function inboxOrder<T extends Pick<InboxItem, 'status' | 'answerDueAt' | 'sentAt'>>(
  items: readonly T[],
): T[] {
  const time = (s: string | null) => (s === null ? 0 : new Date(s).getTime());
  return [...items].sort((a, b) => {
    const an = a.status === 'sent' ? 0 : 1;
    const bn = b.status === 'sent' ? 0 : 1;
    if (an !== bn) return an - bn;
    if (an === 0) return time(a.answerDueAt) - time(b.answerDueAt);
    return time(b.sentAt) - time(a.sentAt);
  });
}

export type UnmetReasonCode = 'none_listed' | 'none_eligible' | 'none_in_range' | 'no_places';

/**
 * Why a search found nothing to refer to, in the metrics' terms: nothing listed; nothing the
 * person is eligible for (places aside); eligible ones only beyond the radius; or eligible ones
 * in range that are full. Null when an eligible service in range has places.
 */
export function unmetReason(hits: readonly SearchHit[]): UnmetReasonCode | null {
  if (!noneEligibleInRange(hits)) return null;
  if (hits.length === 0) return 'none_listed';
  const fitsBarPlaces = hits.filter((h) => h.mismatches.every((m) => m === 'capacity'));
  if (fitsBarPlaces.some((h) => h.withinRadius)) return 'no_places';
  if (fitsBarPlaces.length > 0) return 'none_in_range';
  return 'none_eligible';
}
