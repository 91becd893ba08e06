import { open, seal } from '../crypto/aead.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { loadOrgKeys } from '../crypto/org-keys.ts';
import type { Tx } from '../db/database.ts';

// A TOTP secret is a credential: stored encrypted under the organisation's key, bound to the user.
const aad = (userId: string) => `totp:${userId}`;

export async function sealTotpSecret(
  tx: Tx,
  keyring: Keyring,
  orgId: string,
  userId: string,
  secret: Buffer,
): Promise<Buffer> {
  return seal((await loadOrgKeys(tx, keyring, orgId)).encryption, secret, aad(userId));
}

export async function openTotpSecret(
  tx: Tx,
  keyring: Keyring,
  orgId: string,
  userId: string,
  sealed: Uint8Array,
): Promise<Buffer> {
  return open((await loadOrgKeys(tx, keyring, orgId)).encryption, sealed, aad(userId));
}
