/**
 * One tracing query against many cases: seeds synthetic cases with the bulk seeder (which also
 * writes the match keys; its time is measured), records family-tracing consent for about half of
 * them, then runs the candidate search (`findCandidates`, purpose 'tracing': blocking on match
 * keys, decryption of at most 150 identities, Fellegi–Sunter scoring, the batched consent check)
 * for persons known to be registered, searched under a different spelling and a birth year only.
 * Each query is one organisation-scoped transaction, as a request would be. Prints ONE JSON
 * document on stdout (progress on stderr). Measured, never asserted (bench/README.md).
 *
 *   node --import tsx bench/tracing.ts
 *   BENCH_TRACING_CASES=20000 BENCH_DRIVERS=postgres node --import tsx bench/tracing.ts
 *
 * Target (the issue): p95 < 200 ms against 1,000,000 cases.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Keyring } from '../src/server/crypto/keyring.ts';
import { loadOrgKeys } from '../src/server/crypto/org-keys.ts';
import type { Database } from '../src/server/db/database.ts';
import { SYSTEM, orgScope } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openPglite } from '../src/server/db/pglite-driver.ts';
import { openPostgres } from '../src/server/db/pg-driver.ts';
import { seedCases } from '../src/server/demo/seed-cases.ts';
import {
  provisionOrganisation,
  provisionUser,
} from '../src/server/organisations/organisations.service.ts';
import { BLOCK_LIMIT, KEY_CAP, findCandidates } from '../src/server/reunite/candidates.ts';
import { blockCandidates } from '../src/server/reunite/candidates.repo.ts';
import { queryMatchKeys } from '../src/server/reunite/match-keys.ts';
import { SCORER } from '../src/server/reunite/matcher.ts';
import { systemClock } from '../src/server/shared/clock.ts';
import type { DemoCase } from '../src/shared/demo/generate-cases.ts';
import { DEFAULT_DEMO_TODAY, demoCases } from '../src/shared/demo/generate-cases.ts';
import type { LinkRecord } from '../src/shared/linkage/types.ts';
import { benchContext, envInt } from './lib/context.ts';
import { createBenchDatabase, runStandalone, unreachable } from './lib/setup.ts';

type Driver = 'pglite' | 'postgres';

export interface TracingBenchSettings {
  /** Cases on the PostgreSQL server. */
  cases: number;
  /** Cases on PGlite (in memory, one core: a smaller default, see bench/README.md). */
  pgliteCases: number;
  queries: number;
  seed: number;
}

export const tracingBenchSettings = (defaults: Partial<TracingBenchSettings> = {}) => ({
  cases: envInt('BENCH_TRACING_CASES', defaults.cases ?? 1_000_000),
  pgliteCases: envInt('BENCH_TRACING_PGLITE_CASES', defaults.pgliteCases ?? 100_000),
  queries: envInt('BENCH_TRACING_QUERIES', defaults.queries ?? 50),
  seed: envInt('BENCH_SEED', 2026),
});

const log = (msg: string) => process.stderr.write(`[bench:tracing] ${msg}\n`);
const seconds = (t: number) => Math.round((performance.now() - t) / 10) / 100;

function percentiles(ms: number[]) {
  const x = [...ms].sort((a, b) => a - b);
  const rank = (p: number) => x[Math.max(0, Math.ceil(p * x.length) - 1)]!;
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    queries: x.length,
    p50Ms: r(rank(0.5)),
    p95Ms: r(rank(0.95)),
    meanMs: r(x.reduce((s, v) => s + v, 0) / x.length),
    maxMs: r(x[x.length - 1]!),
  };
}

/** Another spelling of a name: its Latin alias when it has one, else a vowel dropped. */
function respell(c: DemoCase): { given: string; family: string | null } {
  const alias = c.person.aliases?.[0];
  if (alias) {
    const parts = alias.split(' ');
    return { given: parts[0]!, family: parts.slice(1).join(' ') || null };
  }
  const family = c.person.familyName ?? null;
  const drop = (s: string) => s.replace(/([^aeiou])[aeiou]([^aeiou])/i, '$1$2');
  return { given: c.person.givenName, family: family ? drop(family) : null };
}

function queryOf(c: DemoCase, i: number): LinkRecord {
  const name = respell(c);
  const year = c.person.dateOfBirth ? Number(c.person.dateOfBirth.slice(0, 4)) : null;
  return {
    id: `query-${i}`,
    givenName: name.given,
    familyName: name.family,
    aliases: [],
    sex: c.person.gender === 'Feminine' ? 'F' : c.person.gender === 'Masculine' ? 'M' : null,
    birth: year ? { year, month: null, day: null } : null,
    age: year ? null : (c.person.age ?? null),
    ageAt: year ? null : c.registrationDate,
    places: [],
    identifiers: {},
  };
}

async function benchDriver(
  driver: Driver,
  count: number,
  s: TracingBenchSettings,
  adminUrl: string,
) {
  let drop: (() => Promise<void>) | undefined;
  let serverUrl: string | undefined;
  let db: Database;
  if (driver === 'postgres') {
    const created = await createBenchDatabase(adminUrl);
    drop = created.drop;
    serverUrl = created.url;
    db = openPostgres(created.url, 5);
  } else {
    db = await openPglite();
  }
  try {
    await migrate(db);
    const keyring = new Keyring(randomBytes(32));
    const deps = { keyring, clock: systemClock };
    const { orgId, userId } = await db.transaction(SYSTEM, async (tx) => {
      const org = await provisionOrganisation(tx, deps, 'Bench organisation');
      const user = await provisionUser(tx, deps, {
        orgId: org.id,
        email: `tracing-${randomBytes(3).toString('hex')}@bench.lantern.local`,
        role: 'supervisor',
        password: randomBytes(18).toString('base64url'),
      });
      return { orgId: org.id, userId: user.id };
    });
    const today = new Date().toISOString().slice(0, 10);
    const day = DEFAULT_DEMO_TODAY < today ? DEFAULT_DEMO_TODAY : today;
    // Persons sought: spread evenly over the input; kept while the generator streams.
    const every = Math.max(1, Math.floor(count / s.queries));
    const sought: { index: number; c: DemoCase }[] = [];
    function* tap() {
      let i = 0;
      for (const c of demoCases({ seed: s.seed, count, today: day })) {
        if (i % every === every >> 1 && sought.length < s.queries) sought.push({ index: i, c });
        i++;
        yield c;
      }
    }
    log(`[${driver}] seeding ${count} cases`);
    let t = performance.now();
    let next = 100_000;
    await seedCases(db, keyring, {
      orgId,
      userId,
      cases: tap(),
      onProgress: (n) => {
        if (n >= next) {
          log(`[${driver}]   ${n} cases, ${seconds(t)} s`);
          next += 100_000;
        }
      },
    });
    const seedSeconds = seconds(t);
    log(`[${driver}] seeded in ${seedSeconds} s`);

    // Family-tracing consent for about half of the cases, and for every person sought.
    t = performance.now();
    const soughtRefs = sought.map((x) => x.index + 1);
    await db.transaction(SYSTEM, (tx) =>
      tx.query(
        `INSERT INTO consents (id, org_id, case_id, purpose, granted, method, recorded_by, recorded_at)
         SELECT gen_random_uuid(), org_id, id, 'family_tracing', true, 'verbal', $2, now() - interval '1 day'
           FROM cases
          WHERE org_id = $1
            AND (abs(hashtext(id::text)) % 2 = 0
                 OR split_part(reference, '-', 3)::int = ANY($3::int[]))`,
        [orgId, userId, soughtRefs],
      ),
    );
    const [keyCount] = await db.transaction(SYSTEM, (tx) =>
      tx.query<{ keys: number; consents: number }>(
        `SELECT (SELECT count(*)::int FROM person_match_keys) AS keys,
                (SELECT count(*)::int FROM consents) AS consents`,
      ),
    );
    const consentSeconds = seconds(t);

    // What autovacuum does on its own shortly after a bulk insert (the visibility map lets the
    // blocking step read the match keys index-only); PGlite has no autovacuum, and gets ANALYZE.
    const vacuumStart = performance.now();
    if (serverUrl) {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query('VACUUM (ANALYZE) persons, cases, person_match_keys, consents');
      await c.end();
    } else {
      await db.transaction(SYSTEM, (tx) => tx.exec('ANALYZE consents'));
    }
    const run = async (q: LinkRecord) =>
      db.transaction(orgScope(orgId, userId), (tx) =>
        findCandidates(benchContext(tx, keyring, orgId, userId), q, { purpose: 'tracing' }),
      );
    // Warm-up: plans, caches, JIT.
    for (const x of sought.slice(0, 3)) await run(queryOf(x.c, x.index));
    const ms: number[] = [];
    let found = 0;
    let compared = 0;
    for (const x of sought) {
      const q = queryOf(x.c, x.index);
      const start = performance.now();
      const r = await run(q);
      ms.push(performance.now() - start);
      compared += r.compared;
      const ref = `-${String(x.index + 1).padStart(6, '0')}`;
      if (r.candidates.some((c) => c.reference.endsWith(ref))) found++;
    }
    const timing = percentiles(ms);
    // The blocking statement alone (match keys → the ≤ 150 persons to decrypt), to show where
    // the time goes; the rest is decryption, scoring and the consent query.
    const blockMs: number[] = [];
    for (const x of sought) {
      const q = queryOf(x.c, x.index);
      const start = performance.now();
      await db.transaction(orgScope(orgId, userId), async (tx) => {
        const keys = await loadOrgKeys(tx, keyring, orgId);
        await blockCandidates(tx, orgId, queryMatchKeys(keys, q), {
          cap: KEY_CAP,
          limit: BLOCK_LIMIT,
          excludePersonIds: [],
        });
      });
      blockMs.push(performance.now() - start);
    }
    const blocking = percentiles(blockMs);
    log(`[${driver}] ${timing.queries} queries: p50 ${timing.p50Ms} ms, p95 ${timing.p95Ms} ms`);
    return {
      cases: count,
      matchKeys: keyCount?.keys ?? 0,
      consents: keyCount?.consents ?? 0,
      seed: {
        seconds: seedSeconds,
        casesPerSecond: Math.round(count / seedSeconds),
        consentSeconds,
        vacuumSeconds: seconds(vacuumStart),
      },
      query: timing,
      blockingOnly: blocking,
      meanCompared: Math.round(compared / sought.length),
      /** Share of sought persons (all consenting) found among the top 20 candidates. */
      recallAt20: Math.round((found / sought.length) * 1000) / 1000,
      // The target is stated at 1,000,000 cases: a smaller run cannot meet it, only inform.
      meetsTarget: count >= 1_000_000 && timing.p95Ms < 200,
    };
  } finally {
    await db.close();
    if (drop) await drop();
  }
}

export async function benchTracing(
  drivers: Driver[],
  adminUrl: string,
  s: TracingBenchSettings = tracingBenchSettings(),
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {
    target: { p95Ms: 200, cases: 1_000_000 },
    scorer: SCORER,
    settings: s,
  };
  for (const driver of drivers) {
    if (driver === 'postgres') {
      const why = await unreachable(adminUrl);
      if (why) {
        out[driver] = { skipped: why };
        continue;
      }
    }
    try {
      out[driver] = await benchDriver(
        driver,
        driver === 'pglite' ? s.pgliteCases : s.cases,
        s,
        adminUrl,
      );
    } catch (e) {
      log(`[${driver}] failed: ${(e as Error).stack ?? String(e)}`);
      out[driver] = { error: (e as Error).message };
    }
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const drivers = (process.env.BENCH_DRIVERS ?? 'postgres,pglite')
    .split(',')
    .filter((d): d is Driver => d === 'pglite' || d === 'postgres');
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  runStandalone('tracing', adminUrl, () => benchTracing(drivers, adminUrl), log);
}
