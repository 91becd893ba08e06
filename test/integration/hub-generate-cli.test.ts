import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CTDC_COLUMNS,
  SYNTHETIC_COLUMNS,
  generateCtdc,
  readCtdc,
} from '../../src/shared/hub/ctdc/index.ts';
import { runCli } from '../support/cli.ts';

// `lantern hub generate`: synthetic CTDC records (no database involved).
describe('lantern hub generate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lantern-hub-generate-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes N records in the global layout to --out and reports them as JSON', async () => {
    const out = join(dir, 'global.csv');
    const res = await runCli([
      'hub',
      'generate',
      '--rows',
      '500',
      '--seed',
      '7',
      '--out',
      out,
      '--json',
    ]);
    expect(res.code).toBe(0);
    const report = res.json<{ rows: number; seed: number; out: string; seconds: number }>();
    expect(report).toMatchObject({ rows: 500, seed: 7, out, layout: 'global' });
    expect(report.seconds).toBeGreaterThanOrEqual(0);
    const read = readCtdc(await readFile(out, 'utf8'));
    expect(read.layout).toBe('global');
    expect(read.table.columns).toEqual([...CTDC_COLUMNS]);
    // The same records as the library gives for the seed: the command adds nothing of its own.
    expect(read.table).toEqual(generateCtdc({ rows: 500, seed: 7 }));
    expect((await readdir(dir)).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('writes the synthetic layout to standard output', async () => {
    const res = await runCli(['hub', 'generate', '--rows', '20', '--layout', 'synthetic']);
    expect(res.code).toBe(0);
    const read = readCtdc(res.out);
    expect(read.layout).toBe('synthetic');
    expect(read.table.columns).toEqual([...SYNTHETIC_COLUMNS]);
    expect(read.table.rows).toHaveLength(20);
  });

  it('is deterministic by seed', async () => {
    const a = await runCli(['hub', 'generate', '--rows', '50', '--seed', '3']);
    const b = await runCli(['hub', 'generate', '--rows', '50', '--seed', '3']);
    const c = await runCli(['hub', 'generate', '--rows', '50', '--seed', '4']);
    expect(a.out).toBe(b.out);
    expect(a.out).not.toBe(c.out);
  });

  it.each([
    [['--seed', '1'], /--rows is required/],
    [['--rows=-5'], /--rows must be a whole number/],
    [['--rows', '-5'], /--rows/],
    [['--rows', '1e3x'], /--rows must be a whole number/],
    [['--rows', '10', '--seed', '1.5'], /--seed must be a whole number/],
    [['--rows', '10', '--layout', 'arx'], /--layout must be global or synthetic/],
    [['--rows', '10', '--json'], /--json needs --out FILE/],
    [['--rows', '10', '--colour'], /colour/],
  ])('refuses bad usage %j with exit code 2 and writes nothing', async (args, message) => {
    const before = await readdir(dir);
    const res = await runCli(['hub', 'generate', ...args]);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(message);
    expect(res.out).toBe('');
    expect(await readdir(dir)).toEqual(before);
  });

  it('reports a file it cannot write, leaving nothing behind', async () => {
    const out = join(dir, 'no-such-folder', 'x.csv');
    const res = await runCli(['hub', 'generate', '--rows', '10', '--out', out, '--json']);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/cannot write .*x\.csv: ENOENT/);
    expect(res.out).toBe('');
  });
});
