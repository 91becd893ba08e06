import { appendAudit } from '../../server/audit/audit.repo.ts';
import type { Tx } from '../../server/db/database.ts';
import { SYSTEM, orgScope } from '../../server/db/database.ts';
import { findOrganisation } from '../../server/organisations/organisations.repo.ts';
import {
  computeReferralMetrics,
  metricsAuditEvent,
  metricsCsv,
} from '../../server/referrals/metrics.service.ts';
import { systemClock } from '../../server/shared/clock.ts';
import { Uuid } from '../../shared/api/common.schema.ts';
import { ReferralMetricsQuery } from '../../shared/api/referral-metrics.schema.ts';
import type { MetricsReport } from '../../shared/referrals/metrics.ts';
import type { CliIo, Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { COMMON_OPTIONS, parse, withRuntime } from '../runtime-args.ts';

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 1000) / 10} %`);
const hrs = (v: number | null) => (v === null ? '–' : `${v} h`);

function printSummary(io: CliIo, r: MetricsReport): void {
  const who = r.scope.organisationId
    ? `organisation ${r.scope.organisationId} (${r.scope.side})`
    : 'the whole instance';
  const a = r.acceptance.overall;
  const ci = a.ci ? ` (95 % CI ${pct(a.ci.low)}–${pct(a.ci.high)})` : '';
  io.out(
    [
      `Referral pathway metrics for ${who}, sent ${r.period.from} to ${r.period.to}:`,
      `  referrals sent: ${r.total}`,
      `  acceptance rate: ${pct(a.rate)} of ${a.n}${ci}`,
      `  time to acceptance: median ${hrs(r.timeToAcceptance.medianHours)}, 90th percentile ${hrs(r.timeToAcceptance.p90Hours)} (n = ${r.timeToAcceptance.n})`,
      `  time to completion: median ${hrs(r.timeToCompletion.medianHours)}, 90th percentile ${hrs(r.timeToCompletion.p90Hours)} (n = ${r.timeToCompletion.n})`,
      `  expired: ${r.expired.count} (${pct(r.expired.share)} of answered or expired)`,
      ...(r.unmetNeeds ? [`  unmet needs recorded: ${r.unmetNeeds.total}`] : []),
      ...(r.byOrganisation ?? []).map(
        (o) =>
          `  ${o.organisationName}: ${o.total} sent, acceptance ${pct(o.acceptance.rate)} of ${o.acceptance.n}`,
      ),
      'Use --json for every figure, --csv for a spreadsheet.',
    ].join('\n'),
  );
}

export const referralsReportCommand: Command = {
  path: ['referrals', 'report'],
  summary: 'Pathway metrics of referrals (no personal data); the whole instance without --org',
  usage:
    'referrals report [--org ORG_ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--side sent|received] [--csv] [--data DIR] [--json]',
  async run(args, io) {
    const { values } = parse(args, {
      ...COMMON_OPTIONS,
      org: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      side: { type: 'string' },
      csv: { type: 'boolean', default: false },
    });
    let orgId: string | null = null;
    if (values.org !== undefined) {
      const org = Uuid.safeParse(values.org);
      if (!org.success) throw new UsageError('--org must be an organisation id (UUID)');
      orgId = org.data;
    } else if (values.side !== undefined) {
      throw new UsageError('--side needs --org: the whole instance has no side');
    }
    if (values.csv && values.json) throw new UsageError('--csv and --json: choose one');
    const query = ReferralMetricsQuery.safeParse({
      from: values.from,
      to: values.to,
      side: values.side,
    });
    if (!query.success) {
      const issue = query.error.issues[0]!;
      throw new UsageError(`--${issue.path.join('.')} ${issue.message}`);
    }
    const q = query.data;
    const now = systemClock.now();
    const event = metricsAuditEvent(q.side, values.csv ? 'csv' : 'json');
    // Audited with no actor, as the operator of the installation (the system chain for the
    // whole instance).
    const audit = (tx: Tx) =>
      appendAudit(tx, {
        orgId,
        actorId: null,
        action: event.action,
        recordType: null,
        recordId: null,
        fields: event.fields ?? [],
        sourceIp: null,
        at: now,
      });
    const period = { from: q.from, to: q.to, now };
    const report = await withRuntime(values.data, async (rt) => {
      if (orgId === null) {
        // The national coordinator's view: every organisation, as the owner of the database.
        return rt.db.transaction(SYSTEM, async (tx) => {
          const r = await computeReferralMetrics(tx, { orgId: null, side: 'sent', ...period });
          await audit(tx);
          return r;
        });
      }
      const exists = await rt.db.transaction(SYSTEM, (tx) => findOrganisation(tx, orgId));
      if (!exists) throw new Error('no organisation with that id');
      // Under the organisation's row-level security, exactly as its coordinator sees it.
      return rt.db.transaction(orgScope(orgId, null), async (tx) => {
        const r = await computeReferralMetrics(tx, { orgId, side: q.side, ...period });
        await audit(tx);
        return r;
      });
    });
    if (values.json) io.out(JSON.stringify(report));
    else if (values.csv) io.out(metricsCsv(report));
    else printSummary(io, report);
    return 0;
  },
};
