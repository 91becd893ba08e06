import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseCreateBody } from '../../src/shared/api/cases.schema.ts';
import type { Dashboard } from '../../src/shared/api/insights.schema.ts';
import type { ExploitationType, Gender } from '../../src/shared/codes/htcds.ts';
import { readTable } from '../../src/shared/hub/table.ts';
import { buildApp } from '../../src/server/app.ts';
import { seedCases } from '../../src/server/demo/seed-cases.ts';
import type { ZodApp } from '../../src/server/http/zod-app.ts';
import { auditEntries, errorOf } from '../support/api.ts';
import { createPublication, ctdcTable, importCtdc } from '../support/hub.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// The organisation's dashboard (docs/insights.md) over cases made for it, and the public one over
// a released publication. Exact counts are checked on an app with a threshold of 1 (nothing
// suppressed) sharing the database with the default app (threshold 5).

interface Group {
  n: number;
  month: string;
  types: ExploitationType[];
  gender: Gender;
  citizenship: string;
  coe: string;
  dob?: string;
}
// Org A, by month (the clock is at 2026-06-01):
//   2025-11  6 SE              Feminine  NG → IT
//   2026-03  6 SE              Feminine  NG → IT     3 FL  Masculine NG → IT (no birth date)
//   2026-04  5 FL+SE           Feminine  NG → IT     7 FL  Masculine UA → PL (no birth date)
//   2026-05 10 SE              Feminine  NG → ES
const A: Group[] = [
  {
    n: 6,
    month: '2025-11',
    types: ['SexualExploitation'],
    gender: 'Feminine',
    citizenship: 'NG',
    coe: 'IT',
    dob: '1998-04-12',
  },
  {
    n: 6,
    month: '2026-03',
    types: ['SexualExploitation'],
    gender: 'Feminine',
    citizenship: 'NG',
    coe: 'IT',
    dob: '1998-04-12',
  },
  {
    n: 3,
    month: '2026-03',
    types: ['ForcedLabour'],
    gender: 'Masculine',
    citizenship: 'NG',
    coe: 'IT',
  },
  {
    n: 5,
    month: '2026-04',
    types: ['ForcedLabour', 'SexualExploitation'],
    gender: 'Feminine',
    citizenship: 'NG',
    coe: 'IT',
    dob: '1998-04-12',
  },
  {
    n: 7,
    month: '2026-04',
    types: ['ForcedLabour'],
    gender: 'Masculine',
    citizenship: 'UA',
    coe: 'PL',
  },
  {
    n: 10,
    month: '2026-05',
    types: ['SexualExploitation'],
    gender: 'Feminine',
    citizenship: 'NG',
    coe: 'ES',
    dob: '1998-04-12',
  },
];
const B: Group[] = [
  {
    n: 20,
    month: '2026-04',
    types: ['ForcedLabour'],
    gender: 'Masculine',
    citizenship: 'UA',
    coe: 'IT',
  },
];

function* bodies(groups: Group[]): Generator<CaseCreateBody> {
  for (const g of groups) {
    for (let i = 0; i < g.n; i++) {
      yield {
        person: {
          givenName: `Person ${i}`,
          gender: g.gender,
          ...(g.dob ? { dateOfBirth: g.dob } : {}),
        },
        citizenship: g.citizenship,
        countryOfExploitation: g.coe,
        typeOfExploitation: g.types,
        registrationDate: `${g.month}-15`,
        traffickingStatus: 'PossibleVictimOfTrafficking',
        status: 'Active',
      } as CaseCreateBody;
    }
  }
}

const DASH = '/api/v1/insights/dashboard';
const PUBLIC = '/api/v1/public/publications';
const counts = (d: Dashboard) =>
  Object.fromEntries(d.series.map((s) => [s.key, s.cells.map((c) => c.count)]));
const totals = (d: Dashboard) => d.totals.map((c) => c.count);

describe('insights dashboard', () => {
  let t: TestLantern;
  let exact: ZodApp;
  let orgA: string;
  let sup: TestSession;
  let analyst: TestSession;
  let supB: TestSession;

  /** The dashboard from the app with a threshold of 1: every count as it is. */
  async function exactly(query: string, session = sup): Promise<Dashboard> {
    const res = await exact.inject({
      method: 'GET',
      url: `${DASH}?${query}`,
      headers: { cookie: session.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    return JSON.parse(res.body) as Dashboard;
  }
  const get = (query: string, session?: TestSession) =>
    t.request('GET', `${DASH}${query ? `?${query}` : ''}`, session ? { session } : {});

  beforeAll(async () => {
    t = await TestLantern.start();
    exact = await buildApp({
      db: t.db,
      keyring: t.keyring,
      clock: t.clock,
      caseCountTtlMs: 0,
      insights: { minCell: 1 },
    });
    await exact.ready();
    orgA = await t.createOrg('Org A');
    const orgB = await t.createOrg('Org B');
    sup = await t.signIn(orgA, 'supervisor');
    analyst = await t.signIn(orgA, 'analyst');
    supB = await t.signIn(orgB, 'supervisor');
    await seedCases(t.db, t.keyring, { orgId: orgA, userId: sup.userId, cases: bodies(A) });
    await seedCases(t.db, t.keyring, { orgId: orgB, userId: supB.userId, cases: bodies(B) });
  });
  afterAll(async () => {
    await exact.close();
    await t.close();
  });

  it('counts the cases made, by exploitation type (a case in each of its types, once in the totals)', async () => {
    const d = await exactly('from=2026-03&to=2026-05');
    expect(d.by).toBe('exploitation');
    expect(d.granularity).toBe('month');
    expect(d.periods).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(d.series.map((s) => s.key)).toEqual(['SexualExploitation', 'ForcedLabour']);
    expect(counts(d)).toEqual({ SexualExploitation: [6, 5, 10], ForcedLabour: [3, 12, 0] });
    expect(d.series.map((s) => s.total.count)).toEqual([21, 15]);
    expect(totals(d)).toEqual([9, 12, 10]);
    expect(d.total).toEqual({ count: 31, suppressed: false });
    expect(d.minCell).toBe(1);
  });

  it('counts by every other dimension, with unknown where nothing is recorded', async () => {
    const range = 'from=2026-03&to=2026-05';
    expect(counts(await exactly(`${range}&by=gender`))).toEqual({
      Feminine: [6, 5, 10],
      Masculine: [3, 7, 0],
    });
    expect(counts(await exactly(`${range}&by=ageBand`))).toEqual({
      '27--29': [6, 5, 10],
      unknown: [3, 7, 0],
    });
    expect(counts(await exactly(`${range}&by=citizenship`))).toEqual({
      NG: [9, 5, 10],
      UA: [0, 7, 0],
    });
    const coe = await exactly(`${range}&by=countryOfExploitation`);
    expect(coe.series.map((s) => s.key)).toEqual(['IT', 'ES', 'PL']);
    expect(counts(coe)).toEqual({ IT: [9, 5, 0], ES: [0, 0, 10], PL: [0, 7, 0] });
  });

  it('filters and drills down: each filter a WHERE, the exploitation filter an overlap', async () => {
    const range = 'from=2026-03&to=2026-05';
    const fl = await exactly(`${range}&by=gender&exploitation=ForcedLabour`);
    expect(counts(fl)).toEqual({ Masculine: [3, 7, 0], Feminine: [0, 5, 0] });
    expect(totals(fl)).toEqual([3, 12, 0]);
    const either = await exactly(
      `${range}&by=gender&exploitation=ForcedLabour&exploitation=SexualExploitation`,
    );
    expect(either.total.count).toBe(31);
    const drill = await exactly(
      `${range}&by=countryOfExploitation&citizenship=UA&gender=Masculine`,
    );
    expect(counts(drill)).toEqual({ PL: [0, 7, 0] });
    const two = await exactly(`${range}&gender=Feminine&countryOfExploitation=IT`);
    expect(counts(two)).toEqual({ SexualExploitation: [6, 5, 0], ForcedLabour: [0, 5, 0] });
    expect(totals(two)).toEqual([6, 5, 0]);
    const ages = await exactly(`${range}&by=exploitation&ageBand=unknown`);
    expect(counts(ages)).toEqual({ ForcedLabour: [3, 7, 0] });
  });

  it('gives the same charts from the cube (one filter) and from case_counts (several)', async () => {
    // Every case of org A is PossibleVictimOfTrafficking: adding that filter changes no count
    // but sends the chart to case_counts.
    const both = '&traffickingStatus=PossibleVictimOfTrafficking';
    for (const by of [
      'exploitation',
      'gender',
      'ageBand',
      'citizenship',
      'countryOfExploitation',
    ]) {
      for (const f of [
        '',
        'citizenship=NG',
        'exploitation=SexualExploitation',
        'gender=Masculine',
      ]) {
        for (const g of ['month', 'year']) {
          const q = `from=2025-11&to=2026-05&by=${by}&granularity=${g}&${f}`;
          const cube = await exactly(q);
          const rows = await exactly(`${q}${both}`);
          expect(rows, q).toEqual(cube);
          expect(cube.total.count, q).toBeGreaterThan(0);
        }
      }
    }
  });

  it('answers an empty selection with zeros, not an error', async () => {
    const d = await exactly('from=2026-03&to=2026-05&traffickingStatus=ActualVictimOfTrafficking');
    expect(d.series).toEqual([]);
    expect(totals(d)).toEqual([0, 0, 0]);
    expect(d.total).toEqual({ count: 0, suppressed: false });
  });

  it('counts by year, and by default runs from the first month with cases to this month', async () => {
    const y = await exactly('granularity=year&from=2025-01');
    expect(y.periods).toEqual(['2025', '2026']);
    expect(counts(y)).toEqual({ SexualExploitation: [6, 21], ForcedLabour: [0, 15] });
    expect(totals(y)).toEqual([6, 31]);
    const d = await exactly('');
    expect(d.periods).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(totals(d)).toEqual([6, 0, 0, 0, 9, 12, 10, 0]);
    expect(d.total.count).toBe(37);
  });

  it('suppresses small counts, and the cells that would give them back; zeros are shown', async () => {
    // ForcedLabour in March is 3: hidden; March's SexualExploitation (6) would give it back from
    // the month's total, ForcedLabour in April (12) from the series total, and then April's
    // SexualExploitation (5): hidden too (worked in src/shared/insights/suppress-table.test.ts).
    const res = await get('from=2026-03&to=2026-05', sup);
    expect(res.status).toBe(200);
    const d = res.json<Dashboard>();
    expect(d.minCell).toBe(5);
    expect(counts(d)).toEqual({
      SexualExploitation: [null, null, 10],
      ForcedLabour: [null, null, 0],
    });
    expect(d.series[0]!.cells[0]).toEqual({ count: null, suppressed: true });
    expect(d.series[1]!.cells[2]).toEqual({ count: 0, suppressed: false });
    expect(totals(d)).toEqual([9, 12, 10]);
    expect(d.series.map((s) => s.total.count)).toEqual([21, 15]);
    // a total under the threshold is hidden too
    const small = (await get('from=2026-03&to=2026-03&gender=Masculine', sup)).json<Dashboard>();
    expect(small.total).toEqual({ count: null, suppressed: true });
    expect(JSON.stringify(small)).not.toContain('"count":3');
  });

  it('never counts another organisation’s cases', async () => {
    const a = await exactly('from=2026-04&to=2026-04&by=citizenship');
    expect(counts(a)).toEqual({ NG: [5], UA: [7] });
    const b = await exactly('from=2026-04&to=2026-04&by=citizenship', supB);
    expect(counts(b)).toEqual({ UA: [20] });
    expect(b.total.count).toBe(20);
  });

  it('is for supervisors and analysts: caseworkers, administrators and providers are refused', async () => {
    expect((await get('', analyst)).status).toBe(200);
    expect((await get('')).status).toBe(401);
    for (const role of ['caseworker', 'admin', 'provider'] as const) {
      const res = await get('', await t.signIn(orgA, role));
      expect(res.status, role).toBe(403);
      expect(errorOf(res).code).toBe('forbidden');
    }
  });

  it('answers a bad query with 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['by=name', 'querystring.by'],
      ['granularity=week', 'querystring.granularity'],
      ['from=2026-13', 'querystring.from'],
      ['to=June', 'querystring.to'],
      ['gender=Woman', 'querystring.gender'],
      ['countryOfExploitation=XYZ', 'querystring.countryOfExploitation'],
      ['from=2026-05&to=2026-03', 'querystring.from'],
      ['from=1900-01&to=2026-01', 'querystring.from'],
      ['limit=3', 'querystring'],
    ];
    for (const [query, path] of cases) {
      const res = await get(query, sup);
      expect(res.status, query).toBe(400);
      const paths = (errorOf(res).details as { path: string }[]).map((d) => d.path);
      expect(
        paths.some((p) => p.startsWith(path)),
        `${query}: ${paths.join()}`,
      ).toBe(true);
    }
  });

  it('answers an organisation without cases with no series and zero totals', async () => {
    const empty = await t.signIn(await t.createOrg('Org C'), 'supervisor');
    const res = await get('', empty);
    expect(res.status).toBe(200);
    const d = res.json<Dashboard>();
    expect(d.periods).toEqual(['2026-06']);
    expect(d.series).toEqual([]);
    expect(totals(d)).toEqual([0]);
    expect(d.total).toEqual({ count: 0, suppressed: false });
  });

  it('writes no audit entry (counts of coded fields identify nobody)', async () => {
    const before = (await auditEntries(t, orgA)).length;
    expect((await get('by=gender', sup)).status).toBe(200);
    expect((await auditEntries(t, orgA)).length).toBe(before);
  });

  describe('public, over a released publication', () => {
    let released: string;
    let draft: string;
    let aggregates: string;
    let file: string;

    beforeAll(async () => {
      const hubAnalyst = await t.signIn(await t.createOrg('Hub org'), 'analyst');
      const source = await importCtdc(t, hubAnalyst, ctdcTable(600, 11));
      const counts = await createPublication(t, hubAnalyst, {
        kind: 'aggregates',
        sourceIds: [source.id],
        epsilon: 1,
        length: 1,
      });
      expect(counts.status, JSON.stringify(counts.body)).toBe(201);
      aggregates = counts.json<{ id: string }>().id;
      const out = await t.request('POST', `/api/v1/hub/publications/${aggregates}/release`, {
        session: hubAnalyst,
      });
      expect(out.status, JSON.stringify(out.body)).toBe(200);
      // one quasi-identifier with large classes: released without generalisation
      const make = async () => {
        const res = await createPublication(t, hubAnalyst, {
          kind: 'microdata',
          sourceIds: [source.id],
          qi: ['gender'],
          k: 2,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.json<{ id: string }>().id;
      };
      released = await make();
      draft = await make();
      const rel = await t.request('POST', `/api/v1/hub/publications/${released}/release`, {
        session: hubAnalyst,
      });
      expect(rel.status).toBe(200);
      file = (await t.request('GET', `${PUBLIC}/${released}/download?format=csv`)).body as string;
    });

    /** Counts from the released file, read here on their own: year → value → records. */
    function fromFile(column: string, map: (v: string) => string | null) {
      const table = readTable(file);
      const year = table.columns.indexOf('yearOfRegistration');
      const col = table.columns.indexOf(column);
      const out = new Map<string, Map<string, number>>();
      for (const row of table.rows) {
        const key = map(row[col]!);
        if (key === null || !/^\d{4}$/.test(row[year]!)) continue;
        const m = out.get(row[year]!) ?? new Map<string, number>();
        m.set(key, (m.get(key) ?? 0) + 1);
        out.set(row[year]!, m);
      }
      return out;
    }

    it('counts the released records by year, genders as HTCDS values', async () => {
      const res = await t.request('GET', `${PUBLIC}/${released}/insights/dashboard?by=gender`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const d = res.json<Dashboard>();
      expect(d.granularity).toBe('year');
      const want = fromFile('gender', (v) =>
        v === 'Female' ? 'Feminine' : v === 'Male' ? 'Masculine' : v === 'Transgender' ? v : null,
      );
      const years = [...want.keys()].sort();
      expect(d.periods[0]).toBe(years[0]);
      expect(d.periods.at(-1)).toBe(years.at(-1));
      for (const s of d.series.filter((x) => x.key !== 'NonSpecifiedUnknown')) {
        s.cells.forEach((c, i) => {
          const n = want.get(d.periods[i]!)?.get(s.key) ?? 0;
          if (c.suppressed) expect(n).toBeGreaterThan(0);
          else expect(c.count, `${s.key} ${d.periods[i]}`).toBe(n);
        });
      }
      expect(d.series.some((s) => s.key === 'Feminine')).toBe(true);
      const table = readTable(file);
      const yearAt = table.columns.indexOf('yearOfRegistration');
      expect(d.total.count).toBe(table.rows.filter((r) => /^\d{4}$/.test(r[yearAt]!)).length);
    });

    it('maps the sexual-exploitation flag to its HTCDS type and filters by year range', async () => {
      const want = fromFile('isSexualExploit', (v) => (v === '1' ? 'SexualExploitation' : null));
      const year = [...want.keys()].sort()[0]!;
      const res = await t.request(
        'GET',
        `${PUBLIC}/${released}/insights/dashboard?by=exploitation&from=${year}&to=${year}`,
      );
      expect(res.status).toBe(200);
      const d = res.json<Dashboard>();
      expect(d.periods).toEqual([year]);
      const se = d.series.find((s) => s.key === 'SexualExploitation')!;
      const n = want.get(year)!.get('SexualExploitation')!;
      expect(se.cells[0]).toEqual(
        n >= 5 ? { count: n, suppressed: false } : { count: null, suppressed: true },
      );
    });

    it('is 404 for a draft or an unknown publication, 409 for aggregates, 400 for a bad year', async () => {
      const d = await t.request('GET', `${PUBLIC}/${draft}/insights/dashboard`);
      expect(d.status).toBe(404);
      const u = await t.request(
        'GET',
        `${PUBLIC}/00000000-0000-4000-8000-000000000000/insights/dashboard`,
      );
      expect(u.status).toBe(404);
      expect(errorOf(u).message).toBe(errorOf(d).message);
      for (const figure of ['dashboard', 'routes', 'sdg']) {
        const counts = await t.request('GET', `${PUBLIC}/${aggregates}/insights/${figure}`);
        expect(counts.status, figure).toBe(409);
        expect(errorOf(counts).details).toMatchObject({ rule: 'not_records' });
      }
      const bad = await t.request('GET', `${PUBLIC}/${released}/insights/dashboard?from=2020-01`);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(errorOf(bad).details)).toContain('querystring.from');
    });
  });
});
