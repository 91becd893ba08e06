import type { APIRequestContext, Page } from 'playwright-core';
import { request } from 'playwright-core';
import { expect } from 'vitest';
import { generateCtdc } from '../../../src/shared/hub/ctdc/index.ts';
import { writeTable } from '../../../src/shared/hub/table.ts';
import type { TestBrowser } from './browser.ts';
import { LanternProcess } from './server.ts';

/** An organisation to create, with its users as `[email, role]` pairs. */
export interface SeedOrganisation {
  name: string;
  users: ReadonlyArray<readonly [email: string, role: string]>;
}

/**
 * Starts a fresh Lantern (first start, so the first administrator exists), stops it to create
 * the organisations and then their users through the CLI, all with one password, and starts it
 * again. Returns the process and the organisations' ids, in the order given.
 */
export async function startSeededLantern(
  organisations: readonly SeedOrganisation[],
  password: string,
): Promise<{ lantern: LanternProcess; orgIds: string[] }> {
  const lantern = await LanternProcess.create();
  await lantern.start();
  await lantern.stop();
  const orgIds: string[] = [];
  for (const { name } of organisations) {
    const { id } = (await lantern.cli(['org', 'create', '--name', name])) as { id: string };
    orgIds.push(id);
  }
  for (const [i, { users }] of organisations.entries()) {
    const org = orgIds[i]!;
    for (const [email, role] of users) {
      await lantern.cli(
        ['user', 'create', '--org', org, '--email', email, '--role', role, '--password-stdin'],
        `${password}\n`,
      );
    }
  }
  await lantern.start();
  return { lantern, orgIds };
}

/** An API session as a user (set-ups go through the API). */
export interface ApiSession {
  api: APIRequestContext;
  csrf: string;
}

export async function apiSession(
  baseURL: string,
  email: string,
  password: string,
): Promise<ApiSession> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', { data: { email, password } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { api, csrf: csrfToken };
}

/** POSTs to `/api/v1{path}` in the session and expects success. */
export async function apiPost(
  s: ApiSession,
  path: string,
  data: unknown,
): Promise<Record<string, unknown>> {
  const res = await s.api.post(`/api/v1${path}`, { headers: { 'x-csrf-token': s.csrf }, data });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}

/**
 * Imports `rows` generated CTDC records as the analyst of `s` and releases them as a k = 5
 * microdata publication titled `title`; returns its id. The year is left out of the
 * quasi-identifiers so that it stays a single year (not a range) and counts by year.
 */
export async function releaseGeneratedPublication(
  s: ApiSession,
  title: string,
  seed: number,
  rows = 400,
): Promise<string> {
  const file = writeTable(generateCtdc({ rows, seed }));
  const imported = await apiPost(s, '/hub/imports', {
    label: 'Generated CTDC file',
    content: Buffer.from(file, 'utf8').toString('base64'),
  });
  const source = (imported.source as { id: string }).id;
  const draft = await apiPost(s, '/hub/publications', {
    title,
    parameters: { kind: 'microdata', sourceIds: [source], qi: ['gender', 'ageBroad'], k: 5 },
  });
  const id = String(draft.id);
  await apiPost(s, `/hub/publications/${id}/release`, {});
  return id;
}

/**
 * Signs a page in through the sign-in form and waits until `signedIn` (by default the main
 * navigation) shows.
 */
export async function signInPage(
  page: Page,
  baseURL: string,
  email: string,
  password: string,
  signedIn: (page: Page) => Promise<void> = (p) =>
    p.getByRole('navigation', { name: 'Main' }).waitFor(),
): Promise<void> {
  await page.goto(`${baseURL}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signedIn(page);
}

/** A page in a fresh context (own cookies) at a desktop's 1280 × 900. */
export async function desktopPage(browser: TestBrowser): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
}
