import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtdc } from '../../src/shared/hub/ctdc/index.ts';
import { writeTable } from '../../src/shared/hub/table.ts';
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

// The data hub in Chromium: a supervisor of Safe Haven prepares a contribution from the cases
// that consent to statistics (one case that does not is left out and counted); she may not
// approve her own; a second supervisor approves it; an analyst builds a k-anonymised
// publication from it, reads the risk and utility report, and releases it; signed out, the
// public data page (reached from the sign-in page) lists it with its guarantee and offers the
// CSV, and never a draft. The analyst also imports a generated CTDC file (a broken one is
// refused row by row) and releases differentially private counts, whose figures the public
// page shows as a table. The pages have no accessibility violations, and the public page
// reads right to left in Arabic.
describe('data hub, end to end in Chromium', () => {
  let lantern: LanternProcess;
  let browser: TestBrowser;
  let preparer: Page;
  let approver: Page;
  let analyst: Page;
  let visitor: Page;
  const PASSWORD = 'hub pass phrase long';
  const CASEWORKER = 'cara@safehaven.example.org';
  const SUPERVISOR = 'sofia@safehaven.example.org';
  const SECOND = 'sam@safehaven.example.org';
  const ANALYST = 'ana@safehaven.example.org';
  const LABEL = 'Safe Haven cases, e2e';
  const TITLE = 'Safe Haven microdata, k = 11';
  const CONSENTING = 13;
  let contributionUrl = '';
  let releasedId = '';

  const apiAs = (email: string) => apiSession(lantern.url, email, PASSWORD);
  const post = apiPost;

  beforeAll(async () => {
    ({ lantern } = await startSeededLantern(
      [
        {
          name: 'Safe Haven',
          users: [
            [CASEWORKER, 'caseworker'],
            [SUPERVISOR, 'supervisor'],
            [SECOND, 'supervisor'],
            [ANALYST, 'analyst'],
          ],
        },
      ],
      PASSWORD,
    ));

    // Thirteen adults who consent to statistics (alike on the quasi-identifiers, so k = 11
    // holds), and one who does not: that one is only counted, never contributed.
    const cw = await apiAs(CASEWORKER);
    for (let i = 0; i <= CONSENTING; i++) {
      const created = await post(cw, '/cases', {
        person: { givenName: `Person ${i}`, familyName: 'Test', age: 30, gender: 'Feminine' },
        citizenship: 'MD',
        typeOfExploitation: ['ForcedLabour'],
      });
      if (i < CONSENTING)
        await post(cw, `/cases/${String(created.id)}/consents`, {
          purpose: 'statistics',
          method: 'verbal',
        });
    }
    await cw.api.dispose();

    browser = await launchBrowser();
    preparer = await desktopPage(browser);
    approver = await desktopPage(browser);
    analyst = await desktopPage(browser);
    visitor = await desktopPage(browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await lantern?.dispose();
  });

  const signIn = (page: Page, email: string) => signInPage(page, lantern.url, email, PASSWORD);
  const noViolations = async (page: Page) =>
    expect(await accessibilityViolations(page)).toEqual([]);
  const section = (page: Page, heading: string) =>
    page.locator('section', { has: page.getByRole('heading', { name: heading, level: 2 }) });

  it('prepares a contribution from the consenting cases and shows its preview', async () => {
    await signIn(preparer, SUPERVISOR);
    await preparer.getByRole('link', { name: 'Data contributions' }).click();
    await preparer.getByRole('heading', { name: 'Data contributions', level: 1 }).waitFor();
    await preparer.getByText('No contribution has been prepared yet.').waitFor();
    await noViolations(preparer);

    await preparer.getByRole('link', { name: 'Prepare a contribution' }).click();
    await preparer.getByRole('heading', { name: 'Prepare a contribution', level: 1 }).waitFor();
    // CTDC's defaults are shown: its five quasi-identifiers ticked, k = 11.
    for (const qi of ['Gender', 'Age band', 'Citizenship', 'Country of exploitation'])
      expect(await preparer.getByRole('checkbox', { name: qi, exact: true }).isChecked()).toBe(
        true,
      );
    expect(await preparer.getByLabel('k (smallest group size)').inputValue()).toBe('11');
    await noViolations(preparer);
    await preparer.getByLabel('Name of the contribution').fill(LABEL);
    await preparer.getByRole('button', { name: 'Prepare and check' }).click();

    await preparer.getByRole('heading', { name: `Contribution: ${LABEL}`, level: 1 }).waitFor();
    contributionUrl = preparer.url();
    const counts = await section(preparer, 'Cases').textContent();
    expect(counts).toContain('Cases of the period14');
    expect(counts).toContain('Left out: no consent to statistics1');
    expect(counts).toContain(`Rows in the contribution${CONSENTING}`);
    const after = await section(preparer, 'Risk of the rows as they would leave').textContent();
    expect(after).toContain('Rows in a group smaller than k = 110');
    expect(await section(preparer, 'What the protection costs').textContent()).toContain(
      'Information loss',
    );
    // The first rows, in the CTDC layout: no name anywhere on the page.
    const rows = preparer.getByRole('table', { name: /Rows of the contribution/ });
    expect(await rows.locator('tbody tr').count()).toBe(CONSENTING);
    expect(await preparer.locator('main').textContent()).not.toContain('Person 1');
    // Four-eyes: the preparer is told another supervisor must approve.
    await preparer
      .getByText('You prepared this contribution, so another supervisor of your organisation')
      .waitFor();
    expect(await preparer.getByRole('button', { name: 'Approve the contribution' }).count()).toBe(
      0,
    );
    await noViolations(preparer);
  });

  it('lets a second supervisor approve it into the hub store', async () => {
    await signIn(approver, SECOND);
    await approver.getByRole('link', { name: 'Data contributions' }).click();
    const row = approver.getByRole('row', { name: new RegExp(LABEL) });
    await expect.poll(() => row.textContent()).toContain('Awaiting approval');
    await row.getByRole('link', { name: LABEL }).click();
    await approver.getByRole('heading', { name: `Contribution: ${LABEL}`, level: 1 }).waitFor();
    expect(approver.url()).toBe(contributionUrl);
    await noViolations(approver);
    await approver.getByRole('button', { name: 'Approve the contribution' }).click();
    await approver.getByText('Contribution approved: its rows are in the hub store.').waitFor();
    await expect.poll(() => section(approver, 'Summary').textContent()).toContain('Approved');
  });

  it('builds a k-anonymised publication, shows its report and releases it', async () => {
    await signIn(analyst, ANALYST);
    await analyst.getByRole('link', { name: 'Data hub', exact: true }).click();
    await analyst.getByRole('heading', { name: 'Data hub', level: 1 }).waitFor();
    await analyst.getByText('No publication yet.').waitFor();
    await noViolations(analyst);
    await analyst.getByRole('link', { name: 'New publication' }).click();

    await analyst.getByRole('heading', { name: 'Choose the sources', level: 2 }).waitFor();
    await analyst.getByRole('checkbox', { name: LABEL }).check();
    await noViolations(analyst);
    await analyst.getByRole('button', { name: 'Next' }).click();
    await analyst.getByRole('heading', { name: 'Choose what to publish', level: 2 }).waitFor();
    await analyst.getByRole('radio', { name: 'k-anonymised microdata' }).check();
    await analyst.getByRole('button', { name: 'Next' }).click();
    await analyst.getByRole('heading', { name: 'Set the parameters', level: 2 }).waitFor();
    expect(await analyst.getByRole('checkbox', { name: 'Gender', exact: true }).isChecked()).toBe(
      true,
    );
    expect(await analyst.getByLabel('k (smallest group size)').inputValue()).toBe('11');
    await noViolations(analyst);
    // k = 50 cannot hold on 13 rows: refused in words, never weakened.
    await analyst.getByLabel('k (smallest group size)').fill('50');
    await analyst.getByRole('button', { name: 'See the report' }).click();
    await expect
      .poll(() => analyst.getByRole('alert').textContent())
      .toContain('Refused: the data cannot meet this guarantee');
    await noViolations(analyst);
    await analyst.getByRole('button', { name: 'Back' }).click();
    await analyst.getByLabel('k (smallest group size)').fill('11');
    await analyst.getByRole('button', { name: 'See the report' }).click();

    await analyst.getByRole('heading', { name: 'Report before release', level: 2 }).waitFor();
    const risk = analyst.locator('section', {
      has: analyst.getByRole('heading', { name: 'Risk report', level: 3 }),
    });
    await risk.waitFor();
    expect(await risk.textContent()).toContain('Rows in a group smaller than k = 110');
    expect(await risk.textContent()).toContain('Expected re-identifications');
    const utility = analyst.locator('section', {
      has: analyst.getByRole('heading', { name: 'Utility report', level: 3 }),
    });
    expect(await utility.textContent()).toContain('Information loss');
    expect(await utility.textContent()).toContain('Rows removed by suppression');
    const guarantee = await analyst
      .locator('section', { has: analyst.getByRole('heading', { name: 'Guarantee', level: 3 }) })
      .textContent();
    expect(guarantee).toContain('is shared by at least 11 records');
    await noViolations(analyst);

    await analyst.getByLabel('Title', { exact: true }).fill(TITLE);
    await analyst.getByRole('button', { name: 'Create the draft' }).click();
    await analyst.getByText('Draft created with its report.').waitFor();
    await analyst.getByRole('button', { name: 'Release', exact: true }).click();
    await analyst.getByText('Released: it is on the public data page.').waitFor();
    const link = analyst.getByRole('link', { name: 'See it on the public data page' });
    releasedId = ((await link.getAttribute('href')) ?? '').split('/').pop() ?? '';
    expect(releasedId).not.toBe('');

    // The list says it is released; the budget page lists the source.
    await analyst.getByRole('link', { name: 'Data hub', exact: true }).click();
    const row = analyst.getByRole('row', { name: new RegExp(TITLE) });
    await expect.poll(() => row.textContent()).toContain('Released');
    await analyst.getByRole('link', { name: 'Privacy budget' }).click();
    await analyst.getByRole('heading', { name: 'Privacy budget', level: 1 }).waitFor();
    await analyst.getByRole('row', { name: new RegExp(LABEL) }).waitFor();
    await noViolations(analyst);
  });

  it('lists the release on the public page, signed out, with the CSV; never a draft', async () => {
    // A second publication stays a draft: it must never appear publicly.
    const s = await apiAs(ANALYST);
    const sources = (await (await s.api.get('/api/v1/hub/sources')).json()) as {
      sources: { id: string }[];
    };
    const draft = await post(s, '/hub/publications', {
      title: 'Unreleased draft',
      parameters: { kind: 'microdata', sourceIds: [sources.sources[0]!.id], k: 11 },
    });
    expect(draft.status).toBe('draft');
    const hidden = await s.api.get(`/api/v1/public/publications/${String(draft.id)}`);
    expect(hidden.status()).toBe(404);
    await s.api.dispose();

    await visitor.goto(`${lantern.url}/login`);
    await visitor.getByRole('link', { name: 'Published data (no sign-in needed)' }).click();
    await visitor.getByRole('heading', { name: 'Published data', level: 1 }).waitFor();
    const article = visitor.getByRole('article', { name: TITLE });
    await article.waitFor();
    const text = (await visitor.locator('main').textContent()) ?? '';
    expect(text).not.toContain('Unreleased draft');
    expect(await article.textContent()).toContain('k-anonymised microdata');
    expect(await article.textContent()).toContain('is shared by at least 11 records');
    const csv = article.getByRole('link', { name: `Download CSV of ${TITLE}` });
    const href = (await csv.getAttribute('href')) ?? '';
    expect(href).toBe(`/api/v1/public/publications/${releasedId}/download?format=csv`);
    const xlsx = article.getByRole('link', { name: `Download XLSX of ${TITLE}` });
    const workbook = await visitor.request.get(`${lantern.url}${await xlsx.getAttribute('href')}`);
    expect(workbook.headers()['content-type']).toContain('spreadsheetml');
    const synthetic = article.getByRole('link', {
      name: `Download CSV (CTDC synthetic layout) of ${TITLE}`,
    });
    expect(await synthetic.getAttribute('href')).toBe(`${href}&layout=synthetic`);
    const file = await visitor.request.get(`${lantern.url}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('text/csv');
    const body = await file.text();
    const header = body.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    expect(header.split(',')).toContain('gender');
    expect(body.trim().split(/\r?\n/).length - 1).toBe(CONSENTING);
    await noViolations(visitor);

    await article.getByRole('link', { name: TITLE, exact: true }).click();
    await visitor.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await visitor.getByRole('heading', { name: 'How people are protected', level: 2 }).waitFor();
    await noViolations(visitor);
  });

  it('imports a CTDC file (refusing a broken one by row and column) and releases DP counts', async () => {
    const good = generateCtdc({ rows: 400, seed: 7 });
    const broken = { columns: good.columns, rows: good.rows.map((r) => [...r]) };
    broken.rows[2]![broken.columns.indexOf('gender')] = 'Robot';
    const file = (name: string, table: typeof good) => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(writeTable(table), 'utf8'),
    });

    await analyst.getByRole('link', { name: 'Data hub', exact: true }).click();
    await analyst.getByRole('link', { name: 'Import a CTDC file' }).click();
    await analyst.getByRole('heading', { name: 'Import a CTDC file', level: 1 }).waitFor();
    await noViolations(analyst);
    await analyst.getByLabel('Name of the source').fill('Generated CTDC file');
    await analyst.getByLabel('CTDC CSV file').setInputFiles(file('broken.csv', broken));
    await analyst.getByRole('button', { name: 'Import', exact: true }).click();
    await analyst
      .getByRole('alert')
      .getByText(/^Nothing was imported\./)
      .waitFor();
    const problems = analyst.getByRole('table', { name: 'Problems in the file' });
    const fault = problems.getByRole('row').filter({ hasText: 'gender' });
    expect(await fault.count()).toBe(1);
    // Spreadsheet numbering: the header is row 1, so the third record is row 4.
    expect(await fault.locator('td').first().textContent()).toBe('4');
    await noViolations(analyst);

    await analyst.getByLabel('CTDC CSV file').setInputFiles(file('good.csv', good));
    await analyst.getByRole('button', { name: 'Import', exact: true }).click();
    await analyst.getByText('Rows imported: 400 (CTDC global layout).').waitFor();
    await analyst.getByRole('row', { name: /Generated CTDC file/ }).waitFor();

    await analyst.getByRole('link', { name: 'Back to the data hub' }).click();
    await analyst.getByRole('link', { name: 'New publication' }).click();
    await analyst.getByRole('checkbox', { name: 'Generated CTDC file' }).check();
    await analyst.getByRole('button', { name: 'Next' }).click();
    await analyst.getByRole('radio', { name: 'Differentially private counts' }).check();
    await analyst.getByRole('button', { name: 'Next' }).click();
    await analyst.getByLabel('Longest combination').selectOption('2');
    // ε = 20 is more than the source's whole budget (10): said before anything is created.
    await analyst.getByLabel('ε (epsilon)').fill('20');
    await analyst.getByRole('button', { name: 'See the report' }).click();
    await analyst
      .getByText('This release would exceed the privacy budget of: Generated CTDC file.')
      .waitFor();
    expect(await analyst.getByRole('button', { name: 'Create the draft' }).isDisabled()).toBe(true);
    await analyst.getByRole('button', { name: 'Back' }).click();
    await analyst.getByLabel('ε (epsilon)').fill('1');
    await noViolations(analyst);
    await analyst.getByRole('button', { name: 'See the report' }).click();
    const budget = analyst.getByRole('table', { name: 'Privacy budget per source' });
    const left = budget.getByRole('row', { name: /Generated CTDC file/ });
    await left.waitFor();
    // A source's default budget is ε = 10, δ = 1e-5: after this release 9 and 9e-6 are left.
    expect(await left.locator('td').allTextContents()).toEqual(['10', '9', '9E-6']);
    await analyst.getByRole('heading', { name: 'Quality of the counts', level: 3 }).waitFor();
    await noViolations(analyst);
    await analyst.getByLabel('Title', { exact: true }).fill('Generated counts, ε = 1');
    await analyst.getByRole('button', { name: 'Create the draft' }).click();
    await analyst.getByRole('button', { name: 'Release', exact: true }).click();
    await analyst.getByText('Released: it is on the public data page.').waitFor();
    await analyst.getByRole('link', { name: 'See it on the public data page' }).click();
    await analyst.getByRole('heading', { name: 'Generated counts, ε = 1', level: 1 }).waitFor();
    const figures = analyst.getByRole('table', { name: 'Figures of Generated counts, ε = 1' });
    await figures.waitFor();
    const header = await figures.locator('thead th').allTextContents();
    expect(header).toContain('Count');
    expect(header).toContain('Gender');
    expect(await figures.locator('tbody tr').count()).toBeGreaterThan(0);
    await noViolations(analyst);
  });

  it('reads right to left in Arabic, without accessibility violations', async () => {
    await visitor.goto(`${lantern.url}/data`);
    await visitor.getByRole('heading', { name: 'Published data', level: 1 }).waitFor();
    await visitor.locator('#language-select').selectOption('ar');
    await visitor.getByRole('heading', { name: 'البيانات المنشورة', level: 1 }).waitFor();
    expect(await visitor.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await visitor.evaluate(() => document.documentElement.lang)).toBe('ar');
    await visitor.getByRole('article', { name: TITLE }).waitFor();
    await noViolations(visitor);

    await preparer.goto(contributionUrl);
    await preparer.locator('#language-select').selectOption('ar');
    await preparer.getByRole('heading', { name: `المساهمة: ${LABEL}`, level: 1 }).waitFor();
    expect(await preparer.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await noViolations(preparer);
    await preparer.locator('#language-select').selectOption('en');
  });
  it('rejects a second contribution with a reason; withdrawing the first keeps the release', async () => {
    await preparer.goto(`${lantern.url}/hub/contributions/new`);
    await preparer.getByLabel('Name of the contribution').fill('Second try');
    await preparer.getByRole('button', { name: 'Prepare and check' }).click();
    await preparer.getByRole('heading', { name: 'Contribution: Second try', level: 1 }).waitFor();

    await approver.goto(`${lantern.url}/hub/contributions`);
    await approver.getByRole('link', { name: 'Second try' }).click();
    await approver.getByRole('heading', { name: 'Contribution: Second try', level: 1 }).waitFor();
    const decision = section(approver, 'Decision');
    await decision.locator('summary', { hasText: 'Reject the contribution' }).click();
    await approver.getByLabel('Reason for rejecting').fill('The same cases are already in.');
    await decision.locator('form').getByRole('button', { name: 'Reject the contribution' }).click();
    await approver.getByText('Contribution rejected.').waitFor();
    await preparer.reload();
    const summary = section(preparer, 'Summary');
    await expect.poll(() => summary.textContent()).toContain('Rejected');
    expect(await summary.textContent()).toContain('The same cases are already in.');

    await approver.goto(contributionUrl);
    await section(approver, 'Decision')
      .locator('summary', { hasText: 'Withdraw the contribution' })
      .click();
    await section(approver, 'Decision')
      .locator('form')
      .getByRole('button', { name: 'Withdraw the contribution' })
      .click();
    await approver.getByText('Contribution withdrawn.').waitFor();
    await expect.poll(() => section(approver, 'Summary').textContent()).toContain('Withdrawn');

    // Past releases stay public; the source is marked withdrawn in the budget ledger.
    await visitor.goto(`${lantern.url}/data`);
    await visitor.locator('#language-select').selectOption('en');
    await visitor.getByRole('article', { name: TITLE }).waitFor();
    await analyst.goto(`${lantern.url}/hub/budget`);
    const row = analyst.getByRole('row', { name: new RegExp(LABEL) });
    await expect.poll(() => row.textContent()).toContain('Withdrawn');
  });
});
