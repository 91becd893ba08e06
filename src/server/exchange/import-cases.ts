import type { CaseCreateBody } from '../../shared/api/cases.schema.ts';
import type { FieldIssue } from '../../shared/api/errors.ts';
import type { ImportBody, ImportIssue, ImportResult } from '../../shared/api/exchange.schema.ts';
import {
  IMPORT_MAX_FILE_BYTES,
  IMPORT_MAX_LISTED_ERRORS,
} from '../../shared/api/exchange.schema.ts';
import type { Sheet } from '../../shared/exchange/read-case-sheet.ts';
import { readCaseSheet, sheetFromCsv } from '../../shared/exchange/read-case-sheet.ts';
import { ageAtRegistration } from '../cases/case-age.ts';
import { insertCasesInTransaction } from '../demo/seed-cases.ts';
import { AppError } from '../http/app-error.ts';
import type { ExchangeContext } from './exchange-context.ts';
import { UnreadableFile, sheetFromXlsx } from './xlsx.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const fileIssue = (message: string): ImportIssue => ({
  row: 1,
  column: null,
  field: null,
  message,
});

const unreadable = (message: string) =>
  new AppError('validation_failed', `The file cannot be read: ${message}.`, [fileIssue(message)]);

async function sheetOf(format: ImportBody['format'], bytes: Buffer): Promise<Sheet> {
  if (bytes.length > IMPORT_MAX_FILE_BYTES) throw unreadable('it is larger than 15 MiB');
  switch (format) {
    case 'csv': {
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        throw unreadable('it is not UTF-8 text (save it as "CSV UTF-8")');
      }
      return sheetFromCsv(text);
    }
    case 'xlsx':
      try {
        return await sheetFromXlsx(bytes);
      } catch (e) {
        if (e instanceof UnreadableFile) throw unreadable(e.message);
        throw e;
      }
  }
}

/** What an import takes: the API's body with the file decoded. */
export interface ImportInput extends Omit<ImportBody, 'content'> {
  file: Buffer;
}

const rowsWord = (n: number) => (n === 1 ? '1 row' : `${n} rows`);

/**
 * Imports the cases of an HTCDS spreadsheet into the caller's organisation, in the caller's
 * transaction. Every row is checked first, as `POST /cases` would check it; then
 * - all_or_nothing: any error → 400 `validation_failed` naming each, and nothing is written;
 * - valid_rows_only: the rows without errors are imported, the others reported.
 * A dry run checks and reports without writing. Imported cases are audited as `case.imported`
 * (one entry per batch of up to 1,000, naming the references).
 */
export async function importCases(ctx: ExchangeContext, input: ImportInput): Promise<ImportResult> {
  const sheet = await sheetOf(input.format, input.file);
  const now = ctx.clock.now();
  const today = now.toISOString().slice(0, 10);
  const reading = readCaseSheet(sheet, { today });
  if (reading.fatal) {
    throw new AppError(
      'validation_failed',
      `The file cannot be imported: ${reading.errors[0]?.message ?? 'it is unusable'}.`,
      reading.errors,
    );
  }

  // The checks that createCase makes beyond the schema (date of birth against registration).
  const errors = [...reading.errors];
  const bodies: CaseCreateBody[] = [];
  for (const { row, body } of reading.valid) {
    try {
      ageAtRegistration(body.person, body.registrationDate ?? today);
      bodies.push(body);
    } catch (e) {
      if (!(e instanceof AppError) || !Array.isArray(e.details)) throw e;
      for (const d of e.details as FieldIssue[])
        errors.push(reading.issueAt(row, d.path, d.message));
    }
  }
  errors.sort((a, b) => a.row - b.row);

  const allOrNothing = input.mode === 'all_or_nothing';
  const toImport = allOrNothing && errors.length > 0 ? [] : bodies;
  const failedRows = new Set(errors.map((e) => e.row)).size;
  if (allOrNothing && errors.length > 0 && !input.dryRun) {
    throw new AppError(
      'validation_failed',
      `${rowsWord(failedRows)} of ${reading.rows} ${failedRows === 1 ? 'has' : 'have'} errors; nothing was imported.`,
      errors.slice(0, IMPORT_MAX_LISTED_ERRORS),
    );
  }

  const refs =
    !input.dryRun && toImport.length > 0
      ? await insertCasesInTransaction(
          ctx.tx,
          await ctx.keys(),
          { orgId: ctx.orgId, userId: ctx.userId, now },
          toImport,
        )
      : null;
  return {
    dryRun: input.dryRun,
    mode: input.mode,
    rows: reading.rows,
    imported: toImport.length,
    skipped: reading.rows - toImport.length,
    errors: errors.slice(0, IMPORT_MAX_LISTED_ERRORS),
    errorCount: errors.length,
    warnings: reading.warnings.slice(0, IMPORT_MAX_LISTED_ERRORS),
    ignoredColumns: reading.ignoredColumns,
    firstReference: refs?.first ?? null,
    lastReference: refs?.last ?? null,
  };
}
