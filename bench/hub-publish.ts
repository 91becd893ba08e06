/**
 * From the case store to a published k = 11 file, at 100,000 records (issue 6: "100,000
 * generated CTDC records from case store to published k = 11 file in under 10 s"). On embedded
 * PGlite, through the same services the API calls, each step one organisation-scoped
 * transaction as a request would be. Two paths:
 *
 * - fromCases (the target): demo cases seeded with consent to statistics (not timed); a
 *   supervisor prepares the organisation's contribution (identities opened for the date of
 *   birth only, one CTDC row per case, the disclosure check at k = 11); a second supervisor
 *   approves it into the hub store;
 * - fromFile: an analyst imports a CTDC CSV file of generated records (generateCtdc), every
 *   cell checked, as one source;
 *
 * then, both: publish (the rows read back, k-anonymised with the CTDC quasi-identifiers and
 * hierarchies, k = 11, at most 5 % suppressed, the file stored with its report), release (the
 * file read back and checked again) and download (the CSV as the public page serves it). Each
 * step's wall-clock and CPU seconds are printed: on a busy shared machine the CPU time is the
 * steadier figure. Real victim data never enters the repository. Prints ONE JSON document on
 * stdout (progress on stderr). Measured, never asserted (bench/README.md).
 *
 *   node --import tsx bench/hub-publish.ts
 *   BENCH_HUB_ROWS=20000 BENCH_HUB_FROM=file node --import tsx bench/hub-publish.ts
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { auditWriter } from '../src/server/audit/audit-writer.ts';
import { Keyring } from '../src/server/crypto/keyring.ts';
import type { Database, Tx } from '../src/server/db/database.ts';
import { SYSTEM, orgScope } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openPglite } from '../src/server/db/pglite-driver.ts';
import { seedCases } from '../src/server/demo/seed-cases.ts';
import {
  approveContribution,
  prepareContribution,
} from '../src/server/hub/contributions.service.ts';
import type { HubContext } from '../src/server/hub/hub-context.ts';
import { DEFAULT_HUB_OPTIONS } from '../src/server/hub/hub-context.ts';
import { importHubFile } from '../src/server/hub/hub-sources.service.ts';
import { downloadPublication } from '../src/server/hub/public-publications.service.ts';
import { createPublication, releasePublication } from '../src/server/hub/publications.service.ts';
import type { ServiceContext } from '../src/server/http/context.ts';
import {
  provisionOrganisation,
  provisionUser,
} from '../src/server/organisations/organisations.service.ts';
import { systemClock } from '../src/server/shared/clock.ts';
import type { Role } from '../src/shared/api/auth.schema.ts';
import { ContributionPrepareBody } from '../src/shared/api/hub-contributions.schema.ts';
import { DEFAULT_HUB_QI, PublicationCreateBody } from '../src/shared/api/hub.schema.ts';
import { DEFAULT_DEMO_TODAY, demoCases } from '../src/shared/demo/generate-cases.ts';
import { generateCtdc } from '../src/shared/hub/ctdc/index.ts';
import { writeTable } from '../src/shared/hub/table.ts';
import { benchContext, envInt } from './lib/context.ts';

const TARGET_SECONDS = 10;
const log = (msg: string) => process.stderr.write(`[bench:hub-publish] ${msg}\n`);
const since = (t: number) => Math.round(performance.now() - t) / 1000;
/** CPU time of this process (PGlite runs in it too): what a busy, shared machine does not inflate. */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const cpuSince = (c: number) => Math.round((cpuNow() - c) * 1000) / 1000;

function hubContext(tx: Tx, orgId: string, userId: string): HubContext {
  return {
    tx,
    orgId,
    userId,
    clock: systemClock,
    options: DEFAULT_HUB_OPTIONS,
    audit: auditWriter(tx, orgId, userId, systemClock),
  };
}

async function user(db: Database, orgId: string, role: Role): Promise<string> {
  return db.transaction(SYSTEM, async (tx) => {
    const created = await provisionUser(
      tx,
      { clock: systemClock },
      {
        orgId,
        email: `hub-${role}-${randomBytes(3).toString('hex')}@bench.lantern.local`,
        role,
        password: randomBytes(18).toString('base64url'),
      },
    );
    return created.id;
  });
}

interface Bench {
  db: Database;
  keyring: Keyring;
  orgId: string;
  analystId: string;
  wall: Record<string, number>;
  cpu: Record<string, number>;
}

async function openBench(): Promise<Bench> {
  const db = await openPglite();
  await migrate(db);
  const keyring = new Keyring(randomBytes(32));
  const orgId = await db.transaction(
    SYSTEM,
    async (tx) =>
      (await provisionOrganisation(tx, { keyring, clock: systemClock }, 'Bench organisation')).id,
  );
  const analystId = await user(db, orgId, 'analyst');
  return { db, keyring, orgId, analystId, wall: {}, cpu: {} };
}

/** Runs one step, noting its wall-clock and CPU seconds. */
async function step<T>(b: Bench, name: string, fn: () => Promise<T>): Promise<T> {
  log(name);
  const t0 = performance.now();
  const c0 = cpuNow();
  const out = await fn();
  b.wall[`${name}Seconds`] = since(t0);
  b.cpu[`${name}Seconds`] = cpuSince(c0);
  return out;
}

/** Publishes source `sourceId` k = 11, releases and downloads it: the steps both paths share. */
async function publishSteps(b: Bench, sourceId: string) {
  const inOrg = <T>(fn: (ctx: HubContext) => Promise<T>) =>
    b.db.transaction(orgScope(b.orgId, b.analystId), (tx) =>
      fn(hubContext(tx, b.orgId, b.analystId)),
    );
  const body = PublicationCreateBody.parse({
    title: 'Bench k = 11',
    parameters: { kind: 'microdata', sourceIds: [sourceId], k: 11 },
  });
  const draft = await step(b, 'publish', () => inOrg((ctx) => createPublication(ctx, body)));
  await step(b, 'release', () => inOrg((ctx) => releasePublication(ctx, draft.id)));
  const file = await step(b, 'download', () => downloadPublication(b.db, draft.id, 'csv'));
  const report = draft.report.kind === 'microdata' ? draft.report : null;
  return {
    records: report?.records,
    released: report?.released,
    suppressed: report?.utility.suppressed,
    informationLoss: report?.utility.informationLoss,
    levels: report?.levels,
    smallestClass: report?.risk.smallestClass,
    fileBytes: Buffer.byteLength(file.body),
  };
}

function figures(b: Bench, started: number, startedCpu: number, out: Record<string, unknown>) {
  const totalSeconds = since(started);
  return {
    ...b.wall,
    totalSeconds,
    withinTarget: totalSeconds < TARGET_SECONDS,
    cpu: { ...b.cpu, totalSeconds: cpuSince(startedCpu) },
    ...out,
  };
}

/**
 * From the case store: `rows` demo cases seeded (with consent to statistics, not timed), then a
 * supervisor prepares the organisation's contribution (identities opened for the date of birth
 * only, one CTDC row per case, the disclosure check at k = 11), a second supervisor approves it
 * into the hub store, and an analyst publishes it k = 11.
 */
async function fromCases(rows: number, seed: number): Promise<Record<string, unknown>> {
  const b = await openBench();
  try {
    const preparer = await user(b.db, b.orgId, 'supervisor');
    const approver = await user(b.db, b.orgId, 'supervisor');
    log(`seeding ${rows} demo cases (seed ${seed})`);
    const t = performance.now();
    await seedCases(b.db, b.keyring, {
      orgId: b.orgId,
      userId: preparer,
      cases: demoCases({ seed, count: rows, today: DEFAULT_DEMO_TODAY }),
    });
    await b.db.transaction(SYSTEM, (tx) =>
      tx.query(
        `INSERT INTO consents (id, org_id, case_id, purpose, granted, method, recorded_by, recorded_at)
         SELECT gen_random_uuid(), org_id, id, 'statistics', true, 'written', $2,
                now() - interval '1 day'
           FROM cases WHERE org_id = $1`,
        [b.orgId, preparer],
      ),
    );
    await b.db.transaction(SYSTEM, (tx) => tx.exec('ANALYZE cases, persons, consents'));
    const seedSeconds = since(t);

    const as = <T>(userId: string, fn: (ctx: ServiceContext) => Promise<T>) =>
      b.db.transaction(orgScope(b.orgId, userId), (tx) =>
        fn(benchContext(tx, b.keyring, b.orgId, userId)),
      );
    const started = performance.now();
    const startedCpu = cpuNow();
    const prepared = await step(b, 'prepare', () =>
      as(preparer, (ctx) =>
        prepareContribution(ctx, ContributionPrepareBody.parse({ label: 'Bench cases' })),
      ),
    );
    const approved = await step(b, 'approve', () =>
      as(approver, (ctx) => approveContribution(ctx, prepared.id)),
    );
    const out = await publishSteps(b, approved.hubSourceId!);
    return {
      data: { cases: rows, generator: 'demoCases', seed, seedSeconds },
      ...figures(b, started, startedCpu, { contributed: prepared.counts.rows, ...out }),
    };
  } finally {
    await b.db.close();
  }
}

/** From a CTDC file: `rows` generated records imported by an analyst, then published k = 11. */
async function fromFile(rows: number, seed: number): Promise<Record<string, unknown>> {
  const b = await openBench();
  try {
    log(`generating ${rows} CTDC records (seed ${seed})`);
    const t = performance.now();
    const content = Buffer.from(writeTable(generateCtdc({ rows, seed })), 'utf8').toString(
      'base64',
    );
    const generateSeconds = since(t);
    const started = performance.now();
    const startedCpu = cpuNow();
    const { source } = await step(b, 'import', () =>
      b.db.transaction(orgScope(b.orgId, b.analystId), (tx) =>
        importHubFile(hubContext(tx, b.orgId, b.analystId), {
          label: 'Generated CTDC records',
          content,
        }),
      ),
    );
    const out = await publishSteps(b, source.id);
    return {
      data: { records: rows, generator: 'generateCtdc', seed, generateSeconds },
      ...figures(b, started, startedCpu, out),
    };
  } finally {
    await b.db.close();
  }
}

export async function benchHubPublish(): Promise<Record<string, unknown>> {
  const rows = envInt('BENCH_HUB_ROWS', 100_000);
  const seed = envInt('BENCH_SEED', 2026);
  const from = process.env.BENCH_HUB_FROM ?? 'cases,file';
  return {
    settings: { driver: 'pglite', k: 11, qi: DEFAULT_HUB_QI, suppressionLimit: 0.05 },
    target: { totalSeconds: TARGET_SECONDS, of: 'fromCases' },
    ...(from.includes('cases') ? { fromCases: await fromCases(rows, seed) } : {}),
    ...(from.includes('file') ? { fromFile: await fromFile(rows, seed) } : {}),
    machine: { cpus: cpus().length, loadavg: loadavg().map((x) => Math.round(x * 100) / 100) },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await benchHubPublish(), null, 2)}\n`);
}
