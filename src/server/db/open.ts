import { mkdir } from 'node:fs/promises';
import type { Database } from './database.ts';
import { openPglite } from './pglite-driver.ts';
import { openPostgres } from './pg-driver.ts';

/** A PostgreSQL server when `databaseUrl` is set, else PGlite in `<dataDir>/pgdata`. */
export async function openDatabase(opts: {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
}): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize);
  await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
  return openPglite(`${opts.dataDir}/pgdata`);
}
