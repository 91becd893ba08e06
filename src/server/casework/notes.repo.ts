import type { Tx } from '../db/database.ts';

export interface NoteRow {
  id: string;
  caseId: string;
  body: Uint8Array;
  authorId: string;
  authorName: string;
  createdAt: Date;
}

export async function insertNote(
  tx: Tx,
  n: { id: string; orgId: string; caseId: string; body: Buffer; authorId: string; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_notes (id, org_id, case_id, body, author_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [n.id, n.orgId, n.caseId, n.body, n.authorId, n.at],
  );
}

/** A case's notes, oldest first (a case file reads like a diary). */
export async function listNotes(tx: Tx, caseId: string): Promise<NoteRow[]> {
  return tx.query<NoteRow>(
    `SELECT n.id, n.case_id AS "caseId", n.body, n.author_id AS "authorId",
            u.display_name AS "authorName", n.created_at AS "createdAt"
       FROM case_notes n JOIN users u ON u.id = n.author_id
      WHERE n.case_id = $1
      ORDER BY n.created_at, n.id`,
    [caseId],
  );
}
