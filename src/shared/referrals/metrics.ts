/**
 * Pathway metrics of referrals (docs/referral-metrics.md): pure computation over plain rows that
 * the server fetches (or pre-aggregates) with SQL. No I/O; the web app and the CLI may use it too.
 *
 * Definitions, in one place:
 * - The population is the referrals **sent** in the period (sent_at from `from` 00:00 UTC to the
 *   end of `to`), with their status as it is now — a sent referral past its answer time counts
 *   as expired, as every answer shows it (lifecycle.effectiveStatus). Drafts never count.
 * - **Accepted** means accepted at some point: status accepted, in_progress or completed, or
 *   withdrawn after an acceptance. A withdrawn referral with an answered_at was accepted: only
 *   accept and decline set answered_at, and a declined referral is never withdrawn
 *   (src/shared/referrals/lifecycle.ts), so no look-up in the history is needed. **Resolved** means
 *   the provider's answer is in, or the time to answer ran out: accepted + declined + expired.
 *   The acceptance rate is accepted / resolved; a referral still waiting (sent), or withdrawn
 *   before any answer, is in neither.
 * - Time to acceptance: sent_at → answered_at of accepted referrals; time to completion:
 *   sent_at → closed_at of completed referrals. In hours.
 */

import { SERVICE_TYPES } from '../codes/service-types.ts';
import { escapeFormula } from '../exchange/csv.ts';

/** Statuses a sent referral can have (a draft has no sent_at and is never in the population). */
export const SENT_STATUSES = [
  'sent',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'withdrawn',
  'expired',
] as const;
export type SentStatus = (typeof SENT_STATUSES)[number];
export type ReferralStatus = 'draft' | SentStatus;

/** Why a need was recorded as unmet (migration 0010_unmet_needs.sql). */
export const UNMET_REASONS = [
  'none_listed',
  'none_eligible',
  'none_in_range',
  'no_places',
] as const;
export type UnmetReason = (typeof UNMET_REASONS)[number];

/**
 * A cell counting fewer referrals than this (but at least one) is flagged `small`: broken down
 * by provider × service type over a short period, a count of 1–4 can point at one person for
 * someone who knows the case. The minimum-frequency (threshold) rule of tabular statistical
 * disclosure control (Hundepool et al., *Statistical Disclosure Control*, Wiley 2012, ch. 5);
 * 5 is a common choice of threshold. We show the figure and flag it rather than suppress it:
 * the readers are the organisation's own coordinators and analysts, and a suppressed cell
 * hides exactly the gaps (a provider that never answers) a coordinator must see.
 */
export const SMALL_CELL_THRESHOLD = 5;

/** 0 < n < threshold: a count that may identify someone. Zero is no one. */
export const isSmall = (n: number): boolean => n > 0 && n < SMALL_CELL_THRESHOLD;

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------

/**
 * The p-quantile (0 ≤ p ≤ 1) of `values` by Hyndman & Fan's definition 7 (R. J. Hyndman and
 * Y. Fan, "Sample quantiles in statistical packages", *The American Statistician* 50(4), 1996,
 * 361–365), the default of R's `quantile()` and NumPy's `percentile()`: with the values sorted
 * x[0] ≤ … ≤ x[n−1], h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). Linear
 * interpolation between order statistics; the median is the usual one. NaN for no values.
 */
export function quantile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError('p must be between 0 and 1');
  if (values.length === 0) return Number.NaN;
  const x = [...values].sort((a, b) => a - b);
  return quantileSorted(x, p);
}

function quantileSorted(x: readonly number[], p: number): number {
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  const below = x[lo]!;
  const above = x[Math.min(lo + 1, x.length - 1)]!;
  return below + (h - lo) * (above - below);
}

/** z for a two-sided 95 % interval: the 0.975 quantile of the standard normal distribution. */
export const Z95 = 1.959963984540054;

/**
 * The Wilson score interval for a proportion of `successes` in `n` trials (E. B. Wilson,
 * "Probable inference, the law of succession, and statistical inference", *Journal of the
 * American Statistical Association* 22(158), 1927, 209–212):
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half-width = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²).
 * Unlike p̂ ± z·√(p̂(1−p̂)/n) it stays inside [0, 1] and is honest for small n and for rates of
 * 0 or 1 (Brown, Cai & DasGupta, *Statistical Science* 16(2), 2001, recommend it). Null for n = 0.
 */
export function wilsonInterval(
  successes: number,
  n: number,
  z = Z95,
): { low: number; high: number } | null {
  if (n <= 0) return null;
  if (successes < 0 || successes > n) throw new RangeError('successes must be within 0..n');
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};
/** Hours to 0.01 h (36 s); rates and interval bounds to 4 decimals. */
const hours = (v: number) => round(v, 2);
const ratio = (v: number) => round(v, 4);

export interface DurationStats {
  n: number;
  medianHours: number | null;
  p90Hours: number | null;
  meanHours: number | null;
  small: boolean;
}

/** n, median, 90th percentile (type 7) and mean of durations in hours. */
export function durationStats(valuesHours: readonly number[]): DurationStats {
  const n = valuesHours.length;
  if (n === 0) return { n, medianHours: null, p90Hours: null, meanHours: null, small: false };
  const x = [...valuesHours].sort((a, b) => a - b);
  const mean = x.reduce((s, v) => s + v, 0) / n;
  return {
    n,
    medianHours: hours(quantileSorted(x, 0.5)),
    p90Hours: hours(quantileSorted(x, 0.9)),
    meanHours: hours(mean),
    small: isSmall(n),
  };
}

// ---------------------------------------------------------------------------------------------
// Input rows (what the repository returns)
// ---------------------------------------------------------------------------------------------

/**
 * Referrals sent in the period, grouped by everything the breakdowns need, with the durations
 * of the group's referrals that have them (one query, one pass over the referrals).
 */
export interface ReferralCountRow {
  /** The sending organisation. */
  orgId: string;
  serviceType: string;
  providerId: string;
  providerName: string;
  status: SentStatus;
  /** Withdrawn after an acceptance; ignored for other statuses. */
  acceptedBefore: boolean;
  declineReason: string | null;
  outcome: string | null;
  count: number;
  /** sent_at → answered_at in hours, for each referral of the group that has an answer. */
  answerHours: readonly number[];
  /** sent_at → closed_at in hours, for each referral of the group that is closed. */
  closeHours: readonly number[];
}

/** How many cases had `referrals` referrals sent in the period. */
export interface PerCaseRow {
  orgId: string;
  referrals: number;
  cases: number;
}

/** Unmet needs recorded in the period, counted by service type, country and reason. */
export interface UnmetNeedCountRow {
  orgId: string;
  serviceType: string;
  country: string | null;
  reason: UnmetReason;
  count: number;
}

/** The directory today: active services of one type in one country. */
export interface CoverageRow {
  serviceType: string;
  country: string;
  active: number;
  /** capacity_available > 0 */
  withPlaces: number;
  /** capacity_available = 0 */
  full: number;
  /** capacity_available NULL: not limited by places (legal aid, say), or not kept up to date */
  unlimited: number;
}

export interface MetricsInput {
  counts: readonly ReferralCountRow[];
  /** Null when referrals per case are not shown (the receiving side never sees cases). */
  perCase: readonly PerCaseRow[] | null;
  /** Null when unmet needs are not shown (the receiving side). */
  unmet: readonly UnmetNeedCountRow[] | null;
  coverage: readonly CoverageRow[];
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

export interface RateCell {
  accepted: number;
  declined: number;
  expired: number;
  /** accepted + declined + expired: the denominator. */
  n: number;
  rate: number | null;
  /** Wilson score 95 % interval. */
  ci: { low: number; high: number } | null;
  small: boolean;
}

export interface ServiceTypeRate extends RateCell {
  serviceType: string;
}
export interface ProviderRate extends RateCell {
  providerId: string;
  providerName: string;
}
export interface ProviderServiceTypeRate extends ProviderRate {
  serviceType: string;
}

export interface Share {
  count: number;
  n: number;
  share: number | null;
  ci: { low: number; high: number } | null;
  small: boolean;
}

export interface CodeCount {
  code: string;
  count: number;
  share: number;
  small: boolean;
}

export interface PerCaseStats {
  cases: number;
  referrals: number;
  mean: number | null;
  median: number | null;
  /** Cases by number of referrals: "1", "2", "3", "4", "5+". */
  distribution: { referrals: string; cases: number }[];
}

export interface UnmetNeedStats {
  total: number;
  byServiceType: { serviceType: string; count: number; small: boolean }[];
  byCountry: { country: string | null; count: number; small: boolean }[];
  byReason: { reason: UnmetReason; count: number; small: boolean }[];
  byServiceTypeCountry: {
    serviceType: string;
    country: string | null;
    count: number;
    small: boolean;
  }[];
}

export interface CoverageStats {
  /** Every service type, also those with no active service anywhere (a gap). */
  byServiceType: {
    serviceType: string;
    active: number;
    withPlaces: number;
    full: number;
    unlimited: number;
    countries: number;
  }[];
  byServiceTypeCountry: CoverageRow[];
}

export interface PathwayMetrics {
  total: number;
  statusCounts: Record<SentStatus, number>;
  referralsPerCase: PerCaseStats | null;
  timeToAcceptance: DurationStats;
  timeToCompletion: DurationStats;
  timesByServiceType: {
    serviceType: string;
    toAcceptance: DurationStats;
    toCompletion: DurationStats;
  }[];
  acceptance: {
    overall: RateCell;
    byServiceType: ServiceTypeRate[];
    byProvider: ProviderRate[];
    byProviderServiceType: ProviderServiceTypeRate[];
  };
  /** Expired among resolved referrals (the acceptance rate's denominator). */
  expired: Share;
  declineReasons: CodeCount[];
  completionOutcomes: CodeCount[];
  unmetNeeds: UnmetNeedStats | null;
  coverage: CoverageStats;
}

// ---------------------------------------------------------------------------------------------
// Computation
// ---------------------------------------------------------------------------------------------

const ACCEPTED_STATUSES: ReadonlySet<SentStatus> = new Set([
  'accepted',
  'in_progress',
  'completed',
]);

/** Accepted at some point, whatever happened after. */
export const wasAccepted = (status: SentStatus, acceptedBefore: boolean): boolean =>
  ACCEPTED_STATUSES.has(status) || (status === 'withdrawn' && acceptedBefore);

/** The answer that counts for the acceptance rate, or null for a referral not resolved. */
function resolution(
  status: SentStatus,
  acceptedBefore: boolean,
): 'accepted' | 'declined' | 'expired' | null {
  if (wasAccepted(status, acceptedBefore)) return 'accepted';
  if (status === 'declined' || status === 'expired') return status;
  return null;
}

const CODE = /^[a-z][a-z0-9_]{0,63}$/;
/**
 * A decline reason or outcome as a breakdown key: a code as stored, `unspecified` when none.
 * Anything that is not a code (free text typed by someone) becomes `other`: text about a
 * person must never reach an aggregate read by analysts.
 */
export const codeOf = (value: string | null): string =>
  value === null || value === '' ? 'unspecified' : CODE.test(value) ? value : 'other';

function rateCell(accepted: number, declined: number, expired: number): RateCell {
  const n = accepted + declined + expired;
  const ci = wilsonInterval(accepted, n);
  return {
    accepted,
    declined,
    expired,
    n,
    rate: n === 0 ? null : ratio(accepted / n),
    ci: ci && { low: ratio(ci.low), high: ratio(ci.high) },
    small: isSmall(n),
  };
}

interface Tally {
  accepted: number;
  declined: number;
  expired: number;
}
const tally = (): Tally => ({ accepted: 0, declined: 0, expired: 0 });

/** Groups into a Map, keeping insertion order; `make` builds an empty group. */
function bump<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** Orders service types as the code list does (the order a coordinator reads them in). */
const serviceTypeOrder = (t: string): number => {
  const i = (SERVICE_TYPES as readonly string[]).indexOf(t);
  return i === -1 ? SERVICE_TYPES.length : i;
};
const byServiceType = <T extends { serviceType: string }>(a: T, b: T) =>
  serviceTypeOrder(a.serviceType) - serviceTypeOrder(b.serviceType) ||
  byKey<T>((x) => x.serviceType)(a, b);

function codeCounts(map: Map<string, number>): CodeCount[] {
  const total = [...map.values()].reduce((s, v) => s + v, 0);
  return [...map.entries()]
    .map(([code, count]) => ({ code, count, share: ratio(count / total), small: isSmall(count) }))
    .sort((a, b) => b.count - a.count || byKey<CodeCount>((c) => c.code)(a, b));
}

const PER_CASE_BUCKETS = ['1', '2', '3', '4', '5+'] as const;

export function perCaseStats(rows: readonly PerCaseRow[]): PerCaseStats {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.referrals, (counts.get(r.referrals) ?? 0) + r.cases);
  const ordered = [...counts.entries()].filter(([k]) => k > 0).sort((a, b) => a[0] - b[0]);
  const cases = ordered.reduce((s, [, c]) => s + c, 0);
  const referrals = ordered.reduce((s, [k, c]) => s + k * c, 0);
  const buckets = new Map<string, number>(PER_CASE_BUCKETS.map((b) => [b, 0]));
  for (const [k, c] of ordered) {
    const b = k >= 5 ? '5+' : String(k);
    buckets.set(b, buckets.get(b)! + c);
  }
  // The median of the per-case counts, type 7, without expanding one value per case.
  const at = (i: number): number => {
    let seen = 0;
    for (const [k, c] of ordered) {
      seen += c;
      if (i < seen) return k;
    }
    return ordered[ordered.length - 1]![0];
  };
  let median: number | null = null;
  if (cases > 0) {
    const h = (cases - 1) * 0.5;
    const lo = Math.floor(h);
    median = round(at(lo) + (h - lo) * (at(Math.min(lo + 1, cases - 1)) - at(lo)), 2);
  }
  return {
    cases,
    referrals,
    mean: cases === 0 ? null : round(referrals / cases, 2),
    median,
    distribution: [...buckets.entries()].map(([referrals, n]) => ({ referrals, cases: n })),
  };
}

export function unmetNeedStats(rows: readonly UnmetNeedCountRow[]): UnmetNeedStats {
  const byType = new Map<string, number>();
  const byCountry = new Map<string | null, number>();
  const byReason = new Map<UnmetReason, number>(UNMET_REASONS.map((r) => [r, 0]));
  const cross = new Map<string, { serviceType: string; country: string | null; count: number }>();
  let total = 0;
  for (const r of rows) {
    total += r.count;
    byType.set(r.serviceType, (byType.get(r.serviceType) ?? 0) + r.count);
    byCountry.set(r.country, (byCountry.get(r.country) ?? 0) + r.count);
    byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + r.count);
    bump(cross, `${r.serviceType}\u0000${r.country ?? ''}`, () => ({
      serviceType: r.serviceType,
      country: r.country,
      count: 0,
    })).count += r.count;
  }
  const countryKey = (c: { country: string | null }) => c.country ?? '~';
  return {
    total,
    byServiceType: [...byType.entries()]
      .map(([serviceType, count]) => ({ serviceType, count, small: isSmall(count) }))
      .sort(byServiceType),
    byCountry: [...byCountry.entries()]
      .map(([country, count]) => ({ country, count, small: isSmall(count) }))
      .sort(byKey(countryKey)),
    byReason: [...byReason.entries()].map(([reason, count]) => ({
      reason,
      count,
      small: isSmall(count),
    })),
    byServiceTypeCountry: [...cross.values()]
      .map((c) => ({ ...c, small: isSmall(c.count) }))
      .sort((a, b) => byServiceType(a, b) || byKey(countryKey)(a, b)),
  };
}

export function coverageStats(rows: readonly CoverageRow[]): CoverageStats {
  const types = new Map(
    [...SERVICE_TYPES].map((t) => [
      t as string,
      { serviceType: t, active: 0, withPlaces: 0, full: 0, unlimited: 0, countries: 0 },
    ]),
  );
  for (const r of rows) {
    const t = bump(types, r.serviceType, () => ({
      serviceType: r.serviceType,
      active: 0,
      withPlaces: 0,
      full: 0,
      unlimited: 0,
      countries: 0,
    }));
    t.active += r.active;
    t.withPlaces += r.withPlaces;
    t.full += r.full;
    t.unlimited += r.unlimited;
    if (r.active > 0) t.countries += 1;
  }
  return {
    byServiceType: [...types.values()].sort(byServiceType),
    byServiceTypeCountry: [...rows]
      .filter((r) => r.active > 0)
      .sort((a, b) => byServiceType(a, b) || byKey<CoverageRow>((c) => c.country)(a, b)),
  };
}

/** Computes every pathway metric from the rows of one scope and period. */
export function computeMetrics(input: MetricsInput): PathwayMetrics {
  const statusCounts = Object.fromEntries(SENT_STATUSES.map((s) => [s, 0])) as Record<
    SentStatus,
    number
  >;
  const overall = tally();
  const types = new Map<string, Tally>();
  const providers = new Map<string, Tally & { providerName: string }>();
  const cells = new Map<
    string,
    Tally & { providerId: string; providerName: string; serviceType: string }
  >();
  const declines = new Map<string, number>();
  const outcomes = new Map<string, number>();
  let total = 0;

  for (const r of input.counts) {
    total += r.count;
    statusCounts[r.status] += r.count;
    if (r.status === 'declined') {
      const code = codeOf(r.declineReason);
      declines.set(code, (declines.get(code) ?? 0) + r.count);
    }
    if (r.status === 'completed') {
      const code = codeOf(r.outcome);
      outcomes.set(code, (outcomes.get(code) ?? 0) + r.count);
    }
    const res = resolution(r.status, r.acceptedBefore);
    if (!res) continue;
    overall[res] += r.count;
    bump(types, r.serviceType, tally)[res] += r.count;
    bump(providers, r.providerId, () => ({ ...tally(), providerName: r.providerName }))[res] +=
      r.count;
    bump(cells, `${r.providerId}\u0000${r.serviceType}`, () => ({
      ...tally(),
      providerId: r.providerId,
      providerName: r.providerName,
      serviceType: r.serviceType,
    }))[res] += r.count;
  }

  const toAccept: number[] = [];
  const toComplete: number[] = [];
  const typeTimes = new Map<string, { accept: number[]; complete: number[] }>();
  const add = (into: number[], values: readonly number[]) => {
    for (const v of values) into.push(v);
  };
  for (const r of input.counts) {
    const t = bump(typeTimes, r.serviceType, () => ({ accept: [], complete: [] }));
    if (wasAccepted(r.status, r.acceptedBefore)) {
      add(toAccept, r.answerHours);
      add(t.accept, r.answerHours);
    }
    if (r.status === 'completed') {
      add(toComplete, r.closeHours);
      add(t.complete, r.closeHours);
    }
  }

  const cell = (t: Tally) => rateCell(t.accepted, t.declined, t.expired);
  const expired = wilsonInterval(
    overall.expired,
    overall.accepted + overall.declined + overall.expired,
  );
  const resolved = overall.accepted + overall.declined + overall.expired;

  return {
    total,
    statusCounts,
    referralsPerCase: input.perCase ? perCaseStats(input.perCase) : null,
    timeToAcceptance: durationStats(toAccept),
    timeToCompletion: durationStats(toComplete),
    timesByServiceType: [...typeTimes.entries()]
      .map(([serviceType, t]) => ({
        serviceType,
        toAcceptance: durationStats(t.accept),
        toCompletion: durationStats(t.complete),
      }))
      .sort(byServiceType),
    acceptance: {
      overall: cell(overall),
      byServiceType: [...types.entries()]
        .map(([serviceType, t]) => ({ serviceType, ...cell(t) }))
        .sort(byServiceType),
      byProvider: [...providers.entries()]
        .map(([providerId, t]) => ({ providerId, providerName: t.providerName, ...cell(t) }))
        .sort(
          (a, b) =>
            byKey<ProviderRate>((p) => p.providerName)(a, b) ||
            byKey<ProviderRate>((p) => p.providerId)(a, b),
        ),
      byProviderServiceType: [...cells.values()]
        .map((t) => ({
          providerId: t.providerId,
          providerName: t.providerName,
          serviceType: t.serviceType,
          ...cell(t),
        }))
        .sort(
          (a, b) =>
            byKey<ProviderServiceTypeRate>((p) => p.providerName)(a, b) ||
            byKey<ProviderServiceTypeRate>((p) => p.providerId)(a, b) ||
            byServiceType(a, b),
        ),
    },
    expired: {
      count: overall.expired,
      n: resolved,
      share: resolved === 0 ? null : ratio(overall.expired / resolved),
      ci: expired && { low: ratio(expired.low), high: ratio(expired.high) },
      small: isSmall(overall.expired),
    },
    declineReasons: codeCounts(declines),
    completionOutcomes: codeCounts(outcomes),
    unmetNeeds: input.unmet ? unmetNeedStats(input.unmet) : null,
    coverage: coverageStats(input.coverage),
  };
}

/** Keeps the rows of one sending organisation (the instance view's per-organisation part). */
export function inputForOrganisation(input: MetricsInput, orgId: string): MetricsInput {
  return {
    counts: input.counts.filter((r) => r.orgId === orgId),
    perCase: input.perCase && input.perCase.filter((r) => r.orgId === orgId),
    unmet: input.unmet && input.unmet.filter((r) => r.orgId === orgId),
    coverage: input.coverage,
  };
}

// ---------------------------------------------------------------------------------------------
// Period
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The period of a report, as dates (UTC, both ends included). Default: the 12 months ending
 * today — `to` today, `from` the day after the same date a year earlier (2026-06-01 →
 * 2025-06-02 … 2026-06-01); a `from` alone runs to today; a `to` alone starts 12 months before.
 */
export function resolvePeriod(
  today: Date,
  from?: string,
  to?: string,
): { from: string; to: string; start: Date; endExclusive: Date } {
  const end = to ?? isoDay(today);
  let start = from;
  if (!start) {
    const e = new Date(`${end}T00:00:00Z`);
    const y = e.getUTCFullYear() - 1;
    const m = e.getUTCMonth();
    // The same day a year earlier (29 February → 28 February), then one day on.
    const day = Math.min(e.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
    start = isoDay(new Date(Date.UTC(y, m, day) + DAY_MS));
  }
  return {
    from: start,
    to: end,
    start: new Date(`${start}T00:00:00Z`),
    endExclusive: new Date(new Date(`${end}T00:00:00Z`).getTime() + DAY_MS),
  };
}

// ---------------------------------------------------------------------------------------------
// The report and its CSV form
// ---------------------------------------------------------------------------------------------

export type MetricsSide = 'sent' | 'received';

/** One sending organisation's figures in the instance view (CLI without --org). */
export interface OrganisationSummary {
  organisationId: string;
  organisationName: string;
  total: number;
  statusCounts: Record<SentStatus, number>;
  acceptance: RateCell;
  expired: Share;
  timeToAcceptance: DurationStats;
  timeToCompletion: DurationStats;
  referralsPerCaseMean: number | null;
  unmetNeeds: number;
}

export interface MetricsReport extends PathwayMetrics {
  scope: {
    side: MetricsSide;
    /** Null: the whole instance, as the national coordinator sees it (CLI only). */
    organisationId: string | null;
  };
  period: { from: string; to: string };
  generatedAt: string;
  smallCellThreshold: number;
  /** The instance view only: one summary per sending organisation. */
  byOrganisation?: OrganisationSummary[];
}

export function organisationSummary(
  organisationId: string,
  organisationName: string,
  m: PathwayMetrics,
): OrganisationSummary {
  return {
    organisationId,
    organisationName,
    total: m.total,
    statusCounts: m.statusCounts,
    acceptance: m.acceptance.overall,
    expired: m.expired,
    timeToAcceptance: m.timeToAcceptance,
    timeToCompletion: m.timeToCompletion,
    referralsPerCaseMean: m.referralsPerCase?.mean ?? null,
    unmetNeeds: m.unmetNeeds?.total ?? 0,
  };
}

/** Columns of the CSV export: one figure per row (long format). */
export const METRICS_CSV_COLUMNS = [
  'metric',
  'dimension',
  'key',
  'label',
  'value',
  'small',
] as const;

type CsvValue = number | string | null;

/**
 * The report as rows of the long CSV format: `metric` names the figure (e.g.
 * `acceptance.rate`), `dimension` what it is broken down by (`all`, `status`, `service_type`,
 * `provider`, `provider_service_type`, `reason`, `outcome`, `country`, `organisation`, …), `key`
 * the code or id within that dimension (`<provider id>/<service type>` for the cross),
 * `label` a name for ids (providers, organisations), `value` the number (empty when there is
 * none, e.g. a rate of nothing), `small` whether the cell is below the small-cell threshold.
 * The first rows carry the scope and period as text. Header row first.
 */
export function metricsCsvRows(r: MetricsReport): string[][] {
  const rows: string[][] = [[...METRICS_CSV_COLUMNS]];
  const put = (
    metric: string,
    dimension: string,
    key: string,
    value: CsvValue,
    small = false,
    label = '',
  ) =>
    // Provider and organisation names are typed by people: never a formula in a spreadsheet.
    rows.push([
      metric,
      dimension,
      key,
      escapeFormula(label),
      value === null ? '' : String(value),
      String(small),
    ]);

  const stats = (prefix: string, dimension: string, key: string, s: DurationStats) => {
    put(`${prefix}.n`, dimension, key, s.n, s.small);
    put(`${prefix}.median`, dimension, key, s.medianHours, s.small);
    put(`${prefix}.p90`, dimension, key, s.p90Hours, s.small);
    put(`${prefix}.mean`, dimension, key, s.meanHours, s.small);
  };
  const rate = (dimension: string, key: string, c: RateCell, label = '') => {
    put('acceptance.accepted', dimension, key, c.accepted, c.small, label);
    put('acceptance.declined', dimension, key, c.declined, c.small, label);
    put('acceptance.expired', dimension, key, c.expired, c.small, label);
    put('acceptance.n', dimension, key, c.n, c.small, label);
    put('acceptance.rate', dimension, key, c.rate, c.small, label);
    put('acceptance.ci_low', dimension, key, c.ci?.low ?? null, c.small, label);
    put('acceptance.ci_high', dimension, key, c.ci?.high ?? null, c.small, label);
  };

  put('scope.side', 'all', '', r.scope.side);
  put('scope.organisation', 'all', '', r.scope.organisationId ?? 'instance');
  put('period.from', 'all', '', r.period.from);
  put('period.to', 'all', '', r.period.to);
  put('small_cell_threshold', 'all', '', r.smallCellThreshold);
  put('referrals', 'all', '', r.total);
  for (const s of SENT_STATUSES) put('status.count', 'status', s, r.statusCounts[s]);

  if (r.referralsPerCase) {
    const p = r.referralsPerCase;
    put('referrals_per_case.cases', 'all', '', p.cases);
    put('referrals_per_case.referrals', 'all', '', p.referrals);
    put('referrals_per_case.mean', 'all', '', p.mean);
    put('referrals_per_case.median', 'all', '', p.median);
    for (const d of p.distribution) {
      put('referrals_per_case.cases', 'referrals', d.referrals, d.cases, isSmall(d.cases));
    }
  }

  stats('time_to_acceptance_hours', 'all', '', r.timeToAcceptance);
  stats('time_to_completion_hours', 'all', '', r.timeToCompletion);
  for (const t of r.timesByServiceType) {
    stats('time_to_acceptance_hours', 'service_type', t.serviceType, t.toAcceptance);
    stats('time_to_completion_hours', 'service_type', t.serviceType, t.toCompletion);
  }

  rate('all', '', r.acceptance.overall);
  for (const c of r.acceptance.byServiceType) rate('service_type', c.serviceType, c);
  for (const c of r.acceptance.byProvider) rate('provider', c.providerId, c, c.providerName);
  for (const c of r.acceptance.byProviderServiceType) {
    rate('provider_service_type', `${c.providerId}/${c.serviceType}`, c, c.providerName);
  }

  put('expired.count', 'all', '', r.expired.count, r.expired.small);
  put('expired.n', 'all', '', r.expired.n, r.expired.small);
  put('expired.share', 'all', '', r.expired.share, r.expired.small);
  put('expired.ci_low', 'all', '', r.expired.ci?.low ?? null, r.expired.small);
  put('expired.ci_high', 'all', '', r.expired.ci?.high ?? null, r.expired.small);

  for (const d of r.declineReasons) {
    put('decline_reason.count', 'reason', d.code, d.count, d.small);
    put('decline_reason.share', 'reason', d.code, d.share, d.small);
  }
  for (const d of r.completionOutcomes) {
    put('completion_outcome.count', 'outcome', d.code, d.count, d.small);
    put('completion_outcome.share', 'outcome', d.code, d.share, d.small);
  }

  if (r.unmetNeeds) {
    const u = r.unmetNeeds;
    put('unmet_needs.count', 'all', '', u.total, isSmall(u.total));
    for (const c of u.byServiceType)
      put('unmet_needs.count', 'service_type', c.serviceType, c.count, c.small);
    for (const c of u.byCountry)
      put('unmet_needs.count', 'country', c.country ?? '', c.count, c.small);
    for (const c of u.byReason) put('unmet_needs.count', 'reason', c.reason, c.count, c.small);
    for (const c of u.byServiceTypeCountry) {
      put(
        'unmet_needs.count',
        'service_type_country',
        `${c.serviceType}/${c.country ?? ''}`,
        c.count,
        c.small,
      );
    }
  }

  for (const c of r.coverage.byServiceType) {
    put('coverage.active', 'service_type', c.serviceType, c.active);
    put('coverage.with_places', 'service_type', c.serviceType, c.withPlaces);
    put('coverage.full', 'service_type', c.serviceType, c.full);
    put('coverage.unlimited', 'service_type', c.serviceType, c.unlimited);
    put('coverage.countries', 'service_type', c.serviceType, c.countries);
  }
  for (const c of r.coverage.byServiceTypeCountry) {
    const key = `${c.serviceType}/${c.country}`;
    put('coverage.active', 'service_type_country', key, c.active);
    put('coverage.with_places', 'service_type_country', key, c.withPlaces);
    put('coverage.full', 'service_type_country', key, c.full);
    put('coverage.unlimited', 'service_type_country', key, c.unlimited);
  }

  for (const o of r.byOrganisation ?? []) {
    const k = o.organisationId;
    const n = o.organisationName;
    put('referrals', 'organisation', k, o.total, false, n);
    for (const s of SENT_STATUSES)
      put(`status.count.${s}`, 'organisation', k, o.statusCounts[s], false, n);
    put('acceptance.n', 'organisation', k, o.acceptance.n, o.acceptance.small, n);
    put('acceptance.rate', 'organisation', k, o.acceptance.rate, o.acceptance.small, n);
    put(
      'acceptance.ci_low',
      'organisation',
      k,
      o.acceptance.ci?.low ?? null,
      o.acceptance.small,
      n,
    );
    put(
      'acceptance.ci_high',
      'organisation',
      k,
      o.acceptance.ci?.high ?? null,
      o.acceptance.small,
      n,
    );
    put('expired.share', 'organisation', k, o.expired.share, o.expired.small, n);
    put(
      'time_to_acceptance_hours.median',
      'organisation',
      k,
      o.timeToAcceptance.medianHours,
      o.timeToAcceptance.small,
      n,
    );
    put(
      'time_to_completion_hours.median',
      'organisation',
      k,
      o.timeToCompletion.medianHours,
      o.timeToCompletion.small,
      n,
    );
    put('referrals_per_case.mean', 'organisation', k, o.referralsPerCaseMean, false, n);
    put('unmet_needs.count', 'organisation', k, o.unmetNeeds, isSmall(o.unmetNeeds), n);
  }
  return rows;
}
