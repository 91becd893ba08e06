import { ALERT_LEVELS } from '../../../shared/api/insights.schema.ts';
import { pageUrl } from './analytics-format.ts';

/** The alerts page's filter as kept in the URL (the API's defaults when absent). */
export interface AlertsFilter {
  level: (typeof ALERT_LEVELS)[number];
  last: number;
}

/** The months a person may look back (the API accepts 1 to 24). */
export const LAST_CHOICES = [1, 2, 3, 6, 12, 24] as const;

export const ALERTS_PATH = '/insights/alerts';

/** The filter in a query string; anything malformed falls back to the defaults. */
export function alertsFilterFromSearch(search: URLSearchParams): AlertsFilter {
  const level = search.get('level');
  const last = Number(search.get('last'));
  return {
    level: ALERT_LEVELS.find((l) => l === level) ?? 'country',
    last: Number.isInteger(last) && last >= 1 && last <= 24 ? last : 3,
  };
}

/** The page's URL for a filter (only what differs from the defaults). */
export const alertsUrl = (f: AlertsFilter): string =>
  pageUrl(ALERTS_PATH, {
    level: f.level === 'country' ? '' : f.level,
    last: f.last === 3 ? '' : String(f.last),
  });
