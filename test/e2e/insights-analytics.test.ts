import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AlertsResponse,
  HotspotsResponse,
  RoutesResponse,
  SdgResponse,
} from '../../src/shared/api/insights.schema.ts';
import { parseCsv } from '../../src/shared/exchange/csv.ts';
import { giStarRows } from '../../src/web/pages/insights/hotspots-model.ts';
import { accessibilityViolations } from './support/axe.ts';
import type { TestBrowser } from './support/browser.ts';
import { launchBrowser } from './support/browser.ts';
import {
  apiPost,
  apiSession,
  desktopPage,
  signInPage,
  startSeededLantern,
  type ApiSession,
} from './support/instance.ts';
import type { LanternProcess } from './support/server.ts';

// Understand in Chromium: a supervisor's organisation records Nigerians exploited in Italy for
// a year and a half, a few a month, then twenty in the last complete month (some through
// Libya), a handful of Italians in Italy and two Ukrainians in Poland. The alerts page explains
// the jump in words; hot spots, routes (map, Sankey, table with the Ukrainians' route shown as
// suppressed) and SDG 16.2.2 show the API's own numbers; every page is accessible, in English
// and in Arabic, right to left.
describe('trend alerts, hot spots, routes and SDG 16.2.2, end to end in Chromium', () => {
  let lantern: LanternProcess;
  let browser: TestBrowser;
  let page: Page;
  let api: ApiSession;
  const PASSWORD = 'insights pass phrase';
  const SUPERVISOR = 'sara@example.org';

  /** `YYYY-MM` of the month `back` months before the current UTC month. */
  const monthBack = (back: number): string => {
    const now = new Date();
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    return d.toISOString().slice(0, 7);
  };
  // The last complete month: the alerts' asOf.
  const SPIKE = monthBack(1);
  const HISTORY = [2, 3, 1, 2, 3, 2, 1, 3, 2, 2, 3, 1, 2, 3, 2, 1, 2, 3];

  const addCase = async (
    citizenship: string,
    countryOfExploitation: string,
    month: string,
    n: number,
  ): Promise<string> => {
    const created = await apiPost(api, '/cases', {
      person: { givenName: `Person ${n}`, gender: n % 2 === 0 ? 'Feminine' : 'Masculine', age: 30 },
      citizenship,
      countryOfExploitation,
      typeOfExploitation: ['ForcedLabour'],
      registrationDate: `${month}-15`,
    });
    return String(created.id);
  };

  const get = async <T>(path: string): Promise<T> => {
    const res = await api.api.get(`/api/v1${path}`);
    expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    ({ lantern } = await startSeededLantern(
      [{ name: 'Harbour', users: [[SUPERVISOR, 'supervisor']] }],
      PASSWORD,
    ));
    api = await apiSession(lantern.url, SUPERVISOR, PASSWORD);
    let n = 0;
    for (const [i, count] of HISTORY.entries()) {
      const month = monthBack(HISTORY.length + 1 - i);
      for (let k = 0; k < count; k++) await addCase('NG', 'IT', month, n++);
    }
    const spike: string[] = [];
    for (let k = 0; k < 20; k++) spike.push(await addCase('NG', 'IT', SPIKE, n++));
    // Six of them passed through Libya (a transit event, hte_Type Transit).
    for (const id of spike.slice(0, 6)) {
      await apiPost(api, `/cases/${id}/events`, { type: 'Transit', country: 'LY' });
    }
    for (let k = 0; k < 6; k++) await addCase('IT', 'IT', SPIKE, n++);
    for (let k = 0; k < 2; k++) await addCase('UA', 'PL', monthBack(2), n++);
    browser = await launchBrowser();
    page = await desktopPage(browser);
    await signInPage(page, lantern.url, SUPERVISOR, PASSWORD);
  }, 240_000);
  afterAll(async () => {
    await api?.api.dispose();
    await browser?.close();
    await lantern?.dispose();
  });

  const mapSvg = () => page.locator('.world-map [role="img"] svg');
  // ECharts draws the lines series in the flow colour of WorldMapChart.
  const flowLines = () => mapSvg().locator('path[stroke="#0b5cad"]');
  const countryPaths = async () => {
    await mapSvg().waitFor();
    await expect.poll(() => mapSvg().locator('path').count()).toBeGreaterThan(150);
  };

  it('explains the jump in words: observed, expected, threshold, method and history', async () => {
    const sent = await get<AlertsResponse>('/insights/alerts');
    expect(sent.asOf).toBe(SPIKE);
    const italy = sent.alerts.filter((a) => a.key.country === 'IT' && a.period === SPIKE);
    expect(italy.length).toBeGreaterThan(0);

    await page.goto(`${lantern.url}/insights/alerts`);
    await page.getByRole('heading', { name: 'Trend alerts', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Insights pages' }).waitFor();
    const list = page.getByRole('list', { name: 'Alerts, newest month first' });
    await list.waitFor();
    const items = list.getByRole('listitem');
    // In the API's order, one item per alert, each with the API's numbers.
    await expect.poll(() => items.count()).toBe(sent.alerts.length);
    const first = sent.alerts[0]!;
    const firstText = (await items.first().textContent()) ?? '';
    expect(firstText).toContain(`${first.observed} cases in `);
    expect(firstText).toContain(
      `where ${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(first.expected)} were expected`,
    );
    const methodNames: Record<string, string> = {
      'ears-c1': 'EARS C1',
      'ears-c2': 'EARS C2',
      'ears-c3': 'EARS C3',
      farrington: 'Farrington flexible',
      'nb-cusum': 'Negative-binomial CUSUM',
    };
    expect(firstText).toContain(methodNames[first.method]);
    expect(firstText).toContain(`months: ${first.history.periods}`);
    const italyItem = items.filter({ hasText: 'Italy' }).first();
    expect(await italyItem.textContent()).toContain(`${italy[0]!.observed} cases in `);
    await page.getByText(`${sent.seriesExamined} series examined`).waitFor();
    // The methods are explained, with their sources.
    await page.getByRole('heading', { name: 'How alerts are found' }).waitFor();
    await page.getByText(/Hutwagner L, Thompson W/).waitFor();
    await page.screenshot({ path: '/tmp/h7-alerts.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    // By region: Italy's M49 sub-region, named in words.
    const byRegion = await get<AlertsResponse>('/insights/alerts?level=region');
    expect(byRegion.alerts.some((a) => a.key.region === 'Southern Europe')).toBe(true);
    await page.getByLabel('Series by').selectOption('region');
    await page.getByRole('button', { name: 'Show the alerts' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?level=region');
    await expect.poll(() => items.count()).toBe(byRegion.alerts.length);
    expect(await items.first().textContent()).toContain('Southern Europe · ');
  });

  it('shows the hot spot layer on the map and the API’s clusters and Gi* in tables', async () => {
    const sent = await get<HotspotsResponse>('/insights/hotspots');
    await page
      .getByRole('navigation', { name: 'Insights pages' })
      .getByRole('link', { name: 'Hot spots' })
      .click();
    await page.getByRole('heading', { name: 'Hot spots', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    if (sent.clusters.length === 0 && sent.giStar.length === 0) {
      await page.getByText(/No hot spot could be computed/).waitFor();
    } else {
      await countryPaths();
      const gi = page.locator('#hotspots-gi-table tbody tr');
      await expect.poll(() => gi.count()).toBe(sent.giStar.length);
      const italy = sent.giStar.find((g) => g.country === 'IT');
      if (italy) {
        const row = gi.filter({ hasText: 'Italy' });
        expect(await row.textContent()).toContain(
          new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(italy.z),
        );
      }
    }
    if (sent.clusters.length > 0) {
      const clusters = page.getByRole('table', { name: 'Clusters (space-time scan statistic)' });
      const rows = clusters.locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(sent.clusters.length);
      const text = (await rows.first().textContent()) ?? '';
      expect(text).toContain('Most likely cluster');
      expect(text).toContain(String(sent.clusters[0]!.observed));
    } else {
      await page.getByText('No cluster was found.').waitFor();
    }
    if (sent.notice !== null) await page.getByRole('note').waitFor();
    await page.getByText(/Kulldorff M\. A spatial scan statistic/).waitFor();
    await page.getByText(/Getis A, Ord JK/).waitFor();
    await page.screenshot({ path: '/tmp/h7-hotspots.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('downloads the Gi* map as its table (CSV, small counts as the word) and as a PNG', async () => {
    const sent = await get<HotspotsResponse>('/insights/hotspots');
    expect(sent.giStar.length).toBeGreaterThan(0);
    const map = page.locator('figure.world-map');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      map.getByRole('button', { name: /^Download CSV/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('lantern-cases-hotspots-gi-star.csv');
    const lines = parseCsv(await readFile(await csv.path(), 'utf8'), ',').records.map(
      (r) => r.cells,
    );
    expect(lines[0]).toEqual(['Country', 'Cases', 'z-score', 'p-value', 'Finding']);
    const ordered = giStarRows(sent.giStar);
    expect(lines.slice(1).map((l) => l[1])).toEqual(
      ordered.map((g) => (g.count.suppressed ? 'suppressed' : String(g.count.count))),
    );
    expect(lines.slice(1).map((l) => l[2])).toEqual(ordered.map((g) => g.z.toFixed(2)));
    const table = await page
      .locator('#hotspots-gi-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelector('th')?.textContent?.trim() ?? ''));
    expect(lines.slice(1).map((l) => l[0])).toEqual(table);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      map.getByRole('button', { name: /^Download PNG/ }).click(),
    ]);
    const bytes = await readFile(await png.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('draws the routes on the map and as a Sankey, suppressed counts never as numbers', async () => {
    const sent = await get<RoutesResponse>('/insights/routes');
    const viaLibya = sent.flows.find((f) => f.origin === 'NG' && f.transit.join() === 'LY');
    expect(viaLibya?.count).toEqual({ count: 6, suppressed: false });
    const ukrainians = sent.flows.find((f) => f.origin === 'UA');
    expect(ukrainians?.count).toEqual({ count: null, suppressed: true });

    await page
      .getByRole('navigation', { name: 'Insights pages' })
      .getByRole('link', { name: 'Routes' })
      .click();
    await page.getByRole('heading', { name: 'Routes', level: 1 }).waitFor();
    await countryPaths();
    // The flow lines are drawn: Nigeria → Italy, Nigeria → Libya, Libya → Italy (the domestic
    // leg has no length and the Ukrainians' leg is suppressed).
    await expect.poll(() => flowLines().count()).toBe(3);
    const mapLabel = await page.locator('.world-map [role="img"]').getAttribute('aria-describedby');
    expect(mapLabel).toBe('routes-table');

    // The Sankey: its nodes are named in the SVG, and its table gives the same links.
    const sankey = page.locator('.sankey [role="img"] svg');
    await sankey.waitFor();
    await expect
      .poll(() => sankey.locator('text').allTextContents())
      .toEqual(
        expect.arrayContaining(['Nigeria (origin)', 'Libya (transit)', 'Italy (exploitation)']),
      );
    await page.getByText('Links not drawn because their count is suppressed: 1.').waitFor();
    const links = page.getByRole('table', { name: 'Links between stages' });
    const toLibya = links.locator('tbody tr').filter({ hasText: 'Libya (transit)' }).first();
    expect(await toLibya.textContent()).toContain('6');

    // The routes table: the API's counts; the Ukrainians' route as suppressed, not a number.
    const table = page.getByRole('table', { name: 'Routes', exact: true });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(sent.flows.length);
    const libyaRow = rows.filter({ hasText: 'Libya' });
    expect(await libyaRow.locator('td').last().textContent()).toBe('6');
    const ukraineRow = rows.filter({ hasText: 'Ukraine' });
    expect(await ukraineRow.locator('td').last().textContent()).toBe('suppressed');
    const facts = page.locator('.facts');
    const domestic = sent.domestic.count;
    expect(domestic).toBe(6);
    expect(await facts.textContent()).toContain(`Domestic cases (exploited in their own country)6`);
    // 6 domestic of 66 cases with both ends known: 9.1 %.
    expect(sent.domesticShare).toBeCloseTo(6 / 66, 4);
    expect(await facts.textContent()).toContain('Domestic share (cases with both ends known)9.1%');
    await page.screenshot({ path: '/tmp/h7-routes.png', fullPage: true });
  });

  it('gives SDG 16.2.2 per country from the API, with the population source cited', async () => {
    const sent = await get<SdgResponse>('/insights/sdg');
    const italy = sent.rows.find((r) => r.country === 'IT');
    expect(italy?.total.per100k).not.toBeNull();

    await page
      .getByRole('navigation', { name: 'Insights pages' })
      .getByRole('link', { name: 'SDG 16.2.2' })
      .click();
    await page.getByRole('heading', { name: 'SDG indicator 16.2.2', level: 1 }).waitFor();
    await countryPaths();
    await page.getByText(sent.populationSource).waitFor();
    const table = page.getByRole('table', {
      name: 'Detected victims (and per 100,000 population)',
    });
    const row = table.locator('tbody tr').filter({ hasText: 'Italy' });
    const cells = row.locator('td');
    const rate = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(
      italy!.total.per100k!,
    );
    expect(await cells.nth(0).textContent()).toBe(
      new Intl.NumberFormat('en').format(italy!.population!),
    );
    expect(await cells.nth(1).textContent()).toBe(
      `${italy!.total.victims.count}${rate} per 100,000`,
    );
    expect(await page.locator('main').textContent()).not.toMatch(/NaN|Infinity/);
    await page.screenshot({ path: '/tmp/h7-sdg.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('works in Arabic, right to left, without accessibility violations', async () => {
    await page
      .getByRole('navigation', { name: 'Insights pages' })
      .getByRole('link', { name: 'Routes' })
      .click();
    await page.getByRole('heading', { name: 'Routes', level: 1 }).waitFor();
    await page.locator('#language-select').selectOption('ar');
    await page.getByRole('heading', { name: 'المسارات', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await countryPaths();
    const sankey = page.locator('.sankey [role="img"] svg');
    await expect.poll(() => sankey.locator('text').count()).toBeGreaterThan(2);
    await page.getByText('محجوب').first().waitFor();
    await expect.poll(() => flowLines().count()).toBe(3);
    await page.screenshot({ path: '/tmp/h7-routes-ar.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'تنبيهات الاتجاهات' }).click();
    await page.getByRole('heading', { name: 'تنبيهات الاتجاهات', level: 1 }).waitFor();
    await page.locator('.alerts-item').first().waitFor();
    expect(await page.locator('.alerts-item').first().textContent()).toContain('عتبة الإنذار');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
