import type { InsightDimension, InsightFilters } from '../../shared/api/insights.schema.ts';
import type { Granularity } from '../../shared/insights/types.ts';
import type { Tx } from '../db/database.ts';

/**
 * The dashboard's reads (docs/insights.md). Only `case_counts` (migration 0018), never `cases`:
 * at 1,000,000 cases the counts table holds one row per organisation, month and combination of
 * the coded fields, so grouping it stays within the dashboard's time (bench/insights-dashboard.ts).
 */

/** The column each dimension groups by, and the key it gives ('unknown' where none is recorded). */
const DIMENSION: Record<InsightDimension, { column: string; key: string }> = {
  // A case with several types counts in each type's series; one with none in 'unknown'.
  exploitation: {
    column: 'exploitation',
    key: `unnest(CASE WHEN cardinality(k) = 0 THEN ARRAY['unknown'] ELSE k END)`,
  },
  gender: { column: 'gender', key: '(SELECT k)' },
  ageBand: { column: 'age_band', key: '(SELECT k)' },
  citizenship: { column: 'citizenship::text', key: '(SELECT k)' },
  countryOfExploitation: {
    column: `coalesce(nullif(country_of_exploitation, ''), 'unknown')`,
    key: '(SELECT k)',
  },
};

export interface CountsQuery {
  orgId: string;
  by: InsightDimension;
  granularity: Granularity;
  /** First day of the first month, and of the month after the last (ISO dates). */
  start: string;
  endExclusive: string;
  filters: Omit<InsightFilters, 'from' | 'to'>;
}

/** One cell: cases of a period under a key; `key` null for the period's total (each case once). */
export interface CountRow {
  period: string;
  key: string | null;
  n: number;
}

/** The WHERE clause of the filters and its parameters ($1 is the organisation). */
function where(q: CountsQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [q.orgId, q.start, q.endExclusive];
  const parts = ['org_id = $1', 'month >= $2::date', 'month < $3::date', 'n > 0'];
  const f = q.filters;
  const any = (column: string, values: readonly string[] | undefined, cast = 'text[]') => {
    if (!values?.length) return;
    params.push(values);
    parts.push(`${column} = ANY($${params.length}::${cast})`);
  };
  if (f.exploitation?.length) {
    // The set overlaps the chosen types: a case of any of them.
    params.push(f.exploitation);
    parts.push(`exploitation && $${params.length}::text[]`);
  }
  any('gender', f.gender);
  any('age_band', f.ageBand);
  any('citizenship', f.citizenship, 'bpchar[]');
  any('country_of_exploitation', f.countryOfExploitation);
  any('trafficking_status', f.traffickingStatus);
  return { sql: parts.join(' AND '), params };
}

/** The filters case_count_cube crosses every dimension with (migration 0018). */
const CUBE_FILTERS = new Set(['exploitation', 'gender', 'traffickingStatus']);

type Filter = readonly [dimension: string, values: readonly string[]];

/** The filters that hold values, as (API dimension, values). */
function activeFilters(f: CountsQuery['filters']): Filter[] {
  const all: [string, readonly string[] | undefined][] = [
    ['exploitation', f.exploitation],
    ['gender', f.gender],
    ['ageBand', f.ageBand],
    ['citizenship', f.citizenship],
    ['countryOfExploitation', f.countryOfExploitation],
    ['traffickingStatus', f.traffickingStatus],
  ];
  return all.filter((x): x is [string, readonly string[]] => (x[1]?.length ?? 0) > 0);
}

/**
 * The chart's rows from case_count_cube (migration 0018) when it holds them: no filter, or one
 * filter (its values are alternatives of one field, so their cells add up) — except several
 * exploitation types, whose cells would count a case of two chosen types twice.
 * The cube crosses the charted dimension with the broad filters only (CUBE_FILTERS); a narrow
 * one (a country, an age band) selects few enough count rows to read them through its index.
 * Null: the chart needs case_counts.
 */
function fromCube(q: CountsQuery, label: string): { sql: string; params: unknown[] } | null {
  const filters = activeFilters(q.filters);
  if (filters.length > 1) return null;
  const params: unknown[] = [q.orgId, q.start, q.endExclusive, q.by];
  const head = `org_id = $1 AND month >= $2::date AND month < $3::date AND n > 0`;
  let series: string;
  let totals: string;
  if (filters.length === 0) {
    series = `dim = $4 AND dim2 = '' AND value2 = ''`;
    totals = `dim = '' AND dim2 = '' AND value2 = ''`;
  } else {
    const [dim, values] = filters[0]!;
    if (dim === 'exploitation' && values.length > 1) return null;
    if (!CUBE_FILTERS.has(dim) && dim !== q.by) return null;
    if (dim === q.by && dim !== 'exploitation') {
      params.push(values);
      series = `dim = $4 AND dim2 = '' AND value2 = '' AND value = ANY($5::text[])`;
      // one value per case in this dimension: the period total is the sum of its series
      totals = series;
    } else {
      params.push(dim, values);
      series = `dim = $4 AND dim2 = $5 AND value2 = ANY($6::text[])`;
      totals = `dim = $5 AND dim2 = '' AND value2 = '' AND value = ANY($6::text[])`;
    }
  }
  const g = `$${params.length + 1}`;
  return {
    sql: `SELECT to_char(p, '${label}') AS period, key, sum(n)::int AS n FROM (
            SELECT date_trunc(${g}, month::timestamp) AS p, value AS key, n FROM case_count_cube
             WHERE ${head} AND ${series}
            UNION ALL
            SELECT date_trunc(${g}, month::timestamp), NULL, n FROM case_count_cube
             WHERE ${head} AND ${totals}
          ) AS cells GROUP BY p, key`,
    params: [...params, q.granularity],
  };
}

/**
 * Cases per period and key, and per period alone, in one statement. Periods are labelled
 * `YYYY-MM` or `YYYY`; only periods with cases come back (the service fills the rest with 0).
 */
export async function dashboardCounts(tx: Tx, q: CountsQuery): Promise<CountRow[]> {
  const label = q.granularity === 'month' ? 'YYYY-MM' : 'YYYY';
  const cube = fromCube(q, label);
  if (cube) return tx.query<CountRow>(cube.sql, cube.params);
  const w = where(q);
  const d = DIMENSION[q.by];
  // Several filters: the count rows they select are first summed per period and value of the
  // dimension's column (for exploitation: per set, so that the period totals count each case
  // once), then spread over the keys.
  w.params.push(q.granularity);
  const g = `$${w.params.length}`;
  return tx.query<CountRow>(
    `WITH f AS MATERIALIZED (
       SELECT date_trunc(${g}, month::timestamp) AS p, ${d.column} AS k, sum(n)::int AS n
         FROM case_counts WHERE ${w.sql}
        GROUP BY 1, 2
     )
     SELECT to_char(p, '${label}') AS period, key, sum(n)::int AS n
       FROM f CROSS JOIN LATERAL ${d.key} AS u(key) GROUP BY p, key
     UNION ALL
     SELECT to_char(p, '${label}'), NULL, sum(n)::int FROM f GROUP BY p`,
    w.params,
  );
}

/**
 * The first month (YYYY-MM) before `endExclusive` in which the organisation has cases, or null:
 * from the cube's monthly totals (one row a month), whatever the filters, so that drilling down
 * keeps the chart's periods.
 */
export async function firstMonth(tx: Tx, orgId: string, endExclusive: string) {
  const [row] = await tx.query<{ first: string | null }>(
    `SELECT to_char(min(month), 'YYYY-MM') AS first FROM case_count_cube
      WHERE org_id = $1 AND dim = '' AND dim2 = '' AND value2 = '' AND month < $2::date AND n > 0`,
    [orgId, endExclusive],
  );
  return row?.first ?? null;
}
