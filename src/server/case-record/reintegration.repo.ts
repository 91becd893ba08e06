import type { ReintegrationLevel } from '../../shared/codes/reintegration.ts';
import type { Tx } from '../db/database.ts';

export interface ReintegrationRow {
  id: string;
  assessedOn: string;
  economic: ReintegrationLevel;
  social: ReintegrationLevel;
  psychosocial: ReintegrationLevel;
  /** Sealed {notes}. */
  notes: Uint8Array;
  createdAt: Date;
  createdById: string | null;
  createdByName: string | null;
}

/** The case's reintegration assessments, newest first. */
export const listReintegration = (tx: Tx, caseId: string): Promise<ReintegrationRow[]> =>
  tx.query<ReintegrationRow>(
    `SELECT r.id, r.assessed_on AS "assessedOn", r.economic, r.social, r.psychosocial, r.notes,
            r.created_at AS "createdAt", u.id AS "createdById", u.display_name AS "createdByName"
       FROM reintegration_assessments r LEFT JOIN users u ON u.id = r.created_by
      WHERE r.case_id = $1 ORDER BY r.assessed_on DESC, r.created_at DESC, r.id`,
    [caseId],
  );

/** Assessments are append-only: there is no update or delete. */
export async function insertReintegration(
  tx: Tx,
  r: Omit<ReintegrationRow, 'notes' | 'createdAt' | 'createdById' | 'createdByName'> & {
    orgId: string;
    caseId: string;
    notes: Buffer;
    userId: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO reintegration_assessments (id, org_id, case_id, assessed_on, economic, social,
       psychosocial, notes, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      r.id,
      r.orgId,
      r.caseId,
      r.assessedOn,
      r.economic,
      r.social,
      r.psychosocial,
      r.notes,
      r.userId,
      r.now,
    ],
  );
}
