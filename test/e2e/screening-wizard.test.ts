import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/axe.ts';
import type { TestBrowser } from './support/browser.ts';
import { launchBrowser } from './support/browser.ts';
import { signInPage, startSeededLantern } from './support/instance.ts';
import type { LanternProcess } from './support/server.ts';

// A caseworker screens a person with the Palermo instrument on a 360-pixel phone: one question
// at a time, pausing half-way and resuming from the case page, then the results with their
// reasons. The quick exit leaves nothing of the case on screen, not even behind Back.
describe('screening wizard, end to end in Chromium on a phone', () => {
  let lantern: LanternProcess;
  let browser: TestBrowser;
  let page: Page;
  let caseUrl = '';
  let reference = '';
  const EMAIL = 'cara@example.org';
  const PASSWORD = 'caseworker pass phrase';
  const FAMILY_NAME = 'Kayanova';

  beforeAll(async () => {
    ({ lantern } = await startSeededLantern(
      [{ name: 'Safe Haven', users: [[EMAIL, 'caseworker']] }],
      PASSWORD,
    ));
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await lantern?.dispose();
  });

  const signIn = () =>
    signInPage(page, lantern.url, EMAIL, PASSWORD, (p) =>
      p.getByRole('heading', { name: 'Cases', level: 1 }).waitFor(),
    );

  const fitsThePhone = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  const progress = () => page.locator('.wizard__count').textContent();
  const question = () => page.locator('.wizard__heading').textContent();
  const next = () => page.getByRole('button', { name: 'Save and continue' }).click();
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');

  it('a caseworker opens a case and starts a Palermo screening from it', async () => {
    await signIn();
    // The case is registered through the API with the session the page holds.
    const session = await page.request.get(`${lantern.url}/api/v1/auth/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const created = await page.request.post(`${lantern.url}/api/v1/cases`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        person: { givenName: 'Leyla', familyName: FAMILY_NAME, age: 24, gender: 'Feminine' },
        citizenship: 'UA',
        countryOfExploitation: 'PL',
      },
    });
    expect(created.status()).toBe(201);
    const c = (await created.json()) as { id: string; reference: string };
    caseUrl = `${lantern.url}/cases/${c.id}`;
    reference = c.reference;

    await page.goto(caseUrl);
    await page.getByRole('heading', { name: 'Screenings', level: 2 }).waitFor();
    await page.getByText('No screenings yet.').waitFor();
    await page.getByRole('link', { name: 'Screen this person' }).click();
    await page.getByRole('heading', { name: 'New screening', level: 1 }).waitFor();
    expect(
      await page.getByRole('radio', { name: /Elements of trafficking in persons/ }).isChecked(),
    ).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await fitsThePhone();
    await page.getByRole('button', { name: 'Start screening' }).click();
    await page.waitForURL(/\/screenings\/[0-9a-f-]{36}$/);
    expect(await progress()).toBe('Question 1 of 6');
  });

  it('asks one question at a time with progress; Next saves, Back returns', async () => {
    expect(await question()).toMatch(/How old were you/);
    expect(await page.locator('main').textContent()).not.toContain(FAMILY_NAME);
    expect(
      await page.getByRole('progressbar', { name: 'Question 1 of 6' }).getAttribute('value'),
    ).toBe('1');
    expect(await accessibilityViolations(page)).toEqual([]);
    await fitsThePhone();

    await page.getByLabel('Age in years').fill('130');
    await next();
    await page.getByText('Enter the age as a whole number from 0 to 120').waitFor();
    await page.getByLabel('Age in years').fill('24');
    await next();

    await expect.poll(progress).toBe('Question 2 of 6');
    expect(await question()).toMatch(/recruit you/);
    // Focus moves to the new question, so a screen reader starts there.
    expect(await focusedText()).toMatch(/recruit you/);
    await next();
    await page.getByText('Choose an answer, or “Not known”.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('checkbox', { name: 'Recruitment' }).check();
    await page.getByRole('checkbox', { name: 'Transportation' }).check();
    await next();

    await expect.poll(progress).toBe('Question 3 of 6');
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.poll(progress).toBe('Question 2 of 6');
    expect(await page.getByRole('checkbox', { name: 'Recruitment' }).isChecked()).toBe(true);
    await next();
    await expect.poll(progress).toBe('Question 3 of 6');
    await page.getByRole('checkbox', { name: 'Deception', exact: true }).check();
    await next();
    // Means were used: the consent question now applies (skip logic), so there are 7 steps.
    await expect.poll(progress).toBe('Question 4 of 7');
    expect(await question()).toMatch(/What were you recruited, moved or held for/);
  });

  it('pauses: the case page shows the screening as paused, and it resumes where it was left', async () => {
    await page.getByRole('link', { name: 'Pause and return to the case' }).click();
    await page.waitForURL(caseUrl);
    const entry = page.getByRole('link', { name: /Elements of trafficking in persons/ });
    await entry.waitFor();
    await page.getByText(/Paused, not completed/).waitFor();

    // Resuming starts afresh from the server: reload the app first.
    await page.reload();
    await entry.click();
    await expect.poll(progress).toBe('Question 4 of 7');
    expect(await question()).toMatch(/What were you recruited, moved or held for/);
  });

  it('is right-to-left and accessible in Arabic, with the instrument’s own translation', async () => {
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(progress).toBe('السؤال 4 من 7');
    expect(await question()).toMatch(/لأي غرض/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await fitsThePhone();
    await page.getByLabel(/اللغة/).selectOption('en');
    await expect.poll(progress).toBe('Question 4 of 7');
  });

  it('completes and shows the outcome with its reasons', async () => {
    await page.getByRole('checkbox', { name: 'Forced labour or services' }).check();
    await next();
    await expect.poll(progress).toBe('Question 5 of 7');
    await page.getByRole('radio', { name: 'Yes' }).check();
    await next();
    await expect.poll(progress).toBe('Question 6 of 7');
    await page.getByLabel('Country').selectOption('UA');
    await next();
    await expect.poll(progress).toBe('Question 7 of 7');
    await page.getByLabel('Country').selectOption({ label: 'Not known' });
    await page.getByRole('button', { name: 'Finish and see results' }).click();

    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor();
    expect(await focusedText()).toBe('Results');
    expect(await page.locator('.determination').textContent()).toBe('Likely');
    const reasons = await page.locator('.reasons li').allTextContents();
    expect(reasons.length).toBeGreaterThan(3);
    expect(reasons.join('\n')).toMatch(/consent/i);
    expect(reasons.join('\n')).toMatch(/art\. 3/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await fitsThePhone();

    await page.getByRole('link', { name: 'Back to the case' }).click();
    await page.getByText(/Completed .* · Likely/).waitFor();
  });

  it('quick exit: the screen empties at once, and nothing of the case is left behind Back', async () => {
    await page.getByRole('link', { name: 'Screen this person' }).click();
    await page.getByRole('button', { name: 'Start screening' }).click();
    await expect.poll(progress).toBe('Question 1 of 6');
    await page.getByLabel('Age in years').fill('19');
    await next();
    await expect.poll(progress).toBe('Question 2 of 6');

    await page.getByRole('button', { name: 'Quick exit' }).click();
    await page.waitForURL('about:blank');
    expect(await page.title()).toBe('');
    expect((await page.textContent('body'))?.trim() ?? '').toBe('');

    // Back: the case page's address, but the session has ended — the sign-in page, no case.
    await page.goBack();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const shown = (await page.textContent('body')) ?? '';
    expect(shown).not.toContain(FAMILY_NAME);
    expect(shown).not.toContain(reference);
    const session = await page.request.get(`${lantern.url}/api/v1/auth/session`);
    expect(session.status()).toBe(401);
  });

  it('quick exit by pressing Escape twice; the answers saved before it remain', async () => {
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto(caseUrl);
    const paused = page.getByRole('link', { name: /Elements of trafficking in persons/ }).first();
    await paused.click();
    await expect.poll(progress).toBe('Question 2 of 6');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL('about:blank');
    expect((await page.textContent('body'))?.trim() ?? '').toBe('');
  });
});
