import type {
  ContributionDetail,
  ContributionList,
  ContributionPrepareBody,
  ContributionStatus,
} from '../../shared/api/hub-contributions.schema.ts';
import type {
  DownloadFormat,
  HubBudgetList,
  HubImportResult,
  HubLayout,
  HubSourceList,
  Publication,
  PublicationCreateInput,
  PublicationList,
  PublicationParametersInput,
  PublicationPreview,
  PublicPublication,
  PublicPublicationList,
} from '../../shared/api/hub.schema.ts';
import { ApiError, request } from './client.ts';

const contribution = (id: string, tail = '') =>
  `/hub/contributions/${encodeURIComponent(id)}${tail}`;
const publication = (id: string, tail = '') => `/hub/publications/${encodeURIComponent(id)}${tail}`;

/** The prepare body as the form sends it: k and the suppression limit default on the server. */
export type ContributionPrepareInput = Partial<ContributionPrepareBody>;

/** A supervisor's contributions of the organisation's consenting cases (docs/hub.md). */
export const contributionsApi = {
  list: (status?: readonly ContributionStatus[]) =>
    request<ContributionList>(
      'GET',
      `/hub/contributions${status && status.length > 0 ? `?status=${status.join(',')}` : ''}`,
    ),
  get: (id: string) => request<ContributionDetail>('GET', contribution(id)),
  prepare: (body: ContributionPrepareInput) =>
    request<ContributionDetail>('POST', '/hub/contributions', body),
  approve: (id: string) => request<ContributionDetail>('POST', contribution(id, '/approve'), {}),
  reject: (id: string, reason: string) =>
    request<ContributionDetail>('POST', contribution(id, '/reject'), { reason }),
  withdraw: (id: string, reason?: string) =>
    request<ContributionDetail>('POST', contribution(id, '/withdraw'), reason ? { reason } : {}),
};

/** The hub store, publications and budget (analysts). */
export const hubApi = {
  sources: () => request<HubSourceList>('GET', '/hub/sources'),
  /** A CTDC CSV file as base64; faults come back as 400 `validation_failed` per row and column. */
  importCtdc: (label: string, content: string) =>
    request<HubImportResult>('POST', '/hub/imports', { label, content }),
  preview: (parameters: PublicationParametersInput) =>
    request<PublicationPreview>('POST', '/hub/publications/preview', parameters),
  create: (body: PublicationCreateInput) => request<Publication>('POST', '/hub/publications', body),
  release: (id: string) => request<Publication>('POST', publication(id, '/release'), {}),
  publications: () => request<PublicationList>('GET', '/hub/publications'),
  budget: () => request<HubBudgetList>('GET', '/hub/budget'),
};

/**
 * The public data page's URL of a released file (a plain GET: the browser downloads it); with
 * layout `synthetic`, converted to the CTDC synthetic layout (when the publication lists it).
 */
export const publicDownloadUrl = (
  id: string,
  format: DownloadFormat,
  layout: HubLayout = 'global',
): string =>
  `/api/v1/public/publications/${encodeURIComponent(id)}/download?format=${format}` +
  (layout === 'global' ? '' : `&layout=${layout}`);

/** Released publications, readable without a session. */
export const publicDataApi = {
  list: () => request<PublicPublicationList>('GET', '/public/publications'),
  get: (id: string) =>
    request<PublicPublication>('GET', `/public/publications/${encodeURIComponent(id)}`),
  /** The released file as CSV text (for the figures table of an aggregate release). */
  csv: async (id: string): Promise<string> => {
    let response: Response;
    try {
      response = await fetch(publicDownloadUrl(id, 'csv'), { credentials: 'omit' });
    } catch {
      throw new ApiError(0, 'network', 'network error');
    }
    if (!response.ok) {
      throw new ApiError(response.status, response.status === 404 ? 'not_found' : 'unknown', '');
    }
    return response.text();
  },
};
