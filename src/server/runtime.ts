import { join } from 'node:path';
import { loadMasterKey } from './crypto/master-key.ts';
import { Keyring } from './crypto/keyring.ts';
import type { Database } from './db/database.ts';
import { SYSTEM } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { getWrappedKey, listOrganisations } from './organisations/organisations.repo.ts';

export interface RuntimeOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  masterKey?: string | undefined;
  poolSize?: number;
}

export interface Runtime {
  db: Database;
  keyring: Keyring;
  close(): Promise<void>;
}

/**
 * Opens the database, applies pending migrations and loads the master key. Fails fast when the
 * master key cannot unwrap the data keys already stored (a lost or wrong key file): better to
 * stop than to write records no one can read.
 */
export async function openRuntime(o: RuntimeOptions): Promise<Runtime> {
  const db = await openDatabase({
    databaseUrl: o.databaseUrl,
    dataDir: o.dataDir,
    ...(o.poolSize ? { poolSize: o.poolSize } : {}),
  });
  try {
    await migrate(db);
    const { key } = await loadMasterKey(o.masterKey, join(o.dataDir, 'master.key'));
    const keyring = new Keyring(key);
    await db.transaction(SYSTEM, async (tx) => {
      const [first] = await listOrganisations(tx);
      if (!first) return;
      try {
        keyring.keys(first.id, (await getWrappedKey(tx, first.id))!);
      } catch {
        throw new Error(
          'The master key does not match this database: set LANTERN_MASTER_KEY or restore master.key from your backup.',
        );
      }
    });
    return { db, keyring, close: () => db.close() };
  } catch (e) {
    await db.close();
    throw e;
  }
}
