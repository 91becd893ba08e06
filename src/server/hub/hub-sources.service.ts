import type {
  HubBudgetList,
  HubImportBody,
  HubImportIssue,
  HubImportResult,
  HubSource,
} from '../../shared/api/hub.schema.ts';
import { HUB_IMPORT_MAX_ROWS } from '../../shared/api/hub.schema.ts';
import { readCtdc } from '../../shared/hub/ctdc/index.ts';
import { mayQuote } from '../../shared/hub/ctdc/validate.ts';
import type { CtdcFile } from '../../shared/hub/ctdc/index.ts';
import { TableError } from '../../shared/hub/table.ts';
import { AppError } from '../http/app-error.ts';
import type { HubContext } from './hub-context.ts';
import { budgetOf } from './hub-context.ts';
import type { HubSourceRow } from './hub-store.repo.ts';
import { getHubSources, insertHubSource, listHubSources } from './hub-store.repo.ts';
import { ledgerEntries } from './publications.repo.ts';

/** Faults listed in one answer; the message gives the total. */
const MAX_LISTED = 200;

export function presentSource(
  ctx: HubContext,
  row: HubSourceRow,
  entries: readonly { epsilon: number; delta: number }[],
): HubSource {
  return {
    id: row.id,
    kind: row.kind,
    orgId: row.orgId,
    label: row.label,
    layout: row.layout,
    columns: row.columns,
    rowCount: row.rowCount,
    contributionId: row.contributionId,
    createdAt: row.createdAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    budget: budgetOf(ctx.options, entries),
  };
}

/** Every source of the hub store, newest first, with what its budget has left. */
export async function listSources(ctx: HubContext): Promise<HubSource[]> {
  const rows = await listHubSources(ctx.tx);
  const ledger = await ledgerEntries(
    ctx.tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentSource(ctx, r, ledger.get(r.id) ?? []));
}

export async function listBudgets(ctx: HubContext): Promise<HubBudgetList> {
  const sources = await listSources(ctx);
  return {
    sources: sources.map((s) => ({
      sourceId: s.id,
      label: s.label,
      withdrawn: s.withdrawnAt !== null,
      budget: s.budget,
    })),
  };
}

/** `column "x": …` → x: readCtdc names the column at the head of a cell's fault. */
const COLUMN_OF = /^column "([^"]+)"/;

/**
 * A quoted cell value in a fault. The reader quotes only values of the column's own shape; this
 * checks again before the message leaves the server (defence in depth: a value that could be a
 * name is described by its length, never sent back).
 */
const QUOTED_VALUE = /^(column "([^"]+)": )"(.*)"( is not allowed)/;
const redact = (message: string): string =>
  message.replace(QUOTED_VALUE, (all, head: string, column: string, v: string, tail: string) =>
    mayQuote(column, v) ? all : `${head}a value of ${[...v].length} characters${tail}`,
  );

function importIssues(e: TableError): HubImportIssue[] {
  return e.faults.slice(0, MAX_LISTED).map((f) => ({
    row: f.row,
    column: COLUMN_OF.exec(f.message)?.[1] ?? null,
    message: redact(f.message),
  }));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readFile(content: string): CtdcFile {
  let text: string;
  try {
    text = utf8.decode(Buffer.from(content, 'base64'));
  } catch {
    throw AppError.invalid([{ path: 'content', message: 'the file is not UTF-8 text' }]);
  }
  try {
    return readCtdc(text);
  } catch (e) {
    if (!(e instanceof TableError)) throw e;
    const issues = importIssues(e);
    // Each issue names the body field too, as every validation error does.
    throw new AppError(
      'validation_failed',
      `The file is not a CTDC file the hub can take, nothing was imported: ${issues[0] ? `row ${issues[0].row}: ${issues[0].message}` : e.message}${e.faults.length > 1 ? ` (and ${e.faults.length - 1} more)` : ''}`,
      issues.map((i) => ({ path: 'content', ...i })),
    );
  }
}

/**
 * Imports a CTDC file (global or synthetic layout) as a new source of the hub store: every
 * cell is checked first and one fault refuses the whole file, so nothing is written unless all
 * of it is good. Audited in the analyst's organisation's chain (no value, only the counts).
 */
export async function importHubFile(
  ctx: HubContext,
  body: HubImportBody,
): Promise<HubImportResult> {
  const file = readFile(body.content);
  const { rows, columns } = file.table;
  if (rows.length === 0)
    throw AppError.invalid([{ path: 'content', message: 'the file has a header but no rows' }]);
  if (rows.length > HUB_IMPORT_MAX_ROWS)
    throw AppError.invalid([
      { path: 'content', message: `the file has more than ${HUB_IMPORT_MAX_ROWS} rows` },
    ]);
  const at = ctx.clock.now();
  const { sourceId } = await insertHubSource(
    ctx.tx,
    {
      kind: 'import',
      orgId: ctx.orgId,
      label: body.label,
      layout: file.layout,
      columns,
      createdBy: ctx.userId,
      at,
    },
    rows,
  );
  await ctx.audit({
    action: 'hub.imported',
    recordType: 'hub_source',
    recordId: sourceId,
    fields: ['label', 'layout', 'rows'],
  });
  const [row] = await getHubSources(ctx.tx, [sourceId]);
  return { source: presentSource(ctx, row!, []), imported: rows.length };
}
