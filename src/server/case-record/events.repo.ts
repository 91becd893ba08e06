import type { TraffickingEventType } from '../../shared/codes/htcds-case.ts';
import type { Tx } from '../db/database.ts';

export interface EventRow {
  id: string;
  type: TraffickingEventType;
  country: string | null;
  date: string | null;
  endDate: string | null;
  /** Sealed {state, city, description}. */
  place: Uint8Array;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, type, country, date, end_date AS "endDate", place,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The case's events, in the order they happened (undated last). */
export const listEvents = (tx: Tx, caseId: string): Promise<EventRow[]> =>
  tx.query<EventRow>(
    `SELECT ${COLUMNS} FROM trafficking_events WHERE case_id = $1
      ORDER BY date NULLS LAST, created_at, id`,
    [caseId],
  );

export async function findEvent(tx: Tx, caseId: string, id: string): Promise<EventRow | undefined> {
  const [row] = await tx.query<EventRow>(
    `SELECT ${COLUMNS} FROM trafficking_events WHERE case_id = $1 AND id = $2`,
    [caseId, id],
  );
  return row;
}

export interface EventWrite {
  id: string;
  type: TraffickingEventType;
  country: string | null;
  date: string | null;
  endDate: string | null;
  place: Buffer;
  now: Date;
}

export async function insertEvent(
  tx: Tx,
  e: EventWrite & { orgId: string; caseId: string; userId: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO trafficking_events (id, org_id, case_id, type, country, date, end_date, place,
       created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
    [e.id, e.orgId, e.caseId, e.type, e.country, e.date, e.endDate, e.place, e.userId, e.now],
  );
}

export async function updateEvent(tx: Tx, e: EventWrite): Promise<void> {
  await tx.query(
    `UPDATE trafficking_events
        SET type = $2, country = $3, date = $4, end_date = $5, place = $6, updated_at = $7
      WHERE id = $1`,
    [e.id, e.type, e.country, e.date, e.endDate, e.place, e.now],
  );
}

export async function deleteEvent(tx: Tx, caseId: string, id: string): Promise<boolean> {
  const rows = await tx.query(
    'DELETE FROM trafficking_events WHERE case_id = $1 AND id = $2 RETURNING id',
    [caseId, id],
  );
  return rows.length > 0;
}
