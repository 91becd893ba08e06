import type { Tx } from '../db/database.ts';

/** A case as the encoder needs it: the person's identity still sealed, no contact details. */
export interface EncodableCaseRow {
  caseId: string;
  reference: string;
  personId: string;
  identity: Uint8Array;
  gender: string;
  ageAtRegistration: number | null;
  registrationDate: string;
  citizenship: string | null;
  countryOfExploitation: string | null;
}

/**
 * One page of the organisation's cases in case id order, after `after`. Cases merged into
 * another are left out: their person lives on in the kept case, and encoding both would count
 * one person twice. Row-level security and the organisation id both bound the query.
 */
export async function listEncodableCases(
  tx: Tx,
  orgId: string,
  after: string,
  limit: number,
): Promise<EncodableCaseRow[]> {
  return tx.query<EncodableCaseRow>(
    `SELECT c.id AS "caseId", c.reference, p.id AS "personId", p.identity, p.gender,
            c.age_at_registration AS "ageAtRegistration",
            c.registration_date::text AS "registrationDate", c.citizenship::text AS citizenship,
            c.country_of_exploitation::text AS "countryOfExploitation"
       FROM cases c JOIN persons p ON p.id = c.person_id
      WHERE c.org_id = $1 AND c.merged_into IS NULL AND c.id > $2
      ORDER BY c.id
      LIMIT $3`,
    [orgId, after, limit],
  );
}
