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

// A provider declines a referral, in Chromium (docs/referrals.md). Set up through the API: Safe
// Haven sends River Shelter's shelter a referral sharing a given name, an age, a safety concern
// and a message. River Shelter's provider opens it from the inbox, tries to decline without a
// reason (refused at the field, focus there), then declines with a reason and a note. The page
// shows it declined and no longer shows what was shared (the server erases the provider's copy);
// Safe Haven's caseworker sees it declined with the reason and the note. No accessibility
// violations on either page.
describe('declining a referral, end to end in Chromium', () => {
  let lantern: LanternProcess;
  let browser: TestBrowser;
  let caseworker: Page;
  let provider: Page;
  const PASSWORD = 'decline pass phrase';
  const CASEWORKER = 'cleo@safehaven.example.org';
  const LISTER = 'lina@rivershelter.example.org';
  const PROVIDER = 'pavel@rivershelter.example.org';
  const GIVEN_NAME = 'Mira';
  const FAMILY_NAME = 'Ceban';
  const SAFETY = 'Her former employer has been asking for her at the bus station.';
  const MESSAGE = 'She can travel on Monday morning.';
  const NOTE = 'All beds are taken until March; Hope House may have room.';
  let caseId = '';
  let referralId = '';
  let reference = '';

  const apiAs = (email: string) => apiSession(lantern.url, email, PASSWORD);
  const post = apiPost;

  beforeAll(async () => {
    let orgB: string;
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

    // River Shelter lists its own shelter; its inbox receives the referrals to it.
    const lister = await apiAs(LISTER);
    const listed = await post(lister, '/directory/providers', {
      name: 'River Shelter',
      providerOrgId: orgB,
    });
    const service = await post(lister, '/directory/services', {
      providerId: listed.id,
      serviceType: 'shelter',
      name: 'River House',
      country: 'MD',
      latitude: 47.0105,
      longitude: 28.8638,
      capacityTotal: 10,
      capacityAvailable: 0,
      responseDays: 5,
    });
    await lister.api.dispose();

    // Safe Haven's case, consent to referral to a shelter, and the referral sent.
    const cw = await apiAs(CASEWORKER);
    caseId = String(
      (
        await post(cw, '/cases', {
          person: { givenName: GIVEN_NAME, familyName: FAMILY_NAME, age: 24, gender: 'Feminine' },
          citizenship: 'MD',
          typeOfExploitation: ['ForcedLabour'],
        })
      ).id,
    );
    await post(cw, `/cases/${caseId}/consents`, {
      purpose: 'referral',
      serviceType: 'shelter',
      method: 'verbal',
    });
    const draft = await post(cw, '/referrals', {
      caseId,
      serviceId: service.id,
      serviceType: 'shelter',
      fields: ['givenName', 'age', 'safetyConcerns'],
      stated: { safetyConcerns: SAFETY },
      message: MESSAGE,
    });
    referralId = String(draft.id);
    const sent = await post(cw, `/referrals/${referralId}/send`, {});
    expect(sent.status).toBe('sent');
    reference = String(sent.reference);
    expect(reference).toMatch(/^R-/);
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
  const noViolations = async (page: Page) =>
    expect(await accessibilityViolations(page)).toEqual([]);
  const section = (page: Page, heading: string): Locator =>
    page.locator('section', { has: page.getByRole('heading', { name: heading, level: 2 }) });
  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  /** The referral as the provider's API answers it now. */
  const inboxApi = async () => {
    const res = await provider.request.get(`${lantern.url}/api/v1/referrals/inbox/${referralId}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as {
      status: string;
      snapshot: Record<string, unknown> | null;
      message: string | null;
      declineReason: string | null;
    };
  };

  it('shows the provider the referral with what was shared, to answer', async () => {
    await signIn(provider, PROVIDER);
    await provider.getByRole('link', { name: 'Inbox' }).click();
    await provider.getByRole('heading', { name: 'Referral inbox', level: 1 }).waitFor();
    const row = provider.getByRole('row', { name: new RegExp(reference) });
    await expect.poll(() => row.textContent()).toContain('Safe Haven');
    expect(await row.textContent()).toContain('New');
    await row.getByRole('link', { name: reference }).click();
    await provider.getByRole('heading', { name: `Referral ${reference}`, level: 1 }).waitFor();
    expect(new URL(provider.url()).pathname).toBe(`/referrals/inbox/${referralId}`);

    const shared = section(provider, 'What the referring organisation shared');
    await expect.poll(() => shared.locator('dd').allTextContents()).toContain(GIVEN_NAME);
    const text = (await shared.textContent()) ?? '';
    for (const s of [GIVEN_NAME, '24', SAFETY, MESSAGE]) expect(text).toContain(s);
    expect(await section(provider, 'Summary').textContent()).toContain('Sent');
    await provider.getByRole('group', { name: 'Decline the referral' }).waitFor();
    await noViolations(provider);
  });

  it('refuses to decline without a reason: the error is at the field, focus moves there', async () => {
    const reason = provider.getByLabel('Reason for declining');
    expect(await reason.inputValue()).toBe('');
    await provider.getByRole('button', { name: 'Decline', exact: true }).click();
    const error = provider.locator('#referral-decline-reason-error');
    await expect.poll(() => error.textContent()).toBe('This field is required.');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await reason.getAttribute('aria-describedby')).toContain(
      'referral-decline-reason-error',
    );
    await expect.poll(() => focusedId(provider)).toBe('referral-decline-reason');
    // Nothing went to the server: still sent, still shared.
    const now = await inboxApi();
    expect(now.status).toBe('sent');
    expect(now.snapshot).not.toBeNull();
    expect(await section(provider, 'Summary').textContent()).toContain('Sent');
    await noViolations(provider);
  });

  it('declines with a reason and a note; the shared data is gone from the page', async () => {
    await provider.getByLabel('Reason for declining').selectOption('no_capacity');
    await provider.getByLabel('Note on declining').fill(NOTE);
    await provider.getByRole('button', { name: 'Decline', exact: true }).click();
    await provider.getByText('Referral declined.').waitFor();

    const summary = section(provider, 'Summary');
    await expect.poll(() => summary.textContent()).toContain('Declined');
    expect(await summary.textContent()).toContain('No places available');
    // No answer is left to give.
    expect(await provider.getByRole('heading', { name: 'Your answer' }).count()).toBe(0);
    expect(await provider.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    expect(await provider.getByRole('button', { name: 'Decline', exact: true }).count()).toBe(0);

    // What was shared is no longer there: not the values, not the sender's message.
    const shared = section(provider, 'What the referring organisation shared');
    expect(await shared.locator('dd').count()).toBe(0);
    expect(await shared.textContent()).toContain(
      'The shared information is no longer available: the referral was declined',
    );
    const main = (await provider.locator('main').textContent()) ?? '';
    for (const s of [GIVEN_NAME, FAMILY_NAME, SAFETY, MESSAGE]) expect(main).not.toContain(s);
    // The server erased the provider's copy, not only the page's view of it.
    const after = await inboxApi();
    expect(after.status).toBe('declined');
    expect(after.declineReason).toBe('no_capacity');
    expect(after.snapshot).toBeNull();
    expect(after.message).toBeNull();

    // The answer stays in the history with its note.
    const history = section(provider, 'History');
    const events = (await history.textContent()) ?? '';
    expect(events).toContain('Declined · No places available');
    expect(events).toContain(NOTE);
    await noViolations(provider);

    // It leaves the open referrals of the inbox, and is listed under "Declined".
    await provider.getByRole('link', { name: 'Back to the inbox' }).click();
    await provider.getByText('No referrals to show.').waitFor();
    const row = provider.getByRole('row', { name: new RegExp(reference) });
    expect(await row.count()).toBe(0);
    await provider.getByLabel('Show').selectOption('declined');
    await expect.poll(() => row.textContent()).toContain('Declined');
    expect(await row.textContent()).toContain('Safe Haven');
  });

  it('shows the caseworker the referral declined, with the reason and the note', async () => {
    await signIn(caseworker, CASEWORKER);
    await caseworker.goto(`${lantern.url}/cases/${caseId}`);
    const panel = section(caseworker, 'Referrals');
    const row = panel.getByRole('row', { name: new RegExp(reference) });
    await expect.poll(() => row.textContent()).toContain('Declined');

    await row.getByRole('link', { name: reference }).click();
    await caseworker.getByRole('heading', { name: `Referral ${reference}`, level: 1 }).waitFor();
    expect(new URL(caseworker.url()).pathname).toBe(`/referrals/${referralId}`);
    const summary = section(caseworker, 'Summary');
    await expect.poll(() => summary.textContent()).toContain('Declined');
    const facts = await summary.textContent();
    expect(facts).toContain('Reason for declining');
    expect(facts).toContain('No places available');
    const history = section(caseworker, 'History');
    const events = (await history.textContent()) ?? '';
    for (const step of ['Sent', 'Declined · No places available']) expect(events).toContain(step);
    expect(events).toContain(NOTE);
    expect(events).toContain('by');
    // Nothing is left to withdraw: the referral is closed.
    expect(await caseworker.getByText('Withdraw the referral').count()).toBe(0);
    await noViolations(caseworker);
  });
});
