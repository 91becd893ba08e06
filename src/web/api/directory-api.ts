import type {
  CapacityBody,
  DirectoryImportResult,
  DirectorySearchInput,
  DirectorySearchResult,
  Provider,
  ProviderCreateInput,
  ProviderDetail,
  ProviderList,
  Service,
  ServiceCreateInput,
} from '../../shared/api/directory.schema.ts';
import { request } from './client.ts';

const provider = (id: string, tail = '') => `/directory/providers/${encodeURIComponent(id)}${tail}`;
const service = (id: string, tail = '') => `/directory/services/${encodeURIComponent(id)}${tail}`;

/** The URL of the directory's CSV export (a plain GET: the browser downloads it). */
export const DIRECTORY_EXPORT_URL = '/api/v1/directory/export';

/**
 * The service directory (docs/referrals.md, "The directory"). The search's person profile goes
 * in the body, never the URL.
 */
export const directoryApi = {
  providers: (mine = false) =>
    request<ProviderList>('GET', `/directory/providers${mine ? '?mine=true' : ''}`),
  provider: (id: string) => request<ProviderDetail>('GET', provider(id)),
  createProvider: (body: ProviderCreateInput) =>
    request<Provider>('POST', '/directory/providers', body),
  updateProvider: (id: string, body: Partial<ProviderCreateInput>) =>
    request<Provider>('PATCH', provider(id), body),
  createService: (body: ServiceCreateInput) =>
    request<Service>('POST', '/directory/services', body),
  updateService: (id: string, body: Partial<ServiceCreateInput>) =>
    request<Service>('PATCH', service(id), body),
  /** Places free now (and in all); the listing or the receiving organisation. */
  updateCapacity: (id: string, body: CapacityBody) =>
    request<Service>('PUT', service(id, '/capacity'), body),
  search: (body: DirectorySearchInput) =>
    request<DirectorySearchResult>('POST', '/directory/search', body),
  /** A CSV file (UTF-8) as base64; row-level problems come back as `validation_failed`. */
  importCsv: (content: string) =>
    request<DirectoryImportResult>('POST', '/directory/import', { content }),
};
