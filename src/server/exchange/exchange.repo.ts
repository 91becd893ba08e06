import type { Tx } from '../db/database.ts';

/** What an export needs beyond the case list's row: the sealed identity and the owner's name. */
export interface ExportDetail {
  id: string;
  personId: string;
  identity: Uint8Array;
  ownerName: string | null;
}

const CHUNK = 5_000;

/** The persons' sealed identities and the owners' names of these cases (row-level security applies). */
export async function findExportDetails(
  tx: Tx,
  caseIds: readonly string[],
): Promise<ExportDetail[]> {
  const out: ExportDetail[] = [];
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const rows = await tx.query<ExportDetail>(
      `SELECT c.id, c.person_id AS "personId", p.identity, u.display_name AS "ownerName"
         FROM cases c JOIN persons p ON p.id = c.person_id
         LEFT JOIN users u ON u.id = c.case_owner
        WHERE c.id = ANY($1::uuid[])`,
      [caseIds.slice(i, i + CHUNK)],
    );
    out.push(...rows);
  }
  return out;
}
