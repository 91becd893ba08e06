import { PGlite } from '@electric-sql/pglite';
import type { Database, Scope, Tx } from './database.ts';
import { enterOrgStatements } from './database.ts';
import { parsers } from './types.ts';

/** Opens (or creates) an embedded database in `dataDir`; in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<Database> {
  return fromPglite(await PGlite.create({ dataDir, parsers }));
}

/** Wraps an open PGlite instance (also used by tests that clone a migrated template). */
export function fromPglite(pg: PGlite): Database {
  return {
    driver: 'pglite',
    // PGlite has one connection; its transaction() holds a lock so transactions never interleave.
    async transaction<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
      return pg.transaction(async (ptx) => {
        const tx: Tx = {
          query: async <R>(sql: string, params?: readonly unknown[]) =>
            (await ptx.query<R>(sql, params as unknown[] | undefined)).rows,
          exec: async (sql: string) => {
            await ptx.exec(sql);
          },
          enterOrg: async (orgId, userId) => {
            await ptx.exec(enterOrgStatements(orgId, userId));
          },
        };
        if (scope.kind === 'org') await tx.enterOrg(scope.orgId, scope.userId);
        return fn(tx);
      });
    },
    close: () => pg.close(),
  };
}
