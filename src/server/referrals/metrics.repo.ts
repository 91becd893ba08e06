import type {
  CoverageRow,
  MetricsSide,
  PerCaseRow,
  ReferralCountRow,
  UnmetNeedCountRow,
  UnmetReason,
} from '../../shared/referrals/metrics.ts';
import type { Tx } from '../db/database.ts';

// The SQL of the pathway metrics: it selects and pre-aggregates rows, the figures are computed
// in src/shared/referrals/metrics.ts. Row-level security narrows every query to the parties of
// a referral; the WHERE clauses pick the side.

/** Which referrals: one organisation's sent or received ones, or the whole instance. */
export interface MetricsScope {
  /** Null: every organisation (the CLI as the owner, outside row-level security). */
  orgId: string | null;
  side: MetricsSide;
  /** sent_at ≥ start and < endExclusive */
  start: Date;
  endExclusive: Date;
  /** A sent referral due by now counts as expired, as every answer shows it. */
  now: Date;
}

/**
 * The WHERE clause of a scope over `referrals r`, and its parameters: $1, $2 the period, then
 * now ($3) when the query shows the status (STATUS below), then the organisation.
 */
function where(s: MetricsScope, withNow: boolean): { sql: string; params: unknown[] } {
  const params: unknown[] = [s.start, s.endExclusive, ...(withNow ? [s.now] : [])];
  let sql = "r.sent_at >= $1 AND r.sent_at < $2 AND r.status <> 'draft'";
  if (s.orgId !== null) {
    params.push(s.orgId);
    const org = `$${params.length}`;
    sql += s.side === 'sent' ? ` AND r.org_id = ${org}` : ` AND r.to_org_id = ${org}`;
  }
  return { sql, params };
}

// The status every answer shows (lifecycle.effectiveStatus): a sent referral past its due time
// is expired even before the scheduled job has recorded it. $3 is now.
const STATUS = `(CASE WHEN r.status = 'sent' AND r.answer_due_at <= $3::timestamptz THEN 'expired'
  ELSE r.status END)`;

// Withdrawn after an acceptance: only accept and decline set answered_at, and a declined
// referral cannot be withdrawn (src/shared/referrals/lifecycle.ts).
const ACCEPTED_BEFORE = `(r.status = 'withdrawn' AND r.answered_at IS NOT NULL)`;

// Hours between two instants, as text that parses back to the same float8 (PostgreSQL 12+
// prints the shortest exact form), gathered per group: one row per group instead of one per
// referral is what keeps 100,000 referrals fast on PGlite (bench/referrals.ts).
const hoursSince = (col: string) =>
  `string_agg((date_part('epoch', r.${col} - r.sent_at) / 3600)::text, ',')
     FILTER (WHERE r.${col} IS NOT NULL)`;

interface CountQueryRow extends Omit<ReferralCountRow, 'answerHours' | 'closeHours'> {
  answerHours: string | null;
  closeHours: string | null;
}

const numbers = (list: string | null): number[] => (list ? list.split(',').map(Number) : []);

/**
 * The referrals of a scope grouped by organisation, service type, provider, status, decline
 * reason and outcome, with the durations of each group. Grouped on ids first, names joined
 * after, so that the grouping sorts or hashes narrow rows.
 */
export async function referralCounts(tx: Tx, s: MetricsScope): Promise<ReferralCountRow[]> {
  const w = where(s, true);
  // Room to group 100,000 referrals in memory rather than in temporary files (the default
  // 4 MB spills); for this transaction only.
  await tx.query("SET LOCAL work_mem = '32MB'");
  const rows = await tx.query<CountQueryRow>(
    `SELECT g."orgId", g."serviceType", g."providerId", p.name AS "providerName", g.status,
            g."acceptedBefore", g."declineReason", g.outcome, g.count, g."answerHours",
            g."closeHours"
       FROM (SELECT r.org_id AS "orgId", r.service_type AS "serviceType",
                    r.provider_id AS "providerId", ${STATUS} AS status,
                    ${ACCEPTED_BEFORE} AS "acceptedBefore", r.decline_reason AS "declineReason",
                    r.outcome, count(*)::int AS count,
                    ${hoursSince('answered_at')} AS "answerHours",
                    ${hoursSince('closed_at')} AS "closeHours"
               FROM referrals r
              WHERE ${w.sql}
              GROUP BY 1, 2, 3, 4, 5, 6, 7) g
       JOIN providers p ON p.id = g."providerId"`,
    w.params,
  );
  return rows.map((r) => ({
    ...r,
    answerHours: numbers(r.answerHours),
    closeHours: numbers(r.closeHours),
  }));
}

/** How many cases had 1, 2, 3… referrals sent in the period (the sending side only). */
export function referralsPerCase(tx: Tx, s: MetricsScope): Promise<PerCaseRow[]> {
  const w = where(s, false);
  return tx.query<PerCaseRow>(
    `SELECT "orgId", n AS referrals, count(*)::int AS cases
       FROM (SELECT r.org_id AS "orgId", r.case_id, count(*)::int AS n
               FROM referrals r
              WHERE ${w.sql} AND r.case_id IS NOT NULL
              GROUP BY r.org_id, r.case_id) per_case
      GROUP BY "orgId", n`,
    w.params,
  );
}

/** Unmet needs recorded in the period, counted by service type, country and reason. */
export function unmetNeedCounts(
  tx: Tx,
  s: Pick<MetricsScope, 'orgId' | 'start' | 'endExclusive'>,
): Promise<UnmetNeedCountRow[]> {
  const params: unknown[] = [s.start, s.endExclusive];
  if (s.orgId !== null) params.push(s.orgId);
  return tx.query<UnmetNeedCountRow>(
    `SELECT u.org_id AS "orgId", u.service_type AS "serviceType", u.country::text AS country,
            u.reason, count(*)::int AS count
       FROM unmet_needs u
      WHERE u.recorded_at >= $1 AND u.recorded_at < $2 ${s.orgId !== null ? 'AND u.org_id = $3' : ''}
      GROUP BY 1, 2, 3, 4`,
    params,
  );
}

/** The directory today: active services (of active providers) by type and country. */
export function coverage(tx: Tx): Promise<CoverageRow[]> {
  return tx.query<CoverageRow>(
    `SELECT s.service_type AS "serviceType", s.country::text AS country,
            count(*)::int AS active,
            count(*) FILTER (WHERE s.capacity_available > 0)::int AS "withPlaces",
            count(*) FILTER (WHERE s.capacity_available = 0)::int AS full,
            count(*) FILTER (WHERE s.capacity_available IS NULL)::int AS unlimited
       FROM services s JOIN providers p ON p.id = s.provider_id
      WHERE s.active AND p.active
      GROUP BY 1, 2`,
  );
}

/** Names of the organisations, for the instance view. */
export function organisationNames(tx: Tx): Promise<{ id: string; name: string }[]> {
  return tx.query<{ id: string; name: string }>('SELECT id, name FROM organisations ORDER BY name');
}

// ---------------------------------------------------------------------------------------------
// Unmet needs
// ---------------------------------------------------------------------------------------------

export interface UnmetNeedRow {
  id: string;
  caseId: string | null;
  serviceType: string;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  radiusKm: number;
  reason: UnmetReason;
  recordedAt: Date;
}

export interface NewUnmetNeed extends UnmetNeedRow {
  orgId: string;
  recordedBy: string;
}

const UNMET_COLUMNS = `id, case_id AS "caseId", service_type AS "serviceType",
  country::text AS country, latitude, longitude, radius_km AS "radiusKm", reason,
  recorded_at AS "recordedAt"`;

export async function caseVisible(tx: Tx, caseId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM cases WHERE id = $1', [caseId]);
  return rows.length > 0;
}

/**
 * Serialises the recording of one gap (same organisation, case or user, and service type) until
 * the transaction ends, so that two requests at once cannot both miss each other's record.
 */
export async function lockGap(tx: Tx, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

/**
 * The gap recorded since `since` for the same case and service type — or, for a search not tied
 * to a case, by the same user for the same service type and country.
 */
export async function findRecentGap(
  tx: Tx,
  g: {
    orgId: string;
    caseId: string | null;
    recordedBy: string;
    serviceType: string;
    country: string | null;
  },
  since: Date,
): Promise<UnmetNeedRow | undefined> {
  const [row] =
    g.caseId !== null
      ? await tx.query<UnmetNeedRow>(
          `SELECT ${UNMET_COLUMNS} FROM unmet_needs
            WHERE org_id = $1 AND case_id = $2 AND service_type = $3 AND recorded_at > $4
            ORDER BY recorded_at DESC LIMIT 1`,
          [g.orgId, g.caseId, g.serviceType, since],
        )
      : await tx.query<UnmetNeedRow>(
          `SELECT ${UNMET_COLUMNS} FROM unmet_needs
            WHERE org_id = $1 AND case_id IS NULL AND recorded_by = $2 AND service_type = $3
              AND country IS NOT DISTINCT FROM $4 AND recorded_at > $5
            ORDER BY recorded_at DESC LIMIT 1`,
          [g.orgId, g.recordedBy, g.serviceType, g.country, since],
        );
  return row;
}

export async function insertUnmetNeed(tx: Tx, u: NewUnmetNeed): Promise<void> {
  await tx.query(
    `INSERT INTO unmet_needs (id, org_id, case_id, service_type, country, latitude, longitude,
       radius_km, reason, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      u.id,
      u.orgId,
      u.caseId,
      u.serviceType,
      u.country,
      u.latitude,
      u.longitude,
      u.radiusKm,
      u.reason,
      u.recordedBy,
      u.recordedAt,
    ],
  );
}
