import type { Tx } from '../db/database.ts';

export interface FollowUpRow {
  id: string;
  date: string;
  /** Sealed {notes}. */
  notes: Uint8Array;
  createdAt: Date;
  createdById: string | null;
  createdByName: string | null;
}

/** The case's follow-ups, newest first. */
export const listFollowUps = (tx: Tx, caseId: string): Promise<FollowUpRow[]> =>
  tx.query<FollowUpRow>(
    `SELECT f.id, f.date, f.notes, f.created_at AS "createdAt", u.id AS "createdById",
            u.display_name AS "createdByName"
       FROM follow_ups f LEFT JOIN users u ON u.id = f.created_by
      WHERE f.case_id = $1 ORDER BY f.date DESC, f.created_at DESC, f.id`,
    [caseId],
  );

/** Follow-ups are append-only: there is no update or delete. */
export async function insertFollowUp(
  tx: Tx,
  f: {
    id: string;
    orgId: string;
    caseId: string;
    date: string;
    notes: Buffer;
    userId: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO follow_ups (id, org_id, case_id, date, notes, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [f.id, f.orgId, f.caseId, f.date, f.notes, f.userId, f.now],
  );
}
