import type {
  PublicationKind,
  PublicationParameters,
  PublicationReport,
  PublicationStatus,
} from '../../shared/api/hub.schema.ts';
import type { Tx } from '../db/database.ts';

// All SQL of hub publications and of the privacy-budget ledger (docs/hub.md). Row-level
// security (migration 0016): analysts read and write them; anyone reads released publications.

export interface PublicationSourceRow {
  id: string;
  kind: 'contribution' | 'import';
  label: string;
  layout: 'global' | 'synthetic';
  rowCount: number;
}

export interface PublicationRow {
  id: string;
  kind: PublicationKind;
  status: PublicationStatus;
  orgId: string;
  title: string;
  description: string | null;
  sources: PublicationSourceRow[];
  parameters: PublicationParameters;
  report: PublicationReport;
  columns: string[];
  rowCount: number;
  createdBy: string;
  createdAt: Date;
  releasedAt: Date | null;
}

const COLUMNS = `id, kind, status, org_id AS "orgId", title, description, sources, parameters,
  report, columns, row_count AS "rowCount", created_by AS "createdBy", created_at AS "createdAt",
  released_at AS "releasedAt"`;

export interface PublicationInsert extends Omit<PublicationRow, 'status' | 'releasedAt'> {
  /** The file as CSV text, header first. */
  content: string;
}

export async function insertPublication(tx: Tx, p: PublicationInsert): Promise<void> {
  await tx.query(
    `INSERT INTO hub_publications (id, kind, status, org_id, title, description, sources,
                                   parameters, report, columns, row_count, content, created_by,
                                   created_at)
     VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      p.id,
      p.kind,
      p.orgId,
      p.title,
      p.description,
      JSON.stringify(p.sources),
      JSON.stringify(p.parameters),
      JSON.stringify(p.report),
      p.columns,
      p.rowCount,
      p.content,
      p.createdBy,
      p.createdAt,
    ],
  );
}

/** Publications the transaction may see (an analyst: all; the public: released), newest first. */
export async function listPublications(
  tx: Tx,
  status: PublicationStatus | null = null,
): Promise<PublicationRow[]> {
  return tx.query<PublicationRow>(
    `SELECT ${COLUMNS} FROM hub_publications
      WHERE ($1::text IS NULL OR status = $1)
      ORDER BY coalesce(released_at, created_at) DESC, id`,
    [status],
  );
}

export async function getPublication(tx: Tx, id: string): Promise<PublicationRow | null> {
  const [row] = await tx.query<PublicationRow>(
    `SELECT ${COLUMNS} FROM hub_publications WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

/** The published file (CSV text) of a publication the transaction may see. */
export async function getPublicationContent(tx: Tx, id: string): Promise<string | null> {
  const [row] = await tx.query<{ content: string }>(
    'SELECT content FROM hub_publications WHERE id = $1',
    [id],
  );
  return row?.content ?? null;
}

/** Marks a draft released; false when it is not a draft (any more). */
export async function markReleased(tx: Tx, id: string, by: string, at: Date): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE hub_publications SET status = 'released', released_by = $2, released_at = $3
      WHERE id = $1 AND status = 'draft' RETURNING id`,
    [id, by, at],
  );
  return rows.length > 0;
}

/** What each source has spent, entry by entry, oldest first. */
export async function ledgerEntries(
  tx: Tx,
  sourceIds: readonly string[],
): Promise<Map<string, { epsilon: number; delta: number }[]>> {
  const rows = await tx.query<{ sourceId: string; epsilon: number; delta: number }>(
    `SELECT source_id AS "sourceId", epsilon, delta FROM hub_budget_ledger
      WHERE source_id = ANY($1::uuid[]) ORDER BY seq`,
    [sourceIds],
  );
  const out = new Map<string, { epsilon: number; delta: number }[]>(
    sourceIds.map((id) => [id, []]),
  );
  for (const r of rows) out.get(r.sourceId)?.push({ epsilon: r.epsilon, delta: r.delta });
  return out;
}

/**
 * Serialises budget decisions on the sources: a release takes a transaction lock per source
 * (in id order, so two releases never wait on each other crosswise), and two releases spending
 * the same source cannot both pass the check against the same ledger. Advisory locks, because
 * an analyst may not lock another organisation's source row.
 */
export async function lockSources(tx: Tx, sourceIds: readonly string[]): Promise<void> {
  await tx.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('hub-budget:' || s::text, 0))
       FROM unnest($1::uuid[]) AS s ORDER BY s`,
    [sourceIds],
  );
}

export async function insertLedgerEntries(
  tx: Tx,
  publicationId: string,
  sourceIds: readonly string[],
  spend: { epsilon: number; delta: number },
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO hub_budget_ledger (source_id, publication_id, epsilon, delta, at)
     SELECT s, $2, $3, $4, $5 FROM unnest($1::uuid[]) AS s`,
    [sourceIds, publicationId, spend.epsilon, spend.delta, at],
  );
}

/**
 * Puts a system transaction under the app role with no organisation and no user: row-level
 * security then shows released publications and nothing else of the hub (the public pages).
 */
export async function enterPublicScope(tx: Tx): Promise<void> {
  await tx.exec(
    "SET LOCAL ROLE lantern_app; SELECT set_config('lantern.org_id', '', true), set_config('lantern.user_id', '', true)",
  );
}
