import { randomUUID } from 'node:crypto';
import type { HubLayout, HubSourceKind } from '../../shared/api/hub.schema.ts';
import { CTDC_COLUMNS } from '../../shared/hub/ctdc/global-layout.ts';
import type { Tx } from '../db/database.ts';

// All SQL of the hub store's sources and rows (docs/hub.md). Row-level security decides who
// reaches them (migration 0016): analysts of any organisation read the whole store, an
// organisation writes and withdraws only its own sources.

/** What the store records of a new source; its rows come separately. */
export interface HubSourceInput {
  kind: HubSourceKind;
  /** The contributing or importing organisation (the transaction's own). */
  orgId: string;
  label: string;
  /** The approved contribution; required for kind 'contribution', absent for an import. */
  contributionId?: string | null;
  /** Default 'global' (a contribution's rows are made by `ctdcRowOfCase`). */
  layout?: HubLayout;
  /** The layout's columns in order; default the CTDC global dataset's 63. */
  columns?: readonly string[];
  /** Default the transaction's signed-in user. */
  createdBy?: string;
  /** Default the database's clock. */
  at?: Date;
}

/** Rows sent to the database per statement (one text[] parameter each). */
const CHUNK = 5_000;
/**
 * A record is stored as its cells joined by the unit separator (U+001F), one text per record
 * (migration 0016). CTDC cells are codes from closed vocabularies (readCtdc, ctdcRowOfCase),
 * never control characters.
 */
const SEP = '\u001f';
/** Records read back together are joined by the record separator (U+001E). */
const ROW_SEP = '\u001e';

/** How many unit separators `line` holds; -1 when it holds a record separator (U+001E). */
function separatorsIn(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 0x1f) n++;
    else if (ch === 0x1e) return -1;
  }
  return n;
}

/**
 * Adds a source and its rows to the hub store, in the caller's transaction. The rows must be
 * de-identified already (a contribution after its disclosure check, an import after readCtdc):
 * the store holds CTDC codes only, never a name or an identifier. Every row must have as many
 * cells as the layout has columns, and no cell may hold a control character.
 */
export async function insertHubSource(
  tx: Tx,
  source: HubSourceInput,
  rows: readonly (readonly string[])[],
): Promise<{ sourceId: string }> {
  const columns = source.columns ?? CTDC_COLUMNS;
  const contributionId = source.contributionId ?? null;
  if ((source.kind === 'contribution') !== (contributionId !== null)) {
    throw new Error('a contribution source names its contribution, an import none');
  }
  // Joined once, checked on the joined text (one pass over its characters, not one per cell).
  const lines = rows.map((r, i) => {
    if (r.length !== columns.length) {
      throw new Error(`hub row ${i + 1} has ${r.length} cells, the layout ${columns.length}`);
    }
    const line = r.join(SEP);
    if (separatorsIn(line) !== r.length - 1)
      throw new Error(`hub row ${i + 1} holds a control character`);
    return line;
  });
  const sourceId = randomUUID();
  await tx.query(
    `INSERT INTO hub_sources (id, kind, org_id, label, layout, columns, row_count,
                              contribution_id, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
             coalesce($9::uuid, nullif(current_setting('lantern.user_id', true), '')::uuid),
             coalesce($10::timestamptz, now()))`,
    [
      sourceId,
      source.kind,
      source.orgId,
      source.label,
      source.layout ?? 'global',
      columns,
      rows.length,
      contributionId,
      source.createdBy ?? null,
      source.at ?? null,
    ],
  );
  for (let start = 0; start < lines.length; start += CHUNK) {
    await tx.query(
      `INSERT INTO hub_records (source_id, org_id, ord, cells)
       SELECT $1, $2, $3::int + x.o::int, x.line
         FROM unnest($4::text[]) WITH ORDINALITY AS x(line, o)`,
      [sourceId, source.orgId, start, lines.slice(start, start + CHUNK)],
    );
  }
  return { sourceId };
}

/**
 * Withdraws a source: deletes its rows from the store and marks it withdrawn (the source row
 * stays, so that past releases still name it). Returns false when the source is not found (or
 * belongs to another organisation) or was withdrawn already.
 */
export async function withdrawHubSource(
  tx: Tx,
  sourceId: string,
  at: Date | null = null,
): Promise<boolean> {
  const updated = await tx.query<{ id: string }>(
    `UPDATE hub_sources SET withdrawn_at = coalesce($2::timestamptz, now())
      WHERE id = $1 AND withdrawn_at IS NULL AND org_id = lantern_org_id()
      RETURNING id`,
    [sourceId, at],
  );
  if (updated.length === 0) return false;
  await tx.query('DELETE FROM hub_records WHERE source_id = $1', [sourceId]);
  return true;
}

export interface HubSourceRow {
  id: string;
  kind: HubSourceKind;
  orgId: string;
  label: string;
  layout: HubLayout;
  columns: string[];
  rowCount: number;
  contributionId: string | null;
  createdAt: Date;
  withdrawnAt: Date | null;
}

const SOURCE_COLUMNS = `id, kind, org_id AS "orgId", label, layout, columns, row_count AS "rowCount",
  contribution_id AS "contributionId", created_at AS "createdAt", withdrawn_at AS "withdrawnAt"`;

/** The sources the transaction may see (an analyst: all), newest first. */
export async function listHubSources(tx: Tx): Promise<HubSourceRow[]> {
  return tx.query<HubSourceRow>(
    `SELECT ${SOURCE_COLUMNS} FROM hub_sources ORDER BY created_at DESC, id`,
  );
}

/** The named sources that the transaction may see, in no particular order. */
export async function getHubSources(tx: Tx, ids: readonly string[]): Promise<HubSourceRow[]> {
  return tx.query<HubSourceRow>(
    `SELECT ${SOURCE_COLUMNS} FROM hub_sources WHERE id = ANY($1::uuid[])`,
    [ids],
  );
}

/** Rows read back per statement in `readHubRows`. */
const READ_CHUNK = 50_000;

/**
 * The rows of one source, in the order they were stored. Equal rows may be one array: treat
 * the rows as read-only (the engines copy what they change).
 */
export async function readHubRows(tx: Tx, sourceId: string): Promise<string[][]> {
  // Each chunk as one text (records joined by U+001E): PGlite decodes 100,000 one-field result
  // rows in about 0.8 s, the same as five texts in 0.3 s. In chunks, by `ord`, so that no text
  // nears PostgreSQL's 1 GB limit on a value.
  const out: string[][] = [];
  // De-identified rows repeat (a k-anonymous release has few distinct rows): a repeated row
  // shares the cells read for its first occurrence instead of being split again.
  const seen = new Map<string, string[]>();
  let after = 0;
  for (;;) {
    const [chunk] = await tx.query<{ n: number; last: number | null; text: string | null }>(
      `SELECT count(*)::int AS n, max(ord) AS last,
              string_agg(cells, E'\\x1e' ORDER BY ord) AS text
         FROM (SELECT ord, cells FROM hub_records
                WHERE source_id = $1 AND ord > $2 ORDER BY ord LIMIT $3) x`,
      [sourceId, after, READ_CHUNK],
    );
    if (!chunk || chunk.n === 0 || chunk.text === null || chunk.last === null) return out;
    const lines = chunk.text.split(ROW_SEP);
    if (lines.length !== chunk.n) throw new Error('a hub record holds a record separator');
    for (const line of lines) {
      let cells = seen.get(line);
      if (!cells) seen.set(line, (cells = line.split(SEP)));
      out.push(cells);
    }
    if (chunk.n < READ_CHUNK) return out;
    after = chunk.last;
  }
}
