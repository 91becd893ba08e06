import { readFile, writeFile } from 'node:fs/promises';
import { Uuid } from '../../shared/api/common.schema.ts';
import type {
  DirectoryImportIssue,
  DirectoryImportResult,
} from '../../shared/api/directory.schema.ts';
import type { Database } from '../../server/db/database.ts';
import { SYSTEM } from '../../server/db/database.ts';
import { exportDirectory, importDirectory } from '../../server/directory/directory-exchange.ts';
import { withSystemExchange } from '../../server/exchange/exchange-context.ts';
import { AppError } from '../../server/http/app-error.ts';
import {
  findOrganisation,
  listOrganisations,
} from '../../server/organisations/organisations.repo.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { COMMON_OPTIONS, parse, withRuntime } from '../runtime-args.ts';

/**
 * The organisation whose listings are imported or exported: --org, or the only organisation
 * of the instance when there is just one (a single-organisation installation needs no id).
 */
async function listingOrg(db: Database, org: string | undefined): Promise<string> {
  if (org !== undefined) {
    const id = Uuid.safeParse(org);
    if (!id.success) throw new UsageError('--org must be an organisation id (UUID)');
    const exists = await db.transaction(SYSTEM, (tx) => findOrganisation(tx, id.data));
    if (!exists) throw new Error('no organisation with that id');
    return id.data;
  }
  const all = await db.transaction(SYSTEM, (tx) => listOrganisations(tx));
  if (all.length === 1) return all[0]!.id;
  if (all.length === 0) {
    throw new Error('this instance has no organisation yet: create one with "lantern org create"');
  }
  throw new UsageError(`--org is required: this instance has ${all.length} organisations`);
}

const where = (i: DirectoryImportIssue) => `row ${i.row}${i.column ? `, column ${i.column}` : ''}`;

export const servicesImportCommand: Command = {
  path: ['services', 'import'],
  summary: 'Import service directory listings from CSV (all or nothing; docs/directory.md)',
  usage: 'services import FILE.csv [--org ORG_ID] [--data DIR] [--json]',
  async run(args, io) {
    const [path, ...rest] = args;
    if (!path || path.startsWith('--')) throw new UsageError('name the CSV file to import');
    const { values } = parse(rest, { ...COMMON_OPTIONS, org: { type: 'string' } });
    const file = await readFile(path);

    let result: DirectoryImportResult;
    try {
      result = await withRuntime(values.data, async (rt) => {
        const orgId = await listingOrg(rt.db, values.org);
        return withSystemExchange(rt.db, rt.keyring, orgId, (ctx) => importDirectory(ctx, file));
      });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation_failed') throw e;
      result = { imported: 0, errors: (e.details ?? []) as DirectoryImportIssue[] };
    }
    if (values.json) io.out(JSON.stringify({ imported: result.imported, errors: result.errors }));
    else {
      for (const e of result.errors) io.err(`${where(e)}: ${e.message}`);
      io.out(
        result.errors.length > 0
          ? `Nothing imported: ${result.errors.length} error(s).`
          : `Imported ${result.imported} services.`,
      );
    }
    return result.errors.length > 0 ? 1 : 0;
  },
};

export const servicesExportCommand: Command = {
  path: ['services', 'export'],
  summary: 'Export an organisation’s service directory listings as CSV (the import’s columns)',
  usage: 'services export [--org ORG_ID] [--out FILE] [--data DIR] [--json]',
  async run(args, io) {
    const { values } = parse(args, {
      ...COMMON_OPTIONS,
      org: { type: 'string' },
      out: { type: 'string' },
    });
    const file = await withRuntime(values.data, async (rt) => {
      const orgId = await listingOrg(rt.db, values.org);
      return withSystemExchange(rt.db, rt.keyring, orgId, (ctx) => exportDirectory(ctx));
    });
    if (values.out) {
      await writeFile(values.out, file.body);
      io.out(
        values.json
          ? JSON.stringify({ exported: file.count, file: values.out })
          : `Exported ${file.count} services to ${values.out}.`,
      );
    } else {
      io.out(file.body);
    }
    return 0;
  },
};

/** `services import` and `services export`, registered together in index.ts. */
export const servicesCommands: Command[] = [servicesImportCommand, servicesExportCommand];
