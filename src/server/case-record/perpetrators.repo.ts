import type { Gender } from '../../shared/codes/htcds.ts';
import type { PerpetratorRole } from '../../shared/codes/htcds-case.ts';
import type { Tx } from '../db/database.ts';

export interface PerpetratorRow {
  id: string;
  roles: PerpetratorRole[];
  gender: Gender | null;
  citizenship: string | null;
  estimatedAge: number | null;
  /** Sealed {name, aliases, roleDetails, organisation, notes}. */
  details: Uint8Array;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, roles, gender, citizenship, estimated_age AS "estimatedAge", details,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export const listPerpetrators = (tx: Tx, caseId: string): Promise<PerpetratorRow[]> =>
  tx.query<PerpetratorRow>(
    `SELECT ${COLUMNS} FROM perpetrators WHERE case_id = $1 ORDER BY created_at, id`,
    [caseId],
  );

export async function findPerpetrator(
  tx: Tx,
  caseId: string,
  id: string,
): Promise<PerpetratorRow | undefined> {
  const [row] = await tx.query<PerpetratorRow>(
    `SELECT ${COLUMNS} FROM perpetrators WHERE case_id = $1 AND id = $2`,
    [caseId, id],
  );
  return row;
}

export interface PerpetratorWrite {
  id: string;
  roles: PerpetratorRole[];
  gender: Gender | null;
  citizenship: string | null;
  estimatedAge: number | null;
  details: Buffer;
  now: Date;
}

export async function insertPerpetrator(
  tx: Tx,
  p: PerpetratorWrite & { orgId: string; caseId: string; userId: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO perpetrators (id, org_id, case_id, roles, gender, citizenship, estimated_age,
       details, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
    [
      p.id,
      p.orgId,
      p.caseId,
      p.roles,
      p.gender,
      p.citizenship,
      p.estimatedAge,
      p.details,
      p.userId,
      p.now,
    ],
  );
}

export async function updatePerpetrator(tx: Tx, p: PerpetratorWrite): Promise<void> {
  await tx.query(
    `UPDATE perpetrators SET roles = $2, gender = $3, citizenship = $4, estimated_age = $5,
            details = $6, updated_at = $7
      WHERE id = $1`,
    [p.id, p.roles, p.gender, p.citizenship, p.estimatedAge, p.details, p.now],
  );
}

export async function deletePerpetrator(tx: Tx, caseId: string, id: string): Promise<boolean> {
  const rows = await tx.query(
    'DELETE FROM perpetrators WHERE case_id = $1 AND id = $2 RETURNING id',
    [caseId, id],
  );
  return rows.length > 0;
}
