import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, orgScope } from '../../src/server/db/database.ts';
import { insertHubSource, withdrawHubSource } from '../../src/server/hub/hub-store.repo.ts';
import type { HubBudgetList, HubSourceList } from '../../src/shared/api/hub.schema.ts';
import { CTDC_COLUMNS } from '../../src/shared/hub/ctdc/index.ts';
import type { Table } from '../../src/shared/hub/table.ts';
import { auditEntries, errorOf } from '../support/api.ts';
import { base64Csv, ctdcTable, importBody, importCtdc } from '../support/hub.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// The hub store (docs/hub.md): analysts import CTDC files as sources, all or nothing; the store
// is one per instance, and row-level security lets the app role reach it only as an analyst or
// for its own organisation's contributions.

const TABLES = ['hub_sources', 'hub_records', 'hub_publications', 'hub_budget_ledger'];

describe('hub store', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let analystA: TestSession;
  let analystB: TestSession;
  let supervisorA: TestSession;
  let supervisorB: TestSession;

  const counts = async () => {
    const [row] = await t.database.superuser(
      `SELECT (SELECT count(*)::int FROM hub_sources) AS sources,
              (SELECT count(*)::int FROM hub_records) AS records`,
    );
    return row as { sources: number; records: number };
  };
  const post = (session: TestSession, body: unknown) =>
    t.request('POST', '/api/v1/hub/imports', { session, body });
  const withCell = (table: Table, row: number, column: string, value: string): Table => {
    const j = table.columns.indexOf(column);
    return {
      columns: table.columns,
      rows: table.rows.map((r, i) => (i === row ? r.map((c, k) => (k === j ? value : c)) : r)),
    };
  };

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    analystA = await t.signIn(orgA, 'analyst');
    analystB = await t.signIn(orgB, 'analyst');
    supervisorA = await t.signIn(orgA, 'supervisor');
    supervisorB = await t.signIn(orgB, 'supervisor');
  });
  afterAll(() => t.close());

  it.each(TABLES)('%s has row-level security enabled and forced', async (table) => {
    const [row] = await t.database.superuser(
      `SELECT relrowsecurity AS "on", relforcerowsecurity AS "forced" FROM pg_class
        WHERE oid = $1::regclass`,
      [table],
    );
    expect(row).toEqual({ on: true, forced: true });
  });

  it('imports a CTDC file as one source, every row stored in the layout, and audits it', async () => {
    const table = ctdcTable(500, 7);
    const source = await importCtdc(t, analystA, table, 'CTDC 2024');
    expect(source).toMatchObject({
      kind: 'import',
      orgId: orgA,
      label: 'CTDC 2024',
      layout: 'global',
      rowCount: 500,
      contributionId: null,
      withdrawnAt: null,
      budget: { epsilon: 10, delta: 1e-5, epsilonSpent: 0, epsilonLeft: 10 },
    });
    expect(source.columns).toEqual([...CTDC_COLUMNS]);
    const stored = await t.database.superuser(
      'SELECT cells FROM hub_records WHERE source_id = $1 ORDER BY ord',
      [source.id],
    );
    expect(stored.map((r) => String(r.cells).split('\u001f'))).toEqual(table.rows);
    const audit = await auditEntries(t, orgA, 'hub.imported');
    expect(audit.map((a) => a.recordId)).toContain(source.id);
    expect(audit.every((a) => a.actorId === analystA.userId)).toBe(true);
  });

  it('a bad cell refuses the whole file, naming its row and column; nothing is written', async () => {
    const before = await counts();
    // Data row 37 is spreadsheet row 38 (the header is row 1).
    const bad = withCell(ctdcTable(300, 3), 36, 'gender', 'Zorvatha');
    const res = await post(analystA, importBody(bad));
    expect(res.status).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('validation_failed');
    expect(error.details).toContainEqual(
      expect.objectContaining({ path: 'content', row: 38, column: 'gender' }),
    );
    // The bad value may be a name: it is described, never quoted back.
    expect(JSON.stringify(res.body)).not.toContain('Zorvatha');
    expect(await counts()).toEqual(before);
  });

  it('quotes a bad value only when it has its column’s shape, never a short name', async () => {
    let table = ctdcTable(100, 5);
    // A names column pasted into gender (one short word each), beside near misses of codes.
    const cells: [number, string, string][] = [
      [0, 'gender', 'Ana'],
      [1, 'gender', 'Li'],
      [2, 'gender', 'female'],
      [3, 'citizenship', 'GBR'],
      [4, 'isForcedLabour', '-98'],
      [5, 'yearOfRegistration', '1987-03-12'],
    ];
    for (const [row, column, value] of cells) table = withCell(table, row, column, value);
    const res = await post(analystA, importBody(table));
    expect(res.status).toBe(400);
    const messages = (errorOf(res).details as unknown as { row: number; message: string }[]).map(
      (d) => [d.row, d.message.replace(/ is not allowed.*$/, '')],
    );
    expect(messages).toEqual([
      [2, 'column "gender": a value of 3 characters'],
      [3, 'column "gender": a value of 2 characters'],
      [4, 'column "gender": "female"'],
      [5, 'column "citizenship": "GBR"'],
      [6, 'column "isForcedLabour": "-98"'],
      [7, 'column "yearOfRegistration": a value of 10 characters'],
    ]);
    const body = JSON.stringify(res.body);
    for (const value of ['"Ana', '"Li', '1987-03-12']) expect(body).not.toContain(value);
  });

  it('refuses a file with a column outside the CTDC layout (a name column) and a wrong layout', async () => {
    const before = await counts();
    const good = ctdcTable(50, 4);
    const named: Table = {
      columns: [...good.columns, 'givenName'],
      rows: good.rows.map((r) => [...r, 'Quillane Brimsova']),
    };
    const res = await post(analystA, importBody(named));
    expect(res.status).toBe(400);
    expect(errorOf(res).details).toContainEqual(
      expect.objectContaining({ row: 1, column: 'givenName' }),
    );
    expect(JSON.stringify(res.body)).not.toContain('Quillane');

    const other = { columns: ['name', 'age'], rows: [['Zorvatha', '31']] };
    const wrong = await post(analystA, importBody(other));
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong).message).toMatch(/not a CTDC header/);

    const empty = await post(analystA, {
      label: 'x',
      content: base64Csv({ columns: [...CTDC_COLUMNS], rows: [] }),
    });
    expect(empty.status).toBe(400);
    const notUtf8 = await post(analystA, {
      label: 'x',
      content: Buffer.from([0xff, 0xfe, 0x41]).toString('base64'),
    });
    expect(notUtf8.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('the store is one per instance: an analyst of another organisation sees every source', async () => {
    const fromB = await importCtdc(t, analystB, ctdcTable(120, 9), 'B file');
    const res = await t.request('GET', '/api/v1/hub/sources', { session: analystA });
    expect(res.status).toBe(200);
    const ids = res.json<HubSourceList>().sources.map((s) => s.id);
    expect(ids).toContain(fromB.id);
    const budget = await t.request('GET', '/api/v1/hub/budget', { session: analystB });
    expect(budget.status).toBe(200);
    expect(budget.json<HubBudgetList>().sources.find((s) => s.sourceId === fromB.id)).toMatchObject(
      {
        label: 'B file',
        withdrawn: false,
        budget: { epsilonLeft: 10, deltaLeft: 1e-5 },
      },
    );
  });

  it.each(['admin', 'supervisor', 'caseworker', 'provider'] as const)(
    'a %s may not read or import (403)',
    async (role) => {
      const session = await t.signIn(orgA, role);
      expect((await t.request('GET', '/api/v1/hub/sources', { session })).status).toBe(403);
      expect((await t.request('GET', '/api/v1/hub/budget', { session })).status).toBe(403);
      expect((await post(session, importBody(ctdcTable(20)))).status).toBe(403);
    },
  );

  it('without a session the analyst routes answer 401', async () => {
    expect((await t.request('GET', '/api/v1/hub/sources')).status).toBe(401);
  });

  it('row-level security: outside the analyst role the app reaches only its own sources', async () => {
    // A supervisor's transaction (the contribution path) sees its organisation's sources only.
    const scoped = <T>(s: TestSession, sql: string, params: unknown[] = []) =>
      t.db.transaction(orgScope(s.orgId, s.userId), (tx) => tx.query<T>(sql, params));
    const seenByB = await scoped<{ org_id: string }>(supervisorB, 'SELECT org_id FROM hub_sources');
    expect(seenByB.every((r) => r.org_id === orgB)).toBe(true);
    const recordsSeenByB = await scoped<{ org_id: string }>(
      supervisorB,
      'SELECT org_id FROM hub_records',
    );
    expect(recordsSeenByB.every((r) => r.org_id === orgB)).toBe(true);
    // An analyst sees them all.
    const all = await scoped<{ n: number }>(
      analystA,
      'SELECT count(DISTINCT org_id)::int AS n FROM hub_sources',
    );
    expect(all[0]!.n).toBe(2);
    // Nobody writes another organisation's rows.
    await expect(
      scoped(
        analystA,
        `INSERT INTO hub_records (source_id, org_id, ord, cells) VALUES (gen_random_uuid(), $1, 0, '')`,
        [orgB],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('a contribution source is written by a supervisor and withdrawn: rows gone, source kept', async () => {
    const rows = ctdcTable(40, 11).rows;
    const contributionId = '00000000-0000-4000-8000-00000000c0de';
    // The contribution itself is the contributions workflow's (hub-contributions.test.ts): its
    // foreign key is left unchecked here (replica mode), row-level security still applies.
    const { sourceId } = await t.db.transaction(SYSTEM, async (tx) => {
      await tx.exec('SET LOCAL session_replication_role = replica');
      await tx.enterOrg(orgA, supervisorA.userId);
      return insertHubSource(
        tx,
        { kind: 'contribution', orgId: orgA, label: 'Org A 2025', contributionId },
        rows,
      );
    });
    const [src] = await t.database.superuser(
      'SELECT created_by, row_count, layout FROM hub_sources WHERE id = $1',
      [sourceId],
    );
    expect(src).toEqual({ created_by: supervisorA.userId, row_count: 40, layout: 'global' });
    // Another organisation's supervisor cannot withdraw it; its own can, once.
    const other = await t.db.transaction(orgScope(orgB, supervisorB.userId), (tx) =>
      withdrawHubSource(tx, sourceId),
    );
    expect(other).toBe(false);
    const mine = await t.db.transaction(orgScope(orgA, supervisorA.userId), (tx) =>
      withdrawHubSource(tx, sourceId),
    );
    expect(mine).toBe(true);
    const [after] = await t.database.superuser(
      `SELECT (SELECT count(*)::int FROM hub_records WHERE source_id = $1) AS records,
              (SELECT withdrawn_at IS NOT NULL FROM hub_sources WHERE id = $1) AS withdrawn`,
      [sourceId],
    );
    expect(after).toEqual({ records: 0, withdrawn: true });
    const again = await t.db.transaction(orgScope(orgA, supervisorA.userId), (tx) =>
      withdrawHubSource(tx, sourceId),
    );
    expect(again).toBe(false);
  });

  it('only an analyst imports and only a supervisor contributes, whatever the query says', async () => {
    const insert = (s: TestSession, kind: 'import' | 'contribution') =>
      t.db.transaction(orgScope(s.orgId, s.userId), (tx) =>
        insertHubSource(
          tx,
          {
            kind,
            orgId: s.orgId,
            label: 'x',
            contributionId: kind === 'contribution' ? '00000000-0000-4000-8000-0000000000aa' : null,
          },
          [],
        ),
      );
    await expect(insert(analystA, 'contribution')).rejects.toThrow(/row-level security/);
    await expect(insert(supervisorA, 'import')).rejects.toThrow(/row-level security/);
  });
});
