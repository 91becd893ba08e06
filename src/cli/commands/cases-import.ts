import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Uuid } from '../../shared/api/common.schema.ts';
import type { ImportIssue } from '../../shared/api/exchange.schema.ts';
import { ExchangeFormat, ImportMode } from '../../shared/api/exchange.schema.ts';
import { SYSTEM } from '../../server/db/database.ts';
import { withSystemExchange } from '../../server/exchange/exchange-context.ts';
import { importCases } from '../../server/exchange/import-cases.ts';
import { AppError } from '../../server/http/app-error.ts';
import { findOrganisation } from '../../server/organisations/organisations.repo.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { COMMON_OPTIONS, parse, withRuntime } from '../runtime-args.ts';

const where = (i: ImportIssue) =>
  `row ${i.row}${i.column ? `, column ${i.column.letter} (${i.column.header || 'no header'})` : ''}`;

export const casesImportCommand: Command = {
  path: ['cases', 'import'],
  summary: 'Import cases from an HTCDS spreadsheet (CSV or XLSX); every row is checked',
  usage:
    'cases import FILE --org ORG_ID [--format csv|xlsx] [--mode all_or_nothing|valid_rows_only] [--dry-run] [--data DIR] [--json]',
  async run(args, io) {
    const [path, ...rest] = args;
    if (!path || path.startsWith('--')) throw new UsageError('name the file to import');
    const { values } = parse(rest, {
      ...COMMON_OPTIONS,
      org: { type: 'string' },
      format: { type: 'string' },
      mode: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    });
    const org = Uuid.safeParse(values.org);
    if (!org.success) throw new UsageError('--org must be an organisation id (UUID)');
    const format = ExchangeFormat.safeParse(values.format ?? extname(path).slice(1).toLowerCase());
    if (!format.success) throw new UsageError('--format must be csv or xlsx');
    const mode = ImportMode.safeParse(values.mode ?? 'all_or_nothing');
    if (!mode.success) throw new UsageError('--mode must be all_or_nothing or valid_rows_only');
    const file = await readFile(path);

    try {
      const result = await withRuntime(values.data, async (rt) => {
        const exists = await rt.db.transaction(SYSTEM, (tx) => findOrganisation(tx, org.data));
        if (!exists) throw new Error('no organisation with that id');
        return withSystemExchange(rt.db, rt.keyring, org.data, (ctx) =>
          importCases(ctx, {
            format: format.data,
            mode: mode.data,
            dryRun: values['dry-run'],
            file,
          }),
        );
      });
      if (values.json) io.out(JSON.stringify(result));
      else {
        for (const e of result.errors) io.err(`${where(e)}: ${e.message}`);
        for (const w of result.warnings) io.err(`${where(w)}: warning: ${w.message}`);
        io.out(
          `${result.dryRun ? 'Would import' : 'Imported'} ${result.imported} of ${result.rows} cases` +
            (result.firstReference ? ` (${result.firstReference} … ${result.lastReference})` : '') +
            (result.skipped ? `; ${result.skipped} rows skipped` : '') +
            '.',
        );
      }
      return result.errorCount > 0 ? 1 : 0;
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation_failed') throw e;
      const issues = (e.details ?? []) as ImportIssue[];
      if (values.json)
        io.out(JSON.stringify({ error: { code: e.code, message: e.message, details: issues } }));
      else for (const i of issues) io.err(`${where(i)}: ${i.message}`);
      io.err(`lantern: ${e.message}`);
      return 1;
    }
  },
};
