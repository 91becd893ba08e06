import type { Determination, ScreeningStatus } from '../../shared/api/screenings.schema.ts';
import type { Tx } from '../db/database.ts';

/** The case facts a screening needs: that it exists (in this organisation) and the age. */
export interface ScreenedCase {
  id: string;
  ageAtRegistration: number | null;
  registrationDate: string;
}

export async function findScreenedCase(tx: Tx, caseId: string): Promise<ScreenedCase | undefined> {
  const [row] = await tx.query<ScreenedCase>(
    `SELECT id, age_at_registration AS "ageAtRegistration",
            to_char(registration_date, 'YYYY-MM-DD') AS "registrationDate"
       FROM cases WHERE id = $1`,
    [caseId],
  );
  return row;
}

export interface ScreeningRow {
  id: string;
  caseId: string;
  instrumentId: string;
  version: string;
  status: ScreeningStatus;
  determination: Determination | null;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export interface ScreeningWithAnswers extends ScreeningRow {
  answers: Uint8Array;
}

const COLUMNS = `s.id, s.case_id AS "caseId", s.instrument_id AS "instrumentId",
  s.instrument_version AS "version", s.status, s.determination,
  u.id AS "createdById", u.display_name AS "createdByName",
  s.created_at AS "createdAt", s.updated_at AS "updatedAt", s.completed_at AS "completedAt"`;

export async function insertScreening(
  tx: Tx,
  s: {
    id: string;
    orgId: string;
    caseId: string;
    instrumentId: string;
    version: string;
    answers: Buffer;
    createdBy: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO screenings (id, org_id, case_id, instrument_id, instrument_version, status,
       answers, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $8)`,
    [s.id, s.orgId, s.caseId, s.instrumentId, s.version, s.answers, s.createdBy, s.now],
  );
}

/** One screening of a case with its sealed answers; `forUpdate` locks it for a write. */
export async function findScreening(
  tx: Tx,
  caseId: string,
  id: string,
  forUpdate = false,
): Promise<ScreeningWithAnswers | undefined> {
  const [row] = await tx.query<ScreeningWithAnswers>(
    `SELECT ${COLUMNS}, s.answers
       FROM screenings s LEFT JOIN users u ON u.id = s.created_by
      WHERE s.id = $1 AND s.case_id = $2
      ${forUpdate ? 'FOR UPDATE OF s' : ''}`,
    [id, caseId],
  );
  return row;
}

/** A case's screenings, newest first, without their answers. */
export async function listScreenings(tx: Tx, caseId: string): Promise<ScreeningRow[]> {
  return tx.query<ScreeningRow>(
    `SELECT ${COLUMNS}
       FROM screenings s LEFT JOIN users u ON u.id = s.created_by
      WHERE s.case_id = $1
      ORDER BY s.created_at DESC, s.id DESC`,
    [caseId],
  );
}

export async function updateAnswers(tx: Tx, id: string, answers: Buffer, now: Date): Promise<void> {
  await tx.query('UPDATE screenings SET answers = $2, updated_at = $3 WHERE id = $1', [
    id,
    answers,
    now,
  ]);
}

export async function completeScreening(
  tx: Tx,
  id: string,
  s: { answers: Buffer; determination: Determination | null; now: Date },
): Promise<void> {
  await tx.query(
    `UPDATE screenings
        SET answers = $2, determination = $3, status = 'completed', completed_at = $4,
            updated_at = $4
      WHERE id = $1`,
    [id, s.answers, s.determination, s.now],
  );
}
