import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/axe.ts';
import type { TestBrowser } from './support/browser.ts';
import { launchBrowser } from './support/browser.ts';
import { LanternProcess } from './support/server.ts';

// The service directory in Chromium: a supervisor (the referral coordinator) lists a provider
// and a shelter, a wrong coordinate is refused at its field, then searches for a person and
// finds the shelter ranked with its eligibility in words, on the list and on the offline map;
// the page is accessible and works in Arabic, right to left.
describe('service directory, end to end in Chromium', () => {
  let lantern: LanternProcess;
  let browser: TestBrowser;
  let page: Page;
  const PASSWORD = 'directory pass phrase';
  const SUPERVISOR = 'sara@example.org';

  beforeAll(async () => {
    lantern = await LanternProcess.create();
    await lantern.start();
    await lantern.stop();
    const { id: org } = (await lantern.cli(['org', 'create', '--name', 'Safe Haven'])) as {
      id: string;
    };
    await lantern.cli(
      ['user', 'create', '--org', org, '--email', SUPERVISOR, '--role', 'supervisor'].concat(
        '--password-stdin',
      ),
      `${PASSWORD}\n`,
    );
    await lantern.start();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await lantern?.dispose();
  });

  const results = () => page.getByRole('list', { name: 'Services found, best match first' });
  const mapImage = () => page.locator('.directory__map [role="img"]');

  it('lets a supervisor list a provider and a service, with errors shown at the field', async () => {
    await page.goto(`${lantern.url}/login`);
    await page.getByLabel('Email').fill(SUPERVISOR);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Services', exact: true }).click();
    await page.getByRole('heading', { name: 'Service directory', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Manage our listings' }).click();
    await page.getByRole('heading', { name: 'Our directory listings', level: 1 }).waitFor();
    await page.getByText('Your organisation lists no provider yet.').waitFor();
    await page.getByRole('link', { name: 'Add a provider' }).click();

    await page.getByLabel('Provider name').fill('Harbour House');
    await page.getByLabel('Provider telephone').fill('+39 06 1234 5678');
    await page.getByLabel('Website').fill('harbour.example.org');
    await page.getByRole('button', { name: 'Add the provider' }).click();
    // The server refuses an address without its scheme, and the form says so at the field.
    await expect
      .poll(() => page.locator('.field--invalid .field__error').allTextContents())
      .toEqual(['Enter a web address starting with http:// or https://.']);
    await page.getByLabel('Website').fill('https://harbour.example.org');
    await page.getByRole('button', { name: 'Add the provider' }).click();
    await page.getByRole('heading', { name: 'Harbour House', level: 1 }).waitFor();
    await page.getByText('Answered in Lantern').waitFor();

    await page.getByRole('link', { name: 'Add a service' }).click();
    await page.getByRole('heading', { name: 'Add a service', level: 1 }).waitFor();
    await page.getByLabel('Service needed').selectOption('shelter');
    await page.getByLabel('Service name').fill('Harbour House shelter');
    await page.getByLabel('Address').fill('Via del Porto 1, Roma');
    await page.getByLabel('Country').selectOption('IT');
    await page.getByLabel('Latitude', { exact: true }).fill('95');
    await page.getByLabel('Longitude', { exact: true }).fill('12.4964');
    await page.getByLabel('Languages', { exact: true }).fill('it, en');
    await page.getByLabel('Lowest age').fill('18');
    await page.getByLabel('Places in all').fill('10');
    await page.getByLabel('Places free').fill('4');
    await page.getByRole('button', { name: 'Add the service' }).click();
    const latitude = page.getByLabel('Latitude', { exact: true });
    await expect.poll(() => latitude.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.locator('.field--invalid .field__error').allTextContents())
      .toEqual(['Enter a value between -90 and 90.']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('service-latitude');

    await latitude.fill('41.9028');
    await page.getByRole('button', { name: 'Add the service' }).click();
    await page.getByRole('heading', { name: 'Harbour House', level: 1 }).waitFor();
    const service = page.getByRole('heading', { name: 'Harbour House shelter', level: 3 });
    await service.waitFor();
    await page.getByText('4 of 10 places free').waitFor();
    await page.getByText('18 and over').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('finds the service for a person, explains why it does not fit, and maps it', async () => {
    await page.getByRole('link', { name: 'Back to the directory' }).click();
    await page.getByRole('heading', { name: 'Service directory', level: 1 }).waitFor();
    await page.getByLabel('Service needed').selectOption('shelter');
    await page.getByLabel('Age', { exact: true }).fill('17');
    await page.getByLabel('Latitude of the starting point').fill('41.8902');
    await page.getByLabel('Longitude of the starting point').fill('12.4922');
    await page.getByLabel('Distance limit in km').fill('25');
    await page.getByRole('button', { name: 'Search', exact: true }).click();

    const found = results().getByRole('listitem').filter({ hasText: 'Harbour House shelter' });
    await found.waitFor();
    await expect.poll(() => found.textContent()).toContain('Not eligible: outside the age range');
    await expect.poll(() => found.textContent()).toMatch(/1\.\d km away/);
    await expect.poll(() => found.textContent()).toContain('Works in: Italian, English');
    await page.getByText('1 service shown of 1 found.').waitFor();

    // The map is drawn offline as SVG (country shapes and the result), named, and described
    // by the list that says the same in words.
    const svg = mapImage().locator('svg');
    await svg.waitFor();
    await expect.poll(() => svg.locator('path').count()).toBeGreaterThan(150);
    expect(await mapImage().getAttribute('aria-label')).toBe(
      'Map of 1 service found; the list of services gives the same information.',
    );
    expect(await mapImage().getAttribute('aria-describedby')).toBe('directory-results');

    await page.getByLabel('Age', { exact: true }).fill('30');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => found.textContent()).toContain('Eligible');
    expect(await found.textContent()).not.toContain('Not eligible');
    await page.screenshot({ path: '/tmp/web1-directory.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    // The result leads to the service on its provider's page.
    await found.getByRole('link', { name: 'Harbour House shelter' }).click();
    await page.getByRole('heading', { name: 'Harbour House', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/directory\/providers\/[0-9a-f-]{36}$/);
  });

  it('works in Arabic, right to left, without accessibility violations', async () => {
    await page.getByRole('link', { name: 'Back to the directory' }).click();
    await page.getByRole('heading', { name: 'Service directory', level: 1 }).waitFor();
    await page.locator('#language-select').selectOption('ar');
    await page.getByRole('heading', { name: 'دليل الخدمات', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');

    // Back from the provider page the search ran again; in Arabic too.
    await page.getByRole('button', { name: 'بحث', exact: true }).click();
    const found = page
      .getByRole('list', { name: 'الخدمات التي عُثر عليها، الأنسب أولًا' })
      .getByRole('listitem')
      .filter({ hasText: 'Harbour House shelter' });
    await found.waitFor();
    await expect.poll(() => found.textContent()).toContain('مؤهَّل');
    await mapImage().locator('svg').waitFor();
    // The form mirrors: its fields start at the right edge.
    const box = await page.getByLabel('الخدمة المطلوبة').boundingBox();
    const form = await page.getByRole('search').boundingBox();
    expect(box && form && form.x + form.width - (box.x + box.width)).toBeLessThan(40);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows the coordinator an empty pathway period and an empty notification list', async () => {
    await page.locator('#language-select').selectOption('en');
    await page.getByRole('link', { name: 'Pathway metrics', exact: true }).click();
    await page.getByRole('heading', { name: 'Pathway metrics', level: 1 }).waitFor();
    await page.getByText('No referral was sent in this period.').first().waitFor();
    expect(await page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')).toBe(
      '/api/v1/referrals/metrics.csv?side=sent',
    );
    await page.getByLabel('From', { exact: true }).fill('2026-01-01');
    await page.getByRole('button', { name: 'Show the figures' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?from=2026-01-01');
    await page.getByRole('heading', { name: 'Directory coverage today' }).waitFor();
    const coverage = page.getByRole('table', { name: 'Directory coverage today' });
    await expect.poll(() => coverage.textContent()).toContain('Shelter');
    await page.screenshot({ path: '/tmp/web1-metrics.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    const bell = page.getByRole('button', { name: 'Notifications' });
    expect(await bell.getAttribute('aria-expanded')).toBe('false');
    await bell.click();
    expect(await bell.getAttribute('aria-expanded')).toBe('true');
    await page.getByText('No notifications.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await bell.getAttribute('aria-expanded')).toBe('false');
  });
});
