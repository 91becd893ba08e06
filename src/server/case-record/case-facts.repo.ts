import type { ExploitationType, TraffickingStatus } from '../../shared/codes/htcds.ts';
import type { Tx } from '../db/database.ts';

/** What the case-record rules need to know about the case itself. */
export interface CaseFacts {
  id: string;
  registrationDate: string;
  ageAtRegistration: number | null;
  traffickingStatus: TraffickingStatus;
  typeOfExploitation: ExploitationType[];
  personId: string;
  identity: Uint8Array;
}

/**
 * The case (under row-level security: another organisation's case is not found). `lock` takes
 * the case row for the rest of the transaction, so that concurrent writes to one case's record
 * happen one after another.
 */
export async function findCaseFacts(
  tx: Tx,
  id: string,
  lock: boolean,
): Promise<CaseFacts | undefined> {
  const [row] = await tx.query<CaseFacts>(
    `SELECT c.id, c.registration_date AS "registrationDate",
            c.age_at_registration AS "ageAtRegistration",
            c.trafficking_status AS "traffickingStatus",
            c.type_of_exploitation AS "typeOfExploitation",
            p.id AS "personId", p.identity
       FROM cases c JOIN persons p ON p.id = c.person_id
      WHERE c.id = $1 ${lock ? 'FOR NO KEY UPDATE OF c' : ''}`,
    [id],
  );
  return row;
}

/** The types of exploitation are the case's own column. */
export async function updateTypeOfExploitation(
  tx: Tx,
  id: string,
  types: ExploitationType[],
  now: Date,
): Promise<void> {
  await tx.query('UPDATE cases SET type_of_exploitation = $2, updated_at = $3 WHERE id = $1', [
    id,
    types,
    now,
  ]);
}
