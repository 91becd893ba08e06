import { open, seal } from '../crypto/aead.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Database, Tx } from '../db/database.ts';
import { SYSTEM } from '../db/database.ts';
import { newId } from '../shared/ids.ts';
import { safetyNumber } from '../../shared/instances/safety-number.ts';
import type { InstanceCard } from '../../shared/api/instances.schema.ts';
import type { InstanceSecrets } from './package.ts';
import {
  b64url,
  exportPrivateKey,
  fingerprintOf,
  generateInstanceSecrets,
  importPrivateKey,
} from './package.ts';

export const DEFAULT_INSTANCE_NAME = 'Lantern';

interface IdentityRow {
  instanceId: string;
  name: string;
  signingPublic: Uint8Array;
  encryptionPublic: Uint8Array;
  wrappedKey: Uint8Array;
  signingPrivate: Uint8Array;
  encryptionPrivate: Uint8Array;
}

/** This instance's identity, unsealed: its name, public card data and private keys. */
export interface InstanceIdentity extends InstanceSecrets {
  name: string;
}

// Each sealed value is bound to its purpose and to the instance id.
const keyAad = (id: string) => `instance-key:${id}`;
const signingAad = (id: string) => `instance-signing:${id}`;
const encryptionAad = (id: string) => `instance-encryption:${id}`;

async function findIdentityRow(tx: Tx): Promise<IdentityRow | undefined> {
  const [row] = await tx.query<IdentityRow>(
    `SELECT instance_id AS "instanceId", name, signing_public AS "signingPublic",
            encryption_public AS "encryptionPublic", wrapped_key AS "wrappedKey",
            signing_private AS "signingPrivate", encryption_private AS "encryptionPrivate"
       FROM instance_identity WHERE singleton`,
  );
  return row;
}

function unseal(row: IdentityRow, keyring: Keyring): InstanceIdentity {
  const id = row.instanceId;
  const dataKey = keyring.openDataKey(row.wrappedKey, keyAad(id));
  return {
    name: row.name,
    identity: {
      instanceId: id,
      signingKey: b64url(row.signingPublic),
      encryptionKey: b64url(row.encryptionPublic),
    },
    signingPrivate: importPrivateKey(open(dataKey, row.signingPrivate, signingAad(id))),
    encryptionPrivate: importPrivateKey(open(dataKey, row.encryptionPrivate, encryptionAad(id))),
  };
}

/**
 * The instance's identity, generated on first use: a random instance id, Ed25519 and X25519 key
 * pairs, the private keys sealed under a data key wrapped by the master key. Runs in a system
 * transaction: the table is not the organisations' (lantern_app has no access). Two processes
 * generating at once: ON CONFLICT keeps the first, and both read it back.
 */
export async function loadOrCreateIdentityTx(
  tx: Tx,
  keyring: Keyring,
  now: Date,
  name = DEFAULT_INSTANCE_NAME,
): Promise<InstanceIdentity> {
  const existing = await findIdentityRow(tx);
  if (existing) return unseal(existing, keyring);
  const fresh = generateInstanceSecrets(newId());
  const id = fresh.identity.instanceId;
  const { key, wrapped } = keyring.newDataKey(keyAad(id));
  await tx.query(
    `INSERT INTO instance_identity (instance_id, name, signing_public, encryption_public,
       wrapped_key, signing_private, encryption_private, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (singleton) DO NOTHING`,
    [
      id,
      name,
      Buffer.from(fresh.identity.signingKey, 'base64url'),
      Buffer.from(fresh.identity.encryptionKey, 'base64url'),
      wrapped,
      seal(key, exportPrivateKey(fresh.signingPrivate), signingAad(id)),
      seal(key, exportPrivateKey(fresh.encryptionPrivate), encryptionAad(id)),
      now,
    ],
  );
  const row = await findIdentityRow(tx);
  if (!row) throw new Error('instance identity missing after insert');
  return unseal(row, keyring);
}

/** Renames the instance (the name on its card; not part of the fingerprint). */
export async function renameInstance(tx: Tx, name: string): Promise<void> {
  await tx.query('UPDATE instance_identity SET name = $1 WHERE singleton', [name]);
}

/** The public card a partner imports. */
export function cardOf(me: InstanceIdentity): InstanceCard {
  return {
    format: 'lantern-instance-card',
    version: 1,
    instanceId: me.identity.instanceId,
    name: me.name,
    signingKey: me.identity.signingKey,
    encryptionKey: me.identity.encryptionKey,
    fingerprint: safetyNumber(fingerprintOf(me.identity)),
  };
}

/**
 * Loads the identity once per process and keeps it in memory (like the master key). Called by
 * a route before its request transaction starts: PGlite has one connection, so a system
 * transaction cannot run inside an organisation's one.
 */
export class IdentityStore {
  #pending: Promise<InstanceIdentity> | undefined;

  constructor(
    private readonly db: Database,
    private readonly keyring: Keyring,
    private readonly now: () => Date,
  ) {}

  get(): Promise<InstanceIdentity> {
    this.#pending ??= this.db
      .transaction(SYSTEM, (tx) => loadOrCreateIdentityTx(tx, this.keyring, this.now()))
      .catch((e: unknown) => {
        this.#pending = undefined;
        throw e;
      });
    return this.#pending;
  }
}
