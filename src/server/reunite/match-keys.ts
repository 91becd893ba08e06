/**
 * Match keys: the blocking keys of a person's names (matcher.ts), each stored only as a keyed
 * HMAC-SHA256 under the organisation's blind-index key with purpose 'match' (keyring.ts). The
 * database never holds a name or a phonetic code in clear, and another organisation's keys are
 * useless here. Written whenever a person is created (case creation, import, demo seeding) or
 * their identity changes; `lantern reunite reindex` rebuilds them (docs/reunite.md).
 */
import type { CaseCreateBody } from '../../shared/api/cases.schema.ts';
import type { LinkRecord } from '../../shared/linkage/types.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import { blindIndex } from '../crypto/keyring.ts';
import type { Tx } from '../db/database.ts';
import type { PersonIdentity } from '../persons/person-identity.ts';
import type { PersonFacts } from './link-record.ts';
import { linkRecordOfPerson } from './link-record.ts';
import { queryKeyStrings, recordKeyStrings } from './matcher.ts';

export const MATCH_PURPOSE = 'match';

const hmac = (keys: OrgKeys, s: string): Buffer => blindIndex(keys.blindIndex, MATCH_PURPOSE, s);

/** The keys stored for a record. */
export const recordMatchKeys = (keys: OrgKeys, r: LinkRecord): Buffer[] =>
  recordKeyStrings(r).map((s) => hmac(keys, s));

/** The keys a search for `r` looks up (years widened, name pairs in any order). */
export const queryMatchKeys = (keys: OrgKeys, r: LinkRecord): Buffer[] =>
  queryKeyStrings(r).map((s) => hmac(keys, s));

/** The keys of a registered person, from their identity and the case's facts. */
export const personMatchKeys = (
  keys: OrgKeys,
  identity: PersonIdentity,
  facts: PersonFacts,
): Buffer[] => recordMatchKeys(keys, linkRecordOfPerson(identity, facts));

/** One person's keys, ready to insert. */
export interface PersonKeys {
  personId: string;
  keys: readonly Buffer[];
}

/**
 * Inserts the keys of many persons in one statement (arrays, so the number of parameters does
 * not grow with the batch). Keys already present are left alone: running it twice is harmless.
 */
export async function insertMatchKeys(
  tx: Tx,
  orgId: string,
  persons: readonly PersonKeys[],
): Promise<number> {
  const ids: string[] = [];
  const hex: string[] = [];
  for (const p of persons) {
    for (const k of p.keys) {
      ids.push(p.personId);
      hex.push(k.toString('hex'));
    }
  }
  if (ids.length === 0) return 0;
  await tx.query(
    `INSERT INTO person_match_keys (org_id, key, person_id)
     SELECT $1, decode(k, 'hex'), p FROM unnest($2::uuid[], $3::text[]) AS t(p, k)
     ON CONFLICT DO NOTHING`,
    [orgId, ids, hex],
  );
  return ids.length;
}

/** Replaces the keys of some persons (identity changed, reindex): delete, then insert. */
export async function replaceMatchKeys(
  tx: Tx,
  orgId: string,
  persons: readonly PersonKeys[],
): Promise<number> {
  if (persons.length === 0) return 0;
  await tx.query(
    'DELETE FROM person_match_keys WHERE org_id = $1 AND person_id = ANY($2::uuid[])',
    [orgId, persons.map((p) => p.personId)],
  );
  return insertMatchKeys(tx, orgId, persons);
}

/** The keys of the person of a case being created (createCase, seedCases, the import). */
export const newCaseMatchKeys = (
  keys: OrgKeys,
  personId: string,
  identity: PersonIdentity,
  input: CaseCreateBody,
  registration: { date: string; age: number | null },
): PersonKeys => ({
  personId,
  keys: personMatchKeys(keys, identity, {
    personId,
    gender: input.person.gender,
    ageAtRegistration: registration.age,
    registrationDate: registration.date,
    citizenship: input.citizenship,
    countryOfExploitation: input.countryOfExploitation ?? null,
  }),
});
