/** Creating the bench's databases and seeding them in-process, before a server is started. */
import { cpus, loadavg } from 'node:os';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { CaseCreateBody } from '../../src/shared/api/cases.schema.ts';
import { SYSTEM } from '../../src/server/db/database.ts';
import { seedCases } from '../../src/server/demo/seed-cases.ts';
import {
  provisionOrganisation,
  provisionUser,
} from '../../src/server/organisations/organisations.service.ts';
import { openRuntime } from '../../src/server/runtime.ts';
import { systemClock } from '../../src/server/shared/clock.ts';

/** The URL without a password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** Why the PostgreSQL server at `adminUrl` cannot be used, or undefined when it can. */
export async function unreachable(adminUrl: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (e) {
    return `PostgreSQL server unreachable at ${redact(adminUrl)}: ${(e as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh database `lantern_bench_<random>`; returns its URL and a function dropping it. */
export async function createBenchDatabase(
  adminUrl: string,
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `lantern_bench_${randomBytes(5).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

/**
 * VACUUM (ANALYZE) of the seeded tables on the server: what autovacuum does on its own within a
 * minute or two of a bulk insert (it sets the visibility map, so counts can use index-only scans).
 */
export async function vacuumServer(url: string): Promise<void> {
  await admin(url, (c) => c.query('VACUUM (ANALYZE) persons, cases'));
}

export interface Seeded {
  orgId: string;
  email: string;
  password: string;
  cases: number;
  /** Seconds spent in seedCases (synthetic cases generated beforehand). */
  seconds: number;
}

/**
 * Opens the data dir (and server database) in-process, creates an organisation with a
 * caseworker and seeds `cases` into it, then closes everything: a PGlite data dir can be open
 * in one process only, so this runs while no server is.
 */
export async function seedOrganisation(o: {
  dataDir: string;
  databaseUrl?: string | undefined;
  cases: readonly CaseCreateBody[];
  onProgress?: (n: number) => void;
}): Promise<Seeded> {
  const rt = await openRuntime({ dataDir: o.dataDir, databaseUrl: o.databaseUrl });
  try {
    const email = `caseworker-${randomBytes(3).toString('hex')}@bench.lantern.local`;
    const password = randomBytes(18).toString('base64url');
    const { orgId, userId } = await rt.db.transaction(SYSTEM, async (tx) => {
      const org = await provisionOrganisation(
        tx,
        { keyring: rt.keyring, clock: systemClock },
        'Bench organisation',
      );
      const user = await provisionUser(
        tx,
        { clock: systemClock },
        { orgId: org.id, email, role: 'caseworker', password },
      );
      return { orgId: org.id, userId: user.id };
    });
    const started = performance.now();
    const result = await seedCases(rt.db, rt.keyring, {
      orgId,
      userId,
      cases: o.cases,
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    const seconds = (performance.now() - started) / 1000;
    return { orgId, email, password, cases: result.cases, seconds };
  } finally {
    await rt.close();
  }
}

/**
 * Runs one server bench on its own (`node --import tsx bench/<name>.ts`): prints one JSON
 * document with the machine, the server (password removed) and the figures under `key`; a
 * failure is logged and sets the exit code.
 */
export function runStandalone(
  key: string,
  adminUrl: string,
  run: () => Promise<unknown>,
  log: (msg: string) => void,
): void {
  const started = performance.now();
  run().then(
    (result) => {
      const report = {
        generatedAt: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model ?? 'unknown',
          node: process.version,
          loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
        },
        postgres: redact(adminUrl),
        [key]: result,
        totalSeconds: Math.round((performance.now() - started) / 1000),
      };
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    },
    (e: unknown) => {
      log(`failed: ${(e as Error).stack ?? String(e)}`);
      process.exitCode = 1;
    },
  );
}
