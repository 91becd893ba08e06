import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/axe.ts';
import type { TestBrowser } from './support/browser.ts';
import { launchBrowser } from './support/browser.ts';
import type { ApiSession } from './support/instance.ts';
import {
  apiPost,
  apiSession,
  desktopPage,
  signInPage,
  startSeededLantern,
} from './support/instance.ts';
import type { LanternProcess } from './support/server.ts';

// Reunite in Chromium. A caseworker starts registering "Mohammed Abdulrahman" while a case of
// "محمد عبد الرحمن" exists: the form warns before anything is created, explains why in words,
// and the caseworker opens the existing case instead. A tracing officer records a tracing
// request in Latin script for that person (registered in Arabic script, with family-tracing
// consent), searches, sees the candidate with its explanation, confirms it and records the
// verification; the list of requests carries no names. A supervisor scans for duplicates,
// opens a pair side by side and merges it after a confirmation that says what a merge does.
// Every page is free of accessibility violations, and the request page works right to left.
describe('reunite, end to end in Chromium', () => {
  let lantern: LanternProcess;
  let browser: TestBrowser;
  let caseworker: Page;
  let officer: Page;
  let supervisor: Page;
  const PASSWORD = 'reunite pass phrase';
  const CASEWORKER = 'cleo@safehaven.example.org';
  const OFFICER = 'tariq@safehaven.example.org';
  const SUPERVISOR = 'sara@safehaven.example.org';
  let arabic = { id: '', reference: '' };
  let amina = { id: '', reference: '' };
  let aminah = { id: '', reference: '' };
  let requestUrl = '';

  type Session = ApiSession;
  const apiAs = (email: string) => apiSession(lantern.url, email, PASSWORD);
  const post = apiPost;
  const createCase = async (s: Session, person: Record<string, unknown>, citizenship: string) => {
    const c = await post(s, '/cases', { person, citizenship });
    return { id: String(c.id), reference: String(c.reference) };
  };

  beforeAll(async () => {
    ({ lantern } = await startSeededLantern(
      [
        {
          name: 'Safe Haven',
          users: [
            [CASEWORKER, 'caseworker'],
            [OFFICER, 'caseworker'],
            [SUPERVISOR, 'supervisor'],
          ],
        },
      ],
      PASSWORD,
    ));

    const cw = await apiAs(CASEWORKER);
    // Registered in Arabic script; the person agreed to family tracing.
    arabic = await createCase(
      cw,
      {
        givenName: 'محمد',
        familyName: 'عبد الرحمن',
        dateOfBirth: '1990-03-04',
        gender: 'Masculine',
      },
      'SY',
    );
    await post(cw, `/cases/${arabic.id}/consents`, { purpose: 'family_tracing', method: 'verbal' });
    // The same woman registered twice under two spellings, for the batch review.
    const woman = { familyName: 'Okafor', dateOfBirth: '1998-04-12', gender: 'Feminine' };
    amina = await createCase(cw, { ...woman, givenName: 'Amina' }, 'NG');
    aminah = await createCase(cw, { ...woman, givenName: 'Aminah' }, 'NG');
    await cw.api.dispose();

    browser = await launchBrowser();
    caseworker = await desktopPage(browser);
    officer = await desktopPage(browser);
    supervisor = await desktopPage(browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await lantern?.dispose();
  });

  const signIn = (page: Page, email: string) => signInPage(page, lantern.url, email, PASSWORD);
  const noViolations = async (page: Page) =>
    expect(await accessibilityViolations(page)).toEqual([]);
  const section = (page: Page, heading: string | RegExp): Locator =>
    page.locator('section', { has: page.getByRole('heading', { name: heading, level: 2 }) });
  /** The explanation lines of a match, as read aloud. */
  const explanation = async (scope: Locator): Promise<string[]> =>
    (
      await scope
        .getByRole('list', { name: /same person|compare/ })
        .first()
        .locator('li')
        .allTextContents()
    ).map((s) => s.trim());
  const WEIGHTED = /^[A-Z][a-z ]+: .+ \(([+\u2212]\d+\.\d|0\.0)\)$/;

  it('warns the caseworker of a likely duplicate, explains it, and opens the existing case', async () => {
    await signIn(caseworker, CASEWORKER);
    await caseworker.getByRole('link', { name: 'New case', exact: true }).click();
    await caseworker.getByLabel('Given name', { exact: true }).fill('Mohammed');
    await caseworker.getByLabel('Family name', { exact: true }).fill('Abdulrahman');
    // Names alone do not trigger the check: a date of birth or an age is needed too.
    await caseworker.waitForTimeout(900);
    expect(
      await caseworker
        .getByRole('heading', { name: 'This person may already be registered' })
        .count(),
    ).toBe(0);
    await caseworker.getByLabel('Date of birth', { exact: true }).fill('1990-03-04');

    const warning = section(caseworker, 'This person may already be registered');
    await warning.waitFor();
    await caseworker.getByText('1 existing case may be the same person.').waitFor();
    const item = warning.getByRole('listitem').filter({ hasText: arabic.reference }).first();
    expect(await item.textContent()).toContain('محمد عبد الرحمن');
    expect(await item.textContent()).toMatch(/Match probability: \d+(\.\d)?%/);
    const lines = await explanation(item);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(WEIGHTED);
    // The name agrees across scripts and the date of birth agrees, each with positive weight.
    // Given and family name are compared one by one (the match model's comparisons).
    for (const field of ['Given name', 'Family name'])
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^${field}: .+ \\(\\+\\d+\\.\\d\\)$`)),
      );
    expect(lines).toContainEqual(expect.stringMatching(/^Date of birth: the same \(\+\d+\.\d\)$/));
    await noViolations(caseworker);

    // "This is a different person" is offered beside the link; the caseworker opens the case.
    expect(await item.getByRole('button', { name: 'This is a different person' }).count()).toBe(1);
    await item.getByRole('link', { name: `Open case ${arabic.reference}` }).click();
    await expect.poll(() => new URL(caseworker.url()).pathname).toBe(`/cases/${arabic.id}`);
    await caseworker
      .getByRole('heading', { level: 1 })
      .filter({ hasText: arabic.reference })
      .waitFor();
  });

  it('lets the caseworker set a warning aside and carry on registering', async () => {
    await caseworker.goto(`${lantern.url}/cases/new`);
    await caseworker.getByLabel('Given name', { exact: true }).fill('Mohammed');
    await caseworker.getByLabel('Family name', { exact: true }).fill('Abdulrahman');
    await caseworker.getByLabel('Date of birth', { exact: true }).fill('1990-03-04');
    const warning = section(caseworker, 'This person may already be registered');
    await warning.waitFor();
    await warning.getByRole('button', { name: 'This is a different person' }).click();
    await caseworker
      .getByText(
        'You marked the possible duplicates as different people. You can continue registering.',
      )
      .waitFor();
    expect(await warning.count()).toBe(0);
    // The form itself is untouched and can still be submitted.
    expect(await caseworker.getByLabel('Given name', { exact: true }).inputValue()).toBe(
      'Mohammed',
    );
    expect(await caseworker.getByRole('button', { name: 'Register case' }).isEnabled()).toBe(true);
  });

  it('records a tracing request in Latin script, with errors shown at their fields', async () => {
    await signIn(officer, OFFICER);
    await officer.getByRole('link', { name: 'Tracing', exact: true }).click();
    await officer.getByRole('heading', { name: 'Tracing requests', level: 1 }).waitFor();
    await officer.getByRole('link', { name: 'New tracing request' }).click();
    await officer.getByRole('heading', { name: 'New tracing request', level: 1 }).waitFor();

    // Nothing filled: the errors show at their fields and focus goes to the first.
    await officer.getByRole('button', { name: 'Record the tracing request' }).click();
    await expect
      .poll(() => officer.getByRole('alert').first().textContent())
      .toContain('3 fields need attention.');
    const given = officer.getByLabel('Given name of the person sought');
    expect(await given.getAttribute('aria-invalid')).toBe('true');
    expect(await given.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await given.getAttribute('dir')).toBe('auto');
    await officer
      .getByText('Enter a name, a family name or another spelling of the name.')
      .waitFor();
    await noViolations(officer);

    await given.fill('Mohammed');
    await officer.getByLabel('Family name of the person sought').fill('Abdulrahman');
    await officer
      .getByLabel('Other name or spelling 1', { exact: true })
      .fill('Muhammad Abd al-Rahman');
    await officer.getByRole('button', { name: 'Add another name or spelling' }).click();
    await officer.getByLabel('Other name or spelling 2', { exact: true }).fill('Mohamed');
    await officer.getByLabel('Sex of the person sought').selectOption('M');
    const birth = officer.getByRole('group', { name: 'Date of birth' });
    await birth.getByRole('radio', { name: 'Year only' }).check();
    await officer.getByLabel('Year of birth').fill('1990');
    const separation = officer.getByRole('group', { name: 'Date of separation' });
    await separation.getByRole('radio', { name: 'Year and month' }).check();
    await officer.getByLabel('Year of separation').fill('2015');
    await officer.getByLabel('Month of separation').selectOption('8');
    await officer.getByLabel('Country of separation').selectOption('SY');
    await officer.getByLabel('Town, village or camp of separation').fill('Aleppo');
    await officer.getByLabel('Relationship to the enquirer').selectOption('child');
    await officer.getByLabel('Name of the enquirer').fill('Fatima Haddad');
    await officer.getByLabel('Enquirer’s telephone').fill('+961 1 234 567');
    await noViolations(officer);
    await officer.getByRole('button', { name: 'Record the tracing request' }).click();

    const heading = officer.getByRole('heading', { name: /^Tracing request TR-/, level: 1 });
    await heading.waitFor();
    requestUrl = officer.url();
    const sought = section(officer, 'The person sought');
    expect(await sought.textContent()).toContain('Muhammad Abd al-Rahman');
    expect(await sought.textContent()).toContain('Adult');
    expect(await section(officer, 'Summary').textContent()).toContain('Open');
    await noViolations(officer);
  });

  it('searches, shows the candidate registered in Arabic with its explanation, and confirms it', async () => {
    const candidates = section(officer, 'Candidates');
    await candidates.getByText('No search has been run yet.').waitFor();
    await officer.getByRole('button', { name: 'Search for candidates' }).click();
    await candidates
      .getByText(/^Compared with \d+ registered people: 1 candidate proposed\.$/)
      .waitFor();

    const item = candidates.getByRole('listitem').filter({ hasText: arabic.reference }).first();
    await item.getByRole('heading', { name: `Candidate 1: case ${arabic.reference}` }).waitFor();
    expect(await item.textContent()).toContain('Proposed');
    expect(await item.textContent()).toMatch(/Match probability: \d+(\.\d)?%/);
    const lines = await explanation(item);
    for (const line of lines) expect(line).toMatch(WEIGHTED);
    // Given and family name are compared one by one (the match model's comparisons).
    for (const field of ['Given name', 'Family name'])
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^${field}: .+ \\(\\+\\d+\\.\\d\\)$`)),
      );
    // The request gave the year of birth only; the case has the full date.
    expect(lines).toContainEqual(
      expect.stringMatching(/^Date of birth: year only agrees \(\+\d+\.\d\)$/),
    );
    // Separated in Syria, a Syrian citizen: the same country counts for the match.
    expect(lines).toContainEqual(expect.stringMatching(/^Place: same country \(\+\d+\.\d\)$/));
    // Only the case's reference: the name registered in Arabic is not shown to the officer here.
    expect(await candidates.textContent()).not.toContain('محمد');
    await noViolations(officer);

    await item.getByRole('button', { name: 'Confirm this match' }).click();
    await item
      .getByText(`Confirm case ${arabic.reference} as the person sought?`, { exact: false })
      .waitFor();
    await item.getByLabel('Note on the confirmation').fill('Same village and birth year.');
    await item.getByRole('button', { name: 'Confirm the match' }).click();
    await officer.getByText(`Case ${arabic.reference} confirmed as the person sought.`).waitFor();
    await expect.poll(() => section(officer, 'Summary').textContent()).toContain('Matched');
    await expect.poll(() => item.textContent()).toContain('Confirmed');
    expect(await item.getByRole('button', { name: 'Confirm this match' }).count()).toBe(0);

    // An adult: no best-interest step; verification is next and the officer records it.
    const steps = section(officer, 'Steps after a match');
    expect(await steps.textContent()).toContain('The person sought is an adult');
    expect(await steps.getByRole('heading', { name: /Best-interest determination/ }).count()).toBe(
      0,
    );
    await officer.getByLabel('How the match was verified').selectOption('interview_both_parties');
    await officer.getByRole('button', { name: 'Record the verification' }).click();
    await officer.getByText('Verification recorded.').waitFor();
    await expect.poll(() => section(officer, 'Summary').textContent()).toContain('Verified');
    expect(await officer.getByRole('button', { name: 'Record the reunification' }).count()).toBe(1);
    const history = await section(officer, 'History').textContent();
    for (const step of ['Request recorded', 'Candidate confirmed', 'Match verified'])
      expect(history).toContain(step);
    await noViolations(officer);

    // The list: reference, status and dates, never a name.
    await officer.getByRole('link', { name: 'Back to tracing requests' }).click();
    await officer.getByRole('heading', { name: 'Tracing requests', level: 1 }).waitFor();
    const row = officer.getByRole('row').filter({ hasText: /TR-/ });
    await expect.poll(() => row.first().textContent()).toContain('Verified');
    const text = (await officer.locator('main').textContent()) ?? '';
    for (const name of ['Mohammed', 'Abdulrahman', 'Fatima', 'محمد'])
      expect(text).not.toContain(name);
    await noViolations(officer);
  });

  it('shows the tracing request right to left in Arabic', async () => {
    await officer.goto(requestUrl);
    await officer.getByRole('heading', { name: /^Tracing request TR-/, level: 1 }).waitFor();
    await officer.getByLabel('Language').selectOption('ar');
    await expect.poll(() => officer.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await officer.getByRole('heading', { name: /^طلب البحث TR-/, level: 1 }).waitFor();
    const candidates = section(officer, 'المرشحون');
    await expect.poll(() => candidates.textContent()).toContain('احتمال التطابق');
    await noViolations(officer);
    await officer.getByLabel('اللغة').selectOption('en');
  });

  it('lets a supervisor scan, review a pair side by side, and merge it', async () => {
    await signIn(supervisor, SUPERVISOR);
    await supervisor.getByRole('link', { name: 'Duplicates', exact: true }).click();
    await supervisor.getByRole('heading', { name: 'Duplicate review', level: 1 }).waitFor();
    await supervisor.getByText('No open pairs. Run a scan to look for duplicates.').waitFor();
    await supervisor.getByRole('button', { name: 'Scan for duplicates' }).click();
    await supervisor.getByText(/^Scanned \d+ people: [1-9]\d* new pairs/).waitFor();

    const pairName = new RegExp(
      `^(${amina.reference} and ${aminah.reference}|${aminah.reference} and ${amina.reference})$`,
    );
    const link = supervisor.getByRole('link', { name: pairName });
    await link.waitFor();
    // The list has references and evidence, no names.
    const listText = (await supervisor.locator('main').textContent()) ?? '';
    expect(listText).not.toContain('Okafor');
    await noViolations(supervisor);

    await link.click();
    await supervisor.getByRole('heading', { name: /^Possible duplicate: /, level: 1 }).waitFor();
    const one = section(supervisor, `Case ${amina.reference}`);
    const two = section(supervisor, `Case ${aminah.reference}`);
    expect(await one.textContent()).toContain('Amina');
    expect(await two.textContent()).toContain('Aminah');
    expect(await two.textContent()).toContain('(differs)');
    const evidence = section(supervisor, 'Why they may be the same person');
    const lines = await explanation(evidence);
    for (const line of lines) expect(line).toMatch(WEIGHTED);
    await noViolations(supervisor);

    // Merging needs a choice first, then a confirmation that says what happens.
    await supervisor.getByRole('button', { name: 'Review the merge' }).click();
    await supervisor.getByText('Choose the case to keep.').waitFor();
    await supervisor.getByRole('radio', { name: `Keep case ${amina.reference}` }).check();
    await supervisor.getByRole('button', { name: 'Review the merge' }).click();
    const confirm = supervisor.getByRole('group', {
      name: `Merge case ${aminah.reference} into case ${amina.reference}?`,
    });
    await confirm.waitFor();
    const said = (await confirm.textContent()) ?? '';
    expect(said).toContain('recorded in the audit log with your name and cannot be undone');
    expect(said).toContain(`stays as a closed record that points to ${amina.reference}`);
    await noViolations(supervisor);
    await confirm
      .getByRole('button', { name: `Merge ${aminah.reference} into ${amina.reference}` })
      .click();
    await supervisor
      .getByText(`Case ${aminah.reference} was merged into case ${amina.reference}.`)
      .waitFor();
    await section(supervisor, 'Merge complete').waitFor();
    await expect.poll(() => evidence.textContent()).toContain('Merged');
    await noViolations(supervisor);

    // The server agrees: the merged case is a tombstone pointing at the kept one.
    const info = await supervisor.request.get(`${lantern.url}/api/v1/cases/${aminah.id}/merge`);
    expect(info.status()).toBe(200);
    const body = (await info.json()) as { mergedInto: { id: string } | null };
    expect(body.mergedInto?.id).toBe(amina.id);
  });
});
