import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/server/db/database.ts';
import { seedCases } from '../../src/server/demo/seed-cases.ts';
import { provisionUser } from '../../src/server/organisations/organisations.service.ts';
import { openRuntime } from '../../src/server/runtime.ts';
import { systemClock } from '../../src/server/shared/clock.ts';
import type { ReferralMetrics } from '../../src/shared/api/referral-metrics.schema.ts';
import { generateDemoCases } from '../../src/shared/demo/generate-cases.ts';
import { parseCsv } from '../../src/shared/exchange/csv.ts';
import { runCli, scratchEnvironment } from '../support/cli.ts';

// `lantern referrals report` (the contract of the issue: `npx lantern referrals report [--data
// DIR] --json` → the pathway metrics). The CLI reads the real clock, so the referrals are sent
// ten days before now: inside the default period whatever the date.
//   org A: case a1 → accepted after 5 h, declined after 1 h (no_capacity);
//          case a2 → completed (accepted after 2 h, closed after 26 h)
//   org B: case b1 → expired
describe('lantern referrals report', () => {
  let env: Awaited<ReturnType<typeof scratchEnvironment>>;
  let orgA: string;
  let orgB: string;
  const data = () => ['--data', env.dataDir];
  const H = 3_600_000;

  beforeAll(async () => {
    env = await scratchEnvironment();
    const create = async (name: string) =>
      (await runCli(['org', 'create', '--name', name, ...data(), '--json'])).json<{ id: string }>()
        .id;
    orgA = await create('Referring org A');
    orgB = await create('Referring org B');

    const rt = await openRuntime({
      dataDir: env.dataDir,
      databaseUrl: process.env.DATABASE_URL,
    });
    try {
      const sql = (text: string, params: unknown[] = []) =>
        rt.db.transaction(SYSTEM, (tx) => tx.query(text, params));
      const caseIds: Record<string, string[]> = {};
      for (const [org, count] of [
        [orgA, 2],
        [orgB, 1],
      ] as const) {
        const user = await rt.db.transaction(SYSTEM, (tx) =>
          provisionUser(
            tx,
            { clock: systemClock },
            {
              orgId: org,
              email: `cw-${randomUUID()}@example.org`,
              role: 'caseworker',
              password: 'a long test password',
            },
          ),
        );
        await seedCases(rt.db, rt.keyring, {
          orgId: org,
          userId: user.id,
          cases: generateDemoCases({ seed: 7, count, today: '2026-01-01' }),
        });
        caseIds[org] = (
          (await sql('SELECT id FROM cases WHERE org_id = $1 ORDER BY reference', [org])) as {
            id: string;
          }[]
        ).map((r) => r.id);
      }
      const provider = randomUUID();
      const service = randomUUID();
      await sql(
        `INSERT INTO providers (id, org_id, name, created_at, updated_at)
         VALUES ($1, $2, 'Harbour House', now(), now())`,
        [provider, orgA],
      );
      await sql(
        `INSERT INTO services (id, org_id, provider_id, service_type, name, country, latitude,
           longitude, created_at, updated_at)
         VALUES ($1, $2, $3, 'shelter', 'Harbour House shelter', 'IT', 41.9, 12.5, now(), now())`,
        [service, orgA, provider],
      );
      const sent = Date.now() - 10 * 24 * H;
      const at = (h: number | null) => (h === null ? null : new Date(sent + h * H));
      let seq = 0;
      const referral = async (
        org: string,
        caseId: string,
        status: string,
        answered: number | null,
        closed: number | null,
        extra: { reason?: string; outcome?: string } = {},
      ) => {
        seq += 1;
        await sql(
          `INSERT INTO referrals (id, org_id, reference, case_id, service_id, provider_id,
             service_type, status, from_org_name, decline_reason, outcome, created_by,
             created_at, sent_at, answer_due_at, answered_at, closed_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'shelter', $7, 'Sender', $8, $9, $10, $11, $11, $12,
             $13, $14, $11)`,
          [
            randomUUID(),
            org,
            `R-CLI-${seq}`,
            caseId,
            service,
            provider,
            status,
            extra.reason ?? null,
            extra.outcome ?? null,
            randomUUID(),
            at(0),
            at(120),
            at(answered),
            at(closed),
          ],
        );
      };
      const [a1, a2] = caseIds[orgA]!;
      await referral(orgA, a1!, 'accepted', 5, null);
      await referral(orgA, a1!, 'declined', 1, 1, { reason: 'no_capacity' });
      await referral(orgA, a2!, 'completed', 2, 26, { outcome: 'service_provided' });
      await referral(orgB, caseIds[orgB]![0]!, 'expired', null, 120);
    } finally {
      await rt.close();
    }
  });
  afterAll(() => env.dispose());

  it('prints the whole instance, with a part per organisation, when --org is absent', async () => {
    const res = await runCli(['referrals', 'report', ...data(), '--json']);
    expect(res.code, res.err).toBe(0);
    const m = res.json<ReferralMetrics>();
    expect(m.scope).toEqual({ side: 'sent', organisationId: null });
    expect(m.total).toBe(4);
    // accepted 2 (a1, a2), declined 1, expired 1 (B) → 2/4
    expect(m.acceptance.overall).toMatchObject({ accepted: 2, declined: 1, expired: 1, rate: 0.5 });
    expect(m.timeToAcceptance).toMatchObject({ n: 2, medianHours: 3.5, meanHours: 3.5 });
    expect(m.timeToCompletion).toMatchObject({ n: 1, medianHours: 26 });
    expect(m.referralsPerCase).toMatchObject({ cases: 3, referrals: 4 });
    expect(m.byOrganisation!.map((o) => [o.organisationName, o.total, o.acceptance.rate])).toEqual([
      ['Referring org A', 3, 0.6667],
      ['Referring org B', 1, 0],
    ]);
  });

  it('prints one organisation’s figures, exactly as its coordinator sees them', async () => {
    const res = await runCli(['referrals', 'report', '--org', orgA, ...data(), '--json']);
    expect(res.code, res.err).toBe(0);
    const m = res.json<ReferralMetrics>();
    expect(m.scope).toEqual({ side: 'sent', organisationId: orgA });
    expect(m.total).toBe(3);
    expect(m.statusCounts).toMatchObject({ accepted: 1, declined: 1, completed: 1, expired: 0 });
    expect(m.declineReasons.map((d) => d.code)).toEqual(['no_capacity']);
    expect(m.byOrganisation).toBeUndefined();
    const received = await runCli([
      'referrals',
      'report',
      '--org',
      orgA,
      '--side',
      'received',
      ...data(),
      '--json',
    ]);
    expect(received.json<ReferralMetrics>().total).toBe(0);
  });

  it('filters by period', async () => {
    const res = await runCli([
      'referrals',
      'report',
      '--from',
      '2020-01-01',
      '--to',
      '2020-12-31',
      ...data(),
      '--json',
    ]);
    expect(res.code).toBe(0);
    expect(res.json<ReferralMetrics>()).toMatchObject({
      period: { from: '2020-01-01', to: '2020-12-31' },
      total: 0,
    });
  });

  it('prints CSV with --csv and a short summary without --json', async () => {
    const csv = await runCli(['referrals', 'report', '--org', orgB, '--csv', ...data()]);
    expect(csv.code).toBe(0);
    const rows = parseCsv(csv.out).records.map((r) => r.cells);
    expect(rows[0]).toEqual(['metric', 'dimension', 'key', 'label', 'value', 'small']);
    expect(rows.find((r) => r[0] === 'status.count' && r[2] === 'expired')?.[4]).toBe('1');
    const text = await runCli(['referrals', 'report', ...data()]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('referrals sent: 4');
    expect(text.out).toContain('Referring org A: 3 sent');
  });

  it('audits each report with no actor', async () => {
    const rt = await openRuntime({ dataDir: env.dataDir, databaseUrl: process.env.DATABASE_URL });
    try {
      const rows = await rt.db.transaction(SYSTEM, (tx) =>
        tx.query<{ chain: string; actorId: string | null; fields: string[] }>(
          `SELECT chain, actor_id AS "actorId", fields FROM audit_log
            WHERE action = 'referral.metrics.read' ORDER BY seq`,
        ),
      );
      expect(rows.map((r) => r.chain)).toEqual(
        expect.arrayContaining(['system', `org:${orgA}`, `org:${orgB}`]),
      );
      expect(rows.every((r) => r.actorId === null)).toBe(true);
      expect(rows.find((r) => r.chain === `org:${orgB}`)!.fields).toEqual([
        'side:sent',
        'format:csv',
      ]);
    } finally {
      await rt.close();
    }
  });

  it('refuses bad arguments with exit code 2, and an unknown organisation with 1', async () => {
    const bad: [string[], string][] = [
      [['--from', '2026-02-30'], '--from'],
      [['--from', '2026-05-02', '--to', '2026-05-01'], '--from'],
      [['--side', 'received'], '--side needs --org'],
      [['--org', 'not-an-id'], '--org'],
      [['--org', orgA, '--side', 'both'], '--side'],
      [['--csv', '--json'], '--csv and --json'],
    ];
    for (const [args, message] of bad) {
      const res = await runCli(['referrals', 'report', ...args, ...data()]);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.err, args.join(' ')).toContain(message);
    }
    const unknown = await runCli(['referrals', 'report', '--org', randomUUID(), ...data()]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no organisation with that id');
  });
});
