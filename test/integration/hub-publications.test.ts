import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Publication,
  PublicationList,
  PublicationPreview,
  PublicPublication,
  PublicPublicationList,
} from '../../src/shared/api/hub.schema.ts';
import { DEFAULT_HUB_QI } from '../../src/shared/api/hub.schema.ts';
import { SYSTEM } from '../../src/server/db/database.ts';
import { insertHubSource } from '../../src/server/hub/hub-store.repo.ts';
import { ctdcHierarchies } from '../../src/shared/hub/anonymize/index.ts';
import { toSyntheticLayout } from '../../src/shared/hub/ctdc/index.ts';
import { cellText } from '../../src/server/exchange/xlsx.ts';
import { readTable, writeTable } from '../../src/shared/hub/table.ts';
import { auditEntries, errorOf } from '../support/api.ts';
import { createPublication, ctdcTable, importCtdc } from '../support/hub.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Publications of the data hub (docs/hub.md): preview → draft → release, the public page that
// shows released publications only, downloads, the guarantee checked again at release, and the
// privacy budget per source.

const PUB = '/api/v1/hub/publications';

/** The built-in hierarchy's label of `value` at `level` (what a contribution may hold). */
const generalised = (column: string, value: string, level: number): string =>
  ctdcHierarchies().get(column)!.generalise(value, level);
const PUBLIC = '/api/v1/public/publications';

/** Size of the largest-enough check: every combination of `qi` occurs at least k times. */
function smallestClass(csv: string, qi: readonly string[]): number {
  const table = readTable(csv);
  const idx = qi.map((c) => table.columns.indexOf(c));
  const sizes = new Map<string, number>();
  for (const r of table.rows) {
    const key = idx.map((i) => r[i]).join('\u0000');
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return Math.min(...sizes.values());
}

describe('hub publications', () => {
  let t: TestLantern;
  let orgA: string;
  let analyst: TestSession;
  let sourceId: string;
  let other: string;

  const micro = (over: Record<string, unknown> = {}) => ({
    kind: 'microdata' as const,
    sourceIds: [sourceId],
    ...over,
  });
  const dp = (kind: 'aggregates' | 'synthetic', epsilon: number, ids = [sourceId]) => ({
    kind,
    sourceIds: ids,
    epsilon,
    length: 3,
  });
  const release = (id: string, session = analyst) =>
    t.request('POST', `${PUB}/${id}/release`, { session });
  const publicationCount = async () =>
    (await t.database.superuser('SELECT count(*)::int AS n FROM hub_publications'))[0]!.n as number;

  beforeAll(async () => {
    t = await TestLantern.start({ hub: { budget: { epsilon: 10, delta: 1e-5 } } });
    orgA = await t.createOrg('Org A');
    analyst = await t.signIn(orgA, 'analyst');
    sourceId = (await importCtdc(t, analyst, ctdcTable(3000, 21), 'Generated 3000')).id;
    other = (await importCtdc(t, analyst, ctdcTable(1500, 22), 'Generated 1500')).id;
  });
  afterAll(() => t.close());

  it('a preview reports risk and utility with the CTDC defaults (k = 11) and writes nothing', async () => {
    const before = await publicationCount();
    const res = await t.request('POST', `${PUB}/preview`, { session: analyst, body: micro() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const preview = res.json<PublicationPreview>();
    expect(preview.report).toMatchObject({ kind: 'microdata', k: 11, records: 3000 });
    if (preview.report.kind !== 'microdata') throw new Error('microdata expected');
    expect(preview.report.qi).toEqual([...DEFAULT_HUB_QI]);
    expect(preview.report.risk.recordsAtRisk).toBe(0);
    expect(preview.report.risk.smallestClass).toBeGreaterThanOrEqual(11);
    expect(preview.report.riskBefore!.sampleUniques).toBeGreaterThan(0);
    expect(preview.report.released + preview.report.utility.suppressed).toBe(3000);
    expect(preview.rows.length).toBeLessThanOrEqual(20);
    expect(preview.budget.map((b) => [b.sourceId, b.budget.epsilonLeft])).toEqual([[sourceId, 10]]);
    expect(await publicationCount()).toBe(before);
  });

  it('k-anonymised microdata: draft → release → public list and downloads, every class ≥ k', async () => {
    const preview = (
      await t.request('POST', `${PUB}/preview`, { session: analyst, body: micro() })
    ).json<PublicationPreview>();
    const created = await createPublication(t, analyst, micro(), 'Global k=11');
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const draft = created.json<Publication>();
    expect(draft).toMatchObject({ status: 'draft', kind: 'microdata', releasedAt: null });
    expect(draft.sources).toEqual([
      { id: sourceId, kind: 'import', label: 'Generated 3000', layout: 'global', rowCount: 3000 },
    ]);
    expect(draft.rowCount).toBe(preview.report.released);

    // A draft is nobody's business but the analysts'.
    expect((await t.request('GET', PUBLIC)).json<PublicPublicationList>().publications).toEqual([]);
    expect((await t.request('GET', `${PUBLIC}/${draft.id}`)).status).toBe(404);
    expect((await t.request('GET', `${PUBLIC}/${draft.id}/download`)).status).toBe(404);

    const released = await release(draft.id);
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(released.json<Publication>()).toMatchObject({ status: 'released' });
    const again = await release(draft.id);
    expect(again.status).toBe(409);
    expect(errorOf(again).details).toMatchObject({ rule: 'already_released' });

    const list = (await t.request('GET', PUBLIC)).json<PublicPublicationList>().publications;
    expect(list.map((p) => p.id)).toEqual([draft.id]);
    const one = await t.request('GET', `${PUBLIC}/${draft.id}`);
    expect(one.status).toBe(200);
    const pub = one.json<PublicPublication>();
    expect(pub.report).toMatchObject({ kind: 'microdata', k: 11, riskBefore: null });
    expect(pub.sources).toEqual([
      { kind: 'import', label: 'Generated 3000', layout: 'global', rowCount: 3000 },
    ]);
    expect(JSON.stringify(pub)).not.toContain(analyst.userId);

    const csv = await t.request('GET', `${PUBLIC}/${draft.id}/download?format=csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
    expect(String(csv.headers['content-disposition'])).toMatch(/attachment/);
    expect(csv.headers['x-content-type-options']).toBe('nosniff');
    const text = typeof csv.body === 'string' ? csv.body : JSON.stringify(csv.body);
    const file = readTable(text);
    expect(file.rows).toHaveLength(draft.rowCount);
    expect(file.rows.slice(0, preview.rows.length)).toEqual(preview.rows);
    expect(smallestClass(text, DEFAULT_HUB_QI)).toBeGreaterThanOrEqual(11);

    const xlsx = await t.app.inject({
      method: 'GET',
      url: `${PUBLIC}/${draft.id}/download?format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('data')!;
    const sheetRows: string[][] = [];
    sheet.eachRow((row) => {
      sheetRows.push((row.values as unknown[]).slice(1).map((v) => cellText(v)));
    });
    expect(sheetRows[0]).toEqual(file.columns);
    expect(sheetRows.slice(1)).toEqual(file.rows);

    const audit = await auditEntries(t, orgA);
    const actions = audit.filter((a) => a.recordId === draft.id).map((a) => a.action);
    expect(actions).toEqual(['hub.publication.created', 'hub.publication.released']);
  });

  it('a guarantee the data cannot meet is refused (422, its rule and parameter); nothing is written', async () => {
    const before = await publicationCount();
    const small = await importCtdc(t, analyst, ctdcTable(200, 23), 'Generated 200');
    // 200 records cannot be 500-anonymous, however far they are generalised.
    const tooBig = await createPublication(
      t,
      analyst,
      micro({ sourceIds: [small.id], k: 500, suppressionLimit: 0 }),
    );
    expect(tooBig.status).toBe(422);
    expect(errorOf(tooBig).code).toBe('disclosure_check_failed');
    expect(errorOf(tooBig).details).toMatchObject({
      rule: 'k_not_reachable',
      parameter: 'parameters.k',
      k: 500,
      records: 200,
      maxSuppressed: 0,
    });
    expect(errorOf(tooBig).message).toMatch(/^k = 500 cannot be reached \(parameters\.k\)/);
    // The preview says the same, its parameters being the body.
    const preview = await t.request('POST', `${PUB}/preview`, {
      session: analyst,
      body: micro({ sourceIds: [small.id], k: 500, suppressionLimit: 0 }),
    });
    expect(preview.status).toBe(422);
    expect(errorOf(preview).details).toMatchObject({ rule: 'k_not_reachable', parameter: 'k' });
    // A flag holds at most three values (0, 1, -99): no class can hold four. k alone holds.
    const lTooBig = await createPublication(
      t,
      analyst,
      micro({ l: { sensitive: 'isForcedLabour', l: 4 } }),
    );
    expect(lTooBig.status).toBe(422);
    expect(errorOf(lTooBig).details).toMatchObject({
      rule: 'l_not_reachable',
      parameter: 'parameters.l.l',
      l: 4,
      k: 11,
    });
    expect(errorOf(lTooBig).message).toMatch(/^l = 4 cannot be reached \(parameters\.l\.l\)/);
    const unknown = await createPublication(t, analyst, micro({ qi: ['gender', 'givenName'] }));
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).details?.[0]?.path).toBe('parameters.qi.1');
    const lowK = await createPublication(t, analyst, micro({ k: 1 }));
    expect(lowK.status).toBe(400);
    expect(errorOf(lowK).details?.[0]?.path).toBe('parameters.k');
    const badEpsilon = await createPublication(t, analyst, dp('aggregates', 0));
    expect(badEpsilon.status).toBe(400);
    expect(errorOf(badEpsilon).details?.[0]?.path).toBe('parameters.epsilon');
    expect(await publicationCount()).toBe(before);
  });

  it('release re-checks k on the stored rows and refuses a file that no longer meets it', async () => {
    const draft = (
      await createPublication(t, analyst, micro(), 'To be tampered')
    ).json<Publication>();
    // Someone with database access alters the stored file: one row gets a combination of its own.
    const [stored] = await t.database.superuser(
      'SELECT content FROM hub_publications WHERE id = $1',
      [draft.id],
    );
    const file = readTable(String(stored!.content));
    const year = file.columns.indexOf('yearOfRegistration');
    file.rows[0] = file.rows[0]!.map((c, i) => (i === year ? '1951' : c));
    await t.database.superuser('UPDATE hub_publications SET content = $2 WHERE id = $1', [
      draft.id,
      writeTable(file),
    ]);
    const res = await release(draft.id);
    expect(res.status).toBe(409);
    expect(errorOf(res).code).toBe('conflict');
    expect(errorOf(res).details).toMatchObject({ rule: 'guarantee_broken', k: 11 });
    expect(errorOf(res).message).toMatch(/does not meet its guarantee/);
    const [row] = await t.database.superuser('SELECT status FROM hub_publications WHERE id = $1', [
      draft.id,
    ]);
    expect(row!.status).toBe('draft');
  });

  it('DP releases spend each source’s budget; past it a release is refused with 409 and what remains', async () => {
    const first = (
      await createPublication(t, analyst, dp('aggregates', 6, [other]), 'Counts')
    ).json<Publication>();
    const second = (
      await createPublication(t, analyst, dp('synthetic', 6, [other]), 'Synthetic')
    ).json<Publication>();
    expect(first.status).toBe('draft');
    expect(second.report).toMatchObject({ kind: 'synthetic', epsilon: 6 });
    expect((await release(first.id)).status).toBe(200);

    const refused = await release(second.id);
    expect(refused.status).toBe(409);
    const error = errorOf(refused) as unknown as {
      code: string;
      message: string;
      details: { rule: string; sourceId: string; remaining: { epsilon: number; delta: number } };
    };
    expect(error.code).toBe('conflict');
    expect(error.details.rule).toBe('budget_exceeded');
    expect(error.details.sourceId).toBe(other);
    expect(error.details.remaining.epsilon).toBeCloseTo(4, 9);
    expect(error.details.remaining.delta).toBeGreaterThan(0);
    expect(error.message).toMatch(/epsilon/);
    // A new draft past the budget is refused at once; within it, it is made.
    const overBudget = await createPublication(t, analyst, dp('aggregates', 5, [other]));
    expect(overBudget.status).toBe(409);
    expect(errorOf(overBudget).details).toMatchObject({ rule: 'budget_exceeded' });
    expect((await createPublication(t, analyst, dp('aggregates', 4, [other]))).status).toBe(201);

    const budget = await t.request('GET', '/api/v1/hub/budget', { session: analyst });
    const b = budget.json<{ sources: { sourceId: string; budget: { epsilonSpent: number } }[] }>();
    expect(b.sources.find((s) => s.sourceId === other)!.budget.epsilonSpent).toBeCloseTo(6, 9);
    expect(b.sources.find((s) => s.sourceId === sourceId)!.budget.epsilonSpent).toBe(0);

    // The released aggregates: a count per combination, no DP error shown to the public.
    const pub = (await t.request('GET', `${PUBLIC}/${first.id}`)).json<PublicPublication>();
    expect(pub.report).toMatchObject({ kind: 'aggregates', quality: null, syntheticQuality: null });
    const csv = await t.request('GET', `${PUBLIC}/${first.id}/download`);
    const file = readTable(String(csv.body));
    expect(file.columns).toEqual([...DEFAULT_HUB_QI, 'count']);
    expect(file.rows.length).toBe(pub.rowCount);
    expect(file.rows.every((r) => Number.isInteger(Number(r.at(-1))))).toBe(true);
  });

  it('analysts list every publication, drafts included; the public list only released ones', async () => {
    const all = (await t.request('GET', PUB, { session: analyst })).json<PublicationList>();
    const drafts = (
      await t.request('GET', `${PUB}?status=draft`, { session: analyst })
    ).json<PublicationList>();
    const pub = (await t.request('GET', PUBLIC)).json<PublicPublicationList>();
    expect(drafts.publications.length).toBeGreaterThan(0);
    expect(drafts.publications.every((p) => p.status === 'draft')).toBe(true);
    const released = all.publications.filter((p) => p.status === 'released').map((p) => p.id);
    expect(pub.publications.map((p) => p.id).sort()).toEqual(released.sort());
  });

  it('a synthetic-layout import feeds DP publications, never mixed with the global layout', async () => {
    const synthetic = await importCtdc(
      t,
      analyst,
      toSyntheticLayout(ctdcTable(800, 24)),
      'Synthetic layout',
    );
    expect(synthetic).toMatchObject({ layout: 'synthetic', rowCount: 800 });
    const mixed = await createPublication(
      t,
      analyst,
      micro({ sourceIds: [sourceId, synthetic.id] }),
    );
    expect(mixed.status).toBe(400);
    expect(errorOf(mixed).details?.[0]?.path).toBe('parameters.sourceIds.1');
    const microdata = await createPublication(t, analyst, micro({ sourceIds: [synthetic.id] }));
    expect(microdata.status).toBe(400);
    expect(errorOf(microdata).details?.[0]?.path).toBe('parameters.sourceIds');
    const counts = await createPublication(t, analyst, dp('aggregates', 1, [synthetic.id]));
    expect(counts.status, JSON.stringify(counts.body)).toBe(201);
    expect(counts.json<Publication>().columns).toEqual([...DEFAULT_HUB_QI, 'count']);
  });

  it('publishes rows contributed already generalised (a region, a period) with k held', async () => {
    // A contribution is k-anonymised at its organisation: its rows may hold labels, not leaves.
    const table = ctdcTable(600, 25);
    const cit = table.columns.indexOf('citizenship');
    const year = table.columns.indexOf('yearOfRegistration');
    const rows = table.rows.map((r, i) =>
      r.map((c, j) =>
        j === cit && i % 2 === 0 && c !== '-99'
          ? generalised('citizenship', c, 2)
          : j === year && i % 3 === 0 && c !== '-99'
            ? generalised('yearOfRegistration', c, 1)
            : c,
      ),
    );
    const orgB = await t.createOrg('Org B');
    const supervisor = await t.signIn(orgB, 'supervisor');
    const { sourceId: contributed } = await t.db.transaction(SYSTEM, async (tx) => {
      // The contribution row itself is the contributions workflow's: its key is not checked here.
      await tx.exec('SET LOCAL session_replication_role = replica');
      await tx.enterOrg(orgB, supervisor.userId);
      return insertHubSource(
        tx,
        { kind: 'contribution', orgId: orgB, label: 'Org B', contributionId: randomUUID() },
        rows,
      );
    });
    const res = await createPublication(t, analyst, micro({ sourceIds: [contributed, sourceId] }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const pub = res.json<Publication>();
    if (pub.report.kind !== 'microdata') throw new Error('microdata expected');
    expect(pub.report.risk.smallestClass).toBeGreaterThanOrEqual(11);
    expect(pub.report.utility.informationLoss).toBeGreaterThan(0);
    expect(pub.sources.map((s) => s.kind)).toEqual(['contribution', 'import']);
  });

  it('a missing source or a withdrawn one is refused', async () => {
    const missing = await createPublication(
      t,
      analyst,
      micro({ sourceIds: [sourceId, '00000000-0000-4000-8000-000000000000'] }),
    );
    expect(missing.status).toBe(400);
    expect(errorOf(missing).details?.[0]?.path).toBe('parameters.sourceIds.1');
    const draft = (
      await createPublication(t, analyst, micro({ sourceIds: [other] }))
    ).json<Publication>();
    await t.database.superuser('UPDATE hub_sources SET withdrawn_at = now() WHERE id = $1', [
      other,
    ]);
    const refused = await release(draft.id);
    expect(refused.status).toBe(409);
    expect(errorOf(refused).details).toMatchObject({
      rule: 'source_withdrawn',
      sourceIds: [other],
    });
    // A new publication naming it: the field is wrong, as for a missing source.
    const again = await createPublication(t, analyst, micro({ sourceIds: [other] }));
    expect(again.status).toBe(400);
    expect(errorOf(again).details?.[0]?.path).toBe('parameters.sourceIds.0');
  });

  it.each(['admin', 'supervisor', 'caseworker', 'provider'] as const)(
    'a %s may not preview, create, list or release (403)',
    async (role) => {
      const session = await t.signIn(orgA, role);
      const drafts = (
        await t.request('GET', `${PUB}?status=draft`, { session: analyst })
      ).json<PublicationList>();
      expect((await t.request('POST', `${PUB}/preview`, { session, body: micro() })).status).toBe(
        403,
      );
      expect((await createPublication(t, session, micro())).status).toBe(403);
      expect((await t.request('GET', PUB, { session })).status).toBe(403);
      expect((await release(drafts.publications[0]!.id, session)).status).toBe(403);
    },
  );
});
