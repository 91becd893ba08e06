import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/axe.ts';
import type { TestBrowser } from './support/browser.ts';
import { launchBrowser } from './support/browser.ts';
import { signInPage, startSeededLantern } from './support/instance.ts';
import type { LanternProcess } from './support/server.ts';

// The case page's casework on a 360-pixel phone: consent for a child (the server's refusal shown
// next to the fields), a stage move with its reason, a task and a note, a closure request that
// its requester cannot decide, and the caseload page.
describe('case page casework, end to end in Chromium on a phone', () => {
  let lantern: LanternProcess;
  let browser: TestBrowser;
  let page: Page;
  let caseUrl = '';
  const PASSWORD = 'casework pass phrase';
  const CASEWORKER = 'cleo@example.org';
  const SUPERVISOR = 'sam@example.org';

  beforeAll(async () => {
    ({ lantern } = await startSeededLantern(
      [
        {
          name: 'Safe Haven',
          users: [
            [CASEWORKER, 'caseworker'],
            [SUPERVISOR, 'supervisor'],
          ],
        },
      ],
      PASSWORD,
    ));
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await lantern?.dispose();
  });

  const casesHeading = (p: Page) => p.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
  const signIn = async (email: string) => {
    await page.context().clearCookies();
    await signInPage(page, lantern.url, email, PASSWORD, casesHeading);
  };
  const fitsThePhone = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

  it('records a child’s consent only with a guardian and the child’s assent', async () => {
    await signIn(CASEWORKER);
    const session = await page.request.get(`${lantern.url}/api/v1/auth/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const created = await page.request.post(`${lantern.url}/api/v1/cases`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        person: { givenName: 'Mira', age: 15, gender: 'Feminine' },
        citizenship: 'MD',
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    caseUrl = `${lantern.url}/cases/${id}`;
    await page.goto(caseUrl);
    await page.getByRole('heading', { name: 'Consent', level: 2 }).waitFor();

    const consent = page.locator('section', {
      has: page.getByRole('heading', { name: 'Consent' }),
    });
    await consent.getByLabel('How consent was given').selectOption('verbal');
    await consent.getByRole('button', { name: 'Record consent' }).click();
    await expect
      .poll(() => consent.locator('.field__error').allTextContents())
      .toContain('For a child, consent must be given by a guardian.');

    await consent.getByLabel('How consent was given').selectOption('guardian');
    await consent.getByLabel('Guardian’s relationship to the person').selectOption('parent');
    await consent.getByLabel('Guardian’s name').fill('Ana');
    await consent.getByLabel('The child’s assent').selectOption('given');
    await consent.getByRole('button', { name: 'Record consent' }).click();
    await page.getByText('Consent recorded.').waitFor();
    const row = consent.getByRole('row', { name: /Assistance by this organisation/ });
    await expect.poll(() => row.textContent()).toContain('Yes');

    await consent
      .getByRole('button', { name: 'Withdraw consent: Assistance by this organisation' })
      .click();
    await consent.getByRole('button', { name: 'Yes, withdraw' }).click();
    await page.getByText('Consent withdrawn.').waitFor();
    await expect.poll(() => row.textContent()).toContain('No');
    await fitsThePhone();
  });

  it('moves the stage with a reason, adds a task and a note, requests closure', async () => {
    await page.getByLabel('Move to').selectOption('screening');
    await page.getByLabel('Reason', { exact: true }).fill('Intake interview completed.');
    await page.getByRole('button', { name: 'Move the case' }).click();
    await page.getByText('Current stage: Screening').waitFor();

    await page.getByLabel('Task', { exact: true }).fill('Book an interpreter');
    await page.getByLabel('Due date').fill('2099-01-31');
    await page.getByRole('button', { name: 'Add task' }).click();
    await page.getByText('Task added.').waitFor();
    await page.getByRole('button', { name: 'Mark done: Book an interpreter' }).click();
    await page.getByRole('button', { name: 'Reopen: Book an interpreter' }).waitFor();

    await page.getByLabel('New note').fill('Prefers to speak Romanian.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Note added.').waitFor();
    await page.getByText('Prefers to speak Romanian.').waitFor();

    await page.locator('summary', { hasText: 'Request closure' }).click();
    await page.getByLabel('Why the case should close').selectOption('lost_contact');
    await page.getByLabel('Details of the closure request').fill('No answer for three months.');
    await page
      .locator('form', { has: page.getByLabel('Why the case should close') })
      .getByRole('button', { name: 'Send the request' })
      .click();
    await page.getByText('Request sent to a supervisor.').waitFor();

    const timeline = page.locator('section', {
      has: page.getByRole('heading', { name: 'Timeline' }),
    });
    await expect.poll(() => timeline.textContent()).toContain('Approval requested');
    await expect.poll(() => timeline.textContent()).toContain('Screening');
    await fitsThePhone();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lets a supervisor approve the closure and shows the caseload', async () => {
    await signIn(SUPERVISOR);
    await page.goto(caseUrl);
    await page.getByRole('heading', { name: 'Pending approvals' }).waitFor();
    await page.getByLabel('Approve').check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText('Current stage: Closed').waitFor();
    await page.getByRole('link', { name: 'My caseload' }).click();
    await page.getByRole('heading', { name: 'My caseload', level: 1 }).waitFor();
    await fitsThePhone();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
