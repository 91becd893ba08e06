import type { Tx } from '../db/database.ts';
import type { BlindIndexes } from './person-identity.ts';

export async function insertPerson(
  tx: Tx,
  p: {
    id: string;
    orgId: string;
    identity: Buffer;
    indexes: BlindIndexes;
    gender: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO persons (id, org_id, identity, name_bidx, given_bidx, dob_bidx, document_bidx, gender, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      p.id,
      p.orgId,
      p.identity,
      p.indexes.name,
      p.indexes.given,
      p.indexes.dob,
      p.indexes.document,
      p.gender,
      p.now,
    ],
  );
}

export interface LookupHit {
  caseId: string;
  reference: string;
  registrationDate: string;
}

/** Cases whose person has exactly this (blind-indexed) name, and birth date when given. */
export async function findCasesByNameIndex(
  tx: Tx,
  name: Buffer,
  dob: Buffer | null,
): Promise<LookupHit[]> {
  return tx.query<LookupHit>(
    `SELECT c.id AS "caseId", c.reference, c.registration_date AS "registrationDate"
       FROM persons p JOIN cases c ON c.person_id = p.id
      WHERE p.name_bidx = $1 AND ($2::bytea IS NULL OR p.dob_bidx = $2)
      ORDER BY c.registration_date DESC, c.id DESC
      LIMIT 50`,
    [name, dob],
  );
}

/** Replaces a person's sealed identity and blind indexes; false when not found (or not visible). */
export async function updatePersonIdentity(
  tx: Tx,
  p: { id: string; identity: Buffer; indexes: BlindIndexes },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE persons SET identity = $2, name_bidx = $3, given_bidx = $4, dob_bidx = $5,
            document_bidx = $6
      WHERE id = $1 RETURNING id`,
    [p.id, p.identity, p.indexes.name, p.indexes.given, p.indexes.dob, p.indexes.document],
  );
  return rows.length === 1;
}

/** What the match keys need of a person's case (the newest, when several). */
export async function findPersonFacts(
  tx: Tx,
  personId: string,
): Promise<
  | {
      gender: string;
      ageAtRegistration: number | null;
      registrationDate: string;
      citizenship: string | null;
      countryOfExploitation: string | null;
    }
  | undefined
> {
  const [row] = await tx.query<{
    gender: string;
    ageAtRegistration: number | null;
    registrationDate: string;
    citizenship: string | null;
    countryOfExploitation: string | null;
  }>(
    `SELECT p.gender, c.age_at_registration AS "ageAtRegistration",
            c.registration_date::text AS "registrationDate", c.citizenship::text AS citizenship,
            c.country_of_exploitation::text AS "countryOfExploitation"
       FROM persons p LEFT JOIN cases c ON c.person_id = p.id
      WHERE p.id = $1 ORDER BY c.registration_date DESC NULLS LAST LIMIT 1`,
    [personId],
  );
  return row;
}
