import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/axe.ts';
import type { TestBrowser } from './support/browser.ts';
import { launchBrowser } from './support/browser.ts';
import { desktopPage, signInPage, startSeededLantern } from './support/instance.ts';
import type { LanternProcess } from './support/server.ts';

// The administrator's webhooks page in Chromium (docs/notifications.md): the empty list, a
// loopback address refused at the field in words (the server allows only public addresses by
// default), an endpoint added with its signing secret shown once and never again, disabled and
// enabled, a test delivery queued and seen in the log as it truly is (the host does not exist
// here, so the worker records "no answer" and waits to retry), and the endpoint deleted after
// the question. No accessibility violations, in English and right to left in Arabic. A
// supervisor is refused the page.
describe('webhooks page, end to end in Chromium', () => {
  let lantern: LanternProcess;
  let browser: TestBrowser;
  let admin: Page;
  const PASSWORD = 'webhooks pass phrase';
  const ADMIN = 'amal@safehaven.example.org';
  const SUPERVISOR = 'sami@safehaven.example.org';
  const URL_PUBLIC = 'https://hooks.example.org/lantern';
  const DESCRIPTION = 'Case management bridge';
  let secret = '';

  beforeAll(async () => {
    ({ lantern } = await startSeededLantern(
      [
        {
          name: 'Safe Haven',
          users: [
            [ADMIN, 'admin'],
            [SUPERVISOR, 'supervisor'],
          ],
        },
      ],
      PASSWORD,
    ));
    browser = await launchBrowser();
    admin = await desktopPage(browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await lantern?.dispose();
  });

  const signIn = (page: Page, email: string) => signInPage(page, lantern.url, email, PASSWORD);
  const noViolations = async (page: Page) =>
    expect(await accessibilityViolations(page)).toEqual([]);
  const endpoints = (page: Page): Locator =>
    page.locator('section', { has: page.getByRole('heading', { name: 'Endpoints', level: 2 }) });
  const status = (page: Page): Locator => endpoints(page).locator(':scope > p[role="status"]');
  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  it('starts empty, and refuses a loopback address at the field, in words', async () => {
    await signIn(admin, ADMIN);
    await admin.getByRole('link', { name: 'Webhooks' }).click();
    await admin.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await endpoints(admin).getByText('No endpoint yet.').waitFor();
    await noViolations(admin);

    const field = admin.getByLabel('Endpoint address');
    await field.fill('http://127.0.0.1:8080/hooks');
    await admin.getByRole('button', { name: 'Add the endpoint' }).click();
    const error = admin.locator('#webhook-url-error');
    await expect
      .poll(() => error.textContent())
      .toBe('This address is on a private or local network, which this server does not allow.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain('webhook-url-error');
    await expect.poll(() => focusedId(admin)).toBe('webhook-url');
    // Nothing was saved, and what was typed is kept for correcting.
    expect(await field.inputValue()).toBe('http://127.0.0.1:8080/hooks');
    expect(await endpoints(admin).textContent()).toContain('No endpoint yet.');
    await noViolations(admin);
  });

  it('adds a public endpoint and shows its secret once, never after a reload', async () => {
    await admin.getByLabel('Endpoint address').fill(URL_PUBLIC);
    await admin.getByLabel('Description').fill(DESCRIPTION);
    await admin.getByRole('button', { name: 'Add the endpoint' }).click();

    const heading = admin.getByRole('heading', { name: 'The endpoint’s signing secret' });
    await heading.waitFor();
    // Focus goes to the secret so that it is not missed.
    await expect.poll(() => focusedId(admin)).toBe('webhook-secret-heading');
    secret = (await admin.getByLabel('Signing secret', { exact: true }).textContent()) ?? '';
    // 32 random bytes in base64url behind the prefix (docs/notifications.md).
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const panel = admin.locator('section', { has: heading });
    expect(await panel.textContent()).toContain(URL_PUBLIC);
    await panel.getByText('it will not be shown again').waitFor();
    // The refusal is gone from the field, which is empty again for the next endpoint.
    expect(await admin.locator('#webhook-url-error').count()).toBe(0);
    expect(await admin.getByLabel('Endpoint address').inputValue()).toBe('');

    const row = endpoints(admin).getByRole('row', { name: new RegExp(DESCRIPTION) });
    await expect.poll(() => row.textContent()).toContain(URL_PUBLIC);
    expect(await row.textContent()).toContain('All events');
    expect(await row.textContent()).toContain('Enabled');
    await noViolations(admin);

    // Dismissed, it is gone; after a reload it is nowhere: not on the page, not in the API.
    await panel.getByRole('button', { name: 'I have stored it' }).click();
    await expect.poll(() => heading.count()).toBe(0);
    await admin.reload();
    await endpoints(admin)
      .getByRole('row', { name: new RegExp(DESCRIPTION) })
      .waitFor();
    expect(await heading.count()).toBe(0);
    expect(await admin.locator('body').textContent()).not.toContain(secret);
    const listed = await admin.request.get(`${lantern.url}/api/v1/webhooks`);
    expect(listed.status()).toBe(200);
    const body = await listed.text();
    expect(body).toContain(URL_PUBLIC);
    expect(body).not.toContain(secret);
    expect(body).not.toContain('whsec_');
  });

  it('disables the endpoint (a test is then refused in words) and enables it again', async () => {
    const row = endpoints(admin).getByRole('row', { name: new RegExp(DESCRIPTION) });
    await row.getByRole('button', { name: `Disable ${DESCRIPTION}` }).click();
    await expect.poll(() => status(admin).textContent()).toBe('Endpoint disabled.');
    await expect.poll(() => row.textContent()).toContain('Disabled');

    await row.getByRole('button', { name: `Send a test to ${DESCRIPTION}` }).click();
    await expect
      .poll(() => endpoints(admin).getByRole('alert').textContent())
      .toContain('The endpoint is disabled: enable it first.');
    await noViolations(admin);

    await row.getByRole('button', { name: `Enable ${DESCRIPTION}` }).click();
    await expect.poll(() => status(admin).textContent()).toBe('Endpoint enabled.');
    await expect.poll(() => row.textContent()).toContain('Enabled');
    expect(await row.textContent()).not.toContain('Disabled');
    expect(await endpoints(admin).getByRole('alert').count()).toBe(0);
    // The state is the server's, not only the page's.
    const listed = (await (await admin.request.get(`${lantern.url}/api/v1/webhooks`)).json()) as {
      items: { description: string; active: boolean }[];
    };
    expect(listed.items.map((w) => [w.description, w.active])).toEqual([[DESCRIPTION, true]]);
  });

  it('sends a test: the delivery shows in the log, with no answer and a retry to come', async () => {
    const row = endpoints(admin).getByRole('row', { name: new RegExp(DESCRIPTION) });
    await row.getByRole('button', { name: `Send a test to ${DESCRIPTION}` }).click();
    await expect.poll(() => status(admin).textContent()).toBe('Test delivery queued.');
    // The log of that endpoint opens by itself.
    const log = admin.getByRole('region', { name: `Deliveries to ${URL_PUBLIC}` });
    await log.waitFor();
    expect(
      await row
        .getByRole('button', { name: `Delivery log of ${DESCRIPTION}` })
        .getAttribute('aria-expanded'),
    ).toBe('true');
    const ping = log.getByRole('row', { name: /Test delivery/ });
    await expect.poll(() => ping.textContent()).toContain('ping');

    // hooks.example.org does not resolve here: the worker (one tick every 5 s) records a
    // network error, shown as "no answer", and keeps the delivery waiting for a retry.
    await expect
      .poll(
        async () => {
          await log.getByRole('button', { name: 'Refresh' }).click();
          return ping.locator('td').nth(2).textContent();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toContain('No answer (network error or timeout)');
    const cells = await ping.locator('td').allTextContents();
    expect(['Waiting', 'Sending']).toContain(cells[0]);
    expect(Number(cells[1])).toBeGreaterThanOrEqual(1);
    expect(await ping.textContent()).not.toContain('Delivered');
    // Only one delivery: the test, not a copy.
    expect(await log.locator('tbody tr').count()).toBe(1);
    // A delivery still being retried cannot be sent again by hand (the API would say 409).
    if (cells[0] === 'Waiting') {
      expect(cells[2]).toContain('next attempt');
      expect(await ping.getByRole('button', { name: 'Send again' }).count()).toBe(0);
    }
    await noViolations(admin);
  });

  it('deletes the endpoint only after the question is answered', async () => {
    const row = endpoints(admin).getByRole('row', { name: new RegExp(DESCRIPTION) });
    await row.getByRole('button', { name: `Delete ${DESCRIPTION}` }).click();
    await row.getByText('Delete this endpoint? Deliveries not yet sent are dropped.').waitFor();
    await noViolations(admin);
    await row.getByRole('button', { name: 'Cancel' }).click();
    await row.getByRole('button', { name: `Delete ${DESCRIPTION}` }).waitFor();
    expect(await row.getByText('Delete this endpoint?').count()).toBe(0);

    await row.getByRole('button', { name: `Delete ${DESCRIPTION}` }).click();
    await row.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => status(admin).textContent()).toBe('Endpoint deleted.');
    await endpoints(admin).getByText('No endpoint yet.').waitFor();
    expect(await admin.getByRole('heading', { name: /^Deliveries to/ }).count()).toBe(0);
    const listed = (await (await admin.request.get(`${lantern.url}/api/v1/webhooks`)).json()) as {
      items: unknown[];
    };
    expect(listed.items).toEqual([]);
    await noViolations(admin);
  });

  it('works right to left in Arabic, the refusal at the field in Arabic too', async () => {
    await admin.getByLabel('Language').selectOption('ar');
    await expect.poll(() => admin.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await admin.getByRole('heading', { name: 'خطافات الويب', level: 1 }).waitFor();
    await admin.getByText('لا توجد نقاط استقبال بعد.').waitFor();
    const field = admin.getByLabel('عنوان نقطة الاستقبال');
    await field.fill('http://127.0.0.1/hooks');
    await admin.getByRole('button', { name: 'إضافة نقطة الاستقبال' }).click();
    await expect
      .poll(() => admin.locator('#webhook-url-error').textContent())
      .toBe('هذا العنوان على شبكة خاصة أو محلية، وهو ما لا يسمح به هذا الخادم.');
    await expect.poll(() => focusedId(admin)).toBe('webhook-url');
    await noViolations(admin);
    await admin.getByLabel('اللغة').selectOption('en');
    await expect.poll(() => admin.evaluate(() => document.documentElement.dir)).toBe('ltr');
  });

  it('refuses the page to a supervisor, who has no link to it either', async () => {
    const supervisor = await desktopPage(browser);
    await signIn(supervisor, SUPERVISOR);
    expect(
      await supervisor
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Webhooks' })
        .count(),
    ).toBe(0);
    await supervisor.goto(`${lantern.url}/admin/webhooks`);
    await supervisor.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor();
    await supervisor.getByText('You do not have permission to do this.').waitFor();
    expect(await supervisor.getByLabel('Endpoint address').count()).toBe(0);
    // The server refuses it too.
    const api = await supervisor.request.get(`${lantern.url}/api/v1/webhooks`);
    expect(api.status()).toBe(403);
    await noViolations(supervisor);
  });
});
