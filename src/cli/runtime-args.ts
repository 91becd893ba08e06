import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { loadConfig } from '../server/config.ts';
import type { Runtime } from '../server/runtime.ts';
import { openRuntime } from '../server/runtime.ts';
import { UsageError } from './command.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every database-touching command takes. */
export const COMMON_OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies Options;

/** parseArgs, with unknown flags and stray arguments reported as usage errors. */
export function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Opens the database named by DATABASE_URL or --data (default ./data), migrated. */
export function runtimeFor(data: string | undefined): Promise<Runtime> {
  const config = loadConfig();
  return openRuntime({
    dataDir: data ?? config.dataDir,
    databaseUrl: config.databaseUrl,
    masterKey: config.masterKey,
  });
}

/** Runs `fn` with an open runtime and always closes it (an open PGlite keeps the process alive). */
export async function withRuntime<T>(data: string | undefined, fn: (rt: Runtime) => Promise<T>) {
  const rt = await runtimeFor(data);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}
