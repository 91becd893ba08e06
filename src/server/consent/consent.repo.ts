import type { ServiceType } from '../../shared/codes/service-types.ts';
import type {
  ChildAssent,
  ConsentMethod,
  ConsentPurpose,
  GuardianRelationship,
} from '../../shared/consent/index.ts';
import type { Tx } from '../db/database.ts';

/** A row of `consents` as stored: the guardian's name and the note still sealed. */
export interface ConsentRow {
  id: string;
  caseId: string;
  purpose: ConsentPurpose;
  serviceType: ServiceType | null;
  granted: boolean;
  method: ConsentMethod | null;
  guardianRelationship: GuardianRelationship | null;
  guardianName: Uint8Array | null;
  childAssent: ChildAssent | null;
  expiresOn: string | null;
  note: Uint8Array | null;
  recordedById: string;
  recordedByName: string;
  recordedAt: Date;
}

export interface NewConsent extends Omit<ConsentRow, 'recordedByName' | 'recordedById'> {
  orgId: string;
  recordedBy: string;
}

export async function insertConsent(tx: Tx, c: NewConsent): Promise<void> {
  await tx.query(
    `INSERT INTO consents (id, org_id, case_id, purpose, service_type, granted, method,
       guardian_relationship, guardian_name, child_assent, expires_on, note, recorded_by,
       recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      c.id,
      c.orgId,
      c.caseId,
      c.purpose,
      c.serviceType,
      c.granted,
      c.method,
      c.guardianRelationship,
      c.guardianName,
      c.childAssent,
      c.expiresOn,
      c.note,
      c.recordedBy,
      c.recordedAt,
    ],
  );
}

const COLUMNS = `k.id, k.case_id AS "caseId", k.purpose, k.service_type AS "serviceType", k.granted,
  k.method, k.guardian_relationship AS "guardianRelationship", k.guardian_name AS "guardianName",
  k.child_assent AS "childAssent", k.expires_on AS "expiresOn", k.note,
  k.recorded_by AS "recordedById", u.display_name AS "recordedByName",
  k.recorded_at AS "recordedAt"`;

/** A case's whole consent history in recording order (oldest first). */
export async function listConsents(tx: Tx, caseId: string): Promise<ConsentRow[]> {
  return tx.query<ConsentRow>(
    `SELECT ${COLUMNS} FROM consents k JOIN users u ON u.id = k.recorded_by
      WHERE k.case_id = $1 ORDER BY k.recorded_at, k.seq`,
    [caseId],
  );
}

/** The entries the decision needs: one purpose of one case, no sealed columns, oldest first. */
export interface ConsentEntryRow {
  id: string;
  purpose: ConsentPurpose;
  serviceType: ServiceType | null;
  granted: boolean;
  method: ConsentMethod | null;
  recordedAt: Date;
  expiresOn: string | null;
}

export async function listConsentEntries(
  tx: Tx,
  caseId: string,
  purpose: ConsentPurpose,
): Promise<ConsentEntryRow[]> {
  return tx.query<ConsentEntryRow>(
    `SELECT id, purpose, service_type AS "serviceType", granted, method,
            recorded_at AS "recordedAt", expires_on AS "expiresOn"
       FROM consents WHERE case_id = $1 AND purpose = $2 ORDER BY recorded_at, seq`,
    [caseId, purpose],
  );
}

/** What the child rule needs of a case; undefined when it does not exist or is not visible. */
export interface CaseAgeRow {
  ageAtRegistration: number | null;
  registrationDate: string;
  personId: string;
  /** The person's sealed identity, for the date of birth. */
  identity: Uint8Array;
}

export async function findCaseAge(tx: Tx, caseId: string): Promise<CaseAgeRow | undefined> {
  const [row] = await tx.query<CaseAgeRow>(
    `SELECT c.age_at_registration AS "ageAtRegistration",
            c.registration_date AS "registrationDate", p.id AS "personId", p.identity
       FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.id = $1`,
    [caseId],
  );
  return row;
}

export async function findConsent(tx: Tx, id: string): Promise<ConsentRow | undefined> {
  const [row] = await tx.query<ConsentRow>(
    `SELECT ${COLUMNS} FROM consents k JOIN users u ON u.id = k.recorded_by WHERE k.id = $1`,
    [id],
  );
  return row;
}
