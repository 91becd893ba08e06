/**
 * `npm run bench`: seeds 100,000 cases into one organisation, starts a real `lantern serve` on
 * 127.0.0.1 and loads the case list with 50 concurrent clients, once on PGlite and once on the
 * PostgreSQL server. Prints ONE JSON document on stdout (progress goes to stderr) and saves it
 * to bench/results/latest.json. Figures are measured, never asserted: see bench/README.md.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseCreateBody } from '../src/shared/api/cases.schema.ts';
import { DEFAULT_DEMO_TODAY, generateDemoCases } from '../src/shared/demo/generate-cases.ts';
import type { LoadResult } from './lib/load.ts';
import { benchLinkage } from './linkage.ts';
import { benchPprl } from './pprl.ts';
import { benchReferrals } from './referrals.ts';
import { benchTracing, tracingBenchSettings } from './tracing.ts';
import { benchNames } from './names.ts';
import { benchHubAnonymize } from './hub-anonymize.ts';
import { benchHubDp } from './hub-dp.ts';
import { benchHubPublish } from './hub-publish.ts';
import { benchInsightsDashboard, insightsDashboardBenchSettings } from './insights-dashboard.ts';
import { benchInsightsDetection } from './insights-detection.ts';
import { benchInsightsScan } from './insights-scan.ts';
import { measure } from './lib/load.ts';
import {
  firstAdminPassword,
  killAll,
  signIn,
  startServer,
  stopServer,
  waitForAnswer,
} from './lib/server.ts';
import type { Server } from './lib/server.ts';
import {
  createBenchDatabase,
  redact,
  seedOrganisation,
  unreachable,
  vacuumServer,
} from './lib/setup.ts';

const envInt = (name: string, fallback: number): number => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number`);
  return n;
};

const SETTINGS = {
  cases: envInt('BENCH_CASES', 100_000),
  connections: envInt('BENCH_CONNECTIONS', 50),
  warmupSeconds: envInt('BENCH_WARMUP', 2),
  durationSeconds: envInt('BENCH_SECONDS', 10),
  seed: envInt('BENCH_SEED', 2026),
};
const BUDGET_MS = envInt('BENCH_BUDGET_SECONDS', 1800) * 1000;
const DRIVERS = (process.env.BENCH_DRIVERS ?? 'pglite,postgres')
  .split(',')
  .filter((d): d is Driver => d === 'pglite' || d === 'postgres');
const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF || undefined;
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));

const TARGET = { requestsPerSecond: 1500, p95Ms: 50, on: 'postgres' } as const;
const VARIANTS = {
  unfiltered: '/api/v1/cases?limit=25',
  filtered: '/api/v1/cases?limit=25&status=Active&citizenship=NG',
} as const;

type Driver = 'pglite' | 'postgres';
type Skipped = { skipped: string };
type Failed = { error: string };

interface StartupFigures {
  /** Spawn → first HTTP answer of any kind (GET /api/v1/auth/session, 401 before sign-in). */
  firstAnswerMs: number;
  /** Spawn → first successful POST /api/v1/auth/login. */
  firstLoginMs: number;
}

interface DriverResult {
  caseList: {
    casesInOrganisation: number;
    unfiltered: LoadResult;
    filtered: LoadResult & { matchingCases: number };
    meetsTarget: boolean;
  };
  startup: { fresh: StartupFigures; existing: StartupFigures & { cases: number } };
  seed: { cases: number; seconds: number; casesPerSecond: number; vacuumSeconds?: number };
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const ms = (n: number) => Math.round(n);

/** Work to undo at the end, newest first: servers, data dirs, databases. */
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp(force = false): Promise<void> {
  if (force) killAll();
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (e) {
      log(`clean-up failed: ${(e as Error).message}`);
    }
  }
  killAll();
}

async function listOnce(
  s: Server,
  cookie: string,
  path: string,
): Promise<{ total: number; totalCapped: boolean; items: unknown[] }> {
  const res = await fetch(s.base + path, { headers: { cookie } });
  const body = (await res.json()) as { total: number; totalCapped: boolean; items: unknown[] };
  if (res.status !== 200)
    throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

async function benchDriver(
  driver: Driver,
  cases: readonly CaseCreateBody[],
): Promise<DriverResult> {
  const dataDir = await mkdtemp(join(tmpdir(), `lantern-bench-${driver}-`));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  let databaseUrl: string | undefined;
  if (driver === 'postgres') {
    const db = await createBenchDatabase(ADMIN_URL);
    cleanups.push(db.drop);
    databaseUrl = db.url;
    log(`[${driver}] database ${db.name}`);
  }
  const logFile = join(dataDir, 'server.log');
  const serve = async (cpuProfDir?: string) => {
    const s = await startServer({ dataDir, databaseUrl, logFile, cpuProfDir });
    cleanups.push(() => stopServer(s));
    return s;
  };

  // 1. First start on an empty data dir / database: creates the schema and the first admin.
  log(`[${driver}] starting on a fresh ${driver === 'pglite' ? 'data dir' : 'database'}`);
  let server = await serve();
  const freshAnswer = await waitForAnswer(server);
  const admin = await firstAdminPassword(server);
  const freshLogin = await signIn(server, admin.email, admin.password);
  await stopServer(server);

  // 2. Seed in-process while no server holds the data dir.
  log(`[${driver}] seeding ${cases.length} cases`);
  let nextReport = 20_000;
  const seeded = await seedOrganisation({
    dataDir,
    databaseUrl,
    cases,
    onProgress: (n) => {
      if (n >= nextReport) {
        log(`[${driver}]   ${n} cases`);
        nextReport += 20_000;
      }
    },
  });
  log(`[${driver}] seeded in ${seeded.seconds.toFixed(1)} s`);
  // The server's steady state: autovacuum would run on its own shortly after the bulk insert,
  // and must not start in the middle of a measurement. PGlite has no autovacuum (nor this step).
  let vacuumSeconds: number | undefined;
  if (databaseUrl) {
    const t = performance.now();
    await vacuumServer(databaseUrl);
    vacuumSeconds = Math.round((performance.now() - t) / 10) / 100;
    log(`[${driver}] VACUUM (ANALYZE) in ${vacuumSeconds} s`);
  }

  // 3. Start again on the now populated data; sign in as the organisation's caseworker.
  server = await serve(CPU_PROF_DIR ? join(CPU_PROF_DIR, driver) : undefined);
  const existingAnswer = await waitForAnswer(server);
  const session = await signIn(server, seeded.email, seeded.password);
  log(
    `[${driver}] restarted: first answer ${ms(existingAnswer)} ms, signed in ${ms(session.ms)} ms`,
  );

  // 4. The pages answer as expected before anything is timed.
  const page = await listOnce(server, session.cookie, VARIANTS.unfiltered);
  if (
    page.items.length !== 25 ||
    (page.total < Math.min(seeded.cases, 10_000) && !page.totalCapped)
  ) {
    throw new Error(`unexpected case list: ${page.items.length} items, total ${page.total}`);
  }
  const filteredPage = await listOnce(server, session.cookie, VARIANTS.filtered);

  // 5. Load.
  const load = async (path: string) => {
    log(
      `[${driver}] GET ${path}: ${SETTINGS.warmupSeconds} s warm-up, ${SETTINGS.durationSeconds} s measured, ${SETTINGS.connections} connections`,
    );
    const r = await measure({
      url: server.base + path,
      headers: { cookie: session.cookie },
      connections: SETTINGS.connections,
      warmupSeconds: SETTINGS.warmupSeconds,
      seconds: SETTINGS.durationSeconds,
    });
    log(
      `[${driver}]   ${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
    );
    return r;
  };
  const unfiltered = await load(VARIANTS.unfiltered);
  const filtered = await load(VARIANTS.filtered);
  await stopServer(server);
  if (CPU_PROF_DIR) log(`[${driver}] CPU profile in ${join(CPU_PROF_DIR, driver)}`);

  return {
    caseList: {
      casesInOrganisation: seeded.cases,
      unfiltered,
      filtered: { ...filtered, matchingCases: filteredPage.total },
      meetsTarget:
        unfiltered.requestsPerSecond >= TARGET.requestsPerSecond &&
        unfiltered.latencyMs.p95 <= TARGET.p95Ms &&
        unfiltered.non2xx === 0 &&
        unfiltered.errors === 0,
    },
    startup: {
      fresh: { firstAnswerMs: ms(freshAnswer), firstLoginMs: ms(freshLogin.ms) },
      existing: {
        firstAnswerMs: ms(existingAnswer),
        firstLoginMs: ms(session.ms),
        cases: seeded.cases,
      },
    },
    seed: {
      cases: seeded.cases,
      seconds: Math.round(seeded.seconds * 100) / 100,
      casesPerSecond: Math.round(seeded.cases / seeded.seconds),
      ...(vacuumSeconds !== undefined ? { vacuumSeconds } : {}),
    },
  };
}

async function main(): Promise<number> {
  const started = performance.now();
  const report = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
      loadAverageAtEnd: [] as number[],
    },
    settings: { ...SETTINGS, serverLogLevel: 'info (default)', postgres: redact(ADMIN_URL) },
    caseList: { target: TARGET } as Record<string, unknown>,
    startup: {} as Record<string, unknown>,
    seed: {} as Record<string, unknown>,
    totalSeconds: 0,
  };
  let failed = false;

  const today = new Date().toISOString().slice(0, 10);
  const t0 = performance.now();
  const cases = generateDemoCases({
    seed: SETTINGS.seed,
    count: SETTINGS.cases,
    today: DEFAULT_DEMO_TODAY < today ? DEFAULT_DEMO_TODAY : today,
  });
  const generateSeconds = Math.round((performance.now() - t0) / 10) / 100;
  log(`generated ${cases.length} synthetic cases in ${generateSeconds} s`);

  for (const driver of DRIVERS) {
    const put = (r: DriverResult | Skipped | Failed) => {
      report.caseList[driver] = 'caseList' in r ? r.caseList : r;
      report.startup[driver] = 'startup' in r ? r.startup : r;
      report.seed[driver] = 'seed' in r ? { ...r.seed, generateSeconds } : r;
    };
    if (driver === 'postgres') {
      const why = await unreachable(ADMIN_URL);
      if (why) {
        log(`[postgres] skipped: ${why}`);
        put({ skipped: why });
        continue;
      }
    }
    try {
      put(await benchDriver(driver, cases));
    } catch (e) {
      failed = true;
      log(`[${driver}] failed: ${(e as Error).stack ?? String(e)}`);
      put({ error: (e as Error).message });
    } finally {
      await cleanUp();
    }
  }

  // Pathway metrics over 100,000 referrals (bench/referrals.ts): its own data, in-process.
  Object.assign(report, { referralMetrics: await benchReferrals(DRIVERS, ADMIN_URL) });
  // Privacy-preserving linkage on FEBRL 4 (bench/pprl.ts): pure computation, in-process.
  Object.assign(report, { pprl: await benchPprl() });
  // One tracing query (bench/tracing.ts). Within this run's time budget: 100,000 cases on the
  // server and 20,000 on PGlite unless BENCH_TRACING_CASES / _PGLITE_CASES say otherwise; the
  // 1,000,000-case figure comes from `node --import tsx bench/tracing.ts` on its own.
  Object.assign(report, {
    tracing: await benchTracing(
      DRIVERS,
      ADMIN_URL,
      tracingBenchSettings({ cases: 100_000, pgliteCases: 20_000 }),
    ),
  });
  // Record linkage: FEBRL 3 and 4, and 1,000,000 synthetic persons (bench/linkage.ts).
  Object.assign(report, { linkage: await benchLinkage() });
  // Cross-script name matching on ../shared/data/names/ar2en.txt (bench/names.ts): in-process.
  Object.assign(report, { names: benchNames() });
  // The data hub (docs/hub.md): k-anonymity on UCI Adult beside ARX, DP aggregates and
  // synthetic data beside the Synthetic Data Showcase, and 100,000 CTDC records from the case
  // store to a published k = 11 file.
  Object.assign(report, { hubAnonymize: benchHubAnonymize() });
  Object.assign(report, { hubDp: benchHubDp() });
  Object.assign(report, { hubPublish: await benchHubPublish() });
  // Understand (docs/insights.md): trend detection on generated series with planted outbreaks
  // beside R surveillance, the space-time scan at 250 regions × 120 months × 999 replications,
  // and the dashboard on the PostgreSQL server. Within this run's time budget: 100,000 cases
  // unless BENCH_INSIGHTS_CASES says otherwise; seeding 1,000,000 through the count triggers
  // takes about 16 minutes, so that figure comes from `node --import tsx bench/insights-dashboard.ts`.
  Object.assign(report, { insightsDetection: benchInsightsDetection() });
  Object.assign(report, { insightsScan: benchInsightsScan() });
  Object.assign(report, {
    insightsDashboard: await benchInsightsDashboard(
      ADMIN_URL,
      insightsDashboardBenchSettings({ cases: 100_000 }),
    ),
  });

  report.machine.loadAverageAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
  report.totalSeconds = Math.round((performance.now() - started) / 1000);
  const json = JSON.stringify(report, null, 2);
  await mkdir(RESULTS, { recursive: true });
  await writeFile(join(RESULTS, 'latest.json'), `${json}\n`);
  process.stdout.write(`${json}\n`);
  return failed ? 1 : 0;
}

// Bounded in time and never leaves a server or a database behind, even when interrupted.
const abort = (why: string) => {
  log(`stopping: ${why}`);
  void cleanUp(true).finally(() => process.exit(1));
};
const watchdog = setTimeout(
  () => abort(`time budget of ${BUDGET_MS / 1000} s exceeded`),
  BUDGET_MS,
);
watchdog.unref();
process.once('SIGINT', () => abort('interrupted'));
process.once('SIGTERM', () => abort('terminated'));

main().then(
  (code) => {
    clearTimeout(watchdog);
    process.exitCode = code;
  },
  async (e: unknown) => {
    log(`failed: ${(e as Error).stack ?? String(e)}`);
    await cleanUp(true);
    process.exitCode = 1;
  },
);
