import { randomUUID } from 'node:crypto';
import type {
  HubBudget,
  HubLayout,
  Publication,
  PublicationCreateBody,
  PublicationParameters,
  PublicationPreview,
  PublicationStatus,
} from '../../shared/api/hub.schema.ts';
import { HUB_PREVIEW_ROWS } from '../../shared/api/hub.schema.ts';
import { BudgetError, spendBudget } from '../../shared/hub/dp/index.ts';
import type { Table } from '../../shared/hub/table.ts';
import { TableError, writeTable } from '../../shared/hub/table.ts';
import { AppError } from '../http/app-error.ts';
import { guaranteeFaults, readStoredTable } from './guarantee.ts';
import type { HubContext } from './hub-context.ts';
import { budgetOf } from './hub-context.ts';
import type { HubSourceRow } from './hub-store.repo.ts';
import { getHubSources, readHubRows } from './hub-store.repo.ts';
import type { BuildOptions, BuiltPublication } from './publication-build.ts';
import { buildPublication } from './publication-build.ts';
import { conflict, publicationRefusal } from './publication-refusals.ts';
import type { PublicationRow, PublicationSourceRow } from './publications.repo.ts';
import {
  getPublication,
  getPublicationContent,
  insertLedgerEntries,
  insertPublication,
  ledgerEntries,
  listPublications,
  lockSources,
  markReleased,
} from './publications.repo.ts';

interface Sources {
  rows: HubSourceRow[];
  layout: HubLayout;
  table: Table;
}

/** The named sources and all their rows; refuses a missing, withdrawn or mixed-layout set. */
async function loadSources(
  ctx: HubContext,
  ids: readonly string[],
  prefix: string,
): Promise<Sources> {
  const found = new Map((await getHubSources(ctx.tx, ids)).map((r) => [r.id, r]));
  const rows = ids.map((id, i) => {
    const r = found.get(id);
    if (!r)
      throw AppError.invalid([{ path: `${prefix}sourceIds.${i}`, message: 'no such source' }]);
    if (r.withdrawnAt)
      throw AppError.invalid([
        { path: `${prefix}sourceIds.${i}`, message: 'the source was withdrawn; its rows are gone' },
      ]);
    return r;
  });
  const first = rows[0]!;
  const other = rows.findIndex((r) => r.layout !== first.layout);
  if (other >= 0)
    throw AppError.invalid([
      {
        path: `${prefix}sourceIds.${other}`,
        message: `the sources of one publication must share a layout (${first.layout}, this one ${rows[other]!.layout})`,
      },
    ]);
  const all: string[][] = [];
  for (const r of rows) for (const row of await readHubRows(ctx.tx, r.id)) all.push(row);
  return { rows, layout: first.layout, table: { columns: first.columns, rows: all } };
}

/**
 * Runs an engine; what it refuses is a 422 naming the rule and the parameter when the guarantee
 * cannot be met, a 400 naming the field otherwise (publication-refusals.ts): never a weaker release.
 */
function build(
  sources: Sources,
  p: PublicationParameters,
  prefix: string,
  o: BuildOptions,
): BuiltPublication {
  try {
    return buildPublication(sources.table, sources.layout, p, o);
  } catch (e) {
    throw publicationRefusal(e, {
      p,
      prefix,
      records: sources.table.rows.length,
      // Which of k and l cannot hold: k alone is tried once more, on this refusal only.
      kAlone: () => {
        try {
          const kOnly = p.kind === 'microdata' ? { ...p, l: undefined } : p;
          buildPublication(sources.table, sources.layout, kOnly, o);
          return true;
        } catch {
          return false;
        }
      },
    });
  }
}

async function budgetsOf(
  ctx: HubContext,
  sourceIds: readonly string[],
): Promise<
  { sourceId: string; budget: HubBudget; entries: { epsilon: number; delta: number }[] }[]
> {
  const ledger = await ledgerEntries(ctx.tx, sourceIds);
  return sourceIds.map((id) => {
    const entries = ledger.get(id) ?? [];
    return { sourceId: id, budget: budgetOf(ctx.options, entries), entries };
  });
}

/** Refuses (409, naming what remains) a spend that would take any source past its budget. */
function checkBudgets(
  ctx: HubContext,
  budgets: Awaited<ReturnType<typeof budgetsOf>>,
  spend: { epsilon: number; delta: number },
): void {
  for (const b of budgets) {
    try {
      spendBudget(
        {
          budgetEpsilon: ctx.options.budget.epsilon,
          budgetDelta: ctx.options.budget.delta,
          entries: b.entries,
        },
        spend,
      );
    } catch (e) {
      if (!(e instanceof BudgetError)) throw e;
      throw conflict('budget_exceeded', `Source ${b.sourceId}: ${e.message}.`, {
        sourceId: b.sourceId,
        remaining: e.remaining,
        budgets: budgets.map(({ sourceId, budget }) => ({ sourceId, budget })),
      });
    }
  }
}

/** What the publication would be: its report and first rows, and the sources' budgets. */
export async function previewPublication(
  ctx: HubContext,
  p: PublicationParameters,
  o: BuildOptions = {},
): Promise<PublicationPreview> {
  const sources = await loadSources(ctx, p.sourceIds, '');
  const built = build(sources, p, '', o);
  const budgets = await budgetsOf(ctx, p.sourceIds);
  return {
    report: built.report,
    columns: built.columns,
    rows: built.rows.slice(0, HUB_PREVIEW_ROWS),
    budget: budgets.map(({ sourceId, budget }) => ({ sourceId, budget })),
  };
}

export function presentPublication(row: PublicationRow): Publication {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    description: row.description,
    sources: row.sources,
    parameters: row.parameters,
    report: row.report,
    columns: row.columns,
    rowCount: row.rowCount,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    releasedAt: row.releasedAt?.toISOString() ?? null,
  };
}

const sourceSummary = (r: HubSourceRow): PublicationSourceRow => ({
  id: r.id,
  kind: r.kind,
  label: r.label,
  layout: r.layout,
  rowCount: r.rowCount,
});

/**
 * Makes a draft: the file is built now and stored with its report, so that what is reviewed
 * is exactly what a release publishes. A DP draft that its sources' budgets could not pay for
 * is refused at once (409); the budget is spent only when it is released.
 */
export async function createPublication(
  ctx: HubContext,
  body: PublicationCreateBody,
  o: BuildOptions = {},
): Promise<Publication> {
  const p = body.parameters;
  const sources = await loadSources(ctx, p.sourceIds, 'parameters.');
  const built = build(sources, p, 'parameters.', o);
  if (built.spend) checkBudgets(ctx, await budgetsOf(ctx, p.sourceIds), built.spend);
  const id = randomUUID();
  const row: PublicationRow = {
    id,
    kind: p.kind,
    status: 'draft',
    orgId: ctx.orgId,
    title: body.title,
    description: body.description ?? null,
    sources: sources.rows.map(sourceSummary),
    parameters: p,
    report: built.report,
    columns: built.columns,
    rowCount: built.rows.length,
    createdBy: ctx.userId,
    createdAt: ctx.clock.now(),
    releasedAt: null,
  };
  await insertPublication(ctx.tx, {
    ...row,
    content: writeTable({ columns: built.columns, rows: built.rows }),
  });
  await ctx.audit({
    action: 'hub.publication.created',
    recordType: 'hub_publication',
    recordId: id,
    fields: ['kind', 'sources', 'parameters'],
  });
  return presentPublication(row);
}

export async function listAllPublications(
  ctx: HubContext,
  status: PublicationStatus | undefined,
): Promise<Publication[]> {
  return (await listPublications(ctx.tx, status ?? null)).map(presentPublication);
}

/**
 * Releases a draft after checking it once more: its sources are still in the store (a
 * withdrawn contribution is not published afresh); a microdata file still meets its stated k
 * (and l) on the rows stored; a DP file's sources can still pay for it — then spends it.
 */
export async function releasePublication(ctx: HubContext, id: string): Promise<Publication> {
  // Not locked here: the update below changes only a draft, so of two releases racing one
  // finds nothing to change and rolls back with its ledger entries.
  const pub = await getPublication(ctx.tx, id);
  if (!pub) throw AppError.notFound('publication');
  if (pub.status !== 'draft')
    throw conflict('already_released', 'The publication is released already.');
  const sourceIds = pub.sources.map((s) => s.id);
  const current = await getHubSources(ctx.tx, sourceIds);
  const withdrawn = current.filter((s) => s.withdrawnAt !== null);
  if (withdrawn.length > 0)
    throw conflict(
      'source_withdrawn',
      'A source of this draft was withdrawn after it was made; make the publication again.',
      { sourceIds: withdrawn.map((s) => s.id) },
    );
  const p = pub.parameters;
  if (p.kind === 'microdata') {
    let stored: Table;
    try {
      stored = readStoredTable((await getPublicationContent(ctx.tx, id)) ?? '');
    } catch (e) {
      if (!(e instanceof TableError)) throw e;
      throw conflict(
        'guarantee_broken',
        `Refused: the stored file cannot be read (${e.message}).`,
        { k: p.k, l: p.l ?? null, faults: [`the stored file cannot be read (${e.message})`] },
      );
    }
    const faults = guaranteeFaults(stored, p.qi, p.k, p.l ?? null);
    if (stored.rows.length !== pub.rowCount)
      faults.push(`the file has ${stored.rows.length} rows, the draft ${pub.rowCount}`);
    if (faults.length > 0)
      throw conflict(
        'guarantee_broken',
        `Refused: the file does not meet its guarantee: ${faults.join('; ')}.`,
        { k: p.k, l: p.l ?? null, faults },
      );
  } else {
    await lockSources(ctx.tx, sourceIds);
    const spend = { epsilon: p.epsilon, delta: p.delta };
    checkBudgets(ctx, await budgetsOf(ctx, sourceIds), spend);
    await insertLedgerEntries(ctx.tx, id, sourceIds, spend, ctx.clock.now());
  }
  const at = ctx.clock.now();
  if (!(await markReleased(ctx.tx, id, ctx.userId, at)))
    throw conflict('already_released', 'The publication is released already.');
  await ctx.audit({
    action: 'hub.publication.released',
    recordType: 'hub_publication',
    recordId: id,
    fields: ['status'],
  });
  return presentPublication({ ...pub, status: 'released', releasedAt: at });
}
