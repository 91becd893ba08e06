import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCases } from '../../src/server/demo/seed-cases.ts';
import type { CaseCreateBody } from '../../src/shared/api/cases.schema.ts';
import { CaseCreateBody as CaseCreateSchema } from '../../src/shared/api/cases.schema.ts';
import type {
  AlertsResponse,
  HotspotsResponse,
  RoutesResponse,
  SdgResponse,
} from '../../src/shared/api/insights.schema.ts';
import { COUNTRY_CODES } from '../../src/shared/codes/countries.ts';
import { readTable } from '../../src/shared/hub/table.ts';
import { populationOf } from '../../src/shared/insights/population.ts';
import { countryCentroid } from '../../src/shared/insights/space/index.ts';
import { errorOf, issuePaths } from '../support/api.ts';
import { recordUrl } from '../support/case-record.ts';
import { createPublication, ctdcTable, importCtdc } from '../support/hub.ts';
import type { TestResponse, TestSession } from '../support/test-app.ts';
import { TestLantern, caseBody } from '../support/test-app.ts';

// Trend alerts, hot spots, routes and SDG 16.2.2 over cases planted with known answers. The
// clock stands at 2026-06-01T09:00Z, so the last complete month (asOf) is 2026-05. Each
// capability reads its own organisation, so that the planted patterns do not meet:
//   A (alerts): IT 5–8 cases a month from 2025-06 to 2026-04, then 30 in 2026-05 (an alert);
//     FR 0–1 a month, then 4 in 2026-05 (an alert too small to send); ES 40 cases on
//     2026-06-01, in the month in progress (never examined).
//   H (hot spots): 8 European countries, 3 cases each a month in 2025; DE and AT, which share
//     a boundary, 15 more each in 2025-09 … 2025-11.
//   R (routes): 5 cases NG → NE → LY → IT (transit events), 7 domestic IT → IT of which one is
//     merged into another (counted once, as its survivor), 5 with no country of exploitation,
//     2 NG → FR (a suppressed flow).
//   S (SDG): in 2025, IS 10 female adult presumed victims of sexual exploitation and 6 male
//     child confirmed victims of forced labour, 3 persons found not to be victims, 2 of
//     non-conforming gender; 5 in 2024.
//   B: the same countries and months in large numbers: never in anyone else's figures.
describe('insights analytics', () => {
  let t: TestLantern;
  const org: Record<'A' | 'H' | 'R' | 'S' | 'B', string> = {} as never;
  const analyst: Partial<Record<keyof typeof org, TestSession>> = {};

  /** `n` valid cases with `over` applied (the age follows the person's date of birth). */
  function cases(n: number, over: Record<string, unknown>): CaseCreateBody[] {
    const body = caseBody(over);
    return Array.from({ length: n }, () => CaseCreateSchema.parse(body));
  }

  async function seed(orgId: string, list: CaseCreateBody[]) {
    await seedCases(t.db, t.keyring, { orgId, userId: null, cases: list, clock: t.clock });
  }

  /** A person of `gender`: an adult (born 1990) or a child (born 2015). */
  const person = (gender: string, child = false) => ({
    ...(caseBody().person as Record<string, unknown>),
    gender,
    dateOfBirth: child ? '2015-03-01' : '1990-03-01',
  });

  const month = (i: number) => {
    const d = new Date(Date.UTC(2025, 5 + i, 15));
    return d.toISOString().slice(0, 10);
  };

  const get = <T>(url: string, session?: TestSession): Promise<T> =>
    t.request('GET', url, session ? { session } : {}).then((res) => {
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.json<T>();
    });

  beforeAll(async () => {
    t = await TestLantern.start();
    for (const k of Object.keys({ A: 0, H: 0, R: 0, S: 0, B: 0 }) as (keyof typeof org)[]) {
      org[k] = await t.createOrg(`Org ${k}`);
      analyst[k] = await t.signIn(org[k], 'analyst');
    }

    // A: months 0..10 are 2025-06 … 2026-04; month 11 is 2026-05.
    const italy = [6, 5, 7, 8, 6, 5, 7, 6, 8, 5, 6];
    const france = [1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0];
    const a: CaseCreateBody[] = [];
    italy.forEach((n, i) =>
      a.push(...cases(n, { countryOfExploitation: 'IT', registrationDate: month(i) })),
    );
    france.forEach((n, i) =>
      a.push(...cases(n, { countryOfExploitation: 'FR', registrationDate: month(i) })),
    );
    a.push(...cases(30, { countryOfExploitation: 'IT', registrationDate: '2026-05-10' }));
    a.push(...cases(4, { countryOfExploitation: 'FR', registrationDate: '2026-05-11' }));
    a.push(...cases(40, { countryOfExploitation: 'ES', registrationDate: '2026-06-01' }));
    await seed(org.A, a);

    // H: a hot spot in DE and AT in 2025-09 … 2025-11.
    const h: CaseCreateBody[] = [];
    for (const country of ['DE', 'AT', 'FR', 'ES', 'PL', 'NL', 'BE', 'IT']) {
      for (let m = 1; m <= 12; m++) {
        const date = `2025-${String(m).padStart(2, '0')}-10`;
        const extra = (country === 'DE' || country === 'AT') && m >= 9 && m <= 11 ? 15 : 0;
        h.push(...cases(3 + extra, { countryOfExploitation: country, registrationDate: date }));
      }
    }
    await seed(org.H, h);

    // S: SDG 16.2.2 in IS (population from the shipped table).
    const s = (n: number, over: Record<string, unknown>) =>
      cases(n, { countryOfExploitation: 'IS', registrationDate: '2025-04-02', ...over });
    await seed(org.S, [
      ...s(10, {
        person: person('Feminine'),
        typeOfExploitation: ['SexualExploitation'],
        traffickingStatus: 'PossibleVictimOfTrafficking',
      }),
      ...s(6, {
        person: person('Masculine', true),
        typeOfExploitation: ['ForcedLabour'],
        traffickingStatus: 'ActualVictimOfTrafficking',
      }),
      ...s(3, { traffickingStatus: 'NotAVictimOfTrafficking' }),
      ...s(2, { person: person('NonConforming') }),
      ...s(5, { registrationDate: '2024-02-02' }),
    ]);

    // B: another organisation's cases in the same places and months, in large numbers.
    await seed(org.B, [
      ...cases(200, { countryOfExploitation: 'IT', registrationDate: '2026-04-10' }),
      ...cases(50, { countryOfExploitation: 'IS', registrationDate: '2025-04-02' }),
      ...cases(50, { countryOfExploitation: 'DE', registrationDate: '2025-02-02' }),
    ]);
  });
  afterAll(() => t.close());

  describe('trend alerts', () => {
    it('finds the planted increase, explained, and withholds the one too small to send', async () => {
      const res = await get<AlertsResponse>('/api/v1/insights/alerts?level=country', analyst.A);
      expect(res.asOf).toBe('2026-05');
      expect(res.level).toBe('country');
      // IT and FR: ES has cases only in the month in progress, which is not examined
      expect(res.seriesExamined).toBe(2);
      const italy = res.alerts.filter((a) => a.key.country === 'IT' && a.period === '2026-05');
      expect(italy.length).toBeGreaterThan(0);
      for (const alert of italy) {
        // exactly the organisation's own 30 cases: B's 200 in IT are never counted
        expect(alert.observed).toBe(30);
        expect(alert.threshold).toBeLessThan(30);
        expect(alert.expected).toBeGreaterThan(4);
        expect(alert.expected).toBeLessThan(9);
        expect(alert.history.to < '2026-05').toBe(true);
        expect(alert.history.periods).toBeGreaterThan(0);
        expect(alert.note.length).toBeGreaterThan(0);
        expect(alert.method).toMatch(/^(ears-c[123]|farrington|nb-cusum)$/);
      }
      expect(res.alerts.every((a) => a.period <= '2026-05' && a.key.country !== 'ES')).toBe(true);
      // FR's 4 cases alarm too, but 4 < 5: counted in withheld, never sent
      expect(res.alerts.some((a) => a.key.country === 'FR')).toBe(false);
      expect(res.alerts.every((a) => a.observed >= 5)).toBe(true);
      expect(res.withheld).toBeGreaterThan(0);
    });

    it('sorts newest first, then by observed / threshold', async () => {
      const { alerts } = await get<AlertsResponse>('/api/v1/insights/alerts?last=12', analyst.A);
      for (let i = 1; i < alerts.length; i++) {
        const [a, b] = [alerts[i - 1]!, alerts[i]!];
        expect(a.period >= b.period).toBe(true);
        if (a.period === b.period && a.threshold > 0 && b.threshold > 0) {
          expect(a.observed / a.threshold).toBeGreaterThanOrEqual(b.observed / b.threshold);
        }
      }
    });

    it('groups countries into M49 sub-regions and cases into their exploitation types', async () => {
      const region = await get<AlertsResponse>('/api/v1/insights/alerts?level=region', analyst.A);
      expect(region.seriesExamined).toBe(2); // Southern Europe (IT), Western Europe (FR)
      const south = region.alerts.find((a) => a.key.region === 'Southern Europe');
      expect(south?.period).toBe('2026-05');
      expect(south?.observed).toBe(30);
      const types = await get<AlertsResponse>(
        '/api/v1/insights/alerts?level=exploitation',
        analyst.A,
      );
      expect(types.seriesExamined).toBe(1);
      const sexual = types.alerts.find((a) => a.key.exploitation === 'SexualExploitation');
      expect(sexual?.observed).toBe(34);
    });
  });

  describe('hot spots', () => {
    it('finds the cluster planted in two neighbouring countries, reproducibly', async () => {
      const url = '/api/v1/insights/hotspots';
      const res = await get<HotspotsResponse>(url, analyst.H);
      expect([res.from, res.to, res.replications]).toEqual(['2025-01', '2025-12', 999]);
      const top = res.clusters[0]!;
      expect(top.countries).toEqual(expect.arrayContaining(['DE', 'AT']));
      expect(top.start >= '2025-08' && top.end <= '2025-12').toBe(true);
      expect(top.p).toBeLessThanOrEqual(0.05);
      expect(top.relativeRisk).toBeGreaterThan(1);
      expect(top.observed).toBeGreaterThan(top.expected);
      // a fixed seed: the same p-values again
      expect(await get<HotspotsResponse>(url, analyst.H)).toEqual(res);
      // Gi*: one row per country, with its total over the window
      expect(res.giStar.map((g) => g.country).sort()).toEqual([
        'AT',
        'BE',
        'DE',
        'ES',
        'FR',
        'IT',
        'NL',
        'PL',
      ]);
      const de = res.giStar.find((g) => g.country === 'DE')!;
      expect(de.count).toEqual({ count: 36 + 45, suppressed: false });
      expect(res.notice).toBeNull();
    });

    it('takes a window and a population baseline', async () => {
      const res = await get<HotspotsResponse>(
        '/api/v1/insights/hotspots?from=2025-06&to=2025-12&baseline=population',
        analyst.H,
      );
      expect([res.from, res.to, res.baseline]).toEqual(['2025-06', '2025-12', 'population']);
      // per head of population the small AT, with as many cases as DE, stands out most
      expect(res.clusters[0]?.countries).toEqual(expect.arrayContaining(['AT']));
      expect(res.clusters[0]?.relativeRisk).toBeGreaterThan(1);
      expect(res.giStar.find((g) => g.country === 'DE')?.count.count).toBe(3 * 7 + 45);
      // a window reaching beyond the cases is narrowed to the months with cases
      const wide = await get<HotspotsResponse>(
        '/api/v1/insights/hotspots?from=2020-01&to=2030-12',
        analyst.H,
      );
      expect([wide.from, wide.to]).toEqual(['2025-01', '2025-12']);
    });

    it('names countries left out, and answers an empty scan with a notice', async () => {
      const unmapped = COUNTRY_CODES.find((c) => countryCentroid(c) === undefined);
      expect(unmapped).toBeDefined();
      const org1 = await t.createOrg('One country');
      await seed(org1, [
        ...cases(6, { countryOfExploitation: 'IT', registrationDate: '2025-03-03' }),
        ...cases(6, { countryOfExploitation: unmapped, registrationDate: '2025-03-03' }),
      ]);
      const res = await get<HotspotsResponse>(
        '/api/v1/insights/hotspots',
        await t.signIn(org1, 'supervisor'),
      );
      expect(res.clusters).toEqual([]);
      expect(res.notice).toContain(unmapped!);
      expect(res.notice).toMatch(/fewer than two countries/i);
    });
  });

  describe('routes', () => {
    beforeAll(async () => {
      const worker = await t.signIn(org.R, 'supervisor');
      for (let i = 0; i < 5; i++) {
        const { id } = await t.createCase(worker, {
          citizenship: 'NG',
          countryOfExploitation: 'IT',
        });
        // recorded out of order: the path follows the dates
        for (const [country, date] of [
          ['LY', '2024-02-01'],
          ['NE', '2024-01-10'],
        ]) {
          const res = await t.request('POST', recordUrl(id, 'events'), {
            session: worker,
            body: { type: 'Transit', country, date },
          });
          expect(res.status).toBe(201);
        }
        // an exploitation event is not a transit
        await t.request('POST', recordUrl(id, 'events'), {
          session: worker,
          body: { type: 'Exploitation', country: 'IT', date: '2024-03-01' },
        });
      }
      await seed(org.R, [
        ...cases(7, {
          citizenship: 'IT',
          countryOfExploitation: 'IT',
          typeOfExploitation: ['ForcedLabour'],
        }),
        ...cases(5, { citizenship: 'NG', countryOfExploitation: undefined }),
        ...cases(2, { citizenship: 'NG', countryOfExploitation: 'FR' }),
      ]);
      // a duplicate merged into its survivor (docs/duplicates.md): closed, merged_into set
      const [a, b] = await t.database.superuser(
        "SELECT id FROM cases WHERE org_id = $1 AND citizenship = 'IT' ORDER BY id LIMIT 2",
        [org.R],
      );
      await t.database.superuser(
        "UPDATE cases SET stage = 'closed', merged_into = $2 WHERE id = $1",
        [a!.id, b!.id],
      );
    });

    it('draws the flow through its transit countries in date order, with the domestic share', async () => {
      const res = await get<RoutesResponse>('/api/v1/insights/routes', analyst.R);
      const transit = res.flows.find((f) => f.transit.length > 0)!;
      expect(transit).toEqual({
        origin: 'NG',
        transit: ['NE', 'LY'],
        destination: 'IT',
        count: { count: 5, suppressed: false },
      });
      expect(res.domestic).toEqual({ count: 6, suppressed: false });
      expect(res.crossBorder).toEqual({ count: 7, suppressed: false });
      expect(res.unknown).toEqual({ count: 5, suppressed: false });
      expect(res.domesticShare).toBeCloseTo(6 / 13, 3);
      const toFrance = res.flows.find((f) => f.destination === 'FR');
      expect(toFrance?.count).toEqual({ count: null, suppressed: true });
      // the Sankey's first step of the route: origin NG to the first transit stop, NE
      const first = res.links.filter((l) => l.source === 'origin:NG' && l.target.endsWith(':NE'));
      expect(first.map((l) => l.count)).toEqual([{ count: 5, suppressed: false }]);
      expect(res.minCell).toBe(5);
    });

    it('applies the filters', async () => {
      const res = await get<RoutesResponse>(
        '/api/v1/insights/routes?exploitation=ForcedLabour',
        analyst.R,
      );
      expect(res.flows).toEqual([
        { origin: 'IT', transit: [], destination: 'IT', count: { count: 6, suppressed: false } },
      ]);
      const none = await get<RoutesResponse>(
        '/api/v1/insights/routes?from=2020-01&to=2020-12',
        analyst.R,
      );
      expect(none.flows).toEqual([]);
    });
  });

  describe('SDG 16.2.2', () => {
    it('rates detected victims per 100,000 population, by sex, age and form', async () => {
      const res = await get<SdgResponse>('/api/v1/insights/sdg', analyst.S);
      expect(res.year).toBe('2025');
      expect(res.populationSource.length).toBeGreaterThan(0);
      const row = res.rows.find((r) => r.country === 'IS')!;
      const population = populationOf('IS')!;
      const rate = (n: number) => (n / population) * 100_000;
      // 10 presumed + 6 confirmed + 2 non-conforming; the 3 found not to be victims are not counted
      expect(row.population).toBe(population);
      expect(row.total.victims).toEqual({ count: 18, suppressed: false });
      expect(row.total.per100k).toBeCloseTo(rate(18), 2);
      expect(row.bySex.female.victims.count).toBe(10);
      expect(row.bySex.female.per100k).toBeCloseTo(rate(10), 2);
      // 2 of other gender are suppressed, and so is the next smallest, the 6 males: else
      // 18 − 10 − 6 would give the 2 back (secondary suppression)
      expect(row.bySex.other.victims).toEqual({ count: null, suppressed: true });
      expect(row.bySex.other.per100k).toBeNull();
      expect(row.bySex.male.victims).toEqual({ count: null, suppressed: true });
      expect(row.bySex.male.per100k).toBeNull();
      expect(row.byAge.child.victims.count).toBe(6);
      expect(row.byForm.SexualExploitation?.victims.count).toBe(12);
      expect(row.byForm.ForcedLabour?.victims.count).toBe(6);
      expect(res.rows.map((r) => r.country)).toEqual(['IS']);
    });

    it('answers another year and the citizenship geography', async () => {
      const y = await get<SdgResponse>('/api/v1/insights/sdg?year=2024', analyst.S);
      expect(y.rows.map((r) => [r.country, r.total.victims.count])).toEqual([['IS', 5]]);
      const c = await get<SdgResponse>('/api/v1/insights/sdg?geography=citizenship', analyst.S);
      expect(c.rows.map((r) => [r.country, r.total.victims.count])).toEqual([['NG', 18]]);
    });
  });

  describe('access and bad input', () => {
    const urls = ['alerts', 'hotspots', 'routes', 'sdg'].map((p) => `/api/v1/insights/${p}`);

    it('refuses caseworkers, administrators and providers; answers analysts and supervisors', async () => {
      for (const role of ['caseworker', 'admin', 'provider'] as const) {
        const session = await t.signIn(org.A, role);
        for (const url of urls) {
          const res = await t.request('GET', url, { session });
          expect([role, url, res.status, errorOf(res).code]).toEqual([role, url, 403, 'forbidden']);
        }
      }
      const supervisor = await t.signIn(org.A, 'supervisor');
      for (const url of urls)
        expect((await t.request('GET', url, { session: supervisor })).status).toBe(200);
      for (const url of urls) expect((await t.request('GET', url)).status).toBe(401);
    });

    it('answers a bad query with 400 naming the parameter', async () => {
      const cases: [string, string][] = [
        ['/api/v1/insights/alerts?level=city', 'querystring.level'],
        ['/api/v1/insights/alerts?last=0', 'querystring.last'],
        ['/api/v1/insights/alerts?last=three', 'querystring.last'],
        ['/api/v1/insights/hotspots?from=2025-13', 'querystring.from'],
        ['/api/v1/insights/hotspots?from=2025-06&to=2025-01', 'querystring.to'],
        ['/api/v1/insights/hotspots?baseline=area', 'querystring.baseline'],
        ['/api/v1/insights/routes?citizenship=QQ', 'querystring.citizenship'],
        ['/api/v1/insights/routes?from=2026-05&to=2026-01', 'querystring.to'],
        ['/api/v1/insights/routes?colour=red', 'querystring'],
        ['/api/v1/insights/sdg?year=25', 'querystring.year'],
        ['/api/v1/insights/sdg?geography=region', 'querystring.geography'],
      ];
      for (const [url, path] of cases) {
        const res: TestResponse = await t.request('GET', url, { session: analyst.A });
        expect([url, res.status]).toEqual([url, 400]);
        expect([url, issuePaths(res).some((p) => p.startsWith(path))]).toEqual([url, true]);
      }
    });

    it('an organisation with no cases gets empty answers, not errors', async () => {
      const empty = await t.signIn(await t.createOrg('Empty'), 'analyst');
      const alerts = await get<AlertsResponse>('/api/v1/insights/alerts', empty);
      expect([alerts.seriesExamined, alerts.alerts, alerts.withheld]).toEqual([0, [], 0]);
      const hot = await get<HotspotsResponse>('/api/v1/insights/hotspots', empty);
      expect([hot.clusters, hot.giStar, hot.from]).toEqual([[], [], null]);
      expect(hot.notice).not.toBeNull();
      const routes = await get<RoutesResponse>('/api/v1/insights/routes', empty);
      expect([routes.flows, routes.domesticShare]).toEqual([[], null]);
      const sdg = await get<SdgResponse>('/api/v1/insights/sdg', empty);
      expect([sdg.year, sdg.rows]).toEqual([null, []]);
    });
  });

  describe('public, on a released publication', () => {
    let publicationId: string;
    let draftId: string;
    let content: string;

    beforeAll(async () => {
      const hubAnalyst = await t.signIn(org.A, 'analyst');
      const source = await importCtdc(t, hubAnalyst, ctdcTable(400, 5));
      // k-anonymous on gender and age only: countries and years are released as they are
      const parameters = {
        kind: 'microdata' as const,
        sourceIds: [source.id],
        qi: ['gender', 'ageBroad'],
        k: 5,
      };
      const made = async () =>
        (await createPublication(t, hubAnalyst, parameters)).json<{ id: string }>().id;
      publicationId = await made();
      draftId = await made();
      const released = await t.request(
        'POST',
        `/api/v1/hub/publications/${publicationId}/release`,
        {
          session: hubAnalyst,
        },
      );
      expect(released.status).toBe(200);
      const file = await t.request('GET', `/api/v1/public/publications/${publicationId}/download`);
      content = String(file.body);
    });

    it('counts every released record once in routes, without a session', async () => {
      const res = await get<RoutesResponse>(
        `/api/v1/public/publications/${publicationId}/insights/routes`,
      );
      const { rows, columns } = readTable(content);
      const at = (c: string) => columns.indexOf(c);
      const placed = (v: string) => /^[A-Z]{2}$/.test(v);
      const domestic = rows.filter(
        (r) =>
          placed(r[at('citizenship')]!) && r[at('citizenship')] === r[at('CountryOfExploitation')],
      ).length;
      const known = rows.filter(
        (r) => placed(r[at('citizenship')]!) && placed(r[at('CountryOfExploitation')]!),
      ).length;
      expect(domestic).toBeGreaterThan(0);
      expect(res.domestic).toEqual({ count: domestic, suppressed: false });
      expect(res.crossBorder).toEqual({ count: known - domestic, suppressed: false });
      expect(res.unknown).toEqual({ count: rows.length - known, suppressed: false });
      expect(res.flows.every((f) => f.transit.length === 0)).toBe(true);
      expect(res.flows.every((f) => placed(f.origin) && placed(f.destination))).toBe(true);
    });

    it('rates the latest year of the file per 100,000 population', async () => {
      const res = await get<SdgResponse>(
        `/api/v1/public/publications/${publicationId}/insights/sdg`,
      );
      const { rows, columns } = readTable(content);
      const at = (c: string) => columns.indexOf(c);
      const years = rows.map((r) => r[at('yearOfRegistration')]!).filter((y) => /^\d{4}$/.test(y));
      expect(res.year).toBe(years.sort().at(-1));
      expect(res.rows.length).toBeGreaterThan(0);
      for (const row of res.rows) {
        const n = rows.filter(
          (r) =>
            r[at('yearOfRegistration')] === res.year &&
            r[at('CountryOfExploitation')] === row.country,
        ).length;
        expect([row.country, row.total.victims.count]).toEqual([row.country, n >= 5 ? n : null]);
        if (n >= 5 && populationOf(row.country)) {
          const rate = (n / populationOf(row.country)!) * 100_000;
          // four significant digits
          expect(Math.abs(row.total.per100k! - rate) / rate).toBeLessThan(1e-3);
        }
      }
    });

    it('answers 404 for a draft or a missing publication', async () => {
      for (const id of [draftId, '00000000-0000-4000-8000-000000000000']) {
        for (const part of ['routes', 'sdg']) {
          const res = await t.request('GET', `/api/v1/public/publications/${id}/insights/${part}`);
          expect([id, part, res.status]).toEqual([id, part, 404]);
        }
      }
    });
  });
});
