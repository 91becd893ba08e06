/**
 * Rebuilds the match keys of every person of one organisation, or of all (`lantern reunite
 * reindex [--org ID]`): after upgrading to a version with Reunite (persons registered before
 * have no keys; a migration cannot decrypt), or after the blocking keys change. Idempotent: each
 * page of persons has its keys deleted and written again in one transaction, so running it
 * twice, or after an interruption, leaves the same keys.
 */
import type { Keyring } from '../crypto/keyring.ts';
import { loadOrgKeys } from '../crypto/org-keys.ts';
import type { Database } from '../db/database.ts';
import { SYSTEM, orgScope } from '../db/database.ts';
import { openIdentity } from '../persons/person-identity.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Clock } from '../shared/clock.ts';
import { systemClock } from '../shared/clock.ts';
import { personMatchKeys, replaceMatchKeys } from './match-keys.ts';

export interface ReindexResult {
  organisations: number;
  persons: number;
  keys: number;
}

const PAGE = 1_000;

interface PersonPage {
  id: string;
  identity: Uint8Array;
  gender: string;
  ageAtRegistration: number | null;
  registrationDate: string | null;
  citizenship: string | null;
  countryOfExploitation: string | null;
}

export async function reindexMatchKeys(
  db: Database,
  keyring: Keyring,
  opts: { orgId?: string; clock?: Clock; onProgress?: (persons: number) => void } = {},
): Promise<ReindexResult> {
  const clock = opts.clock ?? systemClock;
  const orgIds = opts.orgId
    ? [opts.orgId]
    : (
        await db.transaction(SYSTEM, (tx) =>
          tx.query<{ id: string }>('SELECT id FROM organisations ORDER BY id'),
        )
      ).map((o) => o.id);
  const result: ReindexResult = { organisations: 0, persons: 0, keys: 0 };
  for (const orgId of orgIds) {
    const scope = orgScope(orgId, null);
    const keys = await db.transaction(scope, (tx) => loadOrgKeys(tx, keyring, orgId));
    let after = '00000000-0000-0000-0000-000000000000';
    let persons = 0;
    for (;;) {
      const page = await db.transaction(scope, async (tx) => {
        // The newest case of each person gives the facts the keys use (age, registration).
        const rows = await tx.query<PersonPage>(
          `SELECT p.id, p.identity, p.gender, c.age_at_registration AS "ageAtRegistration",
                  c.registration_date::text AS "registrationDate",
                  c.citizenship::text AS citizenship,
                  c.country_of_exploitation::text AS "countryOfExploitation"
             FROM persons p
             LEFT JOIN LATERAL (SELECT * FROM cases c WHERE c.person_id = p.id
                                 ORDER BY c.registration_date DESC LIMIT 1) c ON true
            WHERE p.id > $1 ORDER BY p.id LIMIT $2`,
          [after, PAGE],
        );
        const written = await replaceMatchKeys(
          tx,
          orgId,
          rows.map((r) => ({
            personId: r.id,
            keys: personMatchKeys(keys, openIdentity(keys, r.id, r.identity), {
              personId: r.id,
              gender: r.gender,
              ageAtRegistration: r.ageAtRegistration,
              registrationDate: r.registrationDate ?? '',
              citizenship: r.citizenship,
              countryOfExploitation: r.countryOfExploitation,
            }),
          })),
        );
        if (rows.length > 0) {
          await appendAudit(tx, {
            orgId,
            actorId: null,
            action: 'reunite.match_keys.reindexed',
            recordType: 'person',
            recordId: `${rows[0]!.id}..${rows[rows.length - 1]!.id}`,
            fields: ['givenName', 'familyName', 'aliases', 'dateOfBirth'],
            sourceIp: null,
            at: clock.now(),
          });
        }
        return { rows, written };
      });
      persons += page.rows.length;
      result.keys += page.written;
      opts.onProgress?.(result.persons + persons);
      if (page.rows.length < PAGE) break;
      after = page.rows[page.rows.length - 1]!.id;
    }
    result.organisations++;
    result.persons += persons;
  }
  return result;
}
