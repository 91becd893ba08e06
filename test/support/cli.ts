import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { CliIo } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';

export interface CliResult {
  code: number;
  out: string;
  err: string;
  /** The last line of standard output parsed as JSON. */
  json<T>(): T;
}

/** Runs the `lantern` CLI in-process with captured streams and the given standard input. */
export async function runCli(args: string[], stdin = ''): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: CliIo = {
    readStdin: () => Promise.resolve(stdin),
    out: (s) => (out += s.endsWith('\n') ? s : `${s}\n`),
    err: (s) => (err += s.endsWith('\n') ? s : `${s}\n`),
  };
  const code = await main(args, io);
  return {
    code,
    out,
    err,
    json: <T>() => JSON.parse(out.trim().split('\n').pop() ?? 'null') as T,
  };
}

/**
 * A scratch data directory and, when DATABASE_URL names a server, a fresh database on it that
 * DATABASE_URL points to while the test runs (the CLI reads DATABASE_URL).
 */
export async function scratchEnvironment(): Promise<{ dataDir: string; dispose(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lantern-cli-'));
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    return { dataDir, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = `lantern_cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return {
    dataDir,
    async dispose() {
      process.env.DATABASE_URL = serverUrl;
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
