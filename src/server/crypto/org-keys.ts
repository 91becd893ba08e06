import type { Tx } from '../db/database.ts';
import { getWrappedKey } from '../organisations/organisations.repo.ts';
import type { Keyring, OrgKeys } from './keyring.ts';

/** The organisation's keys: from the keyring's cache, or unwrapped from the organisation row. */
export async function loadOrgKeys(tx: Tx, keyring: Keyring, orgId: string): Promise<OrgKeys> {
  const cached = keyring.cached(orgId);
  if (cached) return cached;
  const wrapped = await getWrappedKey(tx, orgId);
  if (!wrapped) throw new Error('organisation key missing');
  return keyring.keys(orgId, wrapped);
}
