import type {
  ReferralMetrics,
  UnmetNeed,
  UnmetNeedInput,
} from '../../shared/api/referral-metrics.schema.ts';
import { request } from './client.ts';

/** The period and side of the figures; dates are `YYYY-MM-DD` (UTC), both included. */
export interface MetricsFilter {
  from?: string | undefined;
  to?: string | undefined;
  side?: 'sent' | 'received' | undefined;
}

function query(f: MetricsFilter): string {
  const q = new URLSearchParams();
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.side) q.set('side', f.side);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The CSV export of the same figures (a plain GET: the browser downloads it). */
export const metricsCsvUrl = (f: MetricsFilter): string =>
  `/api/v1/referrals/metrics.csv${query(f)}`;

/** Pathway metrics (de-identified figures) and unmet needs (docs/referral-metrics.md). */
export const referralMetricsApi = {
  metrics: (f: MetricsFilter) => request<ReferralMetrics>('GET', `/referrals/metrics${query(f)}`),
  /** A search that found no eligible service; the same gap within 24 h is recorded once. */
  recordUnmetNeed: (body: UnmetNeedInput) =>
    request<UnmetNeed>('POST', '/referrals/unmet-needs', body),
};
