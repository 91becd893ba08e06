import type { InsightFilters } from '../../shared/api/insights.schema.ts';
import type { Tx } from '../db/database.ts';

// All SQL of the Understand analytics (docs/insights.md): trend alerts, hot spots and SDG 16.2.2
// read the trigger-maintained `case_counts` (migration 0018); routes read `cases` and their
// transit events. Coded fields only, never a sealed column. Row-level security keeps every
// query inside the organisation; the explicit org_id also lets the planner use the keys.

/** Where a count is placed: the country of exploitation or the citizenship. */
export type Geography = 'countryOfExploitation' | 'citizenship';

const GEOGRAPHY_COLUMN: Record<Geography, string> = {
  countryOfExploitation: 'country_of_exploitation',
  citizenship: 'citizenship',
};

/** A month as `YYYY-MM` → its first day, in SQL. */
const monthStart = (param: string) => `(${param}::text || '-01')::date`;

/** Cases in one month under one key (a country or an exploitation type). */
export interface MonthCount {
  month: string;
  key: string;
  n: number;
}

/** The first and last month (YYYY-MM) with a case of the organisation, or null when none. */
export async function caseMonthSpan(
  tx: Tx,
  orgId: string,
): Promise<{ first: string; last: string } | null> {
  const [row] = await tx.query<{ first: string | null; last: string | null }>(
    `SELECT to_char(min(month), 'YYYY-MM') AS first, to_char(max(month), 'YYYY-MM') AS last
       FROM case_counts WHERE org_id = $1 AND n > 0`,
    [orgId],
  );
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/**
 * Monthly counts from `from` to `to` (YYYY-MM, both included) by country of exploitation (the
 * unknown '' left out) or by exploitation type (a case in each of its types).
 */
export function monthlyCounts(
  tx: Tx,
  orgId: string,
  by: 'country' | 'exploitation',
  from: string,
  to: string,
): Promise<MonthCount[]> {
  const key = by === 'country' ? 'country_of_exploitation' : 'unnest(exploitation)';
  const known = by === 'country' ? "AND country_of_exploitation <> ''" : '';
  return tx.query<MonthCount>(
    `SELECT to_char(month, 'YYYY-MM') AS month, ${key} AS key, sum(n)::int AS n
       FROM case_counts
      WHERE org_id = $1 AND n > 0 AND month BETWEEN ${monthStart('$2')} AND ${monthStart('$3')}
        ${known}
      GROUP BY 1, 2`,
    [orgId, from, to],
  );
}

/** The first and last month with a case placed in a known country of the geography. */
export async function geographyMonthSpan(
  tx: Tx,
  orgId: string,
  geography: Geography,
): Promise<{ first: string; last: string } | null> {
  const [row] = await tx.query<{ first: string | null; last: string | null }>(
    `SELECT to_char(min(month), 'YYYY-MM') AS first, to_char(max(month), 'YYYY-MM') AS last
       FROM case_counts
      WHERE org_id = $1 AND n > 0 AND ${GEOGRAPHY_COLUMN[geography]} <> ''`,
    [orgId],
  );
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/** Country × month counts from `from` to `to` (both included), unknown countries left out. */
export function countryMonthCounts(
  tx: Tx,
  orgId: string,
  geography: Geography,
  from: string,
  to: string,
): Promise<MonthCount[]> {
  const column = GEOGRAPHY_COLUMN[geography];
  return tx.query<MonthCount>(
    `SELECT to_char(month, 'YYYY-MM') AS month, ${column}::text AS key, sum(n)::int AS n
       FROM case_counts
      WHERE org_id = $1 AND n > 0 AND ${column} <> ''
        AND month BETWEEN ${monthStart('$2')} AND ${monthStart('$3')}
      GROUP BY 1, 2`,
    [orgId, from, to],
  );
}

/** Cases in one combination of coded fields (SDG 16.2.2). */
export interface VictimCount {
  country: string;
  gender: string;
  ageBand: string;
  exploitation: string[];
  n: number;
}

/** The latest year (YYYY) with a case of one of `statuses`, or null. */
export async function latestYear(
  tx: Tx,
  orgId: string,
  statuses: readonly string[],
): Promise<string | null> {
  const [row] = await tx.query<{ year: string | null }>(
    `SELECT to_char(max(month), 'YYYY') AS year FROM case_counts
      WHERE org_id = $1 AND n > 0 AND trafficking_status = ANY($2::text[])`,
    [orgId, statuses],
  );
  return row?.year ?? null;
}

/**
 * Cases of one of `statuses` registered in `year`, by country (known only), gender, age band
 * and set of exploitation types. Which statuses are detected victims is the service's rule
 * (analytics-shape.ts VICTIM_STATUSES), passed in so that it lives in one place.
 */
export function victimCounts(
  tx: Tx,
  orgId: string,
  year: string,
  geography: Geography,
  statuses: readonly string[],
): Promise<VictimCount[]> {
  const column = GEOGRAPHY_COLUMN[geography];
  return tx.query<VictimCount>(
    `SELECT ${column}::text AS country, gender, age_band AS "ageBand", exploitation,
            sum(n)::int AS n
       FROM case_counts
      WHERE org_id = $1 AND n > 0 AND ${column} <> '' AND trafficking_status = ANY($3::text[])
        AND month >= make_date($2::int, 1, 1) AND month < make_date($2::int + 1, 1, 1)
      GROUP BY 1, 2, 3, 4`,
    [orgId, year, statuses],
  );
}

/** Cases sharing one route: citizenship, transit countries in order, country of exploitation. */
export interface RouteCount {
  origin: string;
  transit: string[];
  destination: string | null;
  n: number;
}

/**
 * The organisation's unmerged cases matching `f`, grouped by route. Transit countries are the
 * case's events of hte_Type Transit with a country, ordered by date (undated last), then by
 * when they were recorded. Only coded columns are read: an event's place is sealed.
 */
export function routeCounts(tx: Tx, orgId: string, f: InsightFilters): Promise<RouteCount[]> {
  return tx.query<RouteCount>(
    `SELECT c.citizenship::text AS origin, coalesce(t.path, '{}') AS transit,
            c.country_of_exploitation::text AS destination, count(*)::int AS n
       FROM cases c
       LEFT JOIN LATERAL (
         SELECT array_agg(e.country::text ORDER BY e.date NULLS LAST, e.created_at, e.id) AS path
           FROM trafficking_events e
          WHERE e.case_id = c.id AND e.org_id = c.org_id AND e.type = 'Transit'
            AND e.country IS NOT NULL
       ) t ON true
      WHERE c.org_id = $1 AND c.merged_into IS NULL
        AND ($2::text IS NULL OR c.registration_date >= ${monthStart('$2')})
        AND ($3::text IS NULL OR c.registration_date < ${monthStart('$3')} + interval '1 month')
        AND ($4::text[] IS NULL OR c.type_of_exploitation && $4::text[])
        AND ($5::text[] IS NULL OR c.gender = ANY($5::text[]))
        AND ($6::text[] IS NULL OR lantern_age_band(c.age_at_registration) = ANY($6::text[]))
        AND ($7::text[] IS NULL OR c.citizenship::text = ANY($7::text[]))
        AND ($8::text[] IS NULL OR c.country_of_exploitation::text = ANY($8::text[]))
        AND ($9::text[] IS NULL OR c.trafficking_status = ANY($9::text[]))
      GROUP BY 1, 2, 3`,
    [
      orgId,
      f.from ?? null,
      f.to ?? null,
      f.exploitation ?? null,
      f.gender ?? null,
      f.ageBand ?? null,
      f.citizenship ?? null,
      f.countryOfExploitation ?? null,
      f.traffickingStatus ?? null,
    ],
  );
}
