import { z } from 'zod';
import { IdParams } from '../../shared/api/common.schema.ts';
import {
  CapacityBody,
  DIRECTORY_IMPORT_MAX_BYTES,
  DirectoryImportBody,
  DirectoryImportResult,
  DirectorySearchBody,
  DirectorySearchResult,
  Provider,
  ProviderCreateBody,
  ProviderDetail,
  ProviderList,
  ProviderListQuery,
  ProviderPatchBody,
  Service,
  ServiceCreateBody,
  ServicePatchBody,
} from '../../shared/api/directory.schema.ts';
import { exchangeContextOf } from '../exchange/exchange-context.ts';
import type { ServiceContext } from '../http/context.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { exportDirectory, importDirectory } from './directory-exchange.ts';
import type { DirectoryContext } from './directory.service.ts';
import {
  createDirectoryProvider,
  createDirectoryService,
  getDirectoryProvider,
  getDirectoryService,
  listDirectoryProviders,
  patchDirectoryProvider,
  patchDirectoryService,
  searchDirectory,
  setDirectoryCapacity,
} from './directory.service.ts';

// base64 makes 4 characters of 3 bytes; the rest of the JSON body is small.
const IMPORT_BODY_LIMIT = Math.ceil(DIRECTORY_IMPORT_MAX_BYTES / 3) * 4 + 16 * 1024;

const dir = (ctx: ServiceContext): DirectoryContext => exchangeContextOf(ctx);

/** The service directory (docs/directory.md): read by everyone, kept by the listing organisation. */
export function registerDirectoryRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['directory'];

  app.get(
    '/directory/providers',
    {
      schema: {
        tags,
        summary: 'Providers in the directory, by name (mine=true: those your organisation lists)',
        querystring: ProviderListQuery,
        response: responses({ 200: ProviderList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'directory:read' }, async (ctx) => ({
        providers: await listDirectoryProviders(dir(ctx), req.query.mine),
      })),
  );

  app.get(
    '/directory/providers/:id',
    {
      schema: {
        tags,
        summary: 'A provider and its services',
        params: IdParams,
        response: responses({ 200: ProviderDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'directory:read' }, (ctx) =>
        getDirectoryProvider(dir(ctx), req.params.id),
      ),
  );

  app.post(
    '/directory/providers',
    {
      schema: {
        tags,
        summary: 'List a provider (your organisation keeps the listing; audited)',
        body: ProviderCreateBody,
        response: responses({ 201: Provider }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, { action: 'directory:manage' }, (ctx) =>
        createDirectoryProvider(dir(ctx), req.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/directory/providers/:id',
    {
      schema: {
        tags,
        summary: 'Change a provider your organisation lists (another’s: 404; audited)',
        params: IdParams,
        body: ProviderPatchBody,
        response: responses({ 200: Provider }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'directory:manage' }, (ctx) =>
        patchDirectoryProvider(dir(ctx), req.params.id, req.body),
      ),
  );

  app.post(
    '/directory/services',
    {
      schema: {
        tags,
        summary: 'List a service of one of your providers (audited)',
        body: ServiceCreateBody,
        response: responses({ 201: Service }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, { action: 'directory:manage' }, (ctx) =>
        createDirectoryService(dir(ctx), req.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/directory/services/:id',
    {
      schema: {
        tags,
        summary: 'A service, with its provider',
        params: IdParams,
        response: responses({ 200: Service }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'directory:read' }, (ctx) =>
        getDirectoryService(dir(ctx), req.params.id),
      ),
  );

  app.patch(
    '/directory/services/:id',
    {
      schema: {
        tags,
        summary: 'Change a service your organisation lists (another’s: 404; audited)',
        params: IdParams,
        body: ServicePatchBody,
        response: responses({ 200: Service }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'directory:manage' }, (ctx) =>
        patchDirectoryService(dir(ctx), req.params.id, req.body),
      ),
  );

  app.put(
    '/directory/services/:id/capacity',
    {
      schema: {
        tags,
        summary: 'Set a service’s places: the listing or the receiving organisation (audited)',
        params: IdParams,
        body: CapacityBody,
        response: responses({ 200: Service }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'directory:capacity' }, (ctx) =>
        setDirectoryCapacity(dir(ctx), req.params.id, req.body),
      ),
  );

  app.post(
    '/directory/search',
    {
      schema: {
        tags,
        summary: 'Services of one type ranked by eligibility and distance',
        description:
          'A POST so that the person’s age, gender, nationality and status travel in the body, never in a URL or a log. Nothing of the person is stored. Ranking: eligible and within the radius first, then fewer mismatches, then nearer, then by name. See docs/directory.md.',
        body: DirectorySearchBody,
        response: responses({ 200: DirectorySearchResult }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'directory:read' }, (ctx) =>
        searchDirectory(dir(ctx), req.body),
      ),
  );

  app.post(
    '/directory/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import your organisation’s listings from CSV (all or nothing; audited)',
        description:
          'Columns in docs/directory.md. Any error imports nothing: 400 validation_failed whose details list every error as { row, column, message }, the header being row 1.',
        body: DirectoryImportBody,
        response: responses({ 200: DirectoryImportResult }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'directory:manage' }, (ctx) =>
        importDirectory(dir(ctx), Buffer.from(req.body.content, 'base64')),
      ),
  );

  app.get(
    '/directory/export',
    {
      schema: {
        tags,
        summary: 'Your organisation’s listings as CSV (the import’s columns; audited)',
        response: {
          ...responses({}),
          200: {
            description: 'The CSV file, as an attachment',
            content: { 'text/csv': { schema: z.string().meta({ format: 'binary' }) } },
          },
        },
      },
    },
    async (req, reply) => {
      const out = await secured(deps, req, { action: 'directory:manage' }, (ctx) =>
        exportDirectory(dir(ctx)),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .send(out.body);
    },
  );
}
