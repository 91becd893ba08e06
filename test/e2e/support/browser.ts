import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); override with CHROMIUM_PATH. */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling out on a closed network.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  /** A fresh context (own cookies and storage), like a different person's phone. */
  newContext(options?: {
    locale?: string;
    viewport?: { width: number; height: number };
  }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh profile directory. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'lantern-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    args: ARGS,
  });
  const browser = context.browser();
  const contexts: BrowserContext[] = [];
  return {
    async newContext(options = {}) {
      // A persistent context is one profile; further isolated contexts come from its browser
      // when available, else each call gets its own persistent profile.
      if (browser) {
        const c = await browser.newContext(options);
        contexts.push(c);
        return c;
      }
      const dir = await mkdtemp(join(tmpdir(), 'lantern-chromium-'));
      const c = await chromium.launchPersistentContext(dir, {
        executablePath: EXECUTABLE,
        headless: true,
        args: ARGS,
        ...options,
      });
      contexts.push(c);
      return c;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
