import type { SupportType } from '../../shared/codes/htcds-case.ts';
import type { NeedStatus } from '../../shared/codes/lantern-case.ts';
import type { Tx } from '../db/database.ts';

export interface NeedRow {
  id: string;
  type: SupportType;
  status: NeedStatus;
  identifiedOn: string;
  /** Sealed {details}. */
  details: Uint8Array;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, type, status, identified_on AS "identifiedOn", details,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export const listNeeds = (tx: Tx, caseId: string): Promise<NeedRow[]> =>
  tx.query<NeedRow>(
    `SELECT ${COLUMNS} FROM needs WHERE case_id = $1 ORDER BY identified_on, created_at, id`,
    [caseId],
  );

export async function findNeed(tx: Tx, caseId: string, id: string): Promise<NeedRow | undefined> {
  const [row] = await tx.query<NeedRow>(
    `SELECT ${COLUMNS} FROM needs WHERE case_id = $1 AND id = $2`,
    [caseId, id],
  );
  return row;
}

export interface NeedWrite {
  id: string;
  type: SupportType;
  status: NeedStatus;
  identifiedOn: string;
  details: Buffer;
  now: Date;
}

export async function insertNeed(
  tx: Tx,
  n: NeedWrite & { orgId: string; caseId: string; userId: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO needs (id, org_id, case_id, type, status, identified_on, details, created_by,
       created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
    [n.id, n.orgId, n.caseId, n.type, n.status, n.identifiedOn, n.details, n.userId, n.now],
  );
}

export async function updateNeed(tx: Tx, n: NeedWrite): Promise<void> {
  await tx.query(
    `UPDATE needs SET type = $2, status = $3, identified_on = $4, details = $5, updated_at = $6
      WHERE id = $1`,
    [n.id, n.type, n.status, n.identifiedOn, n.details, n.now],
  );
}
