import anyAscii from 'any-ascii';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrgKeys } from '../../src/server/crypto/org-keys.ts';
import { orgScope } from '../../src/server/db/database.ts';
import { seedCases } from '../../src/server/demo/seed-cases.ts';
import { replacePersonIdentity } from '../../src/server/persons/persons.service.ts';
import type { PersonIdentity } from '../../src/server/persons/person-identity.ts';
import { recordMatchKeys } from '../../src/server/reunite/match-keys.ts';
import { recordKeyStrings } from '../../src/server/reunite/matcher.ts';
import { reindexMatchKeys } from '../../src/server/reunite/reindex.ts';
import type { ServiceContext } from '../../src/server/http/context.ts';
import { appendAudit } from '../../src/server/audit/audit.repo.ts';
import { CaseCreateBody } from '../../src/shared/api/cases.schema.ts';
import { generateDemoCases } from '../../src/shared/demo/generate-cases.ts';
import { auditEntries } from '../support/api.ts';
import { runCli } from '../support/cli.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern, caseBody } from '../support/test-app.ts';

// Match keys: written wherever a person comes into being or changes, keyed per organisation,
// never holding a name or a phonetic code in clear, and rebuilt by `lantern reunite reindex`.
describe('match keys', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let a: TestSession;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    a = await t.signIn(orgA, 'caseworker');
  });
  afterAll(() => t.close());

  const keysOf = async (personId: string) =>
    (
      await t.database.superuser(
        'SELECT key, org_id AS "orgId" FROM person_match_keys WHERE person_id = $1 ORDER BY key',
        [personId],
      )
    ).map((r) => ({ key: Buffer.from(r.key as Uint8Array), orgId: r.orgId as string }));
  const personOf = async (caseId: string) =>
    (await t.database.superuser('SELECT person_id AS id FROM cases WHERE id = $1', [caseId]))[0]!
      .id as string;
  const orgKeys = (orgId: string) =>
    t.db.transaction(orgScope(orgId), (tx) => loadOrgKeys(tx, t.keyring, orgId));

  /** Every way the name could appear in clear: as written, transliterated, as key strings. */
  function clearForms(given: string, family: string): Buffer[] {
    const latin = anyAscii(`${given} ${family}`).toLowerCase();
    const strings = recordKeyStrings({
      id: 'x',
      givenName: given,
      familyName: family,
      aliases: [],
      sex: null,
      birth: null,
      age: null,
      ageAt: null,
      places: [],
      identifiers: {},
    }).flatMap((s) => s.split(/[:+]/));
    return [given, family, ...latin.split(' '), ...strings]
      .filter((s) => s.length >= 3)
      .map((s) => Buffer.from(s, 'utf8'));
  }

  it('are written at case creation: 16-byte HMACs that contain no name in any form', async () => {
    const c = await t.createCase(a, {
      person: {
        givenName: 'Yohannes',
        familyName: 'Tesfaye',
        aliases: ['ዮሐንስ ተስፋዬ'],
        dateOfBirth: '1994-03-02',
        gender: 'Masculine',
      },
    });
    const personId = await personOf(c.id);
    const stored = await keysOf(personId);
    expect(stored.length).toBeGreaterThan(4);
    expect(stored.every((k) => k.key.length === 16 && k.orgId === orgA)).toBe(true);
    // The keys are exactly the organisation's HMACs of the person's blocking strings.
    const expected = recordMatchKeys(await orgKeys(orgA), {
      id: personId,
      givenName: 'Yohannes',
      familyName: 'Tesfaye',
      aliases: ['ዮሐንስ ተስፋዬ'],
      sex: 'M',
      birth: { year: 1994, month: 3, day: 2 },
      age: null,
      ageAt: null,
      places: [],
      identifiers: {},
    });
    expect(stored.map((k) => k.key.toString('hex')).sort()).toEqual(
      [...new Set(expected.map((k) => k.toString('hex')))].sort(),
    );
    // Nothing readable: no name, transliteration, skeleton or year inside any key, and the
    // table has no text column at all.
    const all = Buffer.concat(stored.map((k) => k.key));
    for (const form of [...clearForms('Yohannes', 'Tesfaye'), Buffer.from('1994')]) {
      expect(all.includes(form), form.toString()).toBe(false);
    }
    const columns = await t.database.superuser(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns
        WHERE table_name = 'person_match_keys' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { name: 'org_id', type: 'uuid' },
      { name: 'key', type: 'bytea' },
      { name: 'person_id', type: 'uuid' },
    ]);
  });

  it('differ between organisations for the same person, and RLS hides the other’s', async () => {
    const b = await t.signIn(orgB, 'caseworker');
    const body = {
      person: { givenName: 'Amina', familyName: 'Okafor', gender: 'Feminine' as const },
    };
    const inA = await personOf((await t.createCase(a, body)).id);
    const inB = await personOf((await t.createCase(b, body)).id);
    const ka = (await keysOf(inA)).map((k) => k.key.toString('hex'));
    const kb = (await keysOf(inB)).map((k) => k.key.toString('hex'));
    expect(ka.length).toBe(kb.length);
    expect(ka.filter((k) => kb.includes(k))).toEqual([]);
    const seenByB = await t.db.transaction(orgScope(orgB), (tx) =>
      tx.query('SELECT 1 FROM person_match_keys WHERE person_id = $1', [inA]),
    );
    expect(seenByB).toEqual([]);
    // and org B cannot write keys into org A
    await expect(
      t.db.transaction(orgScope(orgB), (tx) =>
        tx.query('INSERT INTO person_match_keys (org_id, key, person_id) VALUES ($1, $2, $3)', [
          orgA,
          Buffer.alloc(16),
          inA,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('are written by the spreadsheet import', async () => {
    const csv =
      'First Name,Second Name,Birthdate,Gender,Citizenship\nOlena,Kovalenko,1990-05-01,Feminine,Ukraine\n';
    const res = await t.request('POST', '/api/v1/cases/import', {
      session: a,
      body: { format: 'csv', content: Buffer.from(csv).toString('base64') },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [row] = await t.database.superuser(
      `SELECT p.id FROM persons p JOIN cases c ON c.person_id = p.id
        WHERE c.org_id = $1 ORDER BY c.created_at DESC, c.reference DESC LIMIT 1`,
      [orgA],
    );
    const keys = await keysOf(row!.id as string);
    expect(keys.length).toBeGreaterThan(3);
  });

  it('are written by demo seeding for every person', async () => {
    const cases = generateDemoCases({ seed: 7, count: 40, today: '2026-05-31' }).map((c) =>
      CaseCreateBody.parse(c),
    );
    const seeded = await seedCases(t.db, t.keyring, { orgId: orgB, userId: null, cases });
    expect(seeded.cases).toBe(40);
    const [counts] = await t.database.superuser(
      `SELECT count(*)::int AS persons,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM person_match_keys k
                                                  WHERE k.person_id = p.id))::int AS without
         FROM persons p WHERE p.org_id = $1`,
      [orgB],
    );
    expect(counts).toEqual({ persons: 41, without: 0 });
  });

  it('follow an identity change (replacePersonIdentity), audited', async () => {
    const c = await t.createCase(a, {
      person: { givenName: 'Kwame', familyName: 'Mensah', gender: 'Masculine' },
    });
    const personId = await personOf(c.id);
    const before = (await keysOf(personId)).map((k) => k.key.toString('hex'));
    const identity: PersonIdentity = {
      givenName: 'Kofi',
      familyName: 'Boateng',
      aliases: [],
      dateOfBirth: '1989-01-01',
      phone: null,
      email: null,
      documentNumber: null,
      address: null,
    };
    await t.db.transaction(orgScope(orgA, a.userId), (tx) => {
      const ctx: ServiceContext = {
        tx,
        actor: { userId: a.userId, orgId: orgA, role: 'caseworker', sessionId: 'test' },
        clock: t.clock,
        keys: () => loadOrgKeys(tx, t.keyring, orgA),
        keyring: t.keyring,
        audit: (e) =>
          appendAudit(tx, {
            orgId: orgA,
            actorId: a.userId,
            action: e.action,
            recordType: e.recordType ?? null,
            recordId: e.recordId ?? null,
            fields: e.fields ?? [],
            sourceIp: null,
            at: t.clock.now(),
          }),
      };
      return replacePersonIdentity(ctx, personId, identity);
    });
    const after = (await keysOf(personId)).map((k) => k.key.toString('hex'));
    expect(after.filter((k) => before.includes(k))).toEqual([]);
    const expected = recordMatchKeys(await orgKeys(orgA), {
      id: personId,
      givenName: 'Kofi',
      familyName: 'Boateng',
      aliases: [],
      sex: 'M',
      birth: { year: 1989, month: 1, day: 1 },
      age: null,
      ageAt: null,
      places: [],
      identifiers: {},
    }).map((k) => k.toString('hex'));
    expect(after.sort()).toEqual([...new Set(expected)].sort());
    const [entry] = (await auditEntries(t, orgA, 'person.updated')).slice(-1);
    expect(entry).toMatchObject({
      recordId: personId,
      fields: ['givenName', 'familyName', 'dateOfBirth'],
    });
    expect(entry!.text).not.toContain('Kofi');
  });

  it('are rebuilt by reindex, idempotently, for persons registered before Reunite', async () => {
    const snapshot = async () =>
      (
        await t.database.superuser(
          `SELECT encode(key, 'hex') || person_id AS k FROM person_match_keys
            WHERE org_id = $1 ORDER BY 1`,
          [orgA],
        )
      ).map((r) => r.k as string);
    const original = await snapshot();
    expect(original.length).toBeGreaterThan(10);
    // As after an upgrade: persons without keys, and a stale key left behind.
    await t.database.superuser('DELETE FROM person_match_keys WHERE org_id = $1', [orgA]);
    const someone = await personOf((await t.createCase(a, caseBody())).id);
    await t.database.superuser(
      'INSERT INTO person_match_keys (org_id, key, person_id) VALUES ($1, $2, $3)',
      [orgA, Buffer.alloc(16, 7), someone],
    );
    const withNew = async () => [
      ...original,
      ...(await keysOf(someone))
        .filter((k) => !k.key.equals(Buffer.alloc(16, 7)))
        .map((k) => k.key.toString('hex') + someone),
    ];
    const expected = (await withNew()).sort();
    const first = await reindexMatchKeys(t.db, t.keyring, { orgId: orgA });
    expect(first.organisations).toBe(1);
    expect(await snapshot()).toEqual(expected);
    const second = await reindexMatchKeys(t.db, t.keyring, { orgId: orgA });
    expect(second).toEqual(first);
    expect(await snapshot()).toEqual(expected);
    const entries = await auditEntries(t, orgA, 'reunite.match_keys.reindexed');
    expect(entries.length).toBe(2);
  });

  it('reindex is also a CLI command that refuses a bad --org', async () => {
    const bad = await runCli(['reunite', 'reindex', '--org', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--org must be an organisation id');
  });
});
