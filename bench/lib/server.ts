/** A real `lantern serve` child process on 127.0.0.1, started, signed into and stopped. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/lantern.mjs', import.meta.url));
const running = new Set<ChildProcess>();

export interface ServerOptions {
  dataDir: string;
  /** PostgreSQL server database; PGlite in `dataDir` when undefined. */
  databaseUrl?: string | undefined;
  logFile: string;
  /** Writes a V8 CPU profile of the server here when it stops (node --cpu-prof). */
  cpuProfDir?: string | undefined;
}

export interface Server {
  base: string;
  child: ChildProcess;
  startedAt: number;
  logFile: string;
}

/** A port that was free a moment ago (loopback only). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** The environment of the child: the caller's, minus settings that would change what is measured. */
function childEnv(databaseUrl: string | undefined): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.LANTERN_MASTER_KEY; // the key file in the data dir is used, as by the seeding step
  delete env.LANTERN_DATA_DIR;
  delete env.LANTERN_PORT;
  delete env.PORT;
  delete env.LANTERN_HOST;
  delete env.NODE_OPTIONS;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

export async function startServer(o: ServerOptions): Promise<Server> {
  const port = await freePort();
  const out = openSync(o.logFile, 'a');
  const flags = o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`] : [];
  const startedAt = performance.now();
  const child = spawn(
    process.execPath,
    [...flags, BIN, 'serve', '--port', String(port), '--host', '127.0.0.1', '--data', o.dataDir],
    { env: childEnv(o.databaseUrl), stdio: ['ignore', out, out] },
  );
  closeSync(out);
  running.add(child);
  child.once('exit', () => running.delete(child));
  return { base: `http://127.0.0.1:${port}`, child, startedAt, logFile: o.logFile };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function logTail(s: Server): string {
  try {
    return readFileSync(s.logFile, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

function checkAlive(s: Server): void {
  if (s.child.exitCode !== null || s.child.signalCode !== null) {
    throw new Error(
      `lantern serve exited (${s.child.exitCode ?? s.child.signalCode}):\n${logTail(s)}`,
    );
  }
}

/** Milliseconds from spawning until the server first answers HTTP at all (any status). */
export async function waitForAnswer(s: Server, timeoutMs = 120_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    checkAlive(s);
    try {
      const res = await fetch(`${s.base}/api/v1/auth/session`, {
        signal: AbortSignal.timeout(2_000),
      });
      await res.arrayBuffer();
      return performance.now() - s.startedAt;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline)
      throw new Error(`no answer in ${timeoutMs} ms:\n${logTail(s)}`);
    await sleep(10);
  }
}

export interface SignedIn {
  cookie: string;
  /** Milliseconds from spawning until this sign-in succeeded. */
  ms: number;
}

/** Signs in (retrying while the server starts); returns the session cookie. */
export async function signIn(
  s: Server,
  email: string,
  password: string,
  timeoutMs = 120_000,
): Promise<SignedIn> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    checkAlive(s);
    let res: Response;
    try {
      res = await fetch(`${s.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (e) {
      // Not listening yet: try again until the deadline.
      if (performance.now() > deadline) {
        throw new Error(`could not sign in: ${(e as Error).message}\n${logTail(s)}`, {
          cause: e,
        });
      }
      await sleep(10);
      continue;
    }
    const text = await res.text();
    // A running server's refusal (wrong password, throttled) does not go away by retrying.
    if (res.status !== 200) throw new Error(`sign-in refused: ${res.status} ${text}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('lantern_session='));
    if (!cookie) throw new Error('sign-in answered without a session cookie');
    return { cookie, ms: performance.now() - s.startedAt };
  }
}

/** The one-time administrator password printed on a first start (read from the server's log). */
export async function firstAdminPassword(
  s: Server,
  timeoutMs = 120_000,
): Promise<{ email: string; password: string }> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    checkAlive(s);
    const log = readFileSync(s.logFile, 'utf8');
    const email = /e-mail:\s+(\S+)/.exec(log)?.[1];
    const password = /one-time password:\s+(\S+)/.exec(log)?.[1];
    if (email && password) return { email, password };
    if (performance.now() > deadline) throw new Error(`no first-start password:\n${logTail(s)}`);
    await sleep(10);
  }
}

/** Stops the server (SIGTERM, then SIGKILL after `graceMs`) and waits for it to exit. */
export async function stopServer(s: Server, graceMs = 15_000): Promise<void> {
  const child = s.child;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Kills every server still running (on error or time-out). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}
