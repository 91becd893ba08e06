/**
 * Privacy-preserving record linkage with keyed Bloom-filter encodings (CLKs): docs/pprl.md.
 * Server and CLI only (node:crypto); never bundled into the web app.
 *
 *   encodeRecords(records, { secret })          each data holder, locally
 *   matchEncodings(encA, encB, { threshold })   the linking party, encodings only
 *   pprlLink(recordsA, recordsB, { secret })    both steps in one process (`lantern link --mode pprl`)
 */
import type { LinkRecord } from '../types.ts';
import { createEncoder } from './encode.ts';
import type { Encoder } from './encode.ts';
import { fieldsOfLinkRecord } from './fields.ts';
import type { PprlEncodings } from './file.ts';
import { assertComparable } from './file.ts';
import type { Blocking, HlshOptions } from './match.ts';
import { DEFAULT_THRESHOLD, matchVectors } from './match.ts';
import type { PprlSchema } from './schema.ts';
import { DEFAULT_SCHEMA } from './schema.ts';
import type { PprlFields } from './tokens.ts';

export { DEFAULT_SCHEMA, PprlSchemaError, schemaFingerprint, validateSchema } from './schema.ts';
export type { PprlFeature, PprlHardening, PprlSchema } from './schema.ts';
export { PprlFileError, parseEncodingFile, toEncodingFileJson } from './file.ts';
export type { PprlEncodingFileJson, PprlEncodings } from './file.ts';
export { MIN_SECRET_BYTES, PprlKeyError, createEncoder } from './encode.ts';
export { DEFAULT_THRESHOLD, DEFAULT_HLSH } from './match.ts';
export type { Blocking, HlshOptions } from './match.ts';
export { dice } from './bits.ts';
export type { PprlFields } from './tokens.ts';

export interface EncodeOptions {
  /** The secret shared by the two data holders only (≥ 16 bytes; `lantern pprl keygen`). */
  secret: Uint8Array;
  /** Default DEFAULT_SCHEMA; both parties must use the same one. */
  schema?: PprlSchema;
  /** Randomness for BLIP (tests); crypto.randomBytes otherwise. */
  randomBytes?: (n: number) => Uint8Array;
}

export interface MatchEncodingsOptions {
  /** Dice threshold, default 0.8. */
  threshold?: number;
  /** 'auto' (default): exhaustive up to 50 M pairs, HLSH above. */
  blocking?: Blocking;
  hlsh?: Partial<HlshOptions>;
  /** Default true: each record in at most one pair (linkage of two clean lists). */
  oneToOne?: boolean;
}

export interface PprlMatchResult {
  /** [idA, idB, Dice], best first. */
  matches: [string, string, number][];
  /** Dice coefficients computed. */
  comparisons: number;
  /** Pairs at or above the threshold before the one-to-one assignment. */
  aboveThreshold: number;
  blocking: 'none' | 'hlsh';
  /** Seconds spent matching (and encoding, for pprlLink). */
  seconds: number;
}

/** Records with their schema fields already extracted (CSV rows). */
export interface PprlFieldRecord {
  id: string;
  fields: PprlFields;
}

function encodeWith(encoder: Encoder, records: readonly PprlFieldRecord[]): PprlEncodings {
  return {
    schema: encoder.schema,
    fingerprint: encoder.fingerprint,
    keyCheck: encoder.keyCheck,
    bits: encoder.bits,
    ids: records.map((r) => r.id),
    vectors: records.map((r) => encoder.encode(r.fields)),
  };
}

/** Encodes records whose fields are given by name (see fields.ts for the names). */
export function encodeFieldRecords(
  records: readonly PprlFieldRecord[],
  opts: EncodeOptions,
): PprlEncodings {
  return encodeWith(createEncoder({ ...opts, schema: opts.schema ?? DEFAULT_SCHEMA }), records);
}

/** Encodes LinkRecords: names, birth, sex, first place, address identifiers (fields.ts). */
export function encodeRecords(records: readonly LinkRecord[], opts: EncodeOptions): PprlEncodings {
  const schema = opts.schema ?? DEFAULT_SCHEMA;
  const names = schema.features.map((f) => f.name);
  return encodeWith(
    createEncoder({ ...opts, schema }),
    records.map((r) => ({ id: r.id, fields: fieldsOfLinkRecord(r, names) })),
  );
}

/**
 * Links two sets of encodings. Throws PprlFileError when they were made under different
 * schemas or secrets (never a silent empty result).
 */
export function matchEncodings(
  a: PprlEncodings,
  b: PprlEncodings,
  opts: MatchEncodingsOptions = {},
): PprlMatchResult {
  assertComparable(a, b);
  const r = matchVectors(a.vectors, b.vectors, a.bits, {
    threshold: opts.threshold ?? DEFAULT_THRESHOLD,
    blocking: opts.blocking,
    hlsh: opts.hlsh,
    oneToOne: opts.oneToOne,
  });
  return {
    matches: r.pairs.map(([i, j, d]) => [a.ids[i]!, b.ids[j]!, Math.round(d * 1e6) / 1e6]),
    comparisons: r.comparisons,
    aboveThreshold: r.aboveThreshold,
    blocking: r.blocking,
    seconds: r.seconds,
  };
}

/** Encodes both lists under the secret and links them: what `lantern link --mode pprl` runs. */
export function pprlLink(
  recordsA: readonly LinkRecord[],
  recordsB: readonly LinkRecord[],
  opts: EncodeOptions & MatchEncodingsOptions,
): PprlMatchResult {
  const started = performance.now();
  const a = encodeRecords(recordsA, opts);
  const b = encodeRecords(recordsB, opts);
  const r = matchEncodings(a, b, opts);
  return { ...r, seconds: (performance.now() - started) / 1000 };
}
