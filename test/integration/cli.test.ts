import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchEnvironment } from '../support/cli.ts';

// The CLI contract used by outside checks (README, "Command line").
describe('lantern CLI', () => {
  let env: Awaited<ReturnType<typeof scratchEnvironment>>;
  let orgId: string;

  beforeAll(async () => {
    env = await scratchEnvironment();
  });
  afterAll(() => env.dispose());

  it('migrate applies the migrations once', async () => {
    const first = await runCli(['migrate', '--data', env.dataDir, '--json']);
    expect(first.code).toBe(0);
    expect(first.json<{ applied: string[] }>().applied).toContain('0001_foundation');
    const again = await runCli(['migrate', '--data', env.dataDir, '--json']);
    expect(again.json<{ applied: string[] }>().applied).toEqual([]);
  });

  it('org create prints {"id"} and keeps the master key file private (0600)', async () => {
    const res = await runCli([
      'org',
      'create',
      '--name',
      'Helpline Tbilisi',
      '--data',
      env.dataDir,
      '--json',
    ]);
    expect(res.code).toBe(0);
    orgId = res.json<{ id: string }>().id;
    expect(orgId).toMatch(/^[0-9a-f-]{36}$/);
    if (!process.env.LANTERN_MASTER_KEY) {
      const info = await stat(join(env.dataDir, 'master.key'));
      expect(info.mode & 0o777).toBe(0o600);
    }
  });

  it('user create reads the password from standard input and prints {"id"}', async () => {
    const res = await runCli(
      [
        'user',
        'create',
        '--org',
        orgId,
        '--email',
        'Case.Worker@Example.org',
        '--role',
        'caseworker',
        '--password-stdin',
        '--data',
        env.dataDir,
        '--json',
      ],
      'a sufficiently long password\n',
    );
    expect(res.code).toBe(0);
    expect(res.json<{ id: string }>().id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.out).not.toContain('sufficiently');
  });

  it('user create refuses a duplicate e-mail, a short password and an unknown role', async () => {
    const dup = await runCli(
      [
        'user',
        'create',
        '--org',
        orgId,
        '--email',
        'case.worker@example.org',
        '--role',
        'caseworker',
        '--password-stdin',
        '--data',
        env.dataDir,
        '--json',
      ],
      'another long password\n',
    );
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/already exists/);
    const short = await runCli(
      [
        'user',
        'create',
        '--org',
        orgId,
        '--email',
        'x@example.org',
        '--role',
        'caseworker',
        '--password-stdin',
        '--data',
        env.dataDir,
      ],
      'short\n',
    );
    expect(short.code).toBe(2);
    const role = await runCli([
      'user',
      'create',
      '--org',
      orgId,
      '--email',
      'y@example.org',
      '--role',
      'boss',
      '--data',
      env.dataDir,
    ]);
    expect(role.code).toBe(2);
    expect(role.err).toMatch(/--role must be one of/);
  });

  it('user create without --password-stdin prints a one-time password', async () => {
    const res = await runCli([
      'user',
      'create',
      '--org',
      orgId,
      '--email',
      'sup@example.org',
      '--role',
      'supervisor',
      '--data',
      env.dataDir,
      '--json',
    ]);
    expect(res.json<{ oneTimePassword: string }>().oneTimePassword).toMatch(
      /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/,
    );
  });

  it('audit verify reports an intact chain as JSON', async () => {
    const res = await runCli(['audit', 'verify', '--data', env.dataDir, '--json']);
    expect(res.code).toBe(0);
    // organisation.created (system chain) and two user.created (the organisation's chain);
    // the refused duplicate left nothing behind.
    expect(res.json()).toMatchObject({ ok: true, entries: 3, chains: 2 });
  });

  it('demo seed adds synthetic cases and keeps the audit chain intact', async () => {
    const res = await runCli([
      'demo',
      'seed',
      '--org',
      orgId,
      '--count',
      '120',
      '--seed',
      '7',
      '--today',
      '2026-06-30',
      '--data',
      env.dataDir,
      '--json',
    ]);
    expect(res.code).toBe(0);
    expect(res.json()).toMatchObject({ seeded: 120, seed: 7 });
    const audit = await runCli(['audit', 'verify', '--data', env.dataDir, '--json']);
    expect(audit.json()).toMatchObject({ ok: true });
    const bad = await runCli([
      'demo',
      'seed',
      '--org',
      orgId,
      '--count',
      '-3',
      '--data',
      env.dataDir,
    ]);
    expect(bad.code).toBe(2);
  });

  it('demo seed --services lists a synthetic directory through the CSV import', async () => {
    const res = await runCli(
      ['demo', 'seed', '--org', orgId, '--count', '0', '--services', '25', '--seed', '3'].concat([
        '--data',
        env.dataDir,
        '--json',
      ]),
    );
    expect(res.code).toBe(0);
    expect(res.json()).toMatchObject({ seeded: 0, services: 25 });
    const exported = await runCli(['services', 'export', '--org', orgId, '--data', env.dataDir]);
    expect(exported.code).toBe(0);
    // The header and one line per listing.
    expect(exported.out.trim().split(/\r?\n/)).toHaveLength(26);
  });

  it('unknown commands and flags exit 2 with usage', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    const bad = await runCli(['org', 'create', '--nmae', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Usage: lantern org create/);
  });
});
