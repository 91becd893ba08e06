import type { CaseFilterKey, CaseFilters } from '../../api/cases-api.ts';

/** The filters, in form order; they live in the query string (no personal data in them). */
export const FILTER_KEYS = [
  'reference',
  'status',
  'traffickingStatus',
  'gender',
  'citizenship',
  'countryOfExploitation',
  'typeOfExploitation',
  'registeredFrom',
  'registeredTo',
] as const satisfies readonly CaseFilterKey[];

/** Reads the filters from the page's query string, ignoring anything else. */
export function filtersFromSearch(search: URLSearchParams): CaseFilters {
  const filters: CaseFilters = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** The page URL for a set of filters: `/cases?status=Active,FollowUp&citizenship=NG`. */
export function casesUrl(filters: CaseFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  const query = params.toString().replaceAll('%2C', ',');
  return query ? `/cases?${query}` : '/cases';
}

/** A comma-separated filter as a list, and back. */
export const splitList = (value: string | undefined): string[] =>
  value ? value.split(',').filter((v) => v !== '') : [];
export const joinList = (values: readonly string[]): string => values.join(',');
