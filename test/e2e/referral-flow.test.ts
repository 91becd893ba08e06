import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/axe.ts';
import type { TestBrowser } from './support/browser.ts';
import { launchBrowser } from './support/browser.ts';
import {
  apiPost,
  apiSession,
  desktopPage,
  signInPage,
  startSeededLantern,
} from './support/instance.ts';
import type { LanternProcess } from './support/server.ts';

// A referral from one organisation to another, in Chromium: a caseworker of Safe Haven refers a
// case to River Shelter's shelter (another organisation on the instance), sharing two fields she
// chooses; River Shelter's provider sees exactly those two in its inbox, accepts and completes;
// the caseworker sees "Completed" on the case and on the referral. Without consent for referral
// to a shelter the send is refused in words naming the service type. The wizard, the inbox and
// the detail page have no accessibility violations, and the wizard works right to left in Arabic.
describe('referral flow, end to end in Chromium', () => {
  let lantern: LanternProcess;
  let browser: TestBrowser;
  let caseworker: Page;
  let provider: Page;
  const PASSWORD = 'referral pass phrase';
  const CASEWORKER = 'cleo@safehaven.example.org';
  const LISTER = 'lina@rivershelter.example.org';
  const PROVIDER = 'pavel@rivershelter.example.org';
  let orgB = '';
  let consentedCase = '';
  let unconsentedCase = '';
  let reference = '';

  const apiAs = (email: string) => apiSession(lantern.url, email, PASSWORD);
  const post = apiPost;

  beforeAll(async () => {
    ({
      lantern,
      orgIds: [, orgB = ''],
    } = await startSeededLantern(
      [
        { name: 'Safe Haven', users: [[CASEWORKER, 'caseworker']] },
        {
          name: 'River Shelter',
          users: [
            [LISTER, 'admin'],
            [PROVIDER, 'provider'],
          ],
        },
      ],
      PASSWORD,
    ));

    // River Shelter lists its own shelter; its inbox receives the referrals.
    const lister = await apiAs(LISTER);
    const listed = await post(lister, '/directory/providers', {
      name: 'River Shelter',
      providerOrgId: orgB,
    });
    await post(lister, '/directory/services', {
      providerId: listed.id,
      serviceType: 'shelter',
      name: 'River House',
      country: 'MD',
      latitude: 47.0105,
      longitude: 28.8638,
      capacityTotal: 10,
      capacityAvailable: 4,
      responseDays: 5,
    });
    await lister.api.dispose();

    // Safe Haven's two cases: one with consent to referral to a shelter, one without.
    const cw = await apiAs(CASEWORKER);
    const person = { givenName: 'Mira', familyName: 'Ceban', age: 24, gender: 'Feminine' };
    consentedCase = String(
      (
        await post(cw, '/cases', {
          person,
          citizenship: 'MD',
          typeOfExploitation: ['ForcedLabour'],
        })
      ).id,
    );
    unconsentedCase = String(
      (await post(cw, '/cases', { person: { ...person, givenName: 'Ana' }, citizenship: 'MD' })).id,
    );
    await post(cw, `/cases/${consentedCase}/consents`, {
      purpose: 'referral',
      serviceType: 'shelter',
      method: 'verbal',
    });
    await cw.api.dispose();

    browser = await launchBrowser();
    caseworker = await desktopPage(browser);
    provider = await desktopPage(browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await lantern?.dispose();
  });

  const signIn = (page: Page, email: string) => signInPage(page, lantern.url, email, PASSWORD);
  const referrals = (page: Page): Locator =>
    page.locator('section', { has: page.getByRole('heading', { name: 'Referrals', level: 2 }) });
  const noViolations = async (page: Page) =>
    expect(await accessibilityViolations(page)).toEqual([]);

  /** Steps 1 to 3 of the wizard for a shelter: need, River House, the fields given. */
  const prepareShelterReferral = async (page: Page, fields: string[]) => {
    const panel = referrals(page);
    await panel.getByRole('button', { name: 'Refer', exact: true }).click();
    await page.getByLabel('Service needed').selectOption('shelter');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Choose a service' }).waitFor();
    await page.getByRole('radio', { name: 'River House' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('group', { name: 'Information to share' }).waitFor();
    for (const f of fields) await page.getByRole('checkbox', { name: f, exact: true }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Check and send the referral' }).waitFor();
  };

  it('refuses to send without consent, naming the service type and pointing to consent', async () => {
    await signIn(caseworker, CASEWORKER);
    await caseworker.goto(`${lantern.url}/cases/${unconsentedCase}`);
    const panel = referrals(caseworker);
    await panel.getByText('This case has not been referred yet.').waitFor();

    // Said up front, at the first step.
    await panel.getByRole('button', { name: 'Refer', exact: true }).click();
    await caseworker.getByLabel('Service needed').selectOption('shelter');
    await panel
      .getByText(
        'The person’s consent to referral for Shelter is not recorded (or was withdrawn).',
        {
          exact: false,
        },
      )
      .waitFor();
    await panel.getByRole('button', { name: 'Cancel' }).click();

    // No legal aid is listed at all: said so, and counted as an unmet need.
    await panel.getByRole('button', { name: 'Refer', exact: true }).click();
    await caseworker.getByLabel('Service needed').selectOption('legal_aid');
    await caseworker.getByRole('button', { name: 'Next' }).click();
    await panel.getByText('No Legal aid service is listed in the directory.').waitFor();
    await panel
      .getByText(
        'This gap has been recorded as an unmet need for the referral coordinator’s report.',
      )
      .waitFor();
    await panel.getByRole('button', { name: 'Cancel' }).click();

    await prepareShelterReferral(caseworker, ['Given name']);
    await caseworker.getByRole('button', { name: 'Send the referral' }).click();
    const alert = panel.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toContain(
        'The referral cannot be sent: the person’s consent to referral for Shelter is not recorded',
      );
    expect(
      await panel.getByRole('link', { name: 'Go to the consent section of this case' }).count(),
    ).toBeGreaterThan(0);
    // The draft is kept, unsent, on the case.
    await expect.poll(() => panel.getByRole('table').textContent()).toContain('Draft');
  });

  it('refers a consented case to the shelter, sharing only the two fields chosen', async () => {
    await caseworker.goto(`${lantern.url}/cases/${consentedCase}`);
    const panel = referrals(caseworker);
    await panel.getByRole('button', { name: 'Refer', exact: true }).click();
    await caseworker.getByLabel('Service needed').selectOption('shelter');
    await panel.getByText('The person’s consent to referral for Shelter is recorded.').waitFor();
    await noViolations(caseworker);

    await caseworker.getByRole('button', { name: 'Next' }).click();
    const house = caseworker.getByRole('radio', { name: 'River House' });
    await house.waitFor();
    const facts = await panel.locator('.referral-results > li').first().textContent();
    expect(facts).toContain('River Shelter');
    expect(facts).toContain('The person meets its conditions.');
    expect(facts).toContain('4 places left');
    await noViolations(caseworker);
    await house.check();
    await caseworker.getByRole('button', { name: 'Next' }).click();

    // None ticked to begin with: the sender chooses.
    const boxes = caseworker
      .getByRole('group', { name: 'Information to share' })
      .getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThan(2);
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(false);
    await caseworker.getByRole('checkbox', { name: 'Given name', exact: true }).check();
    await caseworker.getByRole('checkbox', { name: 'Age', exact: true }).check();
    await caseworker.getByLabel('Message to the provider').fill('She arrives by bus on Monday.');
    await noViolations(caseworker);
    await caseworker.getByRole('button', { name: 'Next' }).click();

    await caseworker.getByRole('heading', { name: 'Check and send the referral' }).waitFor();
    expect(await panel.textContent()).toContain('Given name, Age');
    await noViolations(caseworker);
    await caseworker.getByRole('button', { name: 'Send the referral' }).click();
    const sent = panel.getByText(/^Referral R-\S+ sent to River Shelter\.$/);
    await sent.waitFor();
    reference = /Referral (R-\S+) sent/.exec((await sent.textContent()) ?? '')?.[1] ?? '';
    expect(reference).toMatch(/^R-/);
    const row = panel.getByRole('row', { name: new RegExp(reference) });
    await expect.poll(() => row.textContent()).toContain('Sent');
  });

  it('shows the provider exactly the two fields; the provider accepts and completes', async () => {
    await signIn(provider, PROVIDER);
    await provider.getByRole('link', { name: 'Inbox' }).click();
    await provider.getByRole('heading', { name: 'Referral inbox', level: 1 }).waitFor();
    const row = provider.getByRole('row', { name: new RegExp(reference) });
    await expect.poll(() => row.textContent()).toContain('Safe Haven');
    expect(await row.textContent()).toContain('New');
    await noViolations(provider);

    await row.getByRole('link', { name: reference }).click();
    await provider.getByRole('heading', { name: `Referral ${reference}`, level: 1 }).waitFor();
    const facts = provider.locator('section', {
      has: provider.getByRole('heading', { name: 'Summary' }),
    });
    const shared = provider.locator('section', {
      has: provider.getByRole('heading', { name: 'What the referring organisation shared' }),
    });
    expect(await shared.locator('dt').allTextContents()).toEqual(['Given name', 'Age']);
    expect(await shared.locator('dd').allTextContents()).toEqual(['Mira', '24']);
    expect(await shared.textContent()).toContain('She arrives by bus on Monday.');
    // Nothing else about the person is anywhere on the page.
    const text = (await provider.locator('main').textContent()) ?? '';
    for (const secret of ['Ceban', 'Moldova', 'Female', 'Feminine', 'Forced labour'])
      expect(text).not.toContain(secret);
    // The API tells the same: the snapshot holds those two fields and nothing else.
    const id = new URL(provider.url()).pathname.split('/').pop()!;
    const api = await provider.request.get(`${lantern.url}/api/v1/referrals/inbox/${id}`);
    const detail = (await api.json()) as { snapshot: Record<string, unknown> };
    expect(Object.keys(detail.snapshot).sort()).toEqual(['age', 'givenName']);
    await noViolations(provider);

    await provider.getByLabel('New message').fill('A bed is ready from Monday.');
    await provider.getByRole('button', { name: 'Send message' }).click();
    await provider.getByText('Message sent.').waitFor();

    // A colleague accepts it first (through the API): this page's answer now conflicts, says
    // so, and shows the referral as it is now.
    const session = await provider.request.get(`${lantern.url}/api/v1/auth/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const first = await provider.request.post(`${lantern.url}/api/v1/referrals/${id}/accept`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {},
    });
    expect(first.status()).toBe(200);
    await provider.getByRole('button', { name: 'Accept' }).click();
    await expect
      .poll(() => provider.getByRole('alert').textContent())
      .toContain('Someone else changed this referral first. It has been reloaded');
    await expect.poll(() => facts.textContent()).toContain('Accepted');
    expect(await provider.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await provider.getByLabel('Outcome', { exact: true }).selectOption('service_provided');
    await provider.getByLabel('Note on the outcome').fill('Stayed three weeks.');
    await provider.getByRole('button', { name: 'Complete', exact: true }).click();
    await provider.getByText('Referral completed.').waitFor();
    await expect.poll(() => facts.textContent()).toContain('Completed');
    await noViolations(provider);
  });

  it('shows the caseworker the referral completed, on the case and on its page', async () => {
    await caseworker.goto(`${lantern.url}/cases/${consentedCase}`);
    const row = referrals(caseworker).getByRole('row', { name: new RegExp(reference) });
    await expect.poll(() => row.textContent()).toContain('Completed');

    await row.getByRole('link', { name: reference }).click();
    await caseworker.getByRole('heading', { name: `Referral ${reference}`, level: 1 }).waitFor();
    const summary = caseworker.locator('section', {
      has: caseworker.getByRole('heading', { name: 'Summary' }),
    });
    expect(await summary.textContent()).toContain('Completed');
    expect(await summary.textContent()).toContain('Service provided');
    const history = caseworker.locator('section', {
      has: caseworker.getByRole('heading', { name: 'History' }),
    });
    const events = await history.textContent();
    for (const step of ['Sent', 'Accepted', 'Completed']) expect(events).toContain(step);
    expect(events).toContain('Stayed three weeks.');
    const messages = caseworker.locator('section', {
      has: caseworker.getByRole('heading', { name: 'Messages' }),
    });
    expect(await messages.textContent()).toContain('A bed is ready from Monday.');
    await noViolations(caseworker);
  });

  it('lists the referrals sent and withdraws the unsent draft with a reason', async () => {
    await caseworker.getByRole('link', { name: 'Referrals', exact: true }).click();
    await caseworker.getByRole('heading', { name: 'Referrals sent', level: 1 }).waitFor();
    const done = caseworker.getByRole('row', { name: new RegExp(reference) });
    await expect.poll(() => done.textContent()).toContain('Completed');
    await noViolations(caseworker);
    const draft = caseworker.getByRole('row').filter({ hasText: 'Draft' });
    expect(await draft.count()).toBe(1);
    await draft.getByRole('link').first().click();
    await caseworker.getByRole('heading', { name: /^Referral R-/, level: 1 }).waitFor();
    await caseworker.locator('summary', { hasText: 'Withdraw the referral' }).click();
    await caseworker.getByLabel('Reason for withdrawing').selectOption('sent_in_error');
    await caseworker.getByRole('button', { name: 'Withdraw the referral' }).click();
    await caseworker.getByText('Referral withdrawn.').waitFor();
    const summary = caseworker.locator('section', {
      has: caseworker.getByRole('heading', { name: 'Summary' }),
    });
    await expect.poll(() => summary.textContent()).toContain('Withdrawn');
  });

  it('offers the wizard right to left in Arabic, without accessibility violations', async () => {
    await caseworker.goto(`${lantern.url}/cases/${consentedCase}`);
    await caseworker.getByLabel('Language').selectOption('ar');
    await expect.poll(() => caseworker.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const panel = caseworker.locator('section', {
      has: caseworker.getByRole('heading', { name: 'الإحالات', level: 2 }),
    });
    await panel.getByRole('button', { name: 'إحالة', exact: true }).click();
    await caseworker.getByLabel('الخدمة المطلوبة').selectOption('shelter');
    await panel.getByText('موافقة الشخص على الإحالة إلى خدمة', { exact: false }).waitFor();
    await noViolations(caseworker);
    await caseworker.getByLabel('اللغة').selectOption('en');
  });
});
