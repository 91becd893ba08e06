import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgScope } from '../../src/server/db/database.ts';
import { seedCases } from '../../src/server/demo/seed-cases.ts';
import { foldCaseFacts, tombstone } from '../../src/server/reunite/merge.repo.ts';
import { generateDemoCases } from '../../src/shared/demo/generate-cases.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Migration 0018: case_counts is kept by statement-level triggers on `cases`. After every kind
// of change a case can undergo, it must equal a GROUP BY over the unmerged cases, computed here
// independently of the trigger's SQL (age bands from the ages written out by hand).
const AGE_BAND = `CASE
  WHEN age_at_registration IS NULL THEN 'unknown'
  WHEN age_at_registration < 9 THEN '0--8' WHEN age_at_registration < 18 THEN '9--17'
  WHEN age_at_registration < 21 THEN '18--20' WHEN age_at_registration < 24 THEN '21--23'
  WHEN age_at_registration < 27 THEN '24--26' WHEN age_at_registration < 30 THEN '27--29'
  WHEN age_at_registration < 39 THEN '30--38' WHEN age_at_registration < 48 THEN '39--47'
  ELSE '48+' END`;

type Row = Record<string, unknown>;
const key = (r: Row) => JSON.stringify(r);
const sorted = (rows: Row[]) => rows.map(key).sort();

describe('case_counts and case_count_cube (migration 0018)', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let a: TestSession;
  let b: TestSession;

  /** The counts as the triggers keep them, rows of zero left out (they count nobody). */
  const counts = () =>
    t.database.superuser(
      `SELECT org_id::text AS org, to_char(month, 'YYYY-MM') AS month, gender, age_band AS age,
              citizenship AS cit, country_of_exploitation AS coe, exploitation::text AS types,
              trafficking_status AS status, n
         FROM case_counts WHERE n <> 0`,
    );
  /** The same counts from the cases themselves. */
  const expected = () =>
    t.database.superuser(
      `SELECT org_id::text AS org, to_char(registration_date, 'YYYY-MM') AS month, gender,
              ${AGE_BAND} AS age, citizenship AS cit, coalesce(country_of_exploitation, '') AS coe,
              (SELECT coalesce(array_agg(DISTINCT x ORDER BY x), '{}') FROM unnest(type_of_exploitation) x)::text AS types,
              trafficking_status AS status, count(*)::int AS n
         FROM cases WHERE merged_into IS NULL
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
    );
  /** The cube (totals, margins and two-way cells per month) as the triggers keep it. */
  const cube = () =>
    t.database.superuser(
      `SELECT org_id::text AS org, dim, dim2, value2, to_char(month, 'YYYY-MM') AS month, value, n
         FROM case_count_cube WHERE n <> 0`,
    );
  /** The same cube computed afresh from the cases. */
  const expectedCube = () =>
    t.database.superuser(
      `WITH live AS (SELECT * FROM cases WHERE merged_into IS NULL),
       f AS (
         SELECT c.id, c.org_id, to_char(c.registration_date, 'YYYY-MM') AS month, f.dim, f.value
           FROM live c CROSS JOIN LATERAL (
             SELECT DISTINCT 'exploitation', t
               FROM unnest(CASE WHEN cardinality(c.type_of_exploitation) = 0 THEN ARRAY['unknown']
                                ELSE c.type_of_exploitation END) AS t
             UNION ALL
             VALUES ('gender', c.gender), ('ageBand', ${AGE_BAND.replaceAll('age_at_registration', 'c.age_at_registration')}),
                    ('citizenship', c.citizenship::text),
                    ('countryOfExploitation', coalesce(c.country_of_exploitation, 'unknown')),
                    ('traffickingStatus', c.trafficking_status)
           ) AS f(dim, value)
       )
       SELECT org_id::text AS org, '' AS dim, '' AS dim2, '' AS value2,
              to_char(registration_date, 'YYYY-MM') AS month, '' AS value, count(*)::int AS n
         FROM live GROUP BY 1, 5
       UNION ALL
       SELECT org_id::text, dim, '', '', month, value, count(*)::int FROM f GROUP BY 1, 2, 5, 6
       UNION ALL
       SELECT a.org_id::text, a.dim, b.dim, b.value, a.month, a.value, count(*)::int
         FROM f a JOIN f b ON a.id = b.id AND (a.dim <> b.dim OR a.dim = 'exploitation')
        WHERE a.dim <> 'traffickingStatus' AND b.dim IN ('exploitation', 'gender', 'traffickingStatus')
        GROUP BY 1, 2, 3, 4, 5, 6`,
    );
  const agree = async () => {
    const [got, want, gotCube, wantCube] = await Promise.all([
      counts(),
      expected(),
      cube(),
      expectedCube(),
    ]);
    expect(want.length).toBeGreaterThan(0);
    expect(sorted(got)).toEqual(sorted(want));
    expect(sorted(gotCube)).toEqual(sorted(wantCube));
    return got;
  };
  const total = async (org: string) =>
    (
      await t.database.superuser(
        'SELECT coalesce(sum(n), 0)::int AS n FROM case_counts WHERE org_id = $1',
        [org],
      )
    )[0]!.n as number;
  const inOrg = <T>(s: TestSession, fn: Parameters<typeof t.db.transaction<T>>[1]) =>
    t.db.transaction(orgScope(s.orgId, s.userId), fn);

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    a = await t.signIn(orgA, 'caseworker');
    b = await t.signIn(orgB, 'caseworker');
  });
  afterAll(() => t.close());

  it('counts cases created one at a time through the API', async () => {
    await t.createCase(a);
    await t.createCase(a, { typeOfExploitation: ['SexualExploitation', 'ForcedLabour'] });
    // the same set in another order shares its count row
    await t.createCase(a, { typeOfExploitation: ['ForcedLabour', 'SexualExploitation'] });
    await t.createCase(a, {
      typeOfExploitation: [],
      countryOfExploitation: undefined,
      person: { givenName: 'Ada', gender: 'Masculine' },
      registrationDate: '2025-12-31',
    });
    await t.createCase(b, { citizenship: 'UA', registrationDate: '2026-01-01' });
    const got = await agree();
    const both = got.filter((r) => r.types === '{ForcedLabour,SexualExploitation}');
    expect(both).toHaveLength(1);
    expect(both[0]!.n).toBe(2);
    expect(got.some((r) => r.coe === '' && r.age === 'unknown' && r.types === '{}')).toBe(true);
    expect(await total(orgA)).toBe(4);
    expect(await total(orgB)).toBe(1);
  });

  it('counts a bulk insert of the demo seeder (one statement of many rows)', async () => {
    const res = await seedCases(t.db, t.keyring, {
      orgId: orgA,
      userId: a.userId,
      cases: generateDemoCases({ seed: 7, count: 1200 }),
      batchSize: 500,
    });
    expect(res.cases).toBe(1200);
    await agree();
    expect(await total(orgA)).toBe(1204);
  });

  it('moves a case between count rows when a grouped field changes, one row or many at a time', async () => {
    const [one] = await inOrg(a, (tx) =>
      tx.query<{ id: string }>(`SELECT id FROM cases ORDER BY reference LIMIT 1`),
    );
    await inOrg(a, (tx) =>
      tx.query(
        `UPDATE cases SET gender = 'NonConforming', citizenship = 'BD',
                country_of_exploitation = 'QA', age_at_registration = 47,
                registration_date = DATE '2024-02-29' WHERE id = $1`,
        [one!.id],
      ),
    );
    await inOrg(a, (tx) =>
      tx.query(
        `UPDATE cases SET type_of_exploitation = ARRAY['Servitude', 'ForcedBegging'],
                trafficking_status = 'ActualVictimOfTrafficking'
          WHERE abs(hashtext(id::text)) % 3 = 0`,
      ),
    );
    // a change to a field that is not counted leaves the counts as they are
    await inOrg(a, (tx) =>
      tx.query(`UPDATE cases SET status = 'FollowUp' WHERE age_at_registration < 18`),
    );
    await agree();
    expect(await total(orgA)).toBe(1204);
  });

  it('stops counting a merged case (the tombstone) and counts the kept one with its folded facts', async () => {
    const rows = await inOrg(a, (tx) =>
      tx.query<{ id: string }>(
        `SELECT id FROM cases WHERE country_of_exploitation IS NULL AND merged_into IS NULL
          ORDER BY reference LIMIT 2`,
      ),
    );
    const [kept, merged] = rows.map((r) => r.id);
    const [other] = await inOrg(a, (tx) =>
      tx.query<{ id: string }>(
        `SELECT id FROM cases WHERE country_of_exploitation IS NOT NULL AND merged_into IS NULL
          ORDER BY reference LIMIT 1`,
      ),
    );
    // as merge.service does it: fold the facts into the kept case, then tombstone the merged one
    const now = new Date();
    await inOrg(a, async (tx) => {
      await foldCaseFacts(tx, other!.id, kept!, now);
      await tombstone(tx, other!.id, kept!, now);
    });
    // a chain: the kept case is merged in turn, and tombstones pointing at it move on
    await inOrg(a, async (tx) => {
      await foldCaseFacts(tx, kept!, merged!, now);
      await tombstone(tx, kept!, merged!, now);
    });
    await agree();
    expect(await total(orgA)).toBe(1202);
  });

  it('stops counting a deleted case (no product path deletes cases; the trigger covers it)', async () => {
    const [victim] = await t.database.superuser(
      `SELECT id FROM cases WHERE org_id = $1 AND merged_into IS NULL ORDER BY reference DESC LIMIT 1`,
      [orgA],
    );
    await t.database.superuser('DELETE FROM cases WHERE id = $1', [victim!.id]);
    await agree();
    expect(await total(orgA)).toBe(1201);
  });

  it.each(['case_counts', 'case_count_cube'])(
    'shows an organisation its own %s rows only',
    async (table) => {
      const seen = await inOrg(a, (tx) =>
        tx.query<{ org_id: string }>(`SELECT org_id FROM ${table}`),
      );
      expect(seen.length).toBeGreaterThan(0);
      expect(new Set(seen.map((r) => r.org_id))).toEqual(new Set([orgA]));
      const all = await t.database.superuser(
        `SELECT count(DISTINCT org_id)::int AS n FROM ${table}`,
      );
      expect(all[0]!.n).toBe(2);
    },
  );

  it('refuses writing another organisation’s count rows', async () => {
    const fromB = await inOrg(b, (tx) =>
      tx.query<{ n: number }>('SELECT sum(n)::int AS n FROM case_counts'),
    );
    expect(fromB[0]!.n).toBe(1);
    const bumped = await inOrg(a, (tx) =>
      tx.query('UPDATE case_counts SET n = n + 1 WHERE org_id = $1 RETURNING n', [orgB]),
    );
    expect(bumped).toHaveLength(0);
    await expect(
      inOrg(a, (tx) =>
        tx.query(
          `INSERT INTO case_counts (org_id, month, gender, age_band, citizenship,
             country_of_exploitation, exploitation, trafficking_status, n)
           VALUES ($1, DATE '2026-01-01', 'Feminine', 'unknown', 'NG', '', '{}', 'PossibleVictimOfTrafficking', 1)`,
          [orgB],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(inOrg(a, (tx) => tx.query('DELETE FROM case_counts'))).rejects.toThrow(
      /permission denied/,
    );
    expect(await total(orgB)).toBe(1);
  });

  it('stays exact under concurrent bulk inserts into the same count rows', async () => {
    const seed = (n: number) =>
      seedCases(t.db, t.keyring, {
        orgId: orgA,
        userId: a.userId,
        cases: generateDemoCases({ seed: n, count: 600 }),
        batchSize: 200,
        analyze: false,
      });
    await Promise.all([seed(21), seed(22), seed(23)]);
    await agree();
    expect(await total(orgA)).toBe(1201 + 1800);
  });
});
