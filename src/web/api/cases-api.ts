import type {
  CaseCreateBody,
  CaseDetail,
  CaseList,
  CaseListQuery,
} from '../../shared/api/cases.schema.ts';
import { request } from './client.ts';

/** The list filters, as the strings they travel as in the query string. */
export type CaseFilterKey = Exclude<keyof CaseListQuery, 'limit' | 'cursor' | 'ageMin' | 'ageMax'>;
export type CaseFilters = Partial<Record<CaseFilterKey, string>>;

export const PAGE_SIZE = 25;

export const casesApi = {
  list: (filters: CaseFilters, cursor: string | undefined) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
    params.set('limit', String(PAGE_SIZE));
    if (cursor) params.set('cursor', cursor);
    return request<CaseList>('GET', `/cases?${params.toString()}`);
  },
  get: (id: string) => request<CaseDetail>('GET', `/cases/${encodeURIComponent(id)}`),
  create: (body: CaseCreateBody) => request<CaseDetail>('POST', '/cases', body),
};
