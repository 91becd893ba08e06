import { z } from 'zod';
import {
  EXCHANGE_CONTENT_TYPES,
  ExportQuery,
  IMPORT_MAX_FILE_BYTES,
  ImportBody,
  ImportResult,
} from '../../shared/api/exchange.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { exchangeContextOf } from './exchange-context.ts';
import { exportCases } from './export-cases.ts';
import { importCases } from './import-cases.ts';

// base64 makes 4 characters of 3 bytes; the rest of the JSON body is small.
const IMPORT_BODY_LIMIT = Math.ceil(IMPORT_MAX_FILE_BYTES / 3) * 4 + 64 * 1024;

const file = z.string().meta({ format: 'binary' });

export function registerExchangeRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['cases'];
  app.post(
    '/cases/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import cases from an HTCDS spreadsheet (CSV or XLSX); every row is checked',
        description:
          'Errors name the row (the header being row 1) and the column. all_or_nothing answers 400 validation_failed with every error and imports nothing when any row fails; valid_rows_only imports the other rows. See docs/exchange.md.',
        body: ImportBody,
        response: responses({ 200: ImportResult }),
      },
    },
    (req) => {
      const { content, ...options } = req.body;
      return secured(deps, req, { action: 'case:import' }, (ctx) =>
        importCases(exchangeContextOf(ctx), { ...options, file: Buffer.from(content, 'base64') }),
      );
    },
  );

  app.get(
    '/cases/export',
    {
      schema: {
        tags,
        summary: 'The cases matching the list filters as an HTCDS spreadsheet (audited)',
        description:
          'A file download in the layout of the HTCDS toolkit spreadsheet, oldest case first. It holds personal data: supervisors only, and every export is audited.',
        querystring: ExportQuery,
        response: {
          ...responses({}),
          200: {
            description: 'The spreadsheet, as an attachment',
            content: {
              'text/csv': { schema: file },
              [EXCHANGE_CONTENT_TYPES.xlsx]: { schema: file },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const out = await secured(deps, req, { action: 'case:export' }, (ctx) =>
        exportCases(exchangeContextOf(ctx), req.query),
      );
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
