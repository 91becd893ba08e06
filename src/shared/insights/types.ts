/**
 * The shapes the Understand engines share (docs/insights.md). Pure data: the trend detectors,
 * the scan statistic, Gi*, routes and the SDG indicator take and return these, and the API
 * schemas (src/shared/api/insights.schema.ts) mirror them.
 */

/** A period: `YYYY-MM` for monthly series, `YYYY` for yearly ones (CTDC files). */
export type Period = string;
export type Granularity = 'month' | 'year';

/** One series: counts in consecutive periods, oldest first, with no gaps (a missing cell is 0). */
export interface Series {
  /** What the series counts, e.g. `{ country: 'NG' }` or `{ country: 'NG', exploitation: 'x' }`. */
  key: Readonly<Record<string, string>>;
  granularity: Granularity;
  /** The first period of `counts`. */
  start: Period;
  counts: readonly number[];
}

/** The trend detectors (docs/insights.md cites each). */
export const TREND_METHODS = ['ears-c1', 'ears-c2', 'ears-c3', 'farrington', 'nb-cusum'] as const;
export type TrendMethod = (typeof TREND_METHODS)[number];

/** One period's verdict by one method: the alert explains itself. */
export interface TrendAlert {
  key: Readonly<Record<string, string>>;
  period: Period;
  method: TrendMethod;
  observed: number;
  /** The baseline's expected count for the period. */
  expected: number;
  /** The alarm threshold (upper bound); observed above it raises the alert. */
  threshold: number;
  /** The periods of history the baseline used (first and last, inclusive) and how many. */
  history: { from: Period; to: Period; periods: number };
  /** A plain-language reason in English for logs and the CLI; the web app builds its own. */
  note: string;
}

/** A region the scan statistic and Gi* work on: a country or a district, with a centroid. */
export interface Region {
  id: string;
  latitude: number;
  longitude: number;
}

/** One space-time cluster found by Kulldorff's scan statistic. */
export interface ScanCluster {
  /** Region ids in the cluster, the centre first. */
  regions: readonly string[];
  start: Period;
  end: Period;
  observed: number;
  expected: number;
  relativeRisk: number;
  logLikelihoodRatio: number;
  /** Monte Carlo p-value: (rank among the replicas' maxima + 1) / (replications + 1). */
  p: number;
}

/** Getis-Ord Gi* of one region. */
export interface GiStar {
  region: string;
  value: number;
  z: number;
  p: number;
  /** Significant after the false-discovery-rate correction at the chosen level. */
  hot: boolean;
  cold: boolean;
}
