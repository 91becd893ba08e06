import { writeFile } from 'node:fs/promises';
import { Uuid } from '../../shared/api/common.schema.ts';
import { ExportQuery } from '../../shared/api/exchange.schema.ts';
import { SYSTEM } from '../../server/db/database.ts';
import { withSystemExchange } from '../../server/exchange/exchange-context.ts';
import { exportCases } from '../../server/exchange/export-cases.ts';
import { findOrganisation } from '../../server/organisations/organisations.repo.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { COMMON_OPTIONS, parse, withRuntime } from '../runtime-args.ts';

export const casesExportCommand: Command = {
  path: ['cases', 'export'],
  summary: 'Export an organisation’s cases as an HTCDS spreadsheet (audited; personal data)',
  usage:
    'cases export --org ORG_ID [--format csv|xlsx] [--out FILE] [--status S,…] [--data DIR] [--json]',
  async run(args, io) {
    const { values } = parse(args, {
      ...COMMON_OPTIONS,
      org: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      status: { type: 'string' },
    });
    const org = Uuid.safeParse(values.org);
    if (!org.success) throw new UsageError('--org must be an organisation id (UUID)');
    const query = ExportQuery.safeParse({
      format: values.format,
      ...(values.status ? { status: values.status } : {}),
    });
    if (!query.success) throw new UsageError('--format must be csv or xlsx; --status HTCDS codes');
    if (query.data.format === 'xlsx' && !values.out) {
      throw new UsageError('--out FILE is needed for xlsx (a workbook is not text)');
    }
    const file = await withRuntime(values.data, async (rt) => {
      const exists = await rt.db.transaction(SYSTEM, (tx) => findOrganisation(tx, org.data));
      if (!exists) throw new Error('no organisation with that id');
      return withSystemExchange(rt.db, rt.keyring, org.data, (ctx) => exportCases(ctx, query.data));
    });
    if (values.out) {
      await writeFile(values.out, file.body, { mode: 0o600 });
      io.out(
        values.json
          ? JSON.stringify({ exported: file.count, file: values.out })
          : `Exported ${file.count} cases to ${values.out}.`,
      );
    } else {
      io.out(file.body.toString('utf8'));
    }
    return 0;
  },
};
