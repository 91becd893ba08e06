import { z } from 'zod';
import { CaseListQuery } from './cases.schema.ts';

/** Import and export of cases in the HTCDS spreadsheet layout (docs/exchange.md). */
export const ExchangeFormat = z.enum(['csv', 'xlsx']);
export type ExchangeFormat = z.infer<typeof ExchangeFormat>;

export const ImportMode = z.enum(['all_or_nothing', 'valid_rows_only']).meta({
  description:
    'all_or_nothing: nothing is imported when any row has an error. valid_rows_only: the rows without errors are imported and the others reported.',
});
export type ImportMode = z.infer<typeof ImportMode>;

/** Largest file an import takes (decoded); the request body limit follows from it. */
export const IMPORT_MAX_FILE_BYTES = 15 * 1024 * 1024;
/** Largest number of case rows in one import. */
export const IMPORT_MAX_ROWS = 50_000;
/** Errors listed in one answer; `errorCount` gives the total. */
export const IMPORT_MAX_LISTED_ERRORS = 1_000;
/** Largest number of cases in one export: beyond it, narrow the filters. */
export const EXPORT_MAX_CASES = 50_000;

export const ImportBody = z.strictObject({
  format: ExchangeFormat,
  content: z
    .base64({ message: 'must be the file encoded as base64' })
    .max(Math.ceil(IMPORT_MAX_FILE_BYTES / 3) * 4, { message: 'the file is larger than 15 MiB' })
    .meta({ description: 'The file, base64-encoded (CSV as UTF-8)' }),
  mode: ImportMode.default('all_or_nothing'),
  dryRun: z
    .boolean()
    .default(false)
    .meta({ description: 'Check every row and report, but import nothing' }),
});
export type ImportBody = z.infer<typeof ImportBody>;

/** Where in the file something is wrong: the row as a spreadsheet numbers it, the column. */
export const ImportIssue = z
  .object({
    row: z.number().int().meta({ description: 'Row in the file, the header being row 1' }),
    column: z
      .object({ letter: z.string(), header: z.string() })
      .nullable()
      .meta({ description: 'Null when the issue concerns the whole row or file' }),
    field: z.string().nullable().meta({ description: 'The Lantern field, e.g. person.givenName' }),
    message: z.string(),
  })
  .meta({ id: 'ImportIssue' });
export type ImportIssue = z.infer<typeof ImportIssue>;

export const IgnoredColumn = z
  .object({ letter: z.string(), header: z.string(), reason: z.string() })
  .meta({ id: 'IgnoredColumn' });
export type IgnoredColumn = z.infer<typeof IgnoredColumn>;

export const ImportResult = z
  .object({
    dryRun: z.boolean(),
    mode: ImportMode,
    rows: z.number().int().meta({ description: 'Case rows read (blank rows are not counted)' }),
    imported: z
      .number()
      .int()
      .meta({ description: 'Cases created; on a dry run, the cases that would be created' }),
    skipped: z.number().int().meta({ description: 'Rows not imported because of errors' }),
    errors: z.array(ImportIssue),
    errorCount: z.number().int().meta({ description: 'All errors, listed or not' }),
    warnings: z.array(ImportIssue),
    ignoredColumns: z.array(IgnoredColumn).meta({
      description: 'Columns holding values that Lantern does not import',
    }),
    firstReference: z.string().nullable(),
    lastReference: z.string().nullable(),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportQuery = CaseListQuery.omit({ limit: true, cursor: true }).extend({
  format: ExchangeFormat.default('csv'),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

export const EXCHANGE_CONTENT_TYPES: Record<ExchangeFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
