/**
 * One data-access layer, two drivers: PGlite (embedded, default) and a PostgreSQL server
 * (node-postgres, when DATABASE_URL is set). Repositories receive a `Tx` and hold all SQL.
 */

export interface Tx {
  /** Runs one parameterised statement ($1, $2, …) and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Narrows a running system transaction to one organisation: from here on it runs as
   * `lantern_app` under row-level security (used after the session look-up of a request).
   */
  enterOrg(orgId: string, userId: string | null): Promise<void>;
}

/**
 * Who a transaction acts for. `org` transactions run as the unprivileged role `lantern_app`
 * with `lantern.org_id` set, so row-level security filters every table by organisation even
 * if a query forgets its WHERE clause. `system` transactions (sign-in look-up, migrations,
 * CLI administration) run as the connecting role and see everything.
 */
export type Scope = { kind: 'system' } | { kind: 'org'; orgId: string; userId: string | null };

export const SYSTEM: Scope = { kind: 'system' };
export const orgScope = (orgId: string, userId: string | null = null): Scope => ({
  kind: 'org',
  orgId,
  userId,
});

export interface Database {
  readonly driver: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statements that put a transaction under an organisation's row-level security. The ids
 * are checked against the UUID syntax before they are placed in the text, so they cannot
 * carry SQL (a parameter cannot be used: they are sent with the transaction's BEGIN).
 */
export function enterOrgStatements(orgId: string, userId: string | null): string {
  if (!UUID.test(orgId) || (userId !== null && !UUID.test(userId))) {
    throw new Error('scope ids must be UUIDs');
  }
  return (
    'SET LOCAL ROLE lantern_app; ' +
    `SELECT set_config('lantern.org_id', '${orgId}', true), set_config('lantern.user_id', '${userId ?? ''}', true)`
  );
}
