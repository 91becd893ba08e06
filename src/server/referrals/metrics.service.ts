import type {
  ReferralMetricsQuery,
  UnmetNeed,
  UnmetNeedBody,
} from '../../shared/api/referral-metrics.schema.ts';
import { writeCsv } from '../../shared/exchange/csv.ts';
import type { MetricsInput, MetricsReport, MetricsSide } from '../../shared/referrals/metrics.ts';
import {
  SMALL_CELL_THRESHOLD,
  computeMetrics,
  inputForOrganisation,
  metricsCsvRows,
  organisationSummary,
  resolvePeriod,
} from '../../shared/referrals/metrics.ts';
import type { Tx } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import type { AuditEvent, ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import type { MetricsScope, UnmetNeedRow } from './metrics.repo.ts';
import {
  caseVisible,
  coverage,
  findRecentGap,
  insertUnmetNeed,
  lockGap,
  organisationNames,
  referralCounts,
  referralsPerCase,
  unmetNeedCounts,
} from './metrics.repo.ts';

export interface MetricsOptions {
  /** Null: the whole instance (the CLI as the owner; includes a per-organisation breakdown). */
  orgId: string | null;
  side: MetricsSide;
  from?: string | undefined;
  to?: string | undefined;
  now: Date;
}

/**
 * The pathway metrics of one scope and period, from a transaction that can see them: an
 * organisation's (row-level security) or the owner's for the whole instance. Not audited here:
 * the callers audit (a request in the user's chain, the CLI with no actor).
 */
export async function computeReferralMetrics(tx: Tx, o: MetricsOptions): Promise<MetricsReport> {
  const period = resolvePeriod(o.now, o.from, o.to);
  const scope: MetricsScope = {
    orgId: o.orgId,
    side: o.side,
    start: period.start,
    endExclusive: period.endExclusive,
    now: o.now,
  };
  // The receiving side never sees cases (docs/referrals.md): no referrals per case there, and
  // unmet needs are the searching organisation's own.
  const senderView = o.side === 'sent';
  const input: MetricsInput = {
    counts: await referralCounts(tx, scope),
    perCase: senderView ? await referralsPerCase(tx, scope) : null,
    unmet: senderView ? await unmetNeedCounts(tx, scope) : null,
    coverage: await coverage(tx),
  };
  const report: MetricsReport = {
    scope: { side: o.side, organisationId: o.orgId },
    period: { from: period.from, to: period.to },
    generatedAt: o.now.toISOString(),
    smallCellThreshold: SMALL_CELL_THRESHOLD,
    ...computeMetrics(input),
  };
  if (o.orgId === null) {
    const names = await organisationNames(tx);
    const active = new Set([
      ...input.counts.map((r) => r.orgId),
      ...(input.unmet ?? []).map((r) => r.orgId),
    ]);
    report.byOrganisation = names
      .filter((n) => active.has(n.id))
      .map((n) =>
        organisationSummary(n.id, n.name, computeMetrics(inputForOrganisation(input, n.id))),
      );
  }
  return report;
}

/** What an audit entry of a metrics read records: which view, never a figure. */
export const metricsAuditEvent = (side: MetricsSide, format: 'json' | 'csv'): AuditEvent => ({
  action: 'referral.metrics.read',
  fields: [`side:${side}`, `format:${format}`],
});

/** The organisation's pathway metrics for the signed-in user (referral:metrics). */
export async function getReferralMetrics(
  ctx: ServiceContext,
  q: ReferralMetricsQuery,
  format: 'json' | 'csv' = 'json',
): Promise<MetricsReport> {
  const report = await computeReferralMetrics(ctx.tx, {
    orgId: ctx.actor.orgId,
    side: q.side,
    from: q.from,
    to: q.to,
    now: ctx.clock.now(),
  });
  await ctx.audit(metricsAuditEvent(q.side, format));
  return report;
}

/** The report as CSV text in the long format (metric, dimension, key, label, value, small). */
export const metricsCsv = (report: MetricsReport): string => writeCsv(metricsCsvRows(report));

export const metricsCsvFilename = (r: MetricsReport): string =>
  `referral-metrics-${r.scope.side}-${r.period.from}-${r.period.to}.csv`;

// ---------------------------------------------------------------------------------------------
// Unmet needs
// ---------------------------------------------------------------------------------------------

const GAP_WINDOW_MS = 24 * 3_600_000;
/** 0.1° ≈ 11 km: enough for a gap map, too coarse to find where someone stays. */
const coarse = (v: number | undefined): number | null =>
  v === undefined ? null : Math.round(v * 10) / 10;

const present = (r: UnmetNeedRow, duplicate: boolean): UnmetNeed => ({
  id: r.id,
  caseId: r.caseId,
  serviceType: r.serviceType as UnmetNeed['serviceType'],
  country: r.country,
  latitude: r.latitude,
  longitude: r.longitude,
  radiusKm: r.radiusKm,
  reason: r.reason,
  recordedAt: r.recordedAt.toISOString(),
  duplicate,
});

/**
 * Records a gap: a directory search that found no eligible service within the radius. The same
 * case and service type within 24 hours is one gap (answered with the first record and
 * `duplicate: true`); a search not tied to a case is de-duplicated per user, service type and
 * country instead, so that one person searching again and again is not many gaps.
 */
export async function recordUnmetNeed(
  ctx: ServiceContext,
  body: UnmetNeedBody,
): Promise<UnmetNeed> {
  const orgId = ctx.actor.orgId;
  const caseId = body.caseId ?? null;
  if (caseId !== null && !(await caseVisible(ctx.tx, caseId))) throw AppError.notFound('case');
  const country = body.country ?? null;
  const gap = {
    orgId,
    caseId,
    recordedBy: ctx.actor.userId,
    serviceType: body.serviceType,
    country,
  };
  await lockGap(
    ctx.tx,
    `unmet:${orgId}:${caseId ?? `user:${ctx.actor.userId}:${country ?? ''}`}:${body.serviceType}`,
  );
  const now = ctx.clock.now();
  const existing = await findRecentGap(ctx.tx, gap, new Date(now.getTime() - GAP_WINDOW_MS));
  if (existing) return present(existing, true);

  const row = {
    id: newId(),
    orgId,
    caseId,
    serviceType: body.serviceType,
    country,
    latitude: coarse(body.latitude),
    longitude: coarse(body.longitude),
    radiusKm: body.radiusKm,
    reason: body.reason,
    recordedBy: ctx.actor.userId,
    recordedAt: now,
  };
  await insertUnmetNeed(ctx.tx, row);
  await ctx.audit({
    action: 'unmet_need.recorded',
    recordType: 'unmet_need',
    recordId: row.id,
    fields: Object.entries(body)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k),
  });
  return present(row, false);
}
