import { z } from 'zod';
import { ErrorResponse, IdParams } from '../../shared/api/common.schema.ts';
import {
  DownloadQuery,
  HUB_CONTENT_TYPES,
  HUB_IMPORT_MAX_BYTES,
  HubBudgetList,
  HubImportBody,
  HubImportResult,
  HubSourceList,
  PublicPublication,
  PublicPublicationList,
  Publication,
  PublicationCreateBody,
  PublicationList,
  PublicationListQuery,
  PublicationPreview,
  PublicationPreviewBody,
} from '../../shared/api/hub.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import type { HubOptions } from './hub-context.ts';
import { DEFAULT_HUB_OPTIONS, hubContextOf } from './hub-context.ts';
import { importHubFile, listBudgets, listSources } from './hub-sources.service.ts';
import {
  createPublication,
  listAllPublications,
  previewPublication,
  releasePublication,
} from './publications.service.ts';
import {
  downloadPublication,
  getPublicPublication,
  listPublicPublications,
} from './public-publications.service.ts';

// base64 makes 4 characters of 3 bytes; the rest of the JSON body is small.
const IMPORT_BODY_LIMIT = Math.ceil(HUB_IMPORT_MAX_BYTES / 3) * 4 + 16 * 1024;

const file = z.string().meta({ format: 'binary' });

/**
 * The data hub's store and publications (docs/hub.md): analysts import, build and release;
 * the public routes show released publications to anyone, without a session.
 */
export function registerHubRoutes(
  app: ZodApp,
  deps: SecuredDeps,
  options: HubOptions = DEFAULT_HUB_OPTIONS,
): void {
  const tags = ['hub'];

  app.get(
    '/hub/sources',
    {
      schema: {
        tags,
        summary: 'Sources of the hub store (contributions and imports) with their budgets',
        response: responses({ 200: HubSourceList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'hub:read' }, async (ctx) => ({
        sources: await listSources(hubContextOf(ctx, options)),
      })),
  );

  app.get(
    '/hub/budget',
    {
      schema: {
        tags,
        summary: 'The privacy budget (ε, δ) each source has spent and has left',
        response: responses({ 200: HubBudgetList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'hub:read' }, (ctx) => listBudgets(hubContextOf(ctx, options))),
  );

  app.post(
    '/hub/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import a CTDC file (global or synthetic layout) as a new source',
        description:
          'Every cell is checked against its column. Any fault answers 400 validation_failed, every fault in details (row: the header being row 1, column), and nothing is imported. A column outside the layout refuses the file: the store never holds names.',
        body: HubImportBody,
        response: responses({ 201: HubImportResult }),
      },
    },
    async (req, reply) => {
      const out = await secured(deps, req, { action: 'hub:import' }, (ctx) =>
        importHubFile(hubContextOf(ctx, options), req.body),
      );
      return reply.code(201).send(out);
    },
  );

  app.post(
    '/hub/publications/preview',
    {
      schema: {
        tags,
        summary: 'What a publication would be: risk and utility, or DP quality; nothing written',
        description:
          'A guarantee the data cannot meet is a 422 disclosure_check_failed with details.rule (k_not_reachable, l_not_reachable, too_few_records) and details.parameter; a parameter that does not fit the data is a 400 naming it.',
        body: PublicationPreviewBody,
        response: responses({ 200: PublicationPreview, 422: ErrorResponse }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'hub:publish' }, (ctx) =>
        previewPublication(hubContextOf(ctx, options), req.body),
      ),
  );

  app.post(
    '/hub/publications',
    {
      schema: {
        tags,
        summary: 'Make a draft publication with its report',
        description:
          'The file is made now and stored with the draft. A guarantee the data cannot meet is a 422 disclosure_check_failed with details.rule (k_not_reachable, l_not_reachable, too_few_records) and details.parameter; a DP draft its sources’ budgets cannot pay for is a 409 conflict, details.rule budget_exceeded with what remains; a parameter that does not fit the data is a 400 naming it.',
        body: PublicationCreateBody,
        response: responses({ 201: Publication, 422: ErrorResponse }),
      },
    },
    async (req, reply) => {
      const out = await secured(deps, req, { action: 'hub:publish' }, (ctx) =>
        createPublication(hubContextOf(ctx, options), req.body),
      );
      return reply.code(201).send(out);
    },
  );

  app.get(
    '/hub/publications',
    {
      schema: {
        tags,
        summary: 'Every publication, drafts included, newest first',
        querystring: PublicationListQuery,
        response: responses({ 200: PublicationList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'hub:read' }, async (ctx) => ({
        publications: await listAllPublications(hubContextOf(ctx, options), req.query.status),
      })),
  );

  app.post(
    '/hub/publications/:id/release',
    {
      schema: {
        tags,
        summary: 'Release a draft: anyone can then read and download it',
        description:
          'Checked again first: its sources still in the store, a microdata file still k-anonymous (and l-diverse) on the rows stored, a DP file within every source’s budget (which it then spends). Any failure is a 409 conflict whose details.rule says which (source_withdrawn, guarantee_broken, budget_exceeded with remaining {epsilon, delta}, already_released), and nothing is released.',
        params: IdParams,
        response: responses({ 200: Publication }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'hub:publish' }, (ctx) =>
        releasePublication(hubContextOf(ctx, options), req.params.id),
      ),
  );

  // ---- public: no session ------------------------------------------------------------------

  const publicTags = ['public data'];

  app.get(
    '/public/publications',
    {
      schema: {
        tags: publicTags,
        summary: 'Released publications of the data hub, newest first (no sign-in)',
        security: [],
        response: responses({ 200: PublicPublicationList }),
      },
    },
    async () => ({ publications: await listPublicPublications(deps.db) }),
  );

  app.get(
    '/public/publications/:id',
    {
      schema: {
        tags: publicTags,
        summary: 'One released publication with its report (no sign-in)',
        security: [],
        params: IdParams,
        response: responses({ 200: PublicPublication }),
      },
    },
    (req) => getPublicPublication(deps.db, req.params.id),
  );

  app.get(
    '/public/publications/:id/download',
    {
      schema: {
        tags: publicTags,
        summary: 'The released file as CSV or XLSX (no sign-in)',
        description:
          'layout=synthetic converts records with every column of the CTDC global layout to the synthetic layout (27 columns, ISO alpha-3), keeping k (each converted class is a union of released ones); other files answer 400 validation_failed naming querystring.layout. The converted file is checked again (k, and l); a failure is a 409 and nothing is sent. The publication’s `layouts` lists what is available.',
        security: [],
        params: IdParams,
        querystring: DownloadQuery,
        response: {
          ...responses({}),
          200: {
            description: 'The file, as an attachment',
            content: {
              'text/csv': { schema: file },
              [HUB_CONTENT_TYPES.xlsx]: { schema: file },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const { format, layout } = req.query;
      const out = await downloadPublication(deps.db, req.params.id, format, layout);
      return (
        reply
          .header('content-type', out.contentType)
          .header('content-disposition', `attachment; filename="${out.filename}"`)
          // The 200 schema is binary content, which the type provider can only type as a string.
          .send(out.body as unknown as string)
      );
    },
  );
}
