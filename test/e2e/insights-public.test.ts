import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell, RoutesResponse, SdgResponse } from '../../src/shared/api/insights.schema.ts';
import { parseCsv } from '../../src/shared/exchange/csv.ts';
import { accessibilityViolations } from './support/axe.ts';
import type { TestBrowser } from './support/browser.ts';
import { launchBrowser } from './support/browser.ts';
import {
  apiSession,
  desktopPage,
  releaseGeneratedPublication,
  startSeededLantern,
} from './support/instance.ts';
import type { LanternProcess } from './support/server.ts';

// The routes and SDG 16.2.2 of a released hub publication, for a visitor who never signs in:
// reached from the publication's page, the figures are the public API's (a small count shown as
// suppressed, never as its number); the Sankey's CSV is its links table and its PNG a PNG, the
// flow map's and the SDG map's CSV their tables; no accessibility violations; Arabic reads
// right to left.
describe('public routes and SDG 16.2.2 of a publication, end to end in Chromium', () => {
  let lantern: LanternProcess;
  let browser: TestBrowser;
  let visitor: Page;
  const PASSWORD = 'public figures pass phrase';
  const ANALYST = 'ana@safehaven.example.org';
  const PUBLICATION = 'Generated records for the public';
  let id = '';

  beforeAll(async () => {
    ({ lantern } = await startSeededLantern(
      [{ name: 'Safe Haven', users: [[ANALYST, 'analyst']] }],
      PASSWORD,
    ));
    const analyst = await apiSession(lantern.url, ANALYST, PASSWORD);
    id = await releaseGeneratedPublication(analyst, PUBLICATION, 23);
    await analyst.api.dispose();
    browser = await launchBrowser();
    visitor = await desktopPage(browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await lantern?.dispose();
  });

  const noViolations = async () => expect(await accessibilityViolations(visitor)).toEqual([]);
  const shown = (c: Cell) => (c.suppressed || c.count === null ? 'suppressed' : String(c.count));
  const publicApi = async <T>(tail: string) => {
    // The visitor's context has no session cookie: this is what anyone can read.
    const res = await visitor.request.get(
      `${lantern.url}/api/v1/public/publications/${id}/insights/${tail}`,
    );
    expect(res.status()).toBe(200);
    return (await res.json()) as T;
  };
  const rowsOf = (table: Locator) =>
    table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
      );
  const download = async (scope: Locator, kind: 'CSV' | 'PNG'): Promise<Download> => {
    const [file] = await Promise.all([
      visitor.waitForEvent('download'),
      scope.getByRole('button', { name: new RegExp(`^Download ${kind}`) }).click(),
    ]);
    return file;
  };
  const csvRows = async (file: Download) =>
    parseCsv(await readFile(await file.path(), 'utf8'), ',').records.map((r) => r.cells);
  const expectPng = async (file: Download) => {
    const bytes = await readFile(await file.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(2000);
  };

  it('shows the routes without signing in: map, Sankey and table with the API’s figures', async () => {
    await visitor.goto(`${lantern.url}/data/${id}`);
    await visitor.getByRole('heading', { name: PUBLICATION, level: 1 }).waitFor();
    await visitor.getByRole('link', { name: /^See its routes/ }).click();
    await visitor.getByRole('heading', { name: `Routes: ${PUBLICATION}`, level: 1 }).waitFor();
    const data = await publicApi<RoutesResponse>('routes');
    expect(data.flows.length).toBeGreaterThan(1);
    // CTDC records have no transit: every route is direct.
    expect(data.flows.every((f) => f.transit.length === 0)).toBe(true);

    const routes = visitor.locator('#routes-table');
    await routes.waitFor();
    const rows = await rowsOf(routes);
    expect(rows.map((r) => r[3])).toEqual(data.flows.map((f) => shown(f.count)));
    expect(rows.every((r) => r[1] === 'None recorded')).toBe(true);
    const links = await rowsOf(visitor.locator('#routes-links-table'));
    expect(links.map((r) => r[2])).toEqual(data.links.map((l) => shown(l.count)));

    await visitor.locator('.world-map__canvas svg path').first().waitFor();
    await expect
      .poll(() => visitor.locator('.sankey [role="img"] svg text').count())
      .toBeGreaterThan(2);
    await noViolations();
  });

  it('downloads the Sankey as its links table (CSV) and as a PNG', async () => {
    const sankey = visitor.locator('figure.sankey');
    const csv = await download(sankey, 'CSV');
    expect(csv.suggestedFilename()).toBe('publication-routes-sankey.csv');
    const lines = await csvRows(csv);
    expect(lines[0]).toEqual(['From', 'To', 'Cases']);
    expect(lines.slice(1)).toEqual(await rowsOf(visitor.locator('#routes-links-table')));
    // The numbers are the API's, a suppressed link the word: never its count.
    const data = await publicApi<RoutesResponse>('routes');
    expect(lines.slice(1).map((l) => l[2])).toEqual(data.links.map((l) => shown(l.count)));

    const png = await download(sankey, 'PNG');
    expect(png.suggestedFilename()).toBe('publication-routes-sankey.png');
    await expectPng(png);
  });

  it('downloads the flow map as the routes table (CSV) and as a PNG', async () => {
    const map = visitor.locator('figure.world-map');
    const csv = await download(map, 'CSV');
    expect(csv.suggestedFilename()).toBe('publication-routes.csv');
    const lines = await csvRows(csv);
    expect(lines[0]).toEqual([
      'Origin (citizenship)',
      'Transit',
      'Country of exploitation',
      'Cases',
    ]);
    expect(lines.slice(1)).toEqual(await rowsOf(visitor.locator('#routes-table')));
    await expectPng(await download(map, 'PNG'));
  });

  it('shows SDG 16.2.2 without signing in, the table and its CSV the API’s', async () => {
    await visitor
      .getByRole('navigation', { name: 'Figures of this publication' })
      .getByRole('link', { name: 'SDG 16.2.2' })
      .click();
    await visitor.getByRole('heading', { name: `SDG 16.2.2: ${PUBLICATION}`, level: 1 }).waitFor();
    const data = await publicApi<SdgResponse>('sdg');
    expect(data.rows.length).toBeGreaterThan(1);
    const table = visitor.locator('#sdg-table');
    await table.waitFor();
    const rows = await rowsOf(table);
    expect(rows).toHaveLength(data.rows.length);
    // The total column: the victims as the API counts them (or suppressed), then the rate.
    rows.forEach((r, i) => expect(r[2]!.startsWith(shown(data.rows[i]!.total.victims))).toBe(true));

    const map = visitor.locator('figure.world-map');
    await map.locator('svg path').first().waitFor();
    const csv = await download(map, 'CSV');
    expect(csv.suggestedFilename()).toBe(`publication-sdg-16-2-2-${data.year}.csv`);
    const lines = await csvRows(csv);
    expect(lines[0]!.slice(0, 4)).toEqual([
      'Country',
      'Population',
      'All victims: victims',
      'All victims: per 100,000',
    ]);
    expect(lines.slice(1).map((l) => l[0])).toEqual(rows.map((r) => r[0]));
    expect(lines.slice(1).map((l) => l[2])).toEqual(data.rows.map((r) => shown(r.total.victims)));
    expect(lines.slice(1).map((l) => l[3])).toEqual(
      data.rows.map((r) => (r.total.per100k === null ? '' : r.total.per100k.toFixed(2))),
    );
    await expectPng(await download(map, 'PNG'));
    await noViolations();
  });

  it('reads right to left in Arabic', async () => {
    await visitor.goto(`${lantern.url}/data/${id}/insights/routes`);
    await visitor.locator('#language-select').selectOption('ar');
    await visitor.getByRole('heading', { name: `المسارات: ${PUBLICATION}`, level: 1 }).waitFor();
    expect(await visitor.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect
      .poll(() => visitor.locator('.sankey [role="img"] svg text').count())
      .toBeGreaterThan(2);
    await noViolations();
    await visitor.goto(`${lantern.url}/data/${id}/insights/sdg`);
    await visitor.locator('#sdg-table').waitFor();
    expect(await visitor.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await noViolations();
    await visitor.locator('#language-select').selectOption('en');
  });
});
