import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell, Dashboard } from '../../src/shared/api/insights.schema.ts';
import { accessibilityViolations } from './support/axe.ts';
import type { TestBrowser } from './support/browser.ts';
import { launchBrowser } from './support/browser.ts';
import {
  apiPost,
  apiSession,
  desktopPage,
  releaseGeneratedPublication,
  signInPage,
  startSeededLantern,
} from './support/instance.ts';
import type { LanternProcess } from './support/server.ts';

// The dashboard in Chromium: a supervisor of Safe Haven reads her organisation's cases counted
// by month and type of exploitation, as a chart (real SVG elements) and a table whose figures
// are the API's, a small count shown as suppressed, never as its number; she drills into one
// type and filters by sex, and the figures follow; the CSV holds what the table shows and the
// PNG is a PNG; no accessibility violations; in Arabic it reads right to left, the time axis
// mirrored. A visitor, signed out, opens the dashboard of a released hub publication.
describe('insights dashboard, end to end in Chromium', () => {
  let lantern: LanternProcess;
  let browser: TestBrowser;
  let supervisor: Page;
  let visitor: Page;
  const PASSWORD = 'insights pass phrase long';
  const CASEWORKER = 'cara@safehaven.example.org';
  const SUPERVISOR = 'sofia@safehaven.example.org';
  const ANALYST = 'ana@safehaven.example.org';
  const PUBLICATION = 'Generated records, k = 5';
  const PERIOD = 'from=2025-01&to=2025-03';
  let publicationId = '';

  // [registration date, types, gender, citizenship, how many]: 37 cases over three months;
  // forced begging (3) and sexual exploitation in February (2) are under the threshold of 5.
  const PLAN = [
    ['2025-01-15', ['ForcedLabour'], 'Feminine', 'MD', 6],
    ['2025-01-15', ['ForcedLabour'], 'Masculine', 'MD', 2],
    ['2025-01-20', ['SexualExploitation'], 'Feminine', 'UA', 6],
    ['2025-01-20', ['ForcedBegging'], 'Masculine', 'MD', 3],
    ['2025-02-10', ['ForcedLabour'], 'Masculine', 'MD', 7],
    ['2025-02-10', ['SexualExploitation'], 'Feminine', 'UA', 2],
    ['2025-03-05', ['ForcedLabour', 'SexualExploitation'], 'Feminine', 'MD', 5],
    ['2025-03-05', ['ForcedLabour'], 'Masculine', 'UA', 6],
  ] as const;
  const LABELS: Record<string, string> = {
    ForcedLabour: 'Forced labour',
    SexualExploitation: 'Sexual exploitation',
    ForcedBegging: 'Forced begging',
    Feminine: 'Female',
    Masculine: 'Male',
  };

  beforeAll(async () => {
    ({ lantern } = await startSeededLantern(
      [
        {
          name: 'Safe Haven',
          users: [
            [CASEWORKER, 'caseworker'],
            [SUPERVISOR, 'supervisor'],
            [ANALYST, 'analyst'],
          ],
        },
      ],
      PASSWORD,
    ));
    const cw = await apiSession(lantern.url, CASEWORKER, PASSWORD);
    let i = 0;
    for (const [date, types, gender, citizenship, n] of PLAN) {
      for (let k = 0; k < n; k++, i++) {
        await apiPost(cw, '/cases', {
          person: { givenName: `Person ${i}`, age: 30, gender },
          citizenship,
          typeOfExploitation: types,
          registrationDate: date,
        });
      }
    }
    await cw.api.dispose();

    // A released publication of generated CTDC records, for the public dashboard.
    const analyst = await apiSession(lantern.url, ANALYST, PASSWORD);
    publicationId = await releaseGeneratedPublication(analyst, PUBLICATION, 11);
    await analyst.api.dispose();

    browser = await launchBrowser();
    supervisor = await desktopPage(browser);
    visitor = await desktopPage(browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await lantern?.dispose();
  });

  const noViolations = async (page: Page) =>
    expect(await accessibilityViolations(page)).toEqual([]);
  const timeTable = (page: Page) => page.locator('#dashboard-time-table');
  /** What a cell of the API reads as in the table (English). */
  const shown = (c: Cell) => (c.suppressed ? 'suppressed' : String(c.count));
  /** The table's rows as [label, ...cells] texts. */
  const rowsOf = async (table: Locator) =>
    table
      .locator('tbody tr, tfoot tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
      );
  const expectedRows = (d: Dashboard) => [
    ...d.series.map((s) => [LABELS[s.key] ?? s.key, ...s.cells.map(shown), shown(s.total)]),
    ['All cases (each counted once)', ...d.totals.map(shown), shown(d.total)],
  ];
  const api = async (page: Page, query: string) => {
    const res = await page.request.get(`${lantern.url}/api/v1/insights/dashboard?${query}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as Dashboard;
  };
  const waitForChart = (page: Page, id: string) =>
    page.locator(`[data-chart="${id}"] svg`).first().waitFor();

  it('shows the cases per month and type as a chart and a table with the API’s figures', async () => {
    await signInPage(supervisor, lantern.url, SUPERVISOR, PASSWORD);
    await supervisor.getByRole('link', { name: 'Insights', exact: true }).click();
    await supervisor.getByRole('heading', { name: 'Case figures', level: 1 }).waitFor();
    await supervisor.getByRole('navigation', { name: 'Insights pages' }).waitFor();
    await supervisor.getByLabel('From', { exact: true }).fill('2025-01');
    await supervisor.getByLabel('To', { exact: true }).fill('2025-03');
    await supervisor.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => supervisor.url()).toContain('from=2025-01');

    const data = await api(supervisor, `by=exploitation&granularity=month&${PERIOD}`);
    expect(data.total).toEqual({ count: 37, suppressed: false });
    expect(data.periods).toEqual(['2025-01', '2025-02', '2025-03']);
    await waitForChart(supervisor, 'dashboard-time');
    await expect.poll(() => rowsOf(timeTable(supervisor))).toEqual(expectedRows(data));
    expect(await supervisor.getByTestId('dashboard-total').textContent()).toBe('37');
    const head = await timeTable(supervisor).locator('thead th').allTextContents();
    expect(head).toEqual(['Type of exploitation', 'Jan 2025', 'Feb 2025', 'Mar 2025', 'Total']);

    // The picture is real SVG: one line per series and the legend, the suppressed marker named.
    const svg = supervisor.locator('[data-chart="dashboard-time"] svg').first();
    expect(await svg.locator('path').count()).toBeGreaterThan(data.series.length);
    const words = (await svg.locator('text').allTextContents()).join('|');
    for (const s of data.series) expect(words).toContain(LABELS[s.key]!);
    expect(words).toContain('Suppressed (under 5)');
    await waitForChart(supervisor, 'dashboard-breakdown');
    await noViolations(supervisor);
  });

  it('shows a small count as suppressed, never as its number', async () => {
    const data = await api(supervisor, `by=exploitation&granularity=month&${PERIOD}`);
    const begging = data.series.find((s) => s.key === 'ForcedBegging')!;
    expect(begging.total).toEqual({ count: null, suppressed: true });
    const row = timeTable(supervisor).getByRole('row', { name: /Forced begging/ });
    expect(await row.locator('td').last().textContent()).toBe('suppressed');
    expect(await row.textContent()).not.toContain('3');
    await supervisor
      .getByText('a count under 5 (other than zero) is shown as “suppressed”')
      .waitFor();
  });

  it('downloads the CSV of exactly the table and a PNG of the chart', async () => {
    const figure = supervisor.locator('figure', { has: timeTable(supervisor) });
    const [csv] = await Promise.all([
      supervisor.waitForEvent('download'),
      figure.getByRole('button', { name: /^Download CSV/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('lantern-cases-by-exploitation-month.csv');
    const text = (await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = text
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(lines[0]).toEqual(['Type of exploitation', '2025-01', '2025-02', '2025-03', 'Total']);
    expect(lines.slice(1)).toEqual(await rowsOf(timeTable(supervisor)));

    const [png] = await Promise.all([
      supervisor.waitForEvent('download'),
      figure.getByRole('button', { name: /^Download PNG/ }).click(),
    ]);
    expect(png.suggestedFilename()).toBe('lantern-cases-by-exploitation-month.png');
    const bytes = await readFile(await png.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(2000);
  });

  it('drills into one type by sex, and goes back by the breadcrumb', async () => {
    await timeTable(supervisor)
      .getByRole('button', { name: 'Forced labour: show only these, by Sex / gender' })
      .click();
    const trail = supervisor.getByRole('navigation', { name: 'Drill-down' });
    await trail.getByText('Type of exploitation: Forced labour').waitFor();
    const data = await api(
      supervisor,
      `by=gender&granularity=month&exploitation=ForcedLabour&${PERIOD}`,
    );
    expect(data.total.count).toBe(26);
    await expect.poll(() => rowsOf(timeTable(supervisor))).toEqual(expectedRows(data));
    expect(await supervisor.getByTestId('dashboard-total').textContent()).toBe('26');
    expect(supervisor.url()).toContain('drill=exploitation');
    await noViolations(supervisor);

    await trail.getByRole('link', { name: 'All cases' }).click();
    await expect.poll(() => supervisor.getByTestId('dashboard-total').textContent()).toBe('37');
    expect(await supervisor.getByRole('navigation', { name: 'Drill-down' }).count()).toBe(0);

    // A click on a bar of the breakdown drills in too (the largest, forced labour, comes first).
    await waitForChart(supervisor, 'dashboard-breakdown');
    await supervisor
      .locator('[data-chart="dashboard-breakdown"] svg path[fill="#1d4e89"]')
      .first()
      .click();
    await trail.getByText('Type of exploitation: Forced labour').waitFor();
    await expect.poll(() => supervisor.getByTestId('dashboard-total').textContent()).toBe('26');
    await trail.getByRole('link', { name: 'All cases' }).click();
    await expect.poll(() => supervisor.getByTestId('dashboard-total').textContent()).toBe('37');
  });

  it('filters by sex and the figures follow', async () => {
    await supervisor.locator('summary', { hasText: 'Filters' }).click();
    await supervisor
      .getByRole('group', { name: 'Sex / gender' })
      .getByRole('checkbox', { name: 'Female', exact: true })
      .check();
    await supervisor.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => supervisor.url()).toContain('gender=Feminine');
    const data = await api(
      supervisor,
      `by=exploitation&granularity=month&gender=Feminine&${PERIOD}`,
    );
    expect(data.total.count).toBe(19);
    await expect.poll(() => supervisor.getByTestId('dashboard-total').textContent()).toBe('19');
    await expect.poll(() => rowsOf(timeTable(supervisor))).toEqual(expectedRows(data));
    await noViolations(supervisor);
  });

  it('explains an empty period and a view where every count is suppressed', async () => {
    await supervisor.goto(`${lantern.url}/insights?by=exploitation&from=2020-01&to=2020-03`);
    await supervisor
      .getByText('No cases match these filters in this period. Widen the period')
      .waitFor();
    expect(await supervisor.locator('[data-chart]').count()).toBe(0);

    // February's women: two cases of sexual exploitation, under the threshold.
    await supervisor.goto(
      `${lantern.url}/insights?by=exploitation&from=2025-02&to=2025-02&gender=Feminine`,
    );
    await supervisor.getByText('Every count here is under 5, so all are suppressed').waitFor();
    expect(await supervisor.getByTestId('dashboard-total').textContent()).toBe(
      'under 5 (suppressed)',
    );
    expect(await supervisor.locator('[data-chart]').count()).toBe(0);
    expect(await timeTable(supervisor).locator('tbody').textContent()).not.toMatch(/\d/);
    await noViolations(supervisor);
  });

  it('reads right to left in Arabic, the time axis mirrored', async () => {
    await supervisor.goto(`${lantern.url}/insights?by=exploitation&${PERIOD}`);
    await supervisor.locator('#language-select').selectOption('ar');
    await supervisor.getByRole('heading', { name: 'أرقام الحالات', level: 1 }).waitFor();
    expect(await supervisor.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await waitForChart(supervisor, 'dashboard-time');
    // January's label sits to the right of March's.
    const xOf = await supervisor.evaluate(() => {
      const f = new Intl.DateTimeFormat('ar', { year: 'numeric', month: 'short', timeZone: 'UTC' });
      const texts = [...document.querySelectorAll('[data-chart="dashboard-time"] svg text')];
      const x = (label: string) =>
        texts.find((t) => t.textContent === label)?.getBoundingClientRect().x ?? NaN;
      return [x(f.format(Date.UTC(2025, 0, 1))), x(f.format(Date.UTC(2025, 2, 1)))];
    });
    expect(xOf[0]).toBeGreaterThan(xOf[1]!);
    await noViolations(supervisor);
    await supervisor.locator('#language-select').selectOption('en');
  });

  it('shows a released publication’s dashboard without signing in', async () => {
    await visitor.goto(`${lantern.url}/data/${publicationId}`);
    await visitor.getByRole('heading', { name: PUBLICATION, level: 1 }).waitFor();
    await visitor.getByRole('link', { name: 'See its dashboard (charts by year)' }).click();
    await visitor.getByRole('heading', { name: `Dashboard: ${PUBLICATION}`, level: 1 }).waitFor();
    const res = await visitor.request.get(
      `${lantern.url}/api/v1/public/publications/${publicationId}/insights/dashboard?by=exploitation`,
    );
    expect(res.status()).toBe(200);
    const data = (await res.json()) as Dashboard;
    expect(data.granularity).toBe('year');
    expect(data.total.count).toBeGreaterThan(0);
    await expect
      .poll(() => visitor.getByTestId('dashboard-total').textContent())
      .toBe(shown(data.total));
    const table = timeTable(visitor);
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(data.series.length);
    expect(await table.locator('tfoot td').last().textContent()).toBe(shown(data.total));
    await waitForChart(visitor, 'dashboard-time');
    await noViolations(visitor);
  });
});
