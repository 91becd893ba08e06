/**
 * Sealed packages between Lantern instances, format v1 (docs/instances.md). A package carries
 * one referral, or the answer to one, from one instance to another as a file: encrypted to the
 * recipient instance's X25519 key and signed with the sender instance's Ed25519 key, so no
 * password has to travel by a second channel.
 *
 * The construction is the one-pass ECIES pattern of HPKE (RFC 9180, base mode, DHKEM(X25519)):
 * a fresh ephemeral X25519 key pair per package (RFC 7748), ECDH with the recipient's static
 * key, HKDF-SHA256 (RFC 5869) into an AES-256-GCM key (NIST SP 800-38D) whose additional data
 * is the header; then the whole package but its signature is signed with Ed25519 (RFC 8032).
 * HPKE's wire format is not used: node:crypto has no HPKE, and the header must stay readable
 * JSON. Everything here is pure computation over node:crypto: no I/O, no clock of its own.
 */
import type { KeyObject } from 'node:crypto';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';

import type { PackageKind, PackageRefusal } from '../../shared/instances/packages.ts';
import { PACKAGE_KINDS } from '../../shared/instances/packages.ts';

export const PACKAGE_FORMAT = 'lantern-package';
export const PACKAGE_VERSION = 1;

export { PACKAGE_KINDS, PACKAGE_REFUSALS } from '../../shared/instances/packages.ts';
export type { PackageKind, PackageRefusal } from '../../shared/instances/packages.ts';

/** A package older than this is refused: a file found in a mailbox months later is stale. */
export const MAX_PACKAGE_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** How far in the future a package may be dated: two missions' clocks never agree exactly. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** A refused package: `path` names the package field at fault, never a value. */
export class PackageError extends Error {
  constructor(
    readonly reason: PackageRefusal,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

// ---------------------------------------------------------------------------------------------
// Encodings

const B64URL = /^[A-Za-z0-9_-]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Date.prototype.toISOString(): always UTC, always milliseconds.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/**
 * Decodes base64url strictly: only the alphabet, no padding, and only the one canonical
 * spelling of the bytes (Buffer.from ignores stray characters and the unused low bits of the
 * last character; without this check a flipped padding bit would decode to the same bytes).
 */
export function fromB64url(text: string, bytes: number | undefined, path: string): Buffer {
  const buf = B64URL.test(text) ? Buffer.from(text, 'base64url') : undefined;
  if (!buf || buf.toString('base64url') !== text) {
    throw new PackageError('malformed', path, `${path} is not canonical base64url.`);
  }
  if (bytes !== undefined && buf.length !== bytes) {
    throw new PackageError('malformed', path, `${path} must hold ${bytes} bytes.`);
  }
  return buf;
}

// ---------------------------------------------------------------------------------------------
// Instance keys

/** The public half of an instance identity: what its card carries and a partner record holds. */
export interface PublicIdentity {
  instanceId: string;
  /** Ed25519 public key, 32 bytes, base64url. */
  signingKey: string;
  /** X25519 public key, 32 bytes, base64url. */
  encryptionKey: string;
}

/** An instance's own identity with its private keys (held in memory only while needed). */
export interface InstanceSecrets {
  identity: PublicIdentity;
  signingPrivate: KeyObject;
  encryptionPrivate: KeyObject;
}

const rawPublicKey = (key: KeyObject): string => {
  const x = key.export({ format: 'jwk' }).x;
  if (typeof x !== 'string') throw new Error('not an OKP public key');
  return x;
};

const importPublicKey = (crv: 'Ed25519' | 'X25519', x: string): KeyObject =>
  createPublicKey({ key: { kty: 'OKP', crv, x }, format: 'jwk' });

/** A new identity: a random instance id and fresh Ed25519 and X25519 key pairs. */
export function generateInstanceSecrets(instanceId: string): InstanceSecrets {
  const signing = generateKeyPairSync('ed25519');
  const encryption = generateKeyPairSync('x25519');
  return {
    identity: {
      instanceId,
      signingKey: rawPublicKey(signing.publicKey),
      encryptionKey: rawPublicKey(encryption.publicKey),
    },
    signingPrivate: signing.privateKey,
    encryptionPrivate: encryption.privateKey,
  };
}

/** A private key as PKCS#8 DER, for sealing at rest. */
export const exportPrivateKey = (key: KeyObject): Buffer =>
  key.export({ format: 'der', type: 'pkcs8' });

export const importPrivateKey = (der: Uint8Array): KeyObject =>
  createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });

/** Checks that public keys are well-formed: 32 canonical base64url bytes each, importable. */
export function checkPublicIdentity(p: PublicIdentity, path = 'sender'): void {
  if (!UUID.test(p.instanceId)) {
    throw new PackageError('malformed', `${path}.instanceId`, `${path}.instanceId must be a UUID.`);
  }
  fromB64url(p.signingKey, 32, `${path}.signingKey`);
  fromB64url(p.encryptionKey, 32, `${path}.encryptionKey`);
  try {
    importPublicKey('Ed25519', p.signingKey);
  } catch {
    throw new PackageError('malformed', `${path}.signingKey`, 'Not an Ed25519 public key.');
  }
}

const FINGERPRINT_LABEL = Buffer.from('lantern-instance-fingerprint/v1\0', 'utf8');

/**
 * SHA-256 over the instance id and both public keys (fixed lengths, so plain concatenation is
 * unambiguous). Covering the id too means the whole card is what people compare aloud.
 */
export function fingerprintOf(p: PublicIdentity): Buffer {
  return createHash('sha256')
    .update(FINGERPRINT_LABEL)
    .update(Buffer.from(p.instanceId, 'ascii'))
    .update(fromB64url(p.signingKey, 32, 'signingKey'))
    .update(fromB64url(p.encryptionKey, 32, 'encryptionKey'))
    .digest();
}

// ---------------------------------------------------------------------------------------------
// The package

export interface PackageHeader {
  format: typeof PACKAGE_FORMAT;
  version: typeof PACKAGE_VERSION;
  kind: PackageKind;
  /** 128 random bits, base64url: the replay key and the HKDF salt. */
  id: string;
  /** ISO 8601 UTC with milliseconds (Date.toISOString). */
  createdAt: string;
  sender: PublicIdentity;
  recipient: { instanceId: string; fingerprint: string };
  /** The sender's one-time X25519 public key. */
  ephemeralKey: string;
  /** The AES-GCM nonce, 12 bytes. */
  nonce: string;
}

export interface LanternPackage extends PackageHeader {
  /** AES-256-GCM ciphertext followed by its 16-byte tag. */
  ciphertext: string;
  /** Ed25519 over SIGNATURE_LABEL ‖ canonical JSON of every other field. */
  signature: string;
}

/**
 * The canonical header: JSON with the fields in exactly this order and no white space. Every
 * value has been checked against a pattern without quotes, backslashes or control characters
 * before it gets here, so JSON.stringify writes each string byte for byte and the text is the
 * same in any implementation. It is the AES-GCM additional data.
 */
export function canonicalHeader(h: PackageHeader): Buffer {
  return Buffer.from(JSON.stringify(orderedHeader(h)), 'utf8');
}

const orderedHeader = (h: PackageHeader) => ({
  format: h.format,
  version: h.version,
  kind: h.kind,
  id: h.id,
  createdAt: h.createdAt,
  sender: {
    instanceId: h.sender.instanceId,
    signingKey: h.sender.signingKey,
    encryptionKey: h.sender.encryptionKey,
  },
  recipient: { instanceId: h.recipient.instanceId, fingerprint: h.recipient.fingerprint },
  ephemeralKey: h.ephemeralKey,
  nonce: h.nonce,
});

const SIGNATURE_LABEL = Buffer.from('lantern-package/v1 signature\n', 'utf8');

/** The signed bytes: a label, then the canonical header with `ciphertext` as its last field. */
export function signedBytes(p: Omit<LanternPackage, 'signature'>): Buffer {
  const text = JSON.stringify({ ...orderedHeader(p), ciphertext: p.ciphertext });
  return Buffer.concat([SIGNATURE_LABEL, Buffer.from(text, 'utf8')]);
}

/** Length-prefixed concatenation (2-byte big-endian lengths, as HPKE's I2OSP labels). */
function lengthPrefixed(parts: Buffer[]): Buffer {
  return Buffer.concat(
    parts.flatMap((p) => {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(p.length);
      return [len, p];
    }),
  );
}

/**
 * The package key: HKDF-SHA256 (RFC 5869) of the X25519 shared secret, salt = the package id,
 * info binding format, version, kind, both parties' identities, the recipient's public key and
 * the ephemeral key (as DHKEM binds enc and pkR into its kem_context, RFC 9180 §4.1).
 */
function packageKey(shared: Buffer, h: PackageHeader, recipientEncryptionKey: string): Buffer {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  const info = lengthPrefixed([
    utf8(`${PACKAGE_FORMAT}/v${PACKAGE_VERSION} key`),
    utf8(h.kind),
    utf8(h.sender.instanceId),
    fromB64url(h.sender.signingKey, 32, 'sender.signingKey'),
    fromB64url(h.sender.encryptionKey, 32, 'sender.encryptionKey'),
    utf8(h.recipient.instanceId),
    fromB64url(h.recipient.fingerprint, 32, 'recipient.fingerprint'),
    fromB64url(recipientEncryptionKey, 32, 'recipient.encryptionKey'),
    fromB64url(h.ephemeralKey, 32, 'ephemeralKey'),
  ]);
  const salt = fromB64url(h.id, 16, 'id');
  return Buffer.from(hkdfSync('sha256', shared, salt, info, 32));
}

/** X25519 with the all-zero output refused (RFC 7748 §6.1: a small-order public key). */
function x25519(privateKey: KeyObject, publicKey: string): Buffer {
  const shared = diffieHellman({ privateKey, publicKey: importPublicKey('X25519', publicKey) });
  if (shared.every((b) => b === 0)) throw new Error('X25519 produced the all-zero value');
  return shared;
}

const TAG_BYTES = 16;

export interface SealInput {
  kind: PackageKind;
  sender: InstanceSecrets;
  recipient: PublicIdentity;
  /** The body, usually UTF-8 JSON. */
  plaintext: Buffer;
  now: Date;
}

/** Encrypts `plaintext` to `recipient` and signs the package as `sender`. */
export function sealPackage(input: SealInput): LanternPackage {
  const ephemeral = generateKeyPairSync('x25519');
  const header: PackageHeader = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    kind: input.kind,
    id: b64url(randomBytes(16)),
    createdAt: input.now.toISOString(),
    sender: { ...input.sender.identity },
    recipient: {
      instanceId: input.recipient.instanceId,
      fingerprint: b64url(fingerprintOf(input.recipient)),
    },
    ephemeralKey: rawPublicKey(ephemeral.publicKey),
    nonce: b64url(randomBytes(12)),
  };
  // The ephemeral private key is used here once and never stored: once this returns, not even
  // the sender can open the package (forward secrecy for the sender's side).
  const shared = x25519(ephemeral.privateKey, input.recipient.encryptionKey);
  const key = packageKey(shared, header, input.recipient.encryptionKey);
  const cipher = createCipheriv('aes-256-gcm', key, fromB64url(header.nonce, 12, 'nonce'));
  cipher.setAAD(canonicalHeader(header));
  const body = Buffer.concat([cipher.update(input.plaintext), cipher.final(), cipher.getAuthTag()]);
  const unsigned = { ...header, ciphertext: b64url(body) };
  const signature = sign(null, signedBytes(unsigned), input.sender.signingPrivate);
  return { ...unsigned, signature: b64url(signature) };
}

// ---------------------------------------------------------------------------------------------
// Opening: each check its own function, so that the server can interleave its look-ups.

const FIELDS = [
  'format',
  'version',
  'kind',
  'id',
  'createdAt',
  'sender',
  'recipient',
  'ephemeralKey',
  'nonce',
  'ciphertext',
  'signature',
] as const;

const malformed = (path: string, message: string) => new PackageError('malformed', path, message);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function exactKeys(v: Record<string, unknown>, keys: readonly string[], path: string): void {
  for (const k of Object.keys(v)) {
    if (!keys.includes(k)) throw malformed(path ? `${path}.${k}` : k, 'is not a known field');
  }
  for (const k of keys) {
    if (!(k in v)) throw malformed(path ? `${path}.${k}` : k, 'is required');
  }
}

function str(v: Record<string, unknown>, key: string, path: string): string {
  const value = v[key];
  if (typeof value !== 'string') throw malformed(path, `${path} must be a string.`);
  return value;
}

/**
 * Reads a package from parsed JSON: the format and version first (so that a future version is
 * named as such rather than as malformed), then every field's shape, exact and canonical.
 */
export function parsePackage(value: unknown): LanternPackage {
  if (!isRecord(value)) throw malformed('(body)', 'A package is a JSON object.');
  if (value.format !== PACKAGE_FORMAT) {
    throw new PackageError('unknown_format', 'format', 'This is not a Lantern package.');
  }
  if (value.version !== PACKAGE_VERSION) {
    throw new PackageError(
      'unsupported_version',
      'version',
      `This Lantern reads package version ${PACKAGE_VERSION} only; update it to open this one.`,
    );
  }
  exactKeys(value, FIELDS, '');
  const kind = str(value, 'kind', 'kind');
  if (!(PACKAGE_KINDS as readonly string[]).includes(kind)) {
    throw malformed('kind', `kind must be one of ${PACKAGE_KINDS.join(', ')}.`);
  }
  const id = str(value, 'id', 'id');
  fromB64url(id, 16, 'id');
  const createdAt = str(value, 'createdAt', 'createdAt');
  if (!ISO_INSTANT.test(createdAt) || Number.isNaN(Date.parse(createdAt))) {
    throw malformed('createdAt', 'createdAt must be an ISO 8601 UTC instant.');
  }
  const sender = value.sender;
  if (!isRecord(sender)) throw malformed('sender', 'sender must be an object.');
  exactKeys(sender, ['instanceId', 'signingKey', 'encryptionKey'], 'sender');
  const senderIdentity: PublicIdentity = {
    instanceId: str(sender, 'instanceId', 'sender.instanceId'),
    signingKey: str(sender, 'signingKey', 'sender.signingKey'),
    encryptionKey: str(sender, 'encryptionKey', 'sender.encryptionKey'),
  };
  checkPublicIdentity(senderIdentity, 'sender');
  const recipient = value.recipient;
  if (!isRecord(recipient)) throw malformed('recipient', 'recipient must be an object.');
  exactKeys(recipient, ['instanceId', 'fingerprint'], 'recipient');
  const recipientInstance = str(recipient, 'instanceId', 'recipient.instanceId');
  if (!UUID.test(recipientInstance)) {
    throw malformed('recipient.instanceId', 'recipient.instanceId must be a UUID.');
  }
  const fingerprint = str(recipient, 'fingerprint', 'recipient.fingerprint');
  fromB64url(fingerprint, 32, 'recipient.fingerprint');
  const ephemeralKey = str(value, 'ephemeralKey', 'ephemeralKey');
  fromB64url(ephemeralKey, 32, 'ephemeralKey');
  const nonce = str(value, 'nonce', 'nonce');
  fromB64url(nonce, 12, 'nonce');
  const ciphertext = str(value, 'ciphertext', 'ciphertext');
  if (fromB64url(ciphertext, undefined, 'ciphertext').length < TAG_BYTES) {
    throw malformed('ciphertext', 'ciphertext is too short to hold its tag.');
  }
  const signature = str(value, 'signature', 'signature');
  fromB64url(signature, 64, 'signature');
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    kind: kind as PackageKind,
    id,
    createdAt,
    sender: senderIdentity,
    recipient: { instanceId: recipientInstance, fingerprint },
    ephemeralKey,
    nonce,
    ciphertext,
    signature,
  };
}

const sameBytes = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/** Refuses a package addressed to another instance, or to this one under other keys. */
export function checkRecipient(p: LanternPackage, me: PublicIdentity): void {
  const mine = fingerprintOf(me);
  if (
    p.recipient.instanceId !== me.instanceId ||
    !sameBytes(fromB64url(p.recipient.fingerprint, 32, 'recipient.fingerprint'), mine)
  ) {
    throw new PackageError(
      'wrong_recipient',
      'recipient',
      'This package is addressed to another Lantern instance.',
    );
  }
}

/** The sender's keys must be exactly those verified when the partner was added. */
export function checkSenderKeys(p: LanternPackage, trusted: PublicIdentity): void {
  for (const k of ['signingKey', 'encryptionKey'] as const) {
    if (p.sender[k] !== trusted[k]) {
      throw new PackageError(
        'sender_key_mismatch',
        `sender.${k}`,
        'The sender’s keys differ from those verified for this partner: refused. If the partner changed its keys, verify its new card again.',
      );
    }
  }
}

/** Verifies the Ed25519 signature with the trusted partner's signing key. */
export function checkSignature(p: LanternPackage, signingKey: string): void {
  let ok: boolean;
  try {
    ok = verify(
      null,
      signedBytes(p),
      importPublicKey('Ed25519', signingKey),
      fromB64url(p.signature, 64, 'signature'),
    );
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new PackageError(
      'bad_signature',
      'signature',
      'The signature does not match: the package was altered after it was sealed.',
    );
  }
}

/** Refuses a package older than `maxAgeMs` or dated more than `skewMs` ahead of `now`. */
export function checkAge(
  p: LanternPackage,
  now: Date,
  maxAgeMs = MAX_PACKAGE_AGE_MS,
  skewMs = MAX_CLOCK_SKEW_MS,
): void {
  const created = Date.parse(p.createdAt);
  if (now.getTime() - created > maxAgeMs) {
    throw new PackageError(
      'expired',
      'createdAt',
      `The package is older than ${Math.round(maxAgeMs / 86_400_000)} days: ask the sender for a new one.`,
    );
  }
  if (created - now.getTime() > skewMs) {
    throw new PackageError(
      'dated_in_future',
      'createdAt',
      'The package is dated in the future: check the clocks of both instances.',
    );
  }
}

/** Decrypts with this instance's X25519 key; any alteration of header or body fails here. */
export function decryptPackage(p: LanternPackage, me: InstanceSecrets): Buffer {
  try {
    const shared = x25519(me.encryptionPrivate, p.ephemeralKey);
    const key = packageKey(shared, p, me.identity.encryptionKey);
    const body = fromB64url(p.ciphertext, undefined, 'ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', key, fromB64url(p.nonce, 12, 'nonce'));
    decipher.setAAD(canonicalHeader(p));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new PackageError(
      'decryption_failed',
      'ciphertext',
      'The package could not be decrypted with this instance’s key.',
    );
  }
}

export interface OpenOptions<P extends PublicIdentity> {
  me: InstanceSecrets;
  now: Date;
  /** The trusted partner with this instance id, or undefined. */
  findSender(instanceId: string): Promise<P | undefined>;
  /** Whether a package with this id was imported already (the caller also records it). */
  alreadyImported(id: string): Promise<boolean>;
  maxAgeMs?: number;
  skewMs?: number;
}

/**
 * Every check, in order: shape, format and version; addressed to this instance; a trusted
 * sender with exactly the verified keys; the signature; the age; not seen before; decryption.
 * The signature is checked before anything the header says is believed (the age, the id).
 */
export async function openPackage<P extends PublicIdentity>(
  raw: unknown,
  o: OpenOptions<P>,
): Promise<{ pkg: LanternPackage; sender: P; plaintext: Buffer }> {
  const pkg = parsePackage(raw);
  checkRecipient(pkg, o.me.identity);
  const sender = await o.findSender(pkg.sender.instanceId);
  if (!sender) {
    throw new PackageError(
      'unknown_sender',
      'sender.instanceId',
      'The sender is not a verified partner of your organisation: add its card and check its fingerprint first.',
    );
  }
  checkSenderKeys(pkg, sender);
  checkSignature(pkg, sender.signingKey);
  checkAge(pkg, o.now, o.maxAgeMs, o.skewMs);
  if (await o.alreadyImported(pkg.id)) {
    throw new PackageError('replayed', 'id', 'This package was imported already.');
  }
  return { pkg, sender, plaintext: decryptPackage(pkg, o.me) };
}
