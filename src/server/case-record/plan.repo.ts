import type { SupportType } from '../../shared/codes/htcds-case.ts';
import type { ServiceStatus } from '../../shared/codes/lantern-case.ts';
import type { Tx } from '../db/database.ts';

export interface PlanRow {
  startDate: string | null;
  plannedEndDate: string | null;
  actualEndDate: string | null;
  /** Sealed {objectives, actionPlan}. */
  content: Uint8Array;
  updatedAt: Date;
  updatedById: string | null;
  updatedByName: string | null;
}

export interface ServiceRow {
  id: string;
  type: SupportType;
  status: ServiceStatus;
  plannedEndDate: string | null;
  actualEndDate: string | null;
  /** Sealed {provider, description}. */
  details: Uint8Array;
}

export async function findPlan(tx: Tx, caseId: string): Promise<PlanRow | undefined> {
  const [row] = await tx.query<PlanRow>(
    `SELECT p.start_date AS "startDate", p.planned_end_date AS "plannedEndDate",
            p.actual_end_date AS "actualEndDate", p.content, p.updated_at AS "updatedAt",
            u.id AS "updatedById", u.display_name AS "updatedByName"
       FROM assistance_plans p LEFT JOIN users u ON u.id = p.updated_by
      WHERE p.case_id = $1`,
    [caseId],
  );
  return row;
}

export const listServices = (tx: Tx, caseId: string): Promise<ServiceRow[]> =>
  tx.query<ServiceRow>(
    `SELECT id, type, status, planned_end_date AS "plannedEndDate",
            actual_end_date AS "actualEndDate", details
       FROM plan_services WHERE case_id = $1 ORDER BY position`,
    [caseId],
  );

export async function savePlan(
  tx: Tx,
  p: Omit<PlanRow, 'content' | 'updatedAt' | 'updatedById' | 'updatedByName'> & {
    caseId: string;
    orgId: string;
    content: Buffer;
    userId: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO assistance_plans (case_id, org_id, start_date, planned_end_date, actual_end_date,
       content, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (case_id) DO UPDATE SET start_date = EXCLUDED.start_date,
       planned_end_date = EXCLUDED.planned_end_date, actual_end_date = EXCLUDED.actual_end_date,
       content = EXCLUDED.content, updated_by = EXCLUDED.updated_by,
       updated_at = EXCLUDED.updated_at`,
    [p.caseId, p.orgId, p.startDate, p.plannedEndDate, p.actualEndDate, p.content, p.userId, p.now],
  );
}

/** Replaces the plan's services with `services`, in their order. */
export async function replaceServices(
  tx: Tx,
  caseId: string,
  orgId: string,
  services: (Omit<ServiceRow, 'details'> & { details: Buffer })[],
): Promise<void> {
  await tx.query('DELETE FROM plan_services WHERE case_id = $1', [caseId]);
  for (const [position, s] of services.entries()) {
    await tx.query(
      `INSERT INTO plan_services (id, org_id, case_id, position, type, status, planned_end_date,
         actual_end_date, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        s.id,
        orgId,
        caseId,
        position,
        s.type,
        s.status,
        s.plannedEndDate,
        s.actualEndDate,
        s.details,
      ],
    );
  }
}
