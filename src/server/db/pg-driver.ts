import pg from 'pg';
import type { Database, Scope, Tx } from './database.ts';
import { enterOrgStatements } from './database.ts';
import { parsers } from './types.ts';

/** Connects to a PostgreSQL server (15 or later) by URL, with a connection pool. */
export function openPostgres(url: string, poolSize = 10): Database {
  const getTypeParser = (oid: number): ((value: string) => unknown) =>
    parsers[oid] ?? (pg.types.getTypeParser(oid, 'text') as (value: string) => unknown);
  const types = { getTypeParser } as unknown as typeof pg.types;
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined);
  return {
    driver: 'postgres',
    async transaction<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        // One round trip opens the transaction and, for an organisation, enters its scope.
        await client.query(
          scope.kind === 'org'
            ? `BEGIN; ${enterOrgStatements(scope.orgId, scope.userId)}`
            : 'BEGIN',
        );
        const tx: Tx = {
          query: async <R>(sql: string, params?: readonly unknown[]) =>
            (await client.query(sql, params as unknown[] | undefined)).rows as R[],
          exec: async (sql: string) => {
            await client.query(sql);
          },
          enterOrg: async (orgId, userId) => {
            await client.query(enterOrgStatements(orgId, userId));
          },
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
