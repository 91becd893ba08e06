import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceCard } from '../../src/shared/api/instances.schema.ts';
import { cardOf } from '../../src/server/instances/identity.ts';
import { generateInstanceSecrets, sealPackage } from '../../src/server/instances/package.ts';
import { accessibilityViolations } from './support/axe.ts';
import type { TestBrowser } from './support/browser.ts';
import { launchBrowser } from './support/browser.ts';
import { LanternProcess } from './support/server.ts';

// Partner instances in Chromium: an administrator downloads this instance's card, reads its
// fingerprint (12 groups of 5), adds a partner from its card file and the digits heard on the
// phone (a wrong digit refused in words), and the referral coordinator imports a package from
// that partner that was altered on its way: the page says exactly why it was refused. The
// partner is another instance's identity made by the same code (its keys stay in this process,
// so that it can seal a real package).
describe('partner instances and packages, end to end in Chromium', () => {
  let lantern: LanternProcess;
  let browser: TestBrowser;
  let page: Page;
  let files: string;
  let ownCard: InstanceCard;
  const PASSWORD = 'partners pass phrase';
  const ADMIN = 'amal@example.org';
  const COORDINATOR = 'sara@example.org';
  const nigeria = { ...generateInstanceSecrets(randomUUID()), name: 'Mission Nigeria' };
  const nigeriaCard = cardOf(nigeria);

  beforeAll(async () => {
    files = await mkdtemp(join(tmpdir(), 'lantern-partners-e2e-'));
    lantern = await LanternProcess.create();
    await lantern.start();
    await lantern.stop();
    const { id: org } = (await lantern.cli(['org', 'create', '--name', 'Mission Italy'])) as {
      id: string;
    };
    for (const [email, role] of [
      [ADMIN, 'admin'],
      [COORDINATOR, 'supervisor'],
    ]) {
      await lantern.cli(
        ['user', 'create', '--org', org, '--email', email!, '--role', role!, '--password-stdin'],
        `${PASSWORD}\n`,
      );
    }
    ownCard = (await lantern.cli(['instance', 'identity', '--name', 'Mission Italy'])) as never;
    await writeFile(join(files, 'nigeria.card.lantern.json'), JSON.stringify(nigeriaCard));
    await lantern.start();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await lantern?.dispose();
    if (files) await rm(files, { recursive: true, force: true });
  });

  async function signIn(email: string) {
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${lantern.url}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: /./ }).waitFor();
  }

  it('shows this instance’s card for reading aloud, and downloads it as a file', async () => {
    await signIn(ADMIN);
    await page.getByRole('link', { name: 'Partner instances' }).click();
    await page.getByRole('heading', { name: 'Partner instances', level: 1 }).waitFor();
    const groups = page.getByRole('list', { name: 'Fingerprint of this instance' }).locator('li');
    await expect.poll(() => groups.allTextContents()).toEqual(ownCard.fingerprint.split(' '));
    await page.getByText('Read it aloud to your partner').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download this instance’s card' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Mission_Italy.card.lantern.json');
    const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as InstanceCard;
    expect(saved).toEqual(ownCard);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('adds a partner only with the fingerprint as heard: a wrong digit is refused in words', async () => {
    await page
      .getByLabel('Partner’s card file')
      .setInputFiles(join(files, 'nigeria.card.lantern.json'));
    await page.getByText('Card read: Mission Nigeria').waitFor();
    const digits = nigeriaCard.fingerprint.split(' ');
    const wrong = [...digits];
    wrong[7] = wrong[7] === '11111' ? '22222' : '11111';
    await page.getByLabel('Fingerprint as read aloud by the partner').fill(wrong.join(' '));
    await page.getByRole('button', { name: 'Add partner' }).click();
    await expect
      .poll(() => page.locator('.field--invalid .field__error').allTextContents())
      .toEqual([expect.stringContaining('These digits do not match the card.')]);
    expect(await accessibilityViolations(page)).toEqual([]);
    // Heard right this time (typed with hyphens, as some people write it down)
    await page.getByLabel('Fingerprint as read aloud by the partner').fill(digits.join('-'));
    await page.getByLabel('Name for this partner').fill('Nigeria');
    await page.getByRole('button', { name: 'Add partner' }).click();
    await page.getByText('Nigeria was added as a partner.').waitFor();
    const row = page.getByRole('row', { name: /Nigeria/ });
    await expect.poll(() => row.textContent()).toContain(nigeriaCard.fingerprint);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('refuses a package altered on its way, saying why, and the coordinator sees it in words', async () => {
    const pkg = sealPackage({
      kind: 'referral',
      sender: nigeria,
      recipient: {
        instanceId: ownCard.instanceId,
        signingKey: ownCard.signingKey,
        encryptionKey: ownCard.encryptionKey,
      },
      plaintext: Buffer.from(JSON.stringify({ referral: {} }), 'utf8'),
      now: new Date(),
    });
    const c = pkg.ciphertext;
    const tampered = { ...pkg, ciphertext: (c[0] === 'A' ? 'B' : 'A') + c.slice(1) };
    await writeFile(join(files, 'altered.referral.lantern.json'), JSON.stringify(tampered));
    await writeFile(join(files, 'notes.txt'), 'not a package');

    await signIn(COORDINATOR);
    await page.getByRole('link', { name: 'Packages', exact: true }).click();
    await page.getByRole('heading', { name: 'Packages between instances', level: 1 }).waitFor();
    const file = page.getByLabel('Package file');
    await file.setInputFiles(join(files, 'altered.referral.lantern.json'));
    await page.getByRole('button', { name: 'Import' }).click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toEqual([
        'The package was refused. The signature does not match: the file was altered after it was sealed. Do not use it; ask the sender for a new one.',
      ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    // A file that is not a package at all
    await file.setInputFiles(join(files, 'notes.txt'));
    await page.getByRole('button', { name: 'Import' }).click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toEqual(['The package was refused. This file cannot be read: it is not a Lantern package.']);
    // the coordinator does not manage partners: no link, and the page is not allowed
    expect(await page.getByRole('link', { name: 'Partner instances' }).count()).toBe(0);
    await page.goto(`${lantern.url}/admin/partners`);
    await page.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor();
  });
});
