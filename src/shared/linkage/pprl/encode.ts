/**
 * Cryptographic long-term keys (CLKs; Schnell, Bachteler & Reiher 2011, "A novel error-tolerant
 * anonymous linking code", German RLC working paper WP-GRLC-2011-02): every field's q-grams are
 * hashed into ONE bit array of l bits, k positions per q-gram, under keys that only the two data
 * holders know.
 *
 * Keys: per-feature keys are derived from the shared secret with HKDF-SHA256 (RFC 5869), the
 * schema fingerprint as salt, as clkhash does (HKDF per feature), so a key never serves two
 * schemas or two fields. Positions come from HMAC-SHA256 (RFC 2104) under the feature key:
 * without the secret nobody can recompute an encoding from a guessed name.
 *
 * Positions ("random hashing", Niedermeyer, Steinmetzer, Kroll & Schnell 2014, "Cryptanalysis
 * of basic Bloom filters used for privacy preserving record linkage", JPC 6(2)): the k positions
 * of a q-gram are k independent values of the keyed HMAC stream, not the k points of double
 * hashing's line g_i = h1 + i·h2 (Kirsch & Mitzenmacher 2006), whose structure their attack
 * exploited. Double hashing (keyed) is kept as an option for comparison.
 */
import { createHmac, hkdfSync, randomBytes as cryptoRandomBytes } from 'node:crypto';
import { setBit } from './bits.ts';
import type { PprlFeature, PprlSchema } from './schema.ts';
import { schemaFingerprint, validateSchema } from './schema.ts';
import { featureTokens, saltOf } from './tokens.ts';
import type { PprlFields } from './tokens.ts';

export class PprlKeyError extends Error {}

/** Shortest shared secret accepted: 128 bits (keygen writes 256). */
export const MIN_SECRET_BYTES = 16;

export interface EncoderOptions {
  secret: Uint8Array;
  schema: PprlSchema;
  /** Source of randomness for BLIP (tests inject a seeded one); crypto.randomBytes otherwise. */
  randomBytes?: (n: number) => Uint8Array;
}

export interface Encoder {
  schema: PprlSchema;
  fingerprint: string;
  /** Identifies the key without revealing it (HKDF output): files under other keys are refused. */
  keyCheck: string;
  /** Bits of each encoding (l, or l/2 when XOR-folded). */
  bits: number;
  encode(fields: PprlFields): Uint32Array;
}

const derive = (secret: Uint8Array, salt: string, info: string, bytes: number): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, Buffer.from(salt, 'hex'), info, bytes));

export function createEncoder(opts: EncoderOptions): Encoder {
  if (opts.secret.length < MIN_SECRET_BYTES)
    throw new PprlKeyError(`the shared secret must have at least ${MIN_SECRET_BYTES} bytes`);
  const schema = validateSchema(opts.schema);
  const fingerprint = schemaFingerprint(schema);
  const l = schema.l;
  const words = l / 32;
  const keyCheck = derive(opts.secret, fingerprint, 'lantern-pprl key check', 16).toString('hex');
  const random = opts.randomBytes ?? ((n: number) => cryptoRandomBytes(n));
  const blip = schema.hardening.blip;
  const saltFeature = schema.features.find((f) => f.name === schema.hardening.saltField) ?? null;
  const salted = new Set(schema.hardening.saltedFields);

  interface Group {
    key: Buffer;
    /** Positions per token, generated up to `maxBits` (the most one token can need). */
    cache: Map<string, Uint32Array>;
    maxBits: number;
  }
  interface Prepared {
    feature: PprlFeature;
    group: Group;
  }
  // One key and one position cache per group: grouped features share positions per token.
  const groups = new Map<string, Group>();
  for (const f of schema.features) {
    const group = f.group ?? f.name;
    const g = groups.get(group);
    if (g) g.maxBits = Math.max(g.maxBits, f.bits);
    else
      groups.set(group, {
        key: derive(opts.secret, fingerprint, `lantern-pprl group ${group}`, 32),
        cache: new Map(),
        maxBits: f.bits,
      });
  }
  const prepared: Prepared[] = schema.features.map((feature) => ({
    feature,
    group: groups.get(feature.group ?? feature.name)!,
  }));

  const positionsOf = (p: Group, token: string): Uint32Array => {
    let pos = p.cache.get(token);
    if (pos) return pos;
    const k = p.maxBits;
    pos = new Uint32Array(k);
    if (schema.hashing === 'double') {
      const h = createHmac('sha256', p.key).update(token).digest();
      const h1 = h.readUInt32LE(0) % l;
      const h2 = h.readUInt32LE(4) % l;
      for (let i = 0; i < k; i++) pos[i] = (h1 + i * h2) % l;
    } else {
      // Counter mode over HMAC: block j = HMAC(key, j ‖ 0x00 ‖ token), 8 positions per block.
      for (let j = 0, filled = 0; filled < k; j++) {
        const block = createHmac('sha256', p.key).update(`${j}\u0000${token}`).digest();
        for (let b = 0; b < 8 && filled < k; b++) pos[filled++] = block.readUInt32LE(b * 4) % l;
      }
    }
    // Bounded: a hostile file of endless distinct tokens must not exhaust memory.
    if (p.cache.size < 200_000) p.cache.set(token, pos);
    return pos;
  };

  const encode = (fields: PprlFields): Uint32Array => {
    const bitsArr = new Uint32Array(words);
    const salt = saltFeature ? saltOf(saltFeature, fields[saltFeature.name]) : '';
    for (const p of prepared) {
      let tokens = featureTokens(p.feature, fields[p.feature.name]);
      if (tokens.length === 0) continue;
      if (salted.has(p.feature.name)) tokens = tokens.map((t) => `${salt}\u0001${t}`);
      // clkhash's bitsPerFeature strategy: the feature's bits shared among its tokens.
      const k = Math.max(1, Math.ceil(p.feature.bits / tokens.length));
      for (const t of tokens) {
        const pos = positionsOf(p.group, t);
        for (let i = 0; i < k; i++) setBit(bitsArr, pos[i]!);
      }
    }
    if (blip > 0) {
      // Randomised response per bit: a 16-bit uniform draw below blip·65536 flips the bit.
      const r = random(l * 2);
      const limit = Math.round(blip * 65536);
      for (let i = 0; i < l; i++) {
        if ((r[2 * i]! | (r[2 * i + 1]! << 8)) < limit) bitsArr[i >>> 5]! ^= 1 << (i & 31);
      }
    }
    if (!schema.hardening.xorFold) return bitsArr;
    const half = words / 2;
    const folded = new Uint32Array(half);
    for (let i = 0; i < half; i++) folded[i] = bitsArr[i]! ^ bitsArr[i + half]!;
    return folded;
  };

  return {
    schema,
    fingerprint,
    keyCheck,
    bits: schema.hardening.xorFold ? l / 2 : l,
    encode,
  };
}
