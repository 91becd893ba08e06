import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPglite } from '../../src/server/db/pglite-driver.ts';
import { openPostgres } from '../../src/server/db/pg-driver.ts';

export interface TestDatabase {
  db: Database;
  /** Runs SQL as the connecting (super)user, outside any organisation: for tampering tests. */
  superuser(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by DATABASE_URL (created here, dropped on close).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openPglite();
    await migrate(db);
    return {
      db,
      superuser: (sql, params) => db.transaction({ kind: 'system' }, (tx) => tx.query(sql, params)),
      close: () => db.close(),
    };
  }
  const name = `lantern_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const db = openPostgres(dbUrl.toString(), 5);
  await migrate(db);
  return {
    db,
    superuser: (sql, params) => db.transaction({ kind: 'system' }, (tx) => tx.query(sql, params)),
    async close() {
      await db.close();
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
