import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { open, seal } from './aead.ts';

/** An organisation's keys, derived from its data key with HKDF-SHA256 (RFC 5869). */
export interface OrgKeys {
  /** AES-256-GCM key for person identifiers. */
  encryption: Buffer;
  /** HMAC-SHA256 key for blind indexes. */
  blindIndex: Buffer;
}

const derive = (dataKey: Buffer, info: string): Buffer =>
  Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), info, 32));

/**
 * Holds the master key and unwraps organisations' data keys on demand. Each organisation has
 * its own random data key, stored wrapped (AES-256-GCM under the master key, bound to the
 * organisation id), so one organisation's ciphertexts are useless with another's keys.
 */
export class Keyring {
  readonly #master: Buffer;
  readonly #cache = new Map<string, OrgKeys>();

  constructor(masterKey: Buffer) {
    this.#master = masterKey;
  }

  /** Creates a new data key for an organisation and returns it wrapped for storage. */
  newWrappedKey(orgId: string): Buffer {
    return seal(this.#master, randomBytes(32), `org-key:${orgId}`);
  }

  /** The organisation's keys, unwrapping `wrapped` the first time. */
  keys(orgId: string, wrapped: Uint8Array): OrgKeys {
    let keys = this.#cache.get(orgId);
    if (!keys) {
      const dataKey = open(this.#master, wrapped, `org-key:${orgId}`);
      keys = {
        encryption: derive(dataKey, 'lantern/person-identifiers/v1'),
        blindIndex: derive(dataKey, 'lantern/blind-index/v1'),
      };
      this.#cache.set(orgId, keys);
    }
    return keys;
  }

  /**
   * A fresh random AES-256 data key for one record shared between organisations (a referral),
   * and the same key wrapped by the master key and bound to `aad` (e.g. `referral-key:<id>`).
   * Store only `wrapped`; erasing it makes whatever the key sealed unreadable for good.
   */
  newDataKey(aad: string): { key: Buffer; wrapped: Buffer } {
    const key = randomBytes(32);
    return { key, wrapped: seal(this.#master, key, aad) };
  }

  /** Unwraps a key made by `newDataKey`; fails if `wrapped` was made for another `aad`. */
  openDataKey(wrapped: Uint8Array, aad: string): Buffer {
    return open(this.#master, wrapped, aad);
  }

  cached(orgId: string): OrgKeys | undefined {
    return this.#cache.get(orgId);
  }
}

/**
 * Normalises a value for an exact blind-index look-up: Unicode NFKC, case-folded, Latin
 * diacritics and Arabic short vowels (tashkeel) and tatweel removed, white space collapsed.
 * "  JOSÉ  María " and "jose maria" index alike; محمّد and محمد too.
 */
export function normaliseForIndex(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Keyed HMAC-SHA256 blind index of a value, truncated to 128 bits, separated by purpose. */
export function blindIndex(key: Buffer, purpose: string, value: string): Buffer {
  return createHmac('sha256', key)
    .update(`${purpose}\u0000${normaliseForIndex(value)}`)
    .digest()
    .subarray(0, 16);
}
