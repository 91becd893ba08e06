/**
 * The dashboard at 1,000,000 cases (issue 7: p95 under 200 ms on the PostgreSQL server). Seeds
 * synthetic cases into one organisation with the bulk seeder — every batch goes through the
 * triggers that keep `case_counts` (migration 0018), so the seeding time includes keeping the
 * counts — then starts the app in-process on 127.0.0.1 and sends GET /api/v1/insights/dashboard
 * over HTTP with a supervisor's session: a fixed mix of `by` dimensions, granularities and
 * filters, one request at a time. Prints ONE JSON document on stdout (progress on stderr).
 * Measured, never asserted (bench/README.md).
 *
 *   node --import tsx bench/insights-dashboard.ts
 *   BENCH_INSIGHTS_CASES=100000 node --import tsx bench/insights-dashboard.ts
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { Keyring } from '../src/server/crypto/keyring.ts';
import { SYSTEM } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openPostgres } from '../src/server/db/pg-driver.ts';
import { seedCases } from '../src/server/demo/seed-cases.ts';
import {
  provisionOrganisation,
  provisionUser,
} from '../src/server/organisations/organisations.service.ts';
import { systemClock } from '../src/server/shared/clock.ts';
import { DEFAULT_DEMO_TODAY, demoCases } from '../src/shared/demo/generate-cases.ts';
import { envInt } from './lib/context.ts';
import { percentile } from './lib/load.ts';
import { createBenchDatabase, runStandalone, unreachable } from './lib/setup.ts';

export interface InsightsDashboardBenchSettings {
  cases: number;
  requests: number;
  seed: number;
}

export const insightsDashboardBenchSettings = (
  defaults: Partial<InsightsDashboardBenchSettings> = {},
): InsightsDashboardBenchSettings => ({
  cases: envInt('BENCH_INSIGHTS_CASES', defaults.cases ?? 1_000_000),
  requests: envInt('BENCH_INSIGHTS_REQUESTS', defaults.requests ?? 240),
  seed: envInt('BENCH_SEED', 2026),
});

const TARGET_P95_MS = 200;
const log = (msg: string) => process.stderr.write(`[bench:insights-dashboard] ${msg}\n`);
const seconds = (t: number) => Math.round((performance.now() - t) / 10) / 100;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The request mix: every `by` dimension at both granularities, unfiltered and under the filters
 * a drill-down makes (a type, a citizenship, two fields at once, a two-year window). The values
 * filtered on are the organisation's most frequent, so that the filtered charts are not empty.
 */
function requestMix(top: { citizenship: string; coe: string }): string[] {
  const dims = ['exploitation', 'gender', 'ageBand', 'citizenship', 'countryOfExploitation'];
  const filters = [
    '',
    '&exploitation=SexualExploitation',
    `&citizenship=${top.citizenship}`,
    `&gender=Feminine&countryOfExploitation=${top.coe}`,
    '&from=2024-07&to=2026-06',
    '&exploitation=ForcedLabour&exploitation=ChildLabour&ageBand=9--17',
  ];
  const out: string[] = [];
  for (const f of filters) {
    for (const by of dims) {
      for (const g of ['month', 'year']) out.push(`by=${by}&granularity=${g}${f}`);
    }
  }
  return out;
}

/**
 * Times `requests` dashboard requests (the mix, in turn) against a running Lantern at `base`
 * signed in with `cookie`, after ten unmeasured ones (plans, caches).
 */
export async function measureDashboard(
  base: string,
  cookie: string,
  requests: number,
  top: { citizenship: string; coe: string },
) {
  const mix = requestMix(top);
  const send = async (query: string) => {
    const start = performance.now();
    const res = await fetch(`${base}/api/v1/insights/dashboard?${query}`, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${query}: ${res.status} ${body.slice(0, 300)}`);
    return performance.now() - start;
  };
  for (const q of mix.slice(0, 10)) await send(q);
  const ms: number[] = [];
  const byFilter = new Map<string, number[]>();
  for (let i = 0; i < requests; i++) {
    const q = mix[i % mix.length]!;
    const elapsed = await send(q);
    ms.push(elapsed);
    const filter = q.replace(/^by=\w+&granularity=\w+&?/, '') || '(none)';
    byFilter.set(filter, [...(byFilter.get(filter) ?? []), elapsed]);
  }
  const p = (xs: number[], q: number) =>
    round(
      percentile(
        [...xs].sort((a, b) => a - b),
        q,
      ),
    );
  log(`${ms.length} requests: p50 ${p(ms, 50)} ms, p95 ${p(ms, 95)} ms`);
  return {
    requests: ms.length,
    p50: p(ms, 50),
    p95: p(ms, 95),
    max: p(ms, 100),
    distinctQueries: mix.length,
    p95ByFilter: Object.fromEntries([...byFilter].map(([k, v]) => [k, p(v, 95)])),
  };
}

export async function benchInsightsDashboard(
  adminUrl: string,
  s: InsightsDashboardBenchSettings = insightsDashboardBenchSettings(),
): Promise<Record<string, unknown>> {
  const why = await unreachable(adminUrl);
  if (why) return { skipped: why };
  const created = await createBenchDatabase(adminUrl);
  const db = openPostgres(created.url, 10);
  try {
    await migrate(db);
    const keyring = new Keyring(randomBytes(32));
    const email = `insights-${randomBytes(3).toString('hex')}@bench.lantern.local`;
    const password = randomBytes(18).toString('base64url');
    const { orgId, userId } = await db.transaction(SYSTEM, async (tx) => {
      const org = await provisionOrganisation(tx, { keyring, clock: systemClock }, 'Bench org');
      const user = await provisionUser(
        tx,
        { clock: systemClock },
        { orgId: org.id, email, role: 'supervisor', password },
      );
      return { orgId: org.id, userId: user.id };
    });
    const today = new Date().toISOString().slice(0, 10);
    const day = DEFAULT_DEMO_TODAY < today ? DEFAULT_DEMO_TODAY : today;
    log(`seeding ${s.cases} cases (case_counts kept by the triggers)`);
    let t = performance.now();
    let next = 100_000;
    await seedCases(db, keyring, {
      orgId,
      userId,
      cases: demoCases({ seed: s.seed, count: s.cases, today: day }),
      onProgress: (n) => {
        if (n >= next) {
          log(`  ${n} cases, ${seconds(t)} s`);
          next += 100_000;
        }
      },
    });
    const seedSeconds = seconds(t);
    // What autovacuum does by itself shortly after a bulk insert (bench/README.md).
    t = performance.now();
    const admin = new pg.Client({ connectionString: created.url });
    await admin.connect();
    await admin.query('VACUUM (ANALYZE) cases, case_counts');
    const [shape] = (
      await admin.query<{ rows: number; months: number; cit: string; coe: string }>(
        `SELECT (SELECT count(*)::int FROM case_counts) AS rows,
                (SELECT count(DISTINCT month)::int FROM case_counts) AS months,
                (SELECT citizenship FROM case_counts GROUP BY 1 ORDER BY sum(n) DESC LIMIT 1) AS cit,
                (SELECT country_of_exploitation FROM case_counts WHERE country_of_exploitation <> ''
                  GROUP BY 1 ORDER BY sum(n) DESC LIMIT 1) AS coe`,
      )
    ).rows;
    await admin.end();
    const vacuumSeconds = seconds(t);
    log(`seeded in ${seedSeconds} s; ${shape!.rows} count rows over ${shape!.months} months`);

    const app = await buildApp({ db, keyring, clock: systemClock });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (login.status !== 200) throw new Error(`sign-in refused: ${login.status}`);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0]!)
        .find((c) => c.startsWith('lantern_session='))!;
      const m = await measureDashboard(base, cookie, s.requests, {
        citizenship: shape!.cit.trim(),
        coe: shape!.coe,
      });
      return {
        driver: 'postgres',
        cases: s.cases,
        ...m,
        targetP95: TARGET_P95_MS,
        // The target is stated at 1,000,000 cases: a smaller run can only inform.
        meetsTarget: s.cases >= 1_000_000 && m.p95 < TARGET_P95_MS,
        countRows: shape!.rows,
        months: shape!.months,
        seed: {
          seconds: seedSeconds,
          casesPerSecond: Math.round(s.cases / seedSeconds),
          triggers: 'on',
          vacuumSeconds,
        },
      };
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    await created.drop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  runStandalone('insightsDashboard', adminUrl, () => benchInsightsDashboard(adminUrl), log);
}
