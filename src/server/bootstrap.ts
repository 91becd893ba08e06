import type { Keyring } from './crypto/keyring.ts';
import type { Database } from './db/database.ts';
import { SYSTEM } from './db/database.ts';
import { provisionOrganisation, provisionUser } from './organisations/organisations.service.ts';
import type { Clock } from './shared/clock.ts';

export interface FirstAdmin {
  orgId: string;
  email: string;
  oneTimePassword: string;
}

/**
 * On the very first start (no users at all), creates an organisation and its administrator
 * with a one-time password that must be changed at first sign-in. Returns it to be shown once.
 */
export async function ensureFirstAdmin(
  db: Database,
  deps: { keyring: Keyring; clock: Clock },
  opts: { orgName: string; email: string },
): Promise<FirstAdmin | undefined> {
  return db.transaction(SYSTEM, async (tx) => {
    // Serialises two processes starting at once on the same server.
    await tx.query('SELECT pg_advisory_xact_lock(7356302)');
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM users',
    );
    if (n > 0) return undefined;
    const org = await provisionOrganisation(tx, deps, opts.orgName);
    const admin = await provisionUser(tx, deps, {
      orgId: org.id,
      email: opts.email,
      displayName: 'Administrator',
      role: 'admin',
    });
    return { orgId: org.id, email: opts.email, oneTimePassword: admin.oneTimePassword! };
  });
}
