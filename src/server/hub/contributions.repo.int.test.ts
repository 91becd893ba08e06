import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestLantern } from '../../../test/support/test-app.ts';
import { orgScope } from '../db/database.ts';
import { findContributionRows, insertContribution } from './contributions.repo.ts';

// A prepared contribution's rows are one stored text (migration 0017): read back whole, or a
// preview from its head, they are exactly the rows written, in order.

const risk = {
  records: 0,
  classes: 0,
  sampleUniques: 0,
  recordsAtRisk: 0,
  highestRisk: 0,
  averageRisk: 0,
  expectedReidentifications: 0,
};

describe('contribution rows as stored', () => {
  let t: TestLantern;
  let orgId: string;
  let userId: string;
  const columns = ['a', 'b', 'c'];
  // 3,000 rows of some 60 characters, 300 distinct: more than a preview's head (64 KB) holds.
  const rows = Array.from({ length: 3_000 }, (_, i) => [
    `value-${i % 300}`.padEnd(50, '.'),
    `${(i * 7) % 11}`,
    i % 2 === 0 ? '-99' : 'a;b',
  ]);
  const id = '00000000-0000-4000-8000-0000000000c1';
  const inOrg = <T>(fn: Parameters<typeof t.db.transaction<T>>[1]) =>
    t.db.transaction(orgScope(orgId, userId), fn);

  beforeAll(async () => {
    t = await TestLantern.start();
    orgId = await t.createOrg('Rows');
    userId = (await t.signIn(orgId, 'supervisor')).userId;
    await inOrg((tx) =>
      insertContribution(tx, {
        id,
        orgId,
        label: 'Rows',
        registeredFrom: null,
        registeredTo: null,
        qi: ['a'],
        k: 2,
        suppressionLimit: 0,
        casesConsidered: rows.length,
        excludedWithoutConsent: 0,
        suppressed: 0,
        columns,
        rows,
        riskBefore: risk,
        risk,
        utility: {
          informationLoss: 0,
          discernibility: 0,
          suppressed: 0,
          suppressedShare: 0,
          levels: {},
        },
        preparedBy: userId,
        preparedAt: new Date('2026-05-01T10:00:00Z'),
      }),
    );
  });
  afterAll(() => t.close());

  it('stores them as one uncompressed text', async () => {
    const [column] = await t.database.superuser(
      `SELECT format_type(atttypid, atttypmod) AS type, attstorage AS storage FROM pg_attribute
        WHERE attrelid = 'hub_contributions'::regclass AND attname = 'rows'`,
    );
    expect(column).toEqual({ type: 'text', storage: 'e' });
  });

  it('reads all rows back in order', async () => {
    expect(await inOrg((tx) => findContributionRows(tx, id, null))).toEqual(rows);
  });

  it('previews the first rows from the head of the text', async () => {
    expect(await inOrg((tx) => findContributionRows(tx, id, 20))).toEqual(rows.slice(0, 20));
  });

  it('reads on past the head when the first rows do not fit in it', async () => {
    expect(rows.map((r) => r.join(' ')).join(' ').length).toBeGreaterThan(2 * 64 * 1024);
    expect(await inOrg((tx) => findContributionRows(tx, id, 2_990))).toEqual(rows.slice(0, 2_990));
  });

  it('refuses a row with a separator character, naming the row; nothing is written', async () => {
    await expect(
      inOrg((tx) =>
        insertContribution(tx, {
          id: '00000000-0000-4000-8000-0000000000c2',
          orgId,
          label: 'Bad',
          registeredFrom: null,
          registeredTo: null,
          qi: ['a'],
          k: 2,
          suppressionLimit: 0,
          casesConsidered: 2,
          excludedWithoutConsent: 0,
          suppressed: 0,
          columns,
          rows: [rows[0]!, ['x\u001ey', '1', '2']],
          riskBefore: risk,
          risk,
          utility: {
            informationLoss: 0,
            discernibility: 0,
            suppressed: 0,
            suppressedShare: 0,
            levels: {},
          },
          preparedBy: userId,
          preparedAt: new Date('2026-05-01T10:00:00Z'),
        }),
      ),
    ).rejects.toThrow('contribution row 2 holds a separator character');
  });
});
