import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/axe.ts';
import type { TestBrowser } from './support/browser.ts';
import { launchBrowser } from './support/browser.ts';
import { LanternProcess } from './support/server.ts';

// The newcomer's journey from README's first command: start Lantern, sign in as the first
// administrator, create a caseworker, register a case, find it — and another organisation
// cannot see it by any route.
describe('first run, end to end in Chromium', () => {
  let lantern: LanternProcess;
  let browser: TestBrowser;
  let page: Page;
  let caseUrl = '';
  let caseReference = '';

  beforeAll(async () => {
    lantern = await LanternProcess.create();
    await lantern.start();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await lantern?.dispose();
  });

  const signIn = async (p: Page, email: string, password: string) => {
    await p.goto(`${lantern.url}/login`);
    await p.getByLabel('Email').fill(email);
    await p.getByLabel('Password').fill(password);
    await p.getByRole('button', { name: 'Sign in' }).click();
  };

  const changePassword = async (p: Page, current: string, next: string) => {
    await p.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await p.getByLabel('Current password').fill(current);
    await p.getByLabel('New password').fill(next);
    await p.getByLabel('Confirm password').fill(next);
    await p.getByRole('button', { name: 'Change password' }).click();
  };

  it('start-up printed the first administrator with a one-time password', () => {
    expect(lantern.firstAdmin?.email).toBe('admin@lantern.local');
    expect(lantern.firstAdmin?.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  });

  it('the sign-in page is accessible', async () => {
    await page.goto(`${lantern.url}/`);
    await page.waitForURL('**/login');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('the administrator signs in, must choose a new password, and creates a caseworker', async () => {
    const admin = lantern.firstAdmin!;
    await signIn(page, admin.email, admin.password);
    await changePassword(page, admin.password, 'administrator pass phrase');
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByLabel('Email').fill('carla@example.org');
    await page.getByLabel('Name', { exact: true }).fill('Carla Worker');
    await page.getByLabel('Role', { exact: true }).selectOption('caseworker');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('heading', { name: 'One-time password' }).waitFor();
    const otp = (await page.locator('.secret code').textContent())?.trim() ?? '';
    expect(otp).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();

    await signIn(page, 'carla@example.org', otp);
    await changePassword(page, otp, 'caseworker pass phrase');
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
  });

  it('the caseworker registers a person and opens a case; field errors are shown and focused', async () => {
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByLabel('Given name').fill('Amina');
    await page.getByLabel('Family name').fill('Okafor');
    await page.getByLabel('Gender').selectOption('Feminine');
    await page.getByLabel('Citizenship').selectOption('NG');
    await page.getByLabel('Country of exploitation').selectOption('IT');
    await page.getByRole('checkbox', { name: 'Sexual exploitation' }).check();
    await page.getByLabel('Phone').fill('not a phone');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Register case' }).click();
    await page.getByRole('alert').waitFor();
    expect(
      await page.evaluate(
        () => document.activeElement?.getAttribute('name') ?? document.activeElement?.id,
      ),
    ).toMatch(/phone/i);

    await page.getByLabel('Phone').fill('+234 801 234 5678');
    await page.getByRole('button', { name: 'Register case' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Case / });
    await heading.waitFor();
    caseReference = /LNT-\d{4}-\d{6}/.exec((await heading.textContent()) ?? '')?.[0] ?? '';
    expect(caseReference).toMatch(/^LNT-\d{4}-000001$/);
    caseUrl = page.url();
    expect(caseUrl).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('main').textContent()).toContain('Okafor');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('the case list shows the case without the name, and filters narrow it', async () => {
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    const row = page.getByRole('link', { name: caseReference });
    await row.waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Amina');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Citizenship').selectOption('FR');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No cases match these filters.').waitFor();
    expect(page.url()).toContain('citizenship=FR');

    await page.getByLabel('Citizenship').selectOption('NG');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await row.waitFor();
    await row.click();
    await page.waitForURL(caseUrl);
  });

  it('in Arabic the page is right-to-left and still accessible', async () => {
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel(/اللغة/).selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  });

  it('a caseworker of another organisation cannot see the case by any route', async () => {
    await lantern.stop();
    const { id: otherOrg } = (await lantern.cli(['org', 'create', '--name', 'Other NGO'])) as {
      id: string;
    };
    await lantern.cli(
      [
        'user',
        'create',
        '--org',
        otherOrg,
        '--email',
        'omar@other.example',
        '--role',
        'caseworker',
        '--password-stdin',
      ],
      'other organisation pass\n',
    );
    await lantern.start();

    const other = await (await browser.newContext()).newPage();
    await signIn(other, 'omar@other.example', 'other organisation pass');
    await other.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await other.getByText(/No cases/).waitFor();
    expect(await other.locator('main').textContent()).not.toContain(caseReference);

    await other.goto(caseUrl);
    await other.getByRole('heading', { name: 'Case not found' }).waitFor();
    expect(await other.locator('main').textContent()).not.toContain('Okafor');

    const caseId = caseUrl.split('/').pop()!;
    const api = await other.request.get(`${lantern.url}/api/v1/cases/${caseId}`);
    expect(api.status()).toBe(404);
    const lookup = await other.request.get(
      `${lantern.url}/api/v1/cases?reference=${caseReference}`,
    );
    expect(await lookup.json()).toMatchObject({ items: [], total: 0 });
  });

  it('on a 360-pixel phone the case list and form fit the screen', async () => {
    const phone = await (
      await browser.newContext({ viewport: { width: 360, height: 740 } })
    ).newPage();
    await signIn(phone, 'carla@example.org', 'caseworker pass phrase');
    await phone.getByRole('link', { name: caseReference }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await phone.goto(`${lantern.url}/cases/new`);
    await phone.getByLabel('Given name').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  });
});
