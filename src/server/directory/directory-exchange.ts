import type {
  DirectoryImportIssue,
  DirectoryImportResult,
} from '../../shared/api/directory.schema.ts';
import { DIRECTORY_IMPORT_MAX_ROWS } from '../../shared/api/directory.schema.ts';
import type { DirectoryCsvRow } from '../../shared/directory/csv.ts';
import { readDirectoryCsv, writeDirectoryCsv } from '../../shared/directory/csv.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../shared/ids.ts';
import type { ProviderRow, ProviderWrite, ServiceRow } from './directory.repo.ts';
import {
  insertProvider,
  insertService,
  listOwnProviders,
  listOwnServices,
  organisationExists,
  updateProvider,
} from './directory.repo.ts';
import type { DirectoryContext } from './directory.service.ts';
import { newServiceWrite, replaceService } from './directory.service.ts';

/**
 * CSV import and export of an organisation's listings (docs/directory.md). The import is one
 * transaction: every row is checked first, and any error imports nothing; the answer lists
 * every error with its row (the header being row 1) and column.
 */

const issue = (row: number, column: string | null, message: string): DirectoryImportIssue => ({
  row,
  column,
  message,
});

/** The provider a row names, as the import will write it. */
interface ProviderPlan {
  name: string;
  firstRow: DirectoryCsvRow;
  providerOrgId: string | null;
  stored: ProviderRow | undefined;
}

const receiverOf = (row: DirectoryCsvRow, orgId: string): string | null =>
  row.receiver.kind === 'self' ? orgId : row.receiver.kind === 'org' ? row.receiver.orgId : null;

/** Provider columns that must agree on every row of one provider. */
const PROVIDER_COLUMNS = [
  ['provider_phone', (r: DirectoryCsvRow) => r.provider.phone],
  ['provider_email', (r: DirectoryCsvRow) => r.provider.email],
  ['provider_website', (r: DirectoryCsvRow) => r.provider.website],
] as const;

function decodeUtf8(file: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return null;
  }
}

/**
 * Checks every row, then writes providers (matched by exact name among the organisation's
 * listings; created when new, their contacts updated from the rows) and services (created, or
 * updated when `service_id` names one of the organisation's services). Throws
 * `validation_failed` with every error as details when anything is wrong: nothing is written.
 */
export async function importDirectory(
  ctx: DirectoryContext,
  file: Uint8Array,
): Promise<DirectoryImportResult> {
  const text = decodeUtf8(file);
  if (text === null) throw failure([issue(1, null, 'the file is not UTF-8 text')]);
  const read = readDirectoryCsv(text, DIRECTORY_IMPORT_MAX_ROWS);
  const errors = [...read.errors];

  const providers = new Map((await listOwnProviders(ctx.tx, ctx.orgId)).map((p) => [p.name, p]));
  const services = new Map((await listOwnServices(ctx.tx, ctx.orgId)).map((s) => [s.id, s]));

  const plans = new Map<string, ProviderPlan>();
  const seenServices = new Map<string, number>();
  const receivers = new Map<string, DirectoryCsvRow[]>();
  for (const row of read.rows) {
    if (row.serviceId !== null) {
      const earlier = seenServices.get(row.serviceId);
      if (!services.has(row.serviceId)) {
        errors.push(issue(row.row, 'service_id', 'is not a service listed by your organisation'));
      } else if (earlier !== undefined) {
        errors.push(issue(row.row, 'service_id', `is already updated by row ${earlier}`));
      } else seenServices.set(row.serviceId, row.row);
    }
    const providerOrgId = receiverOf(row, ctx.orgId);
    if (providerOrgId !== null && providerOrgId !== ctx.orgId) {
      receivers.set(providerOrgId, [...(receivers.get(providerOrgId) ?? []), row]);
    }
    const plan = plans.get(row.provider.name);
    if (!plan) {
      plans.set(row.provider.name, {
        name: row.provider.name,
        firstRow: row,
        providerOrgId,
        stored: providers.get(row.provider.name),
      });
      continue;
    }
    // One provider, one set of contacts: rows that disagree would overwrite each other.
    for (const [column, value] of PROVIDER_COLUMNS) {
      if (value(row) !== value(plan.firstRow)) {
        errors.push(
          issue(row.row, column, `differs from row ${plan.firstRow.row} (same provider)`),
        );
      }
    }
    if (providerOrgId !== plan.providerOrgId) {
      errors.push(
        issue(
          row.row,
          'receiving_organisation',
          `differs from row ${plan.firstRow.row} (same provider)`,
        ),
      );
    }
  }
  const now = ctx.clock.now();
  for (const [orgId, rows] of receivers) {
    if (await organisationExists(ctx.tx, orgId, ctx.orgId, now)) continue;
    for (const r of rows) {
      errors.push(
        issue(r.row, 'receiving_organisation', 'is not an organisation on this instance'),
      );
    }
  }
  if (errors.length > 0) throw failure(errors);

  // Every row is good: write.
  const providerIds = new Map<string, string>();
  for (const plan of plans.values()) {
    const r = plan.firstRow;
    const write: ProviderWrite = {
      id: plan.stored?.id ?? newId(),
      orgId: ctx.orgId,
      providerOrgId: plan.providerOrgId,
      name: plan.name,
      description: plan.stored?.description ?? null,
      phone: r.provider.phone,
      email: r.provider.email,
      website: r.provider.website,
      active: plan.stored?.active ?? true,
      updatedAt: now,
    };
    providerIds.set(plan.name, write.id);
    if (!plan.stored) {
      await insertProvider(ctx.tx, write, now);
      await ctx.audit({ action: 'provider.created', recordType: 'provider', recordId: write.id });
    } else if (providerChanged(plan.stored, write)) {
      await updateProvider(ctx.tx, write);
      await ctx.audit({ action: 'provider.updated', recordType: 'provider', recordId: write.id });
    }
  }
  for (const row of read.rows) {
    const providerId = providerIds.get(row.provider.name)!;
    const stored: ServiceRow | undefined = row.serviceId ? services.get(row.serviceId) : undefined;
    const write = newServiceWrite(ctx.orgId, providerId, row.service, now, stored?.id);
    if (stored) {
      await replaceService(ctx, stored, write);
      await ctx.audit({ action: 'service.updated', recordType: 'service', recordId: write.id });
    } else {
      await insertService(ctx.tx, write, now);
      await ctx.audit({ action: 'service.created', recordType: 'service', recordId: write.id });
    }
  }
  await ctx.audit({ action: 'directory.imported', recordType: 'service' });
  return { imported: read.rows.length, errors: [] };
}

const providerChanged = (a: ProviderRow, b: ProviderWrite) =>
  a.providerOrgId !== b.providerOrgId ||
  a.phone !== b.phone ||
  a.email !== b.email ||
  a.website !== b.website;

function failure(errors: DirectoryImportIssue[]): AppError {
  errors.sort((a, b) => a.row - b.row);
  const rows = new Set(errors.map((e) => e.row)).size;
  return new AppError(
    'validation_failed',
    `Nothing was imported: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}.`,
    errors,
  );
}

export interface DirectoryExport {
  body: string;
  count: number;
  filename: string;
}

/** The organisation's listings as CSV (every service, active or not); audited. */
export async function exportDirectory(ctx: DirectoryContext): Promise<DirectoryExport> {
  const rows = await listOwnServices(ctx.tx, ctx.orgId);
  const providers = new Map((await listOwnProviders(ctx.tx, ctx.orgId)).map((p) => [p.id, p]));
  const body = writeDirectoryCsv(
    rows.map((s) => {
      const p = providers.get(s.providerId)!;
      return {
        ...s,
        provider: { name: p.name, phone: p.phone, email: p.email, website: p.website },
      };
    }),
    ctx.orgId,
  );
  await ctx.audit({ action: 'directory.exported', recordType: 'service' });
  const day = ctx.clock.now().toISOString().slice(0, 10);
  return { body, count: rows.length, filename: `lantern-directory-${day}.csv` };
}
