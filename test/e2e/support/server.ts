import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli.ts';

const BIN = join(import.meta.dirname, '../../../bin/lantern.mjs');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A real `lantern serve` child process on the embedded database in a scratch data directory,
 * exactly as a newcomer starts it, plus the CLI against the same directory while it is stopped
 * (PGlite's files belong to one process at a time).
 */
export class LanternProcess {
  private child: ChildProcess | undefined;
  /** The first administrator's credentials printed at first start. */
  firstAdmin: { email: string; password: string } | undefined;

  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<LanternProcess> {
    return new LanternProcess(await mkdtemp(join(tmpdir(), 'lantern-e2e-')), await freePort());
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the server and resolves once it answers; collects the first-start credentials. */
  async start(): Promise<void> {
    // The embedded database only: the end-to-end tests do not use DATABASE_URL.
    const env: NodeJS.ProcessEnv = { ...process.env, LANTERN_LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--port', String(this.port), '--data', this.dataDir],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        // `serve` prints the first-start credentials, then "Lantern is running at" last.
        if (!output.includes('Lantern is running at')) return;
        const password = /one-time password:\s+(\S+)/.exec(output)?.[1];
        const email = /e-mail:\s+(\S+)/.exec(output)?.[1];
        if (password && email) this.firstAdmin = { email, password };
        clearTimeout(timer);
        resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${output}`));
      });
    });
    child.removeAllListeners('exit');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    this.child = undefined;
  }

  /** Runs a `lantern` CLI command on this instance's data directory (server stopped). */
  async cli(args: string[], stdin = ''): Promise<Record<string, unknown>> {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const res = await runCli([...args, '--data', this.dataDir, '--json'], stdin);
      if (res.code !== 0) throw new Error(`lantern ${args.join(' ')} failed: ${res.err}`);
      return res.json();
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  }

  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
