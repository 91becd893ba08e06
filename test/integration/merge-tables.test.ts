import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MERGE_PLAN, PERSON_PLAN } from '../../src/server/reunite/merge.service.ts';
import type { TestDatabase } from '../support/test-db.ts';
import { createTestDatabase } from '../support/test-db.ts';

// A merge must decide what becomes of every record that references a case or a person. When a
// migration adds a table with a foreign key to cases or persons, this test fails until the
// table has an entry in the merge plan (src/server/reunite/merge.service.ts) and the merge
// handles it (test/integration/merge.test.ts fills and checks every table of the plan).
describe('the merge plan covers every table that references a case or a person', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  const referencing = async (table: string) =>
    (
      await db.superuser(
        `SELECT DISTINCT c.conrelid::regclass::text AS name
           FROM pg_constraint c
          WHERE c.contype = 'f' AND c.confrelid = $1::regclass`,
        [table],
      )
    )
      .map((r) => String(r.name))
      .sort();

  it('cases', async () => {
    const tables = await referencing('cases');
    expect(tables.length).toBeGreaterThan(10);
    expect(tables).toEqual(Object.keys(MERGE_PLAN).sort());
  });

  it('persons', async () => {
    expect(await referencing('persons')).toEqual(Object.keys(PERSON_PLAN).sort());
  });
});
