/**
 * Pathway metrics under volume: 100,000 referrals of 30,000 cases to 50 services, and 5,000
 * unmet needs, generated with SQL in one organisation (no referral_events: the metrics never
 * read the history); then `GET /api/v1/referrals/metrics` (JSON and CSV, sent and received side)
 * through the in-process app, and the instance view of the CLI, a few runs each. Prints ONE
 * JSON document on stdout (progress on stderr). Measured, never asserted: see bench/README.md.
 *
 *   node --import tsx bench/referrals.ts        (also run by `npm run bench`, bench/run.ts)
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app.ts';
import { Keyring } from '../src/server/crypto/keyring.ts';
import type { Database } from '../src/server/db/database.ts';
import { SYSTEM } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openPglite } from '../src/server/db/pglite-driver.ts';
import { openPostgres } from '../src/server/db/pg-driver.ts';
import {
  provisionOrganisation,
  provisionUser,
} from '../src/server/organisations/organisations.service.ts';
import { computeReferralMetrics } from '../src/server/referrals/metrics.service.ts';
import { systemClock } from '../src/server/shared/clock.ts';
import { envInt } from './lib/context.ts';
import { createBenchDatabase, redact, unreachable } from './lib/setup.ts';

export const REFERRAL_BENCH_SETTINGS = {
  referrals: envInt('BENCH_REFERRALS', 100_000),
  cases: envInt('BENCH_REFERRAL_CASES', 30_000),
  services: envInt('BENCH_REFERRAL_SERVICES', 50),
  unmetNeeds: envInt('BENCH_UNMET_NEEDS', 5_000),
  runs: envInt('BENCH_REFERRAL_RUNS', 5),
};
type Settings = typeof REFERRAL_BENCH_SETTINGS;
type Driver = 'pglite' | 'postgres';

const log = (msg: string) => process.stderr.write(`[bench:referrals] ${msg}\n`);
const PASSWORD = randomBytes(18).toString('base64url');
const seconds = (t: number) => Math.round((performance.now() - t) / 10) / 100;

interface Timing {
  runs: number;
  /** Nearest-rank percentiles over the measured runs (the first run, a warm-up, is dropped). */
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  maxMs: number;
}

function timing(ms: number[]): Timing {
  const x = [...ms].sort((a, b) => a - b);
  const rank = (p: number) => x[Math.max(0, Math.ceil(p * x.length) - 1)]!;
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    runs: x.length,
    p50Ms: r(rank(0.5)),
    p95Ms: r(rank(0.95)),
    meanMs: r(x.reduce((s, v) => s + v, 0) / x.length),
    maxMs: r(x[x.length - 1]!),
  };
}

async function time(runs: number, fn: () => Promise<void>): Promise<Timing> {
  await fn(); // warm-up: plans, caches, JIT
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return timing(ms);
}

/**
 * The synthetic pathway, all in SQL (setseed makes it the same every run on one server):
 * services of 11 types in 5 countries, a fifth of them received by 5 organisations on the
 * instance; statuses about as a year of a national referral mechanism might look; sent_at over
 * the last 360 days; answers within 0–120 h, completions 1–30 days later.
 */
export async function seedReferralBench(
  db: Database,
  s: Settings,
  orgA: string,
  receivers: string[],
  userId: string,
): Promise<void> {
  await db.transaction(SYSTEM, async (tx) => {
    await tx.query('SELECT setseed(0.2026)');
    await tx.query(
      `INSERT INTO providers (id, org_id, provider_org_id, name, created_at, updated_at)
       SELECT gen_random_uuid(), $1, CASE WHEN i <= 5 THEN ($2::uuid[])[i] END,
              'Provider ' || i, now(), now()
         FROM generate_series(1, 10) i`,
      [orgA, receivers],
    );
    await tx.query(
      `INSERT INTO services (id, org_id, provider_id, service_type, name, country, latitude,
         longitude, capacity_total, capacity_available, created_at, updated_at)
       SELECT gen_random_uuid(), $1, p.id,
              (ARRAY['shelter','medical','mental_health_psychosocial','legal_aid','interpretation',
                     'documentation','safe_return_reintegration','livelihood','education',
                     'child_protection','family_tracing'])[1 + (i % 11)],
              'Service ' || i, (ARRAY['NG','GH','IT','ES','UA'])[1 + (i % 5)],
              random() * 40 - 10, random() * 40 - 10,
              CASE WHEN i % 3 = 0 THEN NULL ELSE 10 END,
              CASE WHEN i % 3 = 0 THEN NULL ELSE floor(random() * 4)::int END, now(), now()
         FROM generate_series(1, $2::int) i
         JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM providers) p
           ON p.k = i % 10`,
      [orgA, s.services],
    );
    await tx.query(
      `INSERT INTO persons (id, org_id, identity, gender)
       SELECT gen_random_uuid(), $1, '\\x00'::bytea, 'Feminine' FROM generate_series(1, $2::int)`,
      [orgA, s.cases],
    );
    await tx.query(
      `INSERT INTO cases (id, org_id, reference, person_id, status, trafficking_status, gender,
         citizenship, registration_date, created_by)
       SELECT gen_random_uuid(), $1, 'B-' || row_number() OVER (), id, 'Active',
              'ConfirmedVictim', 'Feminine', 'NG', DATE '2025-01-01', $2
         FROM persons WHERE org_id = $1`,
      [orgA, userId],
    );
    await tx.query(
      `CREATE TEMP TABLE bench_cases AS
         SELECT id, row_number() OVER (ORDER BY id) AS k FROM cases WHERE org_id = $1`,
      [orgA],
    );
    await tx.query(
      `CREATE TEMP TABLE bench_services AS
         SELECT s.id, s.provider_id, s.service_type, p.provider_org_id,
                row_number() OVER (ORDER BY s.id) AS k
           FROM services s JOIN providers p ON p.id = s.provider_id`,
    );
    // u picks the status: 5 % sent, 10 % accepted, 15 % declined, 10 % in progress,
    // 40 % completed, 10 % withdrawn (half after an acceptance), 10 % expired.
    await tx.query(
      `INSERT INTO referrals (id, org_id, reference, case_id, service_id, provider_id, to_org_id,
         service_type, status, from_org_name, decline_reason, outcome, created_by, created_at,
         sent_at, answer_due_at, answered_at, started_at, closed_at, updated_at)
       SELECT gen_random_uuid(), $1, 'R-B-' || g.i, c.id, s.id, s.provider_id, s.provider_org_id,
              s.service_type, g.status, 'Bench organisation',
              CASE WHEN g.status = 'declined' THEN (ARRAY['no_capacity','not_eligible',
                'service_unavailable','person_unreachable'])[1 + floor(g.v * 4)::int] END,
              CASE WHEN g.status = 'completed' THEN (ARRAY['service_provided','service_provided',
                'partially_provided','person_left'])[1 + floor(g.v * 4)::int] END,
              $2, g.sent, g.sent, g.sent + interval '5 days',
              CASE WHEN g.status IN ('accepted','declined','in_progress','completed')
                     OR (g.status = 'withdrawn' AND g.u >= 0.85)
                   THEN g.sent + g.answer END,
              CASE WHEN g.status IN ('in_progress','completed') THEN g.sent + g.answer END,
              CASE WHEN g.status = 'completed' THEN g.sent + g.answer + g.span
                   WHEN g.status IN ('declined') THEN g.sent + g.answer
                   WHEN g.status = 'withdrawn' THEN g.sent + g.answer / 2
                   WHEN g.status = 'expired' THEN g.sent + interval '5 days' END,
              g.sent
         FROM (SELECT i, u, random() AS v,
                      1 + floor(random() * $3::int)::int AS ck,
                      1 + floor(random() * $4::int)::int AS sk,
                      now() - random() * interval '360 days' AS sent,
                      random() * interval '120 hours' AS answer,
                      interval '1 day' + random() * interval '29 days' AS span,
                      CASE WHEN u < 0.05 THEN 'sent' WHEN u < 0.15 THEN 'accepted'
                           WHEN u < 0.30 THEN 'declined' WHEN u < 0.40 THEN 'in_progress'
                           WHEN u < 0.80 THEN 'completed' WHEN u < 0.90 THEN 'withdrawn'
                           ELSE 'expired' END AS status
                 FROM (SELECT i, random() AS u FROM generate_series(1, $5::int) i) r) g
         JOIN bench_cases c ON c.k = g.ck
         JOIN bench_services s ON s.k = g.sk`,
      [orgA, userId, s.cases, s.services, s.referrals],
    );
    await tx.query(
      `INSERT INTO unmet_needs (id, org_id, case_id, service_type, country, radius_km, reason,
         recorded_by, recorded_at)
       SELECT gen_random_uuid(), $1, c.id,
              (ARRAY['shelter','medical','legal_aid','livelihood','family_tracing'])[1 + i % 5],
              (ARRAY['NG','GH','IT','ES','UA'])[1 + (i / 5) % 5], 50,
              (ARRAY['none_listed','none_eligible','none_in_range','no_places'])[1 + i % 4],
              $2, now() - random() * interval '360 days'
         FROM generate_series(1, $3::int) i
         JOIN bench_cases c ON c.k = 1 + (i * 7919) % $4::int`,
      [orgA, userId, s.unmetNeeds, s.cases],
    );
    await tx.exec('DROP TABLE bench_cases; DROP TABLE bench_services');
  });
  await db.transaction(SYSTEM, (tx) =>
    tx.exec('ANALYZE persons; ANALYZE cases; ANALYZE referrals; ANALYZE unmet_needs'),
  );
}

async function benchDriver(driver: Driver, s: Settings, adminUrl: string) {
  let drop: (() => Promise<void>) | undefined;
  let db: Database;
  if (driver === 'postgres') {
    const created = await createBenchDatabase(adminUrl);
    drop = created.drop;
    db = openPostgres(created.url, 5);
  } else {
    db = await openPglite();
  }
  try {
    let t = performance.now();
    await migrate(db);
    const keyring = new Keyring(randomBytes(32));
    const deps = { keyring, clock: systemClock };
    const orgs = await db.transaction(SYSTEM, async (tx) => {
      const a = await provisionOrganisation(tx, deps, 'Bench organisation');
      const receivers: string[] = [];
      for (let i = 1; i <= 5; i++)
        receivers.push((await provisionOrganisation(tx, deps, `Receiver ${i}`)).id);
      const sup = await provisionUser(tx, deps, {
        orgId: a.id,
        email: `supervisor-${randomBytes(3).toString('hex')}@bench.lantern.local`,
        role: 'supervisor',
        password: PASSWORD,
      });
      await provisionUser(tx, deps, {
        orgId: receivers[0]!,
        email: `receiver-${randomBytes(3).toString('hex')}@bench.lantern.local`,
        role: 'supervisor',
        password: PASSWORD,
      });
      return { a: a.id, receivers, supervisor: sup.id };
    });
    log(`[${driver}] schema in ${seconds(t)} s; generating ${s.referrals} referrals`);
    t = performance.now();
    await seedReferralBench(db, s, orgs.a, orgs.receivers, orgs.supervisor);
    const seedSeconds = seconds(t);
    const [counts] = await db.transaction(SYSTEM, (tx) =>
      tx.query<{ referrals: number; unmet: number; cases: number }>(
        `SELECT (SELECT count(*)::int FROM referrals) AS referrals,
                (SELECT count(*)::int FROM unmet_needs) AS unmet,
                (SELECT count(DISTINCT case_id)::int FROM referrals) AS cases`,
      ),
    );
    log(`[${driver}] seeded in ${seedSeconds} s: ${JSON.stringify(counts)}`);

    const app = await buildApp({ db, keyring, clock: systemClock });
    await app.ready();
    try {
      const cookieOf = async (orgId: string) => {
        const [user] = await db.transaction(SYSTEM, (tx) =>
          tx.query<{ email: string }>(
            `SELECT email FROM users WHERE org_id = $1 AND role = 'supervisor'`,
            [orgId],
          ),
        );
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user!.email, password: PASSWORD },
        });
        if (res.statusCode !== 200) throw new Error(`sign-in answered ${res.statusCode}`);
        return String(res.headers['set-cookie']).split(';')[0]!;
      };
      const sender = await cookieOf(orgs.a);
      const receiver = await cookieOf(orgs.receivers[0]!);
      let total = 0;
      const get = (url: string, cookie: string) => async () => {
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}`);
        if (url.endsWith('/metrics')) total = (JSON.parse(res.body) as { total: number }).total;
      };
      const endpoint = {
        sentJson: await time(s.runs, get('/api/v1/referrals/metrics', sender)),
        sentCsv: await time(s.runs, get('/api/v1/referrals/metrics.csv', sender)),
        receivedJson: await time(s.runs, get('/api/v1/referrals/metrics?side=received', receiver)),
      };
      const referralsInPeriod = total;
      const instance = await time(s.runs, async () => {
        await db.transaction(SYSTEM, (tx) =>
          computeReferralMetrics(tx, { orgId: null, side: 'sent', now: new Date() }),
        );
      });
      log(
        `[${driver}] GET /referrals/metrics p50 ${endpoint.sentJson.p50Ms} ms, p95 ${endpoint.sentJson.p95Ms} ms; instance view p50 ${instance.p50Ms} ms`,
      );
      return {
        data: { ...counts, referralsInDefaultPeriod: referralsInPeriod, seedSeconds },
        endpoint,
        instanceView: instance,
      };
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    await drop?.();
  }
}

/** Runs the referral metrics bench on each driver; a driver that fails or is unreachable says so. */
export async function benchReferrals(
  drivers: readonly Driver[],
  adminUrl: string,
  settings: Settings = REFERRAL_BENCH_SETTINGS,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { settings };
  for (const driver of drivers) {
    if (driver === 'postgres') {
      const why = await unreachable(adminUrl);
      if (why) {
        out[driver] = { skipped: why };
        continue;
      }
    }
    try {
      out[driver] = await benchDriver(driver, settings, adminUrl);
    } catch (e) {
      log(`[${driver}] failed: ${(e as Error).stack ?? String(e)}`);
      out[driver] = { error: (e as Error).message };
    }
  }
  return out;
}

// Run directly: one JSON document on stdout.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const drivers = (process.env.BENCH_DRIVERS ?? 'pglite,postgres')
    .split(',')
    .filter((d): d is Driver => d === 'pglite' || d === 'postgres');
  const started = performance.now();
  const loadAverageAtStart = loadavg().map((n) => Math.round(n * 100) / 100);
  benchReferrals(drivers, adminUrl).then(
    (result) => {
      const report = {
        generatedAt: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          node: process.version,
          loadAverageAtStart,
          loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100),
        },
        postgres: redact(adminUrl),
        referralMetrics: result,
        totalSeconds: seconds(started),
      };
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      const failed = drivers.some((d) => {
        const r = result[d] as { error?: string } | undefined;
        return r?.error !== undefined;
      });
      process.exitCode = failed ? 1 : 0;
    },
    (e: unknown) => {
      log(`failed: ${(e as Error).stack ?? String(e)}`);
      process.exitCode = 1;
    },
  );
}
